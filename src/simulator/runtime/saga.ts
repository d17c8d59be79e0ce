/**
 * Saga consistency of order journeys: what each journey holds in the systems (reserved stock, a
 * payment taken with an order, redeemed points), as the systems applied it rather than as the caller
 * saw it; compensations that failed, retried through the middleware until they succeed; and the
 * journeys that ended without an order but still hold something.
 */
import type { SystemEffect } from '../integration/call.js';
import type { StepMeta } from '../journeys/conventions.js';
import type { SimulationContext } from './context.js';
import type { Journey } from './journey-runner.js';
import { traceLater } from './degraded-modes.js';
import { compensateEffect } from './ledger-effects.js';
import { WorkQueue, type WorkItem } from './reconciliation.js';

/** Stock, payment and points one journey has taken in the systems. */
interface Holdings {
  readonly journey: Journey;
  reserved: boolean;
  released: boolean;
  paid: boolean;
  voided: boolean;
}

/** A compensation step that failed and waits for a retry. */
export interface PendingCompensation extends WorkItem {
  readonly journey: Journey;
  readonly step: StepMeta;
  readonly state: string;
  inFlight: boolean;
}

/** Replay interval of failed compensations when no policy set configures one. */
const DEFAULT_RETRY_EVERY = 30_000;
const RETRY_PRIORITY = 10;

/** Tracks holdings and compensations of order journeys. */
export class SagaTracker {
  readonly pending = new WorkQueue<PendingCompensation>();
  compensations = 0;
  private readonly context: SimulationContext;
  private readonly holdings = new Map<number, Holdings>();
  private retryScheduled = false;

  constructor(context: SimulationContext) {
    this.context = context;
  }

  /** Wraps a step's effect so the tracker records what the system applied, even after the caller gave up. */
  wrap(journey: Journey, step: StepMeta, effect: SystemEffect | null): SystemEffect | null {
    const field = HOLDING_FIELD[step.operation];
    if (!field) return effect;
    return (outcome, now) => {
      effect?.(outcome, now);
      if (outcome.status === 'ok') this.holdingsOf(journey)[field] = true;
    };
  }

  /** Counts a compensation step and queues it for a retry when it failed. Returns the trace note. */
  onCompensation(journey: Journey, step: StepMeta, state: string, ok: boolean): string | null {
    this.compensations++;
    if (ok) return null;
    const now = this.context.scheduler.now;
    this.pending.add({ createdAt: now, cleared: false, journey, step, state, inFlight: false });
    this.scheduleRetry();
    return 'compensation queued for retry';
  }

  /**
   * Queues a compensation whose message went to the dead-letter queue, so the retry applies it once
   * the system is back instead of leaving the journey holding stock or points until a replay by hand.
   */
  onDeadLettered(journey: Journey, step: StepMeta, state: string): void {
    const now = this.context.scheduler.now;
    this.pending.add({ createdAt: now, cleared: false, journey, step, state, inFlight: false });
    this.scheduleRetry();
    traceLater(journey, {
      t: now,
      state,
      event: 'QUEUED',
      system: step.system,
      operation: step.operation,
      detail: 'dead-lettered compensation queued for retry',
      latency: null,
      attempt: 0,
    });
  }

  /** Forgets a journey that ended with nothing left to undo. */
  onFinish(journey: Journey): void {
    // A lost journey keeps an entry while it holds something, so a later compensation is seen.
    if (this.inconsistent(journey)) this.holdingsOf(journey);
    else this.holdings.delete(journey.id);
  }

  /** Counts journeys that ended without an order yet still hold stock, a payment or redeemed points. */
  inconsistentJourneys(): number {
    let count = 0;
    for (const { journey } of this.holdings.values()) {
      if (this.inconsistent(journey)) count++;
    }
    return count;
  }

  /** Returns whether a finished journey without an order still has stock, payment or points taken in a system. */
  inconsistent(journey: Journey): boolean {
    if (journey.outcome !== 'lost') return false;
    const held = this.holdings.get(journey.id);
    const stock = held !== undefined && held.reserved && !held.released;
    const payment = held !== undefined && held.paid && !held.voided;
    const points = journey.redemption !== null && journey.redemption.applications > 0;
    return stock || payment || points;
  }

  /** Returns whether what `step` compensates is already undone in its system. */
  private undone(journey: Journey, step: StepMeta): boolean {
    const held = this.holdings.get(journey.id);
    switch (step.operation) {
      case 'releaseInventory':
        return held !== undefined && held.released;
      case 'voidPayment':
        return held !== undefined && held.voided;
      case 'reversePoints':
        return journey.redemption === null || journey.redemption.applications === 0;
      default:
        return false;
    }
  }

  private holdingsOf(journey: Journey): Holdings {
    let held = this.holdings.get(journey.id);
    if (!held) {
      held = { journey, reserved: false, released: false, paid: false, voided: false };
      this.holdings.set(journey.id, held);
    }
    return held;
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    const every = this.context.policies.activeSet.degraded?.replayEvery ?? DEFAULT_RETRY_EVERY;
    this.context.scheduler.after(every, () => this.retry(), RETRY_PRIORITY);
  }

  /** Retries each failed compensation through the middleware. A failure waits for the next round. */
  private retry(): void {
    this.retryScheduled = false;
    const context = this.context;
    for (const item of this.pending.pendingItems()) {
      if (item.inFlight || !context.systems.has(item.step.system)) continue;
      const { journey, step } = item;
      // A dead letter replayed by hand may have undone the holding first; a second undo would double it.
      if (this.undone(journey, step)) {
        this.pending.clear(item, context.scheduler.now);
        this.onFinish(journey);
        continue;
      }
      const ledgerEffect = step.operation === 'reversePoints' && journey.redemption ? compensateEffect(context, journey.redemption) : null;

      item.inFlight = true;
      context.executor.call(context.links.get('middleware', step.system), step.operation, this.wrap(journey, step, ledgerEffect), (result) => {
        item.inFlight = false;
        if (!result.ok) return;
        const now = context.scheduler.now;
        this.pending.clear(item, now);
        this.onFinish(journey);
        traceLater(journey, {
          t: now,
          state: item.state,
          event: 'OK',
          system: step.system,
          operation: step.operation,
          detail: 'compensation retried and applied',
          latency: result.latency,
          attempt: result.attempts,
        });
      });
    }
    if (this.pending.pending > 0) this.scheduleRetry();
  }
}

/** The holding each operation sets once its system applied it. */
const HOLDING_FIELD: Partial<Record<string, 'reserved' | 'released' | 'paid' | 'voided'>> = {
  reserveInventory: 'reserved',
  releaseInventory: 'released',
  placeOrder: 'paid',
  voidPayment: 'voided',
};
