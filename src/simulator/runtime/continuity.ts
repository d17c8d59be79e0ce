/**
 * Business continuity of a run: degraded modes, systems of record and saga consistency behind one
 * face the journey runner calls at each step, and the figures they add to snapshots and reports.
 */
import type { BusinessFigures, ContinuitySnapshot, ReconciliationFigures, ReconciliationKind, SeriesPoint } from '../api.js';
import type { RandomStream } from '../engine/random.js';
import type { CallResult, SystemEffect } from '../integration/call.js';
import type { StepMeta } from '../journeys/conventions.js';
import type { Obligation } from '../ledger/points-ledger.js';
import { ORDER_KINDS } from '../metrics/collector.js';
import type { SystemKind } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';
import { DegradedModes, traceLater, type FailureHandling } from './degraded-modes.js';
import type { Journey } from './journey-runner.js';
import { BalanceBook } from './read-cache.js';
import { RecordOwners } from './record-owners.js';
import { SagaTracker } from './saga.js';
import { SystemOfRecord } from './system-of-record.js';

/** Business figures this module adds to `BusinessFigures`. */
export type ContinuityFigures = Pick<
  BusinessFigures,
  | 'cachedReads'
  | 'staleCacheMisses'
  | 'deferredRedemptionsRefunded'
  | 'duplicateCustomers'
  | 'conflictingWrites'
  | 'customerWritesLost'
  | 'compensations'
  | 'inconsistentJourneys'
  | 'reconciliation'
  | 'pricedFromCopy'
  | 'priceConflicts'
  | 'ordersBooked'
  | 'ordersAtRisk'
  | 'ledgerConflicts'
>;

/** Series fields this module adds to `SeriesPoint`. */
export type ContinuitySeries = Pick<
  SeriesPoint,
  | 'deferredRedemptionsPending'
  | 'deferredRedemptionsAge'
  | 'customerUpdatesPending'
  | 'customerUpdatesAge'
  | 'duplicateCustomersPending'
  | 'duplicateCustomersAge'
  | 'compensationsPending'
  | 'compensationsAge'
>;

/** Runs the degraded modes, systems of record and saga tracking of one run. */
export class Continuity {
  readonly degraded: DegradedModes;
  readonly records: SystemOfRecord;
  readonly saga: SagaTracker;
  readonly owners: RecordOwners;
  private readonly context: SimulationContext;

  /**
   * `openingBalance` returns a customer's points at the run start; `random` decides duplicate
   * identities and must be a stream no other concern draws from.
   */
  constructor(context: SimulationContext, openingBalance: (customer: number) => number, random: RandomStream) {
    this.context = context;
    this.degraded = new DegradedModes(context, new BalanceBook(openingBalance));
    this.records = new SystemOfRecord(context, random);
    this.saga = new SagaTracker(context);
    this.owners = new RecordOwners(this.records.config);
    this.degraded.onUpdateReplayed = (update, now) => {
      if (update.operation === 'upsertCustomer') this.writeCustomer(update.journey, update.state, update.channel, now);
    };
  }

  /** Wraps a step's system effect to follow holdings, balances and customer writes as systems apply them. */
  wrapEffect(journey: Journey, step: StepMeta, state: string, obligation: Obligation | null, effect: SystemEffect | null): SystemEffect | null {
    const tracked = this.saga.wrap(journey, step, this.trackBooking(journey, step, effect));
    if (obligation && tracked) {
      const balances = this.degraded.balances;
      return (outcome, now) => {
        const before = obligation.applications;
        tracked(outcome, now);
        const applied = obligation.applications - before;
        if (applied !== 0) balances.change(obligation.customer, applied * obligation.points);
      };
    }
    if (step.operation !== 'upsertCustomer') return tracked;
    return (outcome, now) => {
      tracked?.(outcome, now);
      if (outcome.status === 'ok') this.writeCustomer(journey, state, journey.channel, now);
    };
  }

