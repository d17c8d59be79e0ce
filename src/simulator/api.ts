/**
 * What a running simulation offers its hosts: the CLI, the studio's worker and the tests.
 *
 * Every value here is plain data that survives `structuredClone`, so the worker can post it unchanged.
 * Times are simulated milliseconds since the run start.
 */
import type { Channel, JourneyKind, OperationName, SystemKind } from './scenario/schema.js';

/** Circuit-breaker state as Resilience4j names it. */
export type BreakerState = 'closed' | 'open' | 'halfOpen' | 'none';

/** Health of a system as the landscape shows it. */
export type SystemHealth = 'up' | 'down' | 'degraded';

/** Live figures of one system. Counters are cumulative since the run start. */
export interface SystemSnapshot {
  kind: SystemKind;
  name: string;
  preset: string | null;
  health: SystemHealth;
  /** Calls completed per second over the last sample interval. */
  throughput: number;
  latency: { p50: number; p95: number; p99: number };
  calls: number;
  errors: number;
  rejections: number;
  timeouts: number;
  inFlight: number;
  queueDepth: number;
  breaker: BreakerState;
  /** A degraded mode in force for calls to this system, such as provisional accrual. */
  degradedMode: string | null;
}

/** Live figures of one link between a caller and a system. */
export interface LinkSnapshot {
  id: string;
  from: Channel | 'middleware';
  to: SystemKind;
  style: 'direct' | 'gateway' | 'middleware' | 'events';
  /** Calls or messages sent over the link per second over the last sample interval. */
  rate: number;
  cut: boolean;
  /** Messages waiting for a consumer, for event links. */
  lag: number;
}

/** Business figures of the run so far. */
export interface BusinessFigures {
  journeysStarted: number;
  journeysFinished: number;
  ordersCompleted: number;
  ordersLost: number;
  revenueCaptured: number;
  revenueAtRisk: number;
  checkoutLatency: { p50: number; p95: number; p99: number };
  /** Time from purchase to the points being in the loyalty ledger. */
  pointsAccrualLag: { p50: number; p95: number; max: number };
  /** Points the ledger should hold minus what it holds; positive means points are missing. */
  ledgerDrift: number;
  /** Sum over customers of the absolute drift, so over- and under-awards do not cancel. */
  ledgerDriftAbsolute: number;
  provisionalPointsPending: number;
  duplicateAccruals: number;
  /** Repeated loyalty requests dropped by their idempotency key. */
  duplicatesSuppressed: number;
  refundsWithoutReversal: number;
  redemptionsDeclined: number;
  deadLetterDepth: number;
  /** Simulated time at which the ledgers first disagreed, or null if they never did. */
  ledgersDisagreedAt: number | null;
  /** Simulated time at which the ledgers last came to agree after disagreeing, or null. */
  ledgersAgreedAt: number | null;
  /** The ledgers agree now: no drift and no provisional points waiting. */
  ledgersAgree: boolean;
  /** Orders placed whose posting to the ERP failed for good. */
  ordersNotPosted: number;
}

/** One point of the time series charted in the studio and kept in the report. */
export interface SeriesPoint {
  t: number;
  ordersCompleted: number;
  ordersLost: number;
  revenueAtRisk: number;
  checkoutP50: number;
  checkoutP95: number;
  checkoutP99: number;
  accrualLagP95: number;
  ledgerDrift: number;
  deadLetterDepth: number;
  arrivalsPerSecond: number;
}

/** A fault or live action on the run's timeline. */
export interface TimelineEntry {
  at: number;
  until: number | null;
  label: string;
  origin: 'scenario' | 'live';
  action: ControlAction;
}

/** Everything the studio draws at one moment. */
export interface LiveSnapshot {
  now: number;
  end: number;
  done: boolean;
  eventsProcessed: number;
  systems: SystemSnapshot[];
  links: LinkSnapshot[];
  business: BusinessFigures;
  /** Series points added since the previous snapshot. */
  newSeries: SeriesPoint[];
  timeline: TimelineEntry[];
  activePolicy: string | null;
}

/** An action a user or scenario fault applies to a running simulation. */
export type ControlAction =
  | { kind: 'systemDown'; system: SystemKind; mode?: 'unavailable' | 'unresponsive' }
  | { kind: 'systemUp'; system: SystemKind }
  | { kind: 'latency'; system: SystemKind; factor: number }
  | { kind: 'errorRate'; system: SystemKind; rate: number | null }
  | { kind: 'limitCut'; system: SystemKind; factor: number }
  | { kind: 'linkCut'; from: Channel | 'middleware'; to: SystemKind; cut: boolean }
  | { kind: 'loadFactor'; factor: number }
  | { kind: 'duplicateDelivery'; rate: number; topic?: string }
  | { kind: 'outOfOrderDelivery'; rate: number; topic?: string }
  | { kind: 'policy'; name: string }
  | { kind: 'policyToggle'; policy: PolicyToggle; enabled: boolean };

/** A policy the studio can switch on or off during a run. */
export type PolicyToggle = 'retry' | 'circuitBreaker' | 'timeout' | 'gatewayRateLimit' | 'provisionalAccrual' | 'idempotency';

/** How a journey ended. */
export type JourneyOutcome =
  | 'completed'
  | 'completedDegraded'
  | 'lost'
  | 'refundedWithoutReversal'
  | 'running';

/** One line of the journey list. */
export interface JourneySummary {
  id: number;
  kind: JourneyKind;
  channel: Channel;
  customerId: string;
  customerName: string;
  startedAt: number;
  endedAt: number | null;
  outcome: JourneyOutcome;
  value: number;
  state: string;
}

/** One step of a journey's trace. */
export interface TraceStep {
  t: number;
  /** The machine state the step belongs to, as an XState state id. */
  state: string;
  event: string;
  system: SystemKind | null;
  operation: OperationName | null;
  detail: string;
  latency: number | null;
  attempt: number;
}

/** A journey with its full trace and the states its machine went through. */
export interface JourneyTrace extends JourneySummary {
  path: string[];
  trace: TraceStep[];
}

/** Filter for the journey list. */
export interface JourneyQuery {
  text?: string;
  outcomes?: JourneyOutcome[];
  kinds?: JourneyKind[];
  offset?: number;
  limit?: number;
}

/** Per-system totals at the end of a run. */
export interface SystemReport {
  kind: SystemKind;
  name: string;
  preset: string | null;
  calls: number;
  completed: number;
  errors: number;
  rejections: number;
  timeouts: number;
  throughputPeak: number;
  latency: { p50: number; p95: number; p99: number };
  queueDepthMax: number;
}

/** The report a finished run writes. It contains no wall-clock data, so equal runs give equal bytes. */
export interface RunReport {
  reportVersion: 1;
  scenario: { name: string; file: string | null; schemaVersion: number };
  seed: number;
  activePolicy: string | null;
  duration: number;
  eventsProcessed: number;
  business: BusinessFigures;
  journeys: Record<JourneyKind, Record<Exclude<JourneyOutcome, 'running'>, number>>;
  systems: SystemReport[];
  faults: TimelineEntry[];
  series: SeriesPoint[];
}
