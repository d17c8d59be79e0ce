/**
 * The data a running simulation gives its hosts: the CLI, the studio's worker and the tests.
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
  /** Requests that reached the system, whatever their outcome. */
  calls: number;
  /** Calls that returned 500 or, during an outage, 503. */
  errors: number;
  /** Calls the system itself rejected: its vendor limit or a full queue. */
  rejections: number;
  /** Attempts stopped before they reached the system: an open breaker, the gateway or a full bulkhead. */
  notSent: number;
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
  style: 'direct' | 'gateway' | 'middleware' | 'events' | 'batch';
  /** Calls or messages sent over the link per second over the last sample interval. */
  rate: number;
  cut: boolean;
  /** Messages waiting for a consumer on an event link, or records waiting for the next file on a batch link. */
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
  /** Reads served from a cache within its staleness limit while the system failed. */
  cachedReads: number;
  /** Failed reads whose cache entry was missing or past the staleness limit. */
  staleCacheMisses: number;
  /** Deferred redemptions reversed into a refund because the balance no longer covered them. */
  deferredRedemptionsRefunded: number;
  /** Customer records created by a channel that could not find the existing one. */
  duplicateCustomers: number;
  /** Customer writes from two channels within the conflict window of the customer records. */
  conflictingWrites: number;
  /** Conflicting customer writes lost: overwritten (last writer wins) or rejected (owner wins). */
  customerWritesLost: number;
  /** Saga compensation steps run: reservations released, payments voided, points reversed. */
  compensations: number;
  /** Failed journeys that still hold stock, a payment or redeemed points with no order. */
  inconsistentJourneys: number;
  /** Pending reconciliation work by kind. */
  reconciliation: Record<ReconciliationKind, ReconciliationFigures>;
  /** Price lookups the channel served from its own copy while the price owner was unreachable. */
  pricedFromCopy: number;
  /** Prices taken from a channel copy older than the price staleness, so they may disagree with the owner. */
  priceConflicts: number;
  /** Completed orders the owner of orders has received, so they count as booked. */
  ordersBooked: number;
  /** Completed orders the owner of orders has not received (yet): revenue taken but not booked. */
  ordersAtRisk: number;
  /** Balance reads where the ledger owner's balance overrode a channel's provisional points for the customer. */
  ledgerConflicts: number;
  /** Orders and refunds the ERP posted more than once: repeats without a key check or after its retention. */
  duplicateOrdersPosted: number;
  /** Repeated order and refund postings the ERP dropped by their idempotency key. */
  orderPostingsSuppressed: number;
  /** Malformed messages published: set aside in the poison queue, or retried and dead-lettered without one. */
  poisonMessages: number;
  /** Dead-lettered messages put back on their topics, by hand or on schedule. */
  deadLettersReplayed: number;
  /** Total time in ms the ledgers disagreed, over every spell of disagreement so far. */
  ledgersDisagreedFor: number;
}

/** The idempotency key store of one receiving system. */
export interface IdempotencySnapshot {
  system: SystemKind;
  /** Retention of the keys in ms, or null while idempotency is off. */
  retention: number | null;
  keysStored: number;
  /** Repeated writes dropped by their key since the run start. */
  suppressed: number;
  /** Repeated writes applied since the run start, because no key was checked or it had expired. */
  repeatsApplied: number;
}

/** The dead-letter queue and its replay. */
export interface DeadLetterSnapshot {
  depth: number;
  /** Messages dead-lettered since the run start. */
  total: number;
  /** Age in ms of the oldest waiting message, or 0 when the queue is empty. */
  oldestAge: number;
  /** Messages put back on their topics since the run start. */
  replayed: number;
  /** Messages taken for replay that have not yet re-entered their topics. */
  replayPending: number;
  /** Replay rate of the active policy set in messages per second, or null without scheduled replay. */
  replayRate: number | null;
  /** Simulated time of the next scheduled replay, or null. */
  nextReplayAt: number | null;
}

