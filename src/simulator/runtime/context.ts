/**
 * The parts of a running simulation that the journey runner, the controls and the snapshot share.
 */
import type { Scheduler } from '../engine/scheduler.js';
import type { CallExecutor } from '../integration/call.js';
import type { EventBackbone } from '../integration/backbone.js';
import type { BatchTransfers } from '../integration/batch.js';
import type { LinkTable } from '../integration/links.js';
import type { PolicyRuntime } from '../integration/policy-runtime.js';
import type { Obligation, PointsLedger } from '../ledger/points-ledger.js';
import type { MetricsCollector } from '../metrics/collector.js';
import type { ReceiverIdempotency } from '../policies/idempotency.js';
import type { Scenario, SystemKind } from '../scenario/schema.js';
import type { SimSystem } from '../systems/system.js';
import type { Continuity } from './continuity.js';

/** Shared state of one run. */
export interface SimulationContext {
  readonly scenario: Scenario;
  readonly scheduler: Scheduler;
  readonly systems: ReadonlyMap<SystemKind, SimSystem>;
  readonly links: LinkTable;
  readonly policies: PolicyRuntime;
  readonly executor: CallExecutor;
  readonly backbone: EventBackbone;
  /** Open files and schedules of the links with style `batch`. */
  readonly batches: BatchTransfers;
  readonly ledger: PointsLedger;
  readonly metrics: MetricsCollector;
  /** Idempotency keys stored at the receiving systems (loyalty writes, ERP postings). */
  readonly idempotency: ReceiverIdempotency;
  /** Provisional accruals waiting for settlement, oldest first. */
  readonly provisional: Obligation[];
  /** Degraded modes, systems of record and saga tracking; set once the run is wired. */
  continuity?: Continuity;
}