  /** Handles a successful step; returns a note for the trace, or null. */
  onSuccess(journey: Journey, step: StepMeta, state: string, result: CallResult): string | null {
    const now = this.context.scheduler.now;
    this.degraded.onSuccess(journey, step, now);
    if (step.compensation) this.saga.onCompensation(journey, step, state, true);
    if (step.operation === 'lookupPrice' && step.system === this.records.config.prices) this.owners.priceRead(journey.channel, now);
    if (step.operation === 'getBalance' && step.system === this.records.config.ledger) {
      return this.owners.balanceRead(this.provisionalPoints(journey.customer));
    }
    if (step.operation === 'getCustomer' && ORDER_KINDS.has(journey.kind)) return this.records.lookupMissed(journey, result, state);
    return null;
  }

  /** Decides how a failed step goes on; `force` makes a step that can degrade do so. */
  onFailure(journey: Journey, step: StepMeta, obligation: Obligation | null, state: string, result: CallResult, force: boolean): FailureHandling | null {
    if (step.compensation) {
      const note = this.saga.onCompensation(journey, step, state, false);
      return note === null ? null : { degraded: false, note };
    }

    const handling = this.degraded.onFailure(journey, step, obligation, state, force);
    const copied = handling?.degraded ? null : this.priceFromCopy(journey, step);
    if (copied !== null) return { degraded: true, note: handling ? `${handling.note}; ${copied}` : copied };
    if (handling?.degraded || step.operation !== 'getCustomer' || !ORDER_KINDS.has(journey.kind)) return handling;
    const duplicate = this.records.lookupMissed(journey, result, state);
    if (duplicate === null) return handling;
    return { degraded: false, note: handling ? `${handling.note}; ${duplicate}` : duplicate };
  }

  /** Settles what a journey leaves behind when it ends. */
  onFinish(journey: Journey): void {
    this.degraded.onFinish(journey, journey.outcome === 'lost', this.context.scheduler.now);
    this.saga.onFinish(journey);
    if (ORDER_KINDS.has(journey.kind)) this.owners.orderFinished(journey.id, journey.outcome === 'completed' || journey.outcome === 'completedDegraded');
  }

  /** Returns the degraded mode in force for calls to `system`, for the landscape, or null. */
  modeFor(system: SystemKind): string | null {
    const config = this.degraded.config;
    if (system === 'loyalty' && this.degraded.redemptions.pending > 0) {
      return config?.redemption === 'cachedBalance' ? 'redemption up to cached balance' : 'deferred redemption';
    }
    if (system === 'crm' && this.degraded.updates.pending > 0) return 'queued customer updates';
    return null;
  }

  /** Returns the pending reconciliation work by kind at `now`. */
  reconciliation(now: number): Record<ReconciliationKind, ReconciliationFigures> {
    return {
      deferredRedemption: this.degraded.redemptions.figures(now),
      customerUpdate: this.degraded.updates.figures(now),
      duplicateCustomer: this.records.duplicates.figures(now),
      compensation: this.saga.pending.figures(now),
    };
  }

  /** Returns the business figures this module adds. */
  figures(): ContinuityFigures {
    return {
      cachedReads: this.degraded.cachedReads,
      staleCacheMisses: this.degraded.staleCacheMisses,
      deferredRedemptionsRefunded: this.degraded.redemptionsRefunded,
      duplicateCustomers: this.records.duplicates.figures(0).created,
      conflictingWrites: this.records.conflictingWrites,
      customerWritesLost: this.records.writesLost,
      compensations: this.saga.compensations,
      inconsistentJourneys: this.saga.inconsistentJourneys(),
      reconciliation: this.reconciliation(this.context.scheduler.now),
      ...this.owners.figures(),
    };
  }

  /** Returns the series fields of one sample at `now`. */
  series(now: number): ContinuitySeries {
    const work = this.reconciliation(now);
    return {
      deferredRedemptionsPending: work.deferredRedemption.pending,
      deferredRedemptionsAge: work.deferredRedemption.oldestAge,
      customerUpdatesPending: work.customerUpdate.pending,
      customerUpdatesAge: work.customerUpdate.oldestAge,
      duplicateCustomersPending: work.duplicateCustomer.pending,
      duplicateCustomersAge: work.duplicateCustomer.oldestAge,
      compensationsPending: work.compensation.pending,
      compensationsAge: work.compensation.oldestAge,
    };
  }

