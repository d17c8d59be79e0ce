/**
 * Degraded modes besides provisional accrual: reads served from a cache within a staleness limit,
 * redemptions deferred or backed by a cached balance while loyalty is unreachable, and customer
 * updates queued while CRM is unreachable. Each queue is replayed through the middleware until it is
 * empty, and its pending work is measured as reconciliation work.
 */
import type { TraceStep } from '../api.js';
import type { CallResult } from '../integration/call.js';
import type { StepMeta } from '../journeys/conventions.js';
import type { Obligation } from '../ledger/points-ledger.js';
import type { Channel, DegradedModesConfig, OperationName } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';
import type { Journey } from './journey-runner.js';
import { applyEffect } from './ledger-effects.js';
import { BalanceBook, ReadCache, type CachedOperation } from './read-cache.js';
import { WorkQueue, type WorkItem } from './reconciliation.js';

/** Decision on a failed step. With `degraded` the runner sends DEGRADED, and `note` is added to the trace detail. */
export interface FailureHandling {
  degraded: boolean;
  note: string;
}

/** A redemption taken while loyalty was unreachable, applied or refunded later. */
export interface DeferredRedemption extends WorkItem {
  readonly journey: Journey;
  readonly obligation: Obligation;
  readonly state: string;
  inFlight: boolean;
}

/** A CRM write queued while CRM was unreachable, replayed in the order it was queued. */
export interface QueuedUpdate extends WorkItem {
  readonly journey: Journey;
  readonly channel: Channel;
  readonly operation: OperationName;
  readonly state: string;
}

/** Replay interval when no policy set configures degraded modes, as when a test forces DEGRADED. */
const DEFAULT_REPLAY_EVERY = 30_000;
/** Scheduler priority of replays: after the journeys of the same millisecond. */
const REPLAY_PRIORITY = 10;
const CACHED_OPERATIONS: ReadonlySet<string> = new Set<CachedOperation>(['getCustomer', 'getBalance', 'lookupPrice']);

/**
 * Keys a journey's reads: the customer for profile and balance reads, and for a price the cart's lead
 * product, spread over the catalogue by journey id since journeys carry no product.
 */
function cacheKey(context: SimulationContext, journey: Journey, operation: CachedOperation): number {
  return operation === 'lookupPrice' ? journey.id % context.scenario.population.products : journey.customer;
}

/** Runs the degraded modes of the active policy set and their replays. */
export class DegradedModes {
  readonly cache = new ReadCache();
  readonly redemptions = new WorkQueue<DeferredRedemption>();
  readonly updates = new WorkQueue<QueuedUpdate>();
  readonly balances: BalanceBook;
  cachedReads = 0;
  staleCacheMisses = 0;
  redemptionsRefunded = 0;
  /** Called with each replayed customer update as CRM applies it, in replay order. */
  onUpdateReplayed: ((update: QueuedUpdate, now: number) => void) | null = null;
  private readonly context: SimulationContext;
  private readonly byJourney = new Map<number, DeferredRedemption>();
  private replayScheduled = false;
  private updateInFlight = false;

  constructor(context: SimulationContext, balances: BalanceBook) {
    this.context = context;
    this.balances = balances;
  }

  /** The degraded modes of the active policy set, or null when it configures none. */
  get config(): DegradedModesConfig | null {
    return this.context.policies.activeSet.degraded ?? null;
  }

  /**
   * Stores the result of a successful read in the cache, only while the active set caches that read or
   * redeems against cached balances, so a run without either pays nothing for it. A cache switched on
   * mid-run starts cold.
   */
  onSuccess(journey: Journey, step: StepMeta, now: number): void {
    if (!CACHED_OPERATIONS.has(step.operation)) return;
    const operation = step.operation as CachedOperation;
    const config = this.config;
    const cachedRead = config?.readCache?.operations.includes(operation) ?? false;
    const cachedBalance = operation === 'getBalance' && config?.redemption === 'cachedBalance';
    if (!cachedRead && !cachedBalance) return;
    const value = operation === 'getBalance' ? this.balances.balance(journey.customer) : 0;
    this.cache.fill(operation, cacheKey(this.context, journey, operation), value, now);
  }

  /**
   * Decides how a failed step goes on under the degraded modes, or returns null when no mode applies.
   * With `force`, a step that can degrade always does, for tests that drive every path of a machine.
   */
  onFailure(journey: Journey, step: StepMeta, obligation: Obligation | null, state: string, force: boolean): FailureHandling | null {
    const mode = step.degrade;
    if (mode !== 'cachedRead' && mode !== 'deferredRedemption' && mode !== 'queuedUpdate') return null;

    const config = this.config;
    const now = this.context.scheduler.now;
    const cached = this.cachedRead(journey, step, config, now);
    if (cached?.degraded) return cached;

    let handling: FailureHandling | null = cached;
    if (mode === 'deferredRedemption') handling = this.redemption(journey, step, obligation, state, config, force, now) ?? handling;
    if (mode === 'queuedUpdate' && (force || config?.queueCustomerUpdates)) handling = this.queueUpdate(journey, step, state, now);
    if (force && !handling?.degraded) return { degraded: true, note: 'degraded mode forced' };
    return handling;
  }

  /** Drops a deferred redemption whose journey ended without an order: nothing is owed any more. */
  onFinish(journey: Journey, lost: boolean, now: number): void {
    const item = this.byJourney.get(journey.id);
    if (!item || !lost) return;
    this.byJourney.delete(journey.id);
    this.redemptions.clear(item, now);
  }