/** Malformed messages that no delivery attempt can succeed on. */
export interface PoisonSnapshot {
  /** Messages in the poison queue now. */
  depth: number;
  /** Poison messages published since the run start. */
  published: number;
  /** Poison messages set aside after their first failed attempt. */
  setAside: number;
  /** Share of published messages made malformed now, over all topics. */
  rate: number;
}

/** The file buffer and schedule of one batch link. */
export interface BatchSnapshot {
  link: string;
  from: Channel | 'middleware';
  to: SystemKind;
  /** Records written to the open file, waiting for its delivery. */
  recordsBuffered: number;
  /** Records of delivered files the receiving system has not processed yet. */
  recordsProcessing: number;
  /** Simulated time of the next delivery, or null when the run ends first. */
  nextDeliveryAt: number | null;
  /** Simulated time of the last delivery, or null. */
  lastDeliveredAt: number | null;
  /** Files delivered since the run start. */
  filesDelivered: number;
  recordsDelivered: number;
  /** Records the receiving system rejected, carried over to the next file. */
  recordsCarriedOver: number;
  /** Records processed per second by the receiving system. */
  recordsPerSecond: number;
}

/** State of the messaging policies and integration styles: idempotency, dead letters, poison, batch files. */
export interface MessagingSnapshot {
  idempotency: IdempotencySnapshot[];
  deadLetters: DeadLetterSnapshot;
  poison: PoisonSnapshot;
  batches: BatchSnapshot[];
}

/** Kinds of reconciliation work a degraded run leaves behind. */
export type ReconciliationKind = 'deferredRedemption' | 'customerUpdate' | 'duplicateCustomer' | 'compensation';

/** Pending reconciliation work of one kind. */
export interface ReconciliationFigures {
  pending: number;
  /** Age in ms of the oldest pending item, or 0 when none is pending. */
  oldestAge: number;
  /** Items created since the run start. */
  created: number;
  /** Items cleared since the run start. */
  cleared: number;
  /** Simulated time the pending count last fell to zero, or null if it never did. */
  clearedAt: number | null;
}

/** Degraded modes, caches and systems of record in force, for the studio. */
export interface ContinuitySnapshot {
  /** Redemption while loyalty is unreachable: off, deferred, or up to a cached balance. */
  redemption: 'off' | 'deferred' | 'cachedBalance';
  /** Whether failed CRM writes are queued and replayed. */
  queueCustomerUpdates: boolean;
  /** Read cache staleness limit in ms, or null when reads are not served from cache. */
  readCacheStaleness: number | null;
  /** Entries in the read cache. */
  cacheEntries: number;
  /** Owner system of customers, orders, prices and the reward ledger. */
  owners: { customers: SystemKind; orders: SystemKind; prices: SystemKind; ledger: SystemKind };
  conflictRule: 'lastWriterWins' | 'ownerWins';
  reconciliation: Record<ReconciliationKind, ReconciliationFigures>;
  /** Staleness limit of channel price copies in ms, or null when channels do not price from a copy. */
  priceCopyStaleness: number | null;
  /** Decisions of the owners of prices, orders and the reward ledger so far. */
  records: RecordOwnerFigures;
}

/** Decisions of the owners of prices, orders and the reward ledger, as counted in `BusinessFigures`. */
export type RecordOwnerFigures = Pick<BusinessFigures, 'pricedFromCopy' | 'priceConflicts' | 'ordersBooked' | 'ordersAtRisk' | 'ledgerConflicts'>;

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
  /** Pending reconciliation work by kind, and the age in ms of the oldest item of each. */
  deferredRedemptionsPending: number;
  deferredRedemptionsAge: number;
  customerUpdatesPending: number;
  customerUpdatesAge: number;
  duplicateCustomersPending: number;
  duplicateCustomersAge: number;
  compensationsPending: number;
  compensationsAge: number;
}

/** A fault or live action on the run's timeline. */
export interface TimelineEntry {
  at: number;
  until: number | null;
  label: string;
  origin: 'scenario' | 'live';
  action: ControlAction;
}

