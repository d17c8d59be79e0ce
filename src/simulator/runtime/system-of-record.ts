/**
 * Systems of record: which system owns customers, orders, prices and the reward ledger; how two
 * channels writing the same customer within a window resolve; and duplicate customer identities a
 * channel creates when it cannot find the existing customer, folded back by a periodic merge job.
 */
import type { CallResult } from '../integration/call.js';
import type { RandomStream } from '../engine/random.js';
import { recordsSchema, SYSTEM_OPERATIONS, type Channel, type RecordsConfig, type SystemKind } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';
import type { Journey } from './journey-runner.js';
import { traceLater } from './degraded-modes.js';
import { WorkQueue, type WorkItem } from './reconciliation.js';

/** A customer record a channel created instead of finding the existing one. */
export interface DuplicateCustomer extends WorkItem {
  readonly journey: Journey;
  readonly state: string;
  inFlight: boolean;
}

/** Result of a customer write against a recent write from another channel. */
export type WriteResolution = 'applied' | 'overwrote' | 'rejected';

/** Scheduler priority of the merge job: after the journeys of the same millisecond. */
const MERGE_PRIORITY = 10;

/** The records section a scenario gets when it sets none: CRM, ERP, ERP and loyalty own their records. */
export const DEFAULT_RECORDS: RecordsConfig = recordsSchema.parse({});

/** Keeps the systems of record of one run. */
export class SystemOfRecord {
  readonly config: RecordsConfig;
  readonly duplicates = new WorkQueue<DuplicateCustomer>();
  conflictingWrites = 0;
  writesLost = 0;
  private readonly context: SimulationContext;
  private readonly random: RandomStream;
  private readonly lastWrite = new Map<number, { at: number; channel: Channel }>();
  private mergeScheduled = false;

  constructor(context: SimulationContext, random: RandomStream) {
    this.context = context;
    this.random = random;
    this.config = context.scenario.records ?? DEFAULT_RECORDS;
  }

  /**
   * Records a write of `customer`'s profile from `channel` at `now` and resolves a conflict with a
   * write from another channel within the window. Last writer wins keeps this write and loses the
   * earlier one. Owner wins keeps the owner's record and rejects this write, unless this write comes
   * from the owning system itself.
   */
  write(customer: number, channel: Channel, now: number): WriteResolution {
    const last = this.lastWrite.get(customer);
    const conflict = last !== undefined && last.channel !== channel && now - last.at <= this.config.conflictWindow;
    if (!conflict) {
      this.lastWrite.set(customer, { at: now, channel });
      return 'applied';
    }

    this.conflictingWrites++;
    this.writesLost++;
    if (this.config.conflictRule === 'ownerWins' && this.config.customers !== channel) return 'rejected';
    this.lastWrite.set(customer, { at: now, channel });
    return 'overwrote';
  }

  /**
   * Decides whether a checkout that failed to find its customer, or found it slower than
   * `slowLookup`, creates a duplicate record. Returns the trace note, or null for no duplicate.
   */
  lookupMissed(journey: Journey, result: CallResult, state: string): string | null {
    const share = this.config.duplicateShare;
    const missed = !result.ok || result.latency > this.config.slowLookup;
    // Draw only when a duplicate is possible, so scenarios without duplicates keep their streams.
    if (share <= 0 || !missed || !this.random.chance(share)) return null;

    const now = this.context.scheduler.now;
    this.duplicates.add({ createdAt: now, cleared: false, journey, state, inFlight: false });
    this.scheduleMerge();
    return 'new customer record created: a duplicate identity waiting for a merge';
  }

  /** The system a merge writes the surviving customer record to: the customers' owner, if it stores profiles. */
  get mergeTarget(): SystemKind {
    const owner = this.config.customers;
    const operations: readonly string[] = SYSTEM_OPERATIONS[owner];
    return operations.includes('upsertCustomer') ? owner : 'crm';
  }

  private scheduleMerge(): void {
    if (this.mergeScheduled) return;
    this.mergeScheduled = true;
    this.context.scheduler.after(this.config.mergeEvery, () => this.merge(), MERGE_PRIORITY);
  }

  /** Merges up to `mergeBatch` duplicates into the owner's record. A failed merge waits for the next run. */
  private merge(): void {
    this.mergeScheduled = false;
    const context = this.context;
    const target = this.mergeTarget;
    if (!context.systems.has(target)) return;

    const batch = this.duplicates.pendingItems().filter((item) => !item.inFlight).slice(0, this.config.mergeBatch);
    for (const item of batch) {
      item.inFlight = true;
      context.executor.call(context.links.get('middleware', target), 'upsertCustomer', null, (result) => {
        item.inFlight = false;
        if (!result.ok) return;
        const now = context.scheduler.now;
        this.duplicates.clear(item, now);
        traceLater(item.journey, {
          t: now,
          state: item.state,
          event: 'OK',
          system: target,
          operation: 'upsertCustomer',
          detail: 'duplicate customer merged into the record of the owner',
          latency: result.latency,
          attempt: result.attempts,
        });
      });
    }
    if (this.duplicates.pending > 0) this.scheduleMerge();
  }
}