  private cachedRead(journey: Journey, step: StepMeta, config: DegradedModesConfig | null, now: number): FailureHandling | null {
    const readCache = config?.readCache;
    if (!readCache || !CACHED_OPERATIONS.has(step.operation)) return null;
    const operation = step.operation as CachedOperation;
    if (!readCache.operations.includes(operation)) return null;

    const found = this.cache.lookup(operation, cacheKey(this.context, journey, operation), now, readCache.staleness);
    if (found.hit === 'fresh') {
      this.cachedReads++;
      return { degraded: true, note: `served from cache, ${seconds(found.age)} old` };
    }
    this.staleCacheMisses++;
    if (found.hit === 'missing') return { degraded: false, note: 'no cache entry' };
    return { degraded: false, note: `cache entry ${seconds(found.age)} old, past the ${seconds(readCache.staleness)} limit` };
  }

  private redemption(
    journey: Journey,
    step: StepMeta,
    obligation: Obligation | null,
    state: string,
    config: DegradedModesConfig | null,
    force: boolean,
    now: number,
  ): FailureHandling | null {
    const mode = config?.redemption ?? 'off';
    if (mode === 'off' && !force) return null;

    if (mode === 'cachedBalance' && !force) {
      const found = this.cache.lookup('getBalance', journey.customer, now, config?.balanceStaleness ?? 0);
      if (found.hit !== 'fresh') return { degraded: false, note: 'declined: no fresh cached balance' };
      if (found.value < journey.redeemPoints) {
        return { degraded: false, note: `declined: cached balance ${found.value} pts is below ${journey.redeemPoints} pts` };
      }
      if (step.operation === 'getBalance') return { degraded: true, note: `cached balance ${found.value} pts, ${seconds(found.age)} old` };
    } else if (step.operation === 'getBalance') {
      return { degraded: true, note: 'balance unknown, so the redemption will be deferred' };
    }

    if (step.operation !== 'redeem' || !obligation) return null;
    const item = this.redemptions.add({ createdAt: now, cleared: false, journey, obligation, state, inFlight: false });
    this.byJourney.set(journey.id, item);
    this.scheduleReplay();
    return { degraded: true, note: `redemption of ${journey.redeemPoints} pts deferred until loyalty is back` };
  }

  private queueUpdate(journey: Journey, step: StepMeta, state: string, now: number): FailureHandling {
    this.updates.add({ createdAt: now, cleared: false, journey, channel: journey.channel, operation: step.operation, state });
    this.scheduleReplay();
    return { degraded: true, note: `${step.operation} queued for replay (${this.updates.pending} waiting)` };
  }

  private scheduleReplay(): void {
    if (this.replayScheduled) return;
    this.replayScheduled = true;
    const every = this.config?.replayEvery ?? DEFAULT_REPLAY_EVERY;
    this.context.scheduler.after(every, () => this.replay(), REPLAY_PRIORITY);
  }

  /** Replays deferred redemptions and queued updates. What fails waits for the next replay. */
  private replay(): void {
    this.replayScheduled = false;
    this.replayRedemptions();
    this.drainUpdates();
    if (this.redemptions.pending > 0 || this.updates.pending > 0) this.scheduleReplay();
  }

  private replayRedemptions(): void {
    const context = this.context;
    if (!context.systems.has('loyalty')) return;

    for (const item of this.redemptions.pendingItems()) {
      if (item.inFlight) continue;
      const { journey, obligation } = item;
      const now = context.scheduler.now;
      const balance = this.balances.balance(journey.customer);
      if (balance < journey.redeemPoints) {
        context.ledger.cancel(obligation, now);
        context.ledger.giveUp(obligation, now);
        this.redemptionsRefunded++;
        this.finishRedemption(item, now, 'FAILED', `balance ${balance} pts no longer covers ${journey.redeemPoints} pts, so it was refunded`);
        continue;
      }

      item.inFlight = true;
      const apply = applyEffect(context, obligation);
      context.executor.call(context.links.get('middleware', 'loyalty'), 'redeem', (outcome, at) => {
        if (outcome.status === 'ok' && obligation.applications === 0) this.balances.change(journey.customer, -journey.redeemPoints);
        apply(outcome, at);
      }, (result) => {
        item.inFlight = false;
        if (result.ok) this.finishRedemption(item, context.scheduler.now, 'OK', 'deferred redemption applied');
      });
    }
  }

  private finishRedemption(item: DeferredRedemption, now: number, event: string, detail: string): void {
    this.byJourney.delete(item.journey.id);
    this.redemptions.clear(item, now);
    traceLater(item.journey, { t: now, state: item.state, event, system: 'loyalty', operation: 'redeem', detail, latency: null, attempt: 0 });
  }

  /** Sends queued updates one at a time, oldest first, so CRM applies them in the order they were made. */
  private drainUpdates(): void {
    const context = this.context;
    const item = this.updates.first();
    if (this.updateInFlight || !item || !context.systems.has('crm')) return;

    this.updateInFlight = true;
    context.executor.call(context.links.get('middleware', 'crm'), item.operation, null, (result: CallResult) => {
      this.updateInFlight = false;
      if (!result.ok) return;
      const now = context.scheduler.now;
      this.onUpdateReplayed?.(item, now);
      this.updates.clear(item, now);
      traceLater(item.journey, { t: now, state: item.state, event: 'OK', system: 'crm', operation: item.operation, detail: 'queued update replayed', latency: result.latency, attempt: result.attempts });
      this.drainUpdates();
    });
  }
}

/** Appends a step to a journey's trace after the step itself, such as a replay of its queued work. */
export function traceLater(journey: Journey, step: TraceStep): void {
  journey.trace?.push(step);
}

/** Returns a compact duration in seconds, such as `42 s`. */
function seconds(ms: number): string {
  return `${Math.round(ms / 1_000)} s`;
}