  /** Returns the modes, caches and owners in force, for the studio. */
  snapshot(): ContinuitySnapshot {
    const config = this.degraded.config;
    const records = this.records.config;
    return {
      redemption: config?.redemption ?? 'off',
      queueCustomerUpdates: config?.queueCustomerUpdates ?? false,
      readCacheStaleness: config?.readCache?.staleness ?? null,
      cacheEntries: this.degraded.cache.size,
      owners: { customers: records.customers, orders: records.orders, prices: records.prices, ledger: records.ledger },
      conflictRule: records.conflictRule,
      reconciliation: this.reconciliation(this.context.scheduler.now),
      priceCopyStaleness: records.priceFromCopy ? records.priceStaleness : null,
      records: this.owners.figures(),
    };
  }

  /** Wraps the effect of a step that hands an order to the owner of orders, to count the order booked. */
  private trackBooking(journey: Journey, step: StepMeta, effect: SystemEffect | null): SystemEffect | null {
    if (!this.owners.books(step.system, step.operation)) return effect;
    return (outcome, now) => {
      effect?.(outcome, now);
      if (outcome.status === 'ok') this.owners.booked(journey.id, journey.outcome === 'running');
    };
  }

  /** Prices from the channel's copy after a failed lookup at the price owner; returns the trace note, or null. */
  private priceFromCopy(journey: Journey, step: StepMeta): string | null {
    if (step.operation !== 'lookupPrice' || step.system !== this.records.config.prices || step.degrade === undefined) return null;
    const copied = this.owners.priceFromCopy(journey.channel, this.context.scheduler.now);
    if (copied === null) return null;
    const age = `${Math.round(copied.age / 1_000)} s old`;
    return copied.conflict ? `priced from the channel's copy, ${age}: may disagree with the owner` : `priced from the channel's copy, ${age}`;
  }

  /** Points the channels recorded provisionally for `customer` and loyalty has not applied yet. */
  private provisionalPoints(customer: number): number {
    let points = 0;
    for (const obligation of this.context.provisional) {
      if (obligation.customer === customer && obligation.provisional && obligation.applications === 0) points += obligation.points;
    }
    return points;
  }

  private writeCustomer(journey: Journey, state: string, channel: Journey['channel'], now: number): void {
    const resolution = this.records.write(journey.customer, channel, now);
    if (resolution === 'applied') return;
    const detail =
      resolution === 'overwrote'
        ? 'conflicting write: overwrote another channel\'s recent write (last writer wins)'
        : 'conflicting write: rejected, the owner\'s record is kept (owner wins)';
    traceLater(journey, { t: now, state, event: 'CONFLICT', system: 'crm', operation: 'upsertCustomer', detail, latency: null, attempt: 0 });
  }
}

/** Returns the figures of `context`'s continuity, or zeros when the run has none wired. */
export function continuityFigures(context: SimulationContext): ContinuityFigures {
  if (context.continuity) return context.continuity.figures();
  const none: ReconciliationFigures = { pending: 0, oldestAge: 0, created: 0, cleared: 0, clearedAt: null };
  return {
    cachedReads: 0,
    staleCacheMisses: 0,
    deferredRedemptionsRefunded: 0,
    duplicateCustomers: 0,
    conflictingWrites: 0,
    customerWritesLost: 0,
    compensations: 0,
    inconsistentJourneys: 0,
    pricedFromCopy: 0,
    priceConflicts: 0,
    ordersBooked: 0,
    ordersAtRisk: 0,
    ledgerConflicts: 0,
    reconciliation: { deferredRedemption: none, customerUpdate: { ...none }, duplicateCustomer: { ...none }, compensation: { ...none } },
  };
}