/** Figures of one consumer of the API gateway. Counters are cumulative since the run start. */
export interface GatewayConsumerSnapshot {
  consumer: Channel | 'middleware';
  requests: number;
  admitted: number;
  /** Requests rejected with 401 because their credentials were bad. */
  unauthorized: number;
  /** Requests rejected with 429 by the per-consumer rate limit. */
  rateLimited: number;
  /** Requests answered 429 because the daily quota was used up. */
  quotaExceeded: number;
  /** Requests answered 503 by load shedding. */
  shed: number;
  /** Requests answered 410 because they called a retired API version. */
  versionRetired: number;
  /** Requests counted against today's quota. */
  quotaUsed: number;
  /** Requests per day, or null without a quota. */
  quotaLimit: number | null;
  /** Milliseconds until the quota resets at the next day start, or null without a quota. */
  quotaResetIn: number | null;
}

/** Requests the gateway has forwarded to one backend and not yet seen answered, and those it shed. */
export interface GatewayBackendSnapshot {
  system: SystemKind;
  inFlight: number;
  shed: { critical: number; standard: number; low: number };
}

/** Calls through the gateway to one API version of one route. */
export interface ApiVersionSnapshot {
  system: SystemKind;
  version: string;
  status: 'active' | 'deprecated' | 'retired';
  calls: number;
}

/** The API gateway's governance figures. */
export interface GatewaySnapshot {
  consumers: GatewayConsumerSnapshot[];
  backends: GatewayBackendSnapshot[];
  versions: ApiVersionSnapshot[];
}

/** Caller-side resilience figures of the calls to one system, cumulative since the run start. */
export interface CallResilienceSnapshot {
  system: SystemKind;
  /** Calls as their callers made them: journey steps, deliveries and settlements, before any retry. */
  logicalCalls: number;
  /** Requests that reached the system: first attempts, retries at every layer, and hedges. */
  attempts: number;
  /** Attempts per logical call; above 1 is load added by retries and hedges. */
  amplification: number;
  /** Maximum number of attempts one logical call sent to the system. */
  maxAttemptsPerCall: number;
  retries: number;
  /** Retries the retry budget did not allow. */
  retriesDenied: number;
  hedges: number;
  /** Hedges whose answer came first. */
  hedgeWins: number;
  bulkheadInFlight: number;
  bulkheadQueued: number;
  bulkheadRejections: number;
  breakerTransitions: number;
}

/** One state change of the circuit breaker guarding calls to a system. */
export interface BreakerTransition {
  t: number;
  system: SystemKind;
  from: Exclude<BreakerState, 'none'>;
  to: Exclude<BreakerState, 'none'>;
}

/** Governance and resilience of the synchronous call path. */
export interface CallPathSnapshot {
  gateway: GatewaySnapshot;
  calls: CallResilienceSnapshot[];
  /** Breaker state changes, oldest first; the most recent ones only when there are many. */
  breakerTransitions: BreakerTransition[];
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
  messaging: MessagingSnapshot;
  continuity: ContinuitySnapshot;
  callPath: CallPathSnapshot;
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
  | { kind: 'policyToggle'; policy: PolicyToggle; enabled: boolean }
  | { kind: 'replayDeadLetters'; limit?: number; ratePerSecond?: number }
  | { kind: 'poisonMessages'; rate: number; topic?: string };

/**
 * A policy the studio can switch on or off during a run. `deadLetterReplay` switches the scheduled
 * replay only: a replay by hand still runs.
 */
export type PolicyToggle =
  | 'retry'
  | 'circuitBreaker'
  | 'timeout'
  | 'gatewayRateLimit'
  | 'provisionalAccrual'
  | 'idempotency'
  | 'loadShedding'
  | 'bulkhead'
  | 'hedge'
  | 'retryBudget'
  | 'deadLetterReplay';

/** Outcome of a journey. */
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
  /** Calls the system itself rejected: its vendor limit or a full queue. */
  rejections: number;
  /** Attempts stopped before they reached the system: an open breaker, the gateway or a full bulkhead. */
  notSent: number;
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
  messaging: MessagingSnapshot;
  callPath: CallPathSnapshot;
}
