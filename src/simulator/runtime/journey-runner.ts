/**
 * Runs customer journeys through their compiled XState machines.
 *
 * A journey is an integer state index into its machine's compiled table, plus the facts its decisions
 * need. The runner enters a state, decides decision states at once, performs a step's call through the link
 * the scenario sets (a synchronous call with policies, or a message on the backbone for a `notify`
 * step on an event link), and sends the outcome back as the machine's event.
 */
import type { JourneyOutcome, TraceStep } from '../api.js';
import type { CallResult, SystemEffect } from '../integration/call.js';
import type { Message } from '../integration/backbone.js';
import type { Caller, Link } from '../integration/links.js';
import type { CompiledJourney, CompiledState } from '../journeys/compile.js';
import { EVENT_INDEX, type DecisionName, type FinalOutcome, type JourneyEvent, type StepMeta } from '../journeys/conventions.js';
import type { Obligation, ObligationKind } from '../ledger/points-ledger.js';
import { ORDER_KINDS } from '../metrics/collector.js';
import type { Channel, JourneyKind } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';
import { applyEffect, compensateEffect, postingEffect } from './ledger-effects.js';
import { createTraceNote, type MessagingNote } from '../integration/trace-notes.js';
import { isOrchestrated, orchestrate } from '../integration/middleware.js';

/** One customer journey in flight or finished. */
export interface Journey {
  readonly id: number;
  readonly kind: JourneyKind;
  readonly compiled: CompiledJourney;
  readonly channel: Channel;
  readonly customer: number;
  readonly member: boolean;
  readonly redeems: boolean;
  /** Order value in currency units. */
  readonly value: number;
  /** Points earned on the order, or reversed on a return. */
  readonly points: number;
  readonly redeemPoints: number;
  readonly startedAt: number;
  state: number;
  endedAt: number;
  outcome: JourneyOutcome;
  redemption: Obligation | null;
  redeemConfirmed: boolean;
  checkoutRecorded: boolean;
  /** Trace steps, kept only for journeys the studio can inspect. */
  trace: TraceStep[] | null;
  path: number[] | null;
}

/** Receives each journey as it ends. */
export type JourneyFinished = (journey: Journey) => void;

/**
 * Forces the event a state sends, or returns null to let the simulation decide. Tests use it to drive
 * every path of a machine through the real runner; a forced failure goes through the same failure
 * handling (ledger, degraded modes, figures) as a real one.
 */
export type JourneyScript = (journey: Journey, stateId: string) => JourneyEvent | null;

const OK = EVENT_INDEX.OK;
const FAILED = EVENT_INDEX.FAILED;
const DEGRADED = EVENT_INDEX.DEGRADED;
const EVENT_NAMES: readonly JourneyEvent[] = ['OK', 'FAILED', 'DEGRADED', 'YES', 'NO'];

/** Moves journeys through their machines. */
export class JourneyRunner {
  private readonly context: SimulationContext;
  private readonly finished: JourneyFinished;
  private readonly script: JourneyScript | null;

  constructor(context: SimulationContext, finished: JourneyFinished, script: JourneyScript | null = null) {
    this.context = context;
    this.finished = finished;
    this.script = script;
  }

  /** Starts a journey in its machine's initial state. */
  start(journey: Journey): void {
    this.context.metrics.journeysStarted++;
    journey.path?.push(journey.state);
    this.enter(journey);
  }

  private enter(journey: Journey): void {
    const states = journey.compiled.states;
    for (;;) {
      const state = states[journey.state] as CompiledState;
      if (state.kind === 'final') {
        this.finish(journey, state.outcome as FinalOutcome);
        return;
      }
      const forced = this.script ? this.script(journey, state.id) : null;
      if (state.kind === 'step') {
        if (forced === 'FAILED' || forced === 'DEGRADED') this.forceFailure(journey, state.step as StepMeta, forced);
        else this.perform(journey, state.step as StepMeta);
        return;
      }

      const yes = forced ? forced === 'YES' : this.answer(journey, state.decision as DecisionName);
      this.send(journey, yes ? EVENT_INDEX.YES : EVENT_INDEX.NO, forced ? 'forced' : '');
    }
  }

  private send(journey: Journey, event: number, detail: string, latency: number | null = null, attempts = 0): void {
    const state = journey.compiled.states[journey.state] as CompiledState;
    const next = state.next[event] as number;
    if (next < 0) {
      throw new Error(`bug: ${journey.kind} state "${state.id}" does not accept ${EVENT_NAMES[event]}`);
    }

    if (journey.trace) {
      journey.trace.push({
        t: this.context.scheduler.now,
        state: state.id,
        event: EVENT_NAMES[event] as string,
        system: state.step?.system ?? null,
        operation: state.step?.operation ?? null,
        detail,
        latency,
        attempt: attempts,
      });
    }
    journey.state = next;
    journey.path?.push(next);
  }

  private answer(journey: Journey, decision: DecisionName): boolean {
    switch (decision) {
      case 'isMember':
        return journey.member;
      case 'redeemsReward':
        return journey.redeems;
      case 'hasRedeemed':
        return journey.redeemConfirmed;
    }
  }

  private perform(journey: Journey, step: StepMeta): void {
    const context = this.context;
    const caller: Caller = journey.channel;
    const link = context.links.get(caller, step.system);
    const obligation = this.obligationFor(journey, step);
    const stateId = (journey.compiled.states[journey.state] as CompiledState).id;
    const note = createTraceNote(journey.trace, stateId, step.system, step.operation);
    const effect = obligation
      ? step.compensation
        ? compensateEffect(context, obligation, note)
        : applyEffect(context, obligation, note)
      : postingEffect(context, journey.id, step.system, step.operation, note);

    const tracked = context.continuity ? context.continuity.wrapEffect(journey, step, stateId, obligation, effect) : effect;
    if (step.mode === 'notify' && link.style === 'events') {
      this.publish(journey, step, obligation, tracked, link.cut, note);
      return;
    }
    if (step.mode === 'notify' && link.style === 'batch') {
      this.writeToFile(journey, step, link, obligation, tracked, note);
      return;
    }
    if (isOrchestrated(link)) {
      const relayed = (result: CallResult): void => {
        this.afterCall(journey, step, obligation, result);
        this.enter(journey);
      };
      orchestrate(context.executor, context.links, link, step.operation, tracked, relayed, step.priority);
      return;
    }

    context.executor.call(
      link,
      step.operation,
      tracked,
      (result) => {
        this.afterCall(journey, step, obligation, result);
        this.enter(journey);
      },
      step.priority,
    );
  }

  /** Fails a step without calling, through the same handling as a real failure. */
  private forceFailure(journey: Journey, step: StepMeta, event: 'FAILED' | 'DEGRADED'): void {
    const obligation = this.obligationFor(journey, step);
    const result: CallResult = { ok: false, failure: 'error', latency: 0, attempts: 1, error: null };
    this.context.scheduler.after(0, () => {
      this.afterCall(journey, step, obligation, result, event === 'DEGRADED');
      this.enter(journey);
    });
  }

  private afterCall(journey: Journey, step: StepMeta, obligation: Obligation | null, result: CallResult, degrade = false): void {
    const context = this.context;
    const now = context.scheduler.now;
    let detail = result.ok ? 'ok' : describeFailure(result);
    // Notes of the call policies: a deprecated API version, a hedge that won, a retry budget spent.
    if (result.note) detail = `${detail}; ${result.note}`;
    const stateId = (journey.compiled.states[journey.state] as CompiledState).id;

    if (result.ok) {
      if (step.operation === 'redeem') journey.redeemConfirmed = true;
      const note = context.continuity?.onSuccess(journey, step, stateId, result) ?? null;
      if (note) detail = `${detail}; ${note}`;
      if (!journey.checkoutRecorded && (step.operation === 'placeOrder' || step.operation === 'captureSale')) {
        journey.checkoutRecorded = true;
        context.metrics.recordCheckout(now - journey.startedAt);
      }
      this.send(journey, OK, detail, result.latency, result.attempts);
      return;
    }

    // Degraded modes come first: a cached read, a deferred redemption or a queued update.
    const handling = context.continuity?.onFailure(journey, step, obligation, stateId, result, degrade) ?? null;
    if (handling?.degraded) {
      this.send(journey, DEGRADED, `${detail}; ${handling.note}`, result.latency, result.attempts);
      return;
    }
    if (handling) detail = `${detail}; ${handling.note}`;

    if (step.operation === 'postOrder') {
      context.metrics.ordersNotPosted++;
      context.metrics.revenueAtRisk += journey.value;
    }
    if (journey.redeems && (step.operation === 'redeem' || step.operation === 'getBalance')) context.metrics.redemptionsDeclined++;

    const provisional = degrade || context.policies.provisionalAccrual;
    if (step.degrade === 'provisionalAccrual' && obligation && provisional) {
      context.ledger.markProvisional(obligation, now);
      context.provisional.push(obligation);
      this.send(journey, DEGRADED, `${detail}; points recorded provisionally`, result.latency, result.attempts);
      return;
    }

    if (obligation && !step.compensation) context.ledger.giveUp(obligation, now);
    this.send(journey, FAILED, detail, result.latency, result.attempts);
  }

  /**
   * Writes a notify step to the batch link's open file and goes on at once. Loyalty points wait in
   * the file as provisional points, so the ledgers disagree until loyalty imports the file.
   */
  private writeToFile(
    journey: Journey,
    step: StepMeta,
    link: Link,
    obligation: Obligation | null,
    effect: SystemEffect | null,
    note: MessagingNote | null,
  ): void {
    const now = this.context.scheduler.now;
    if (obligation && !step.compensation) this.context.ledger.markProvisional(obligation, now);
    const transfer = this.context.batches.get(link);
    transfer.write({ operation: step.operation, effect, note, writtenAt: now });
    this.send(journey, OK, `written to the ${link.id} batch file, due at ${transfer.nextDeliveryAt} ms`);
    this.enter(journey);
  }

  private publish(
    journey: Journey,
    step: StepMeta,
    obligation: Obligation | null,
    effect: SystemEffect | null,
    cut: boolean,
    note: MessagingNote | null = null,
  ): void {
    const context = this.context;
    if (cut) {
      // The channel cannot reach the broker: the step fails at once, as a refused connection.
      this.afterCall(journey, step, obligation, { ok: false, failure: 'unavailable', latency: 0, attempts: 1, error: null });
      this.enter(journey);
      return;
    }

    const stateId = (journey.compiled.states[journey.state] as CompiledState).id;
    const message: Message = {
      topic: context.links.get(journey.channel, step.system).topic,
      key: journey.customer,
      link: context.links.get('middleware', step.system),
      operation: step.operation,
      effect,
      delivered: null,
      deadLettered: obligation || step.compensation ? (now) => this.deadLettered(journey, step, obligation, stateId, now) : null,
      resumed: obligation ? (now) => context.ledger.resume(obligation, now) : null,
      note,
      publishedAt: context.scheduler.now,
      attempts: 0,
    };
    context.backbone.publish(message, () => {
      this.send(journey, OK, `published to ${message.topic}`);
      this.enter(journey);
    });
  }

  /**
   * Handles a message that went to the dead-letter queue. A saga compensation moves to the saga's
   * retry queue, which keeps working on its points. Any other obligation is given up.
   */
  private deadLettered(journey: Journey, step: StepMeta, obligation: Obligation | null, stateId: string, now: number): void {
    const saga = step.compensation ? this.context.continuity?.saga : undefined;
    if (saga) {
      saga.onDeadLettered(journey, step, stateId);
      return;
    }
    if (obligation) this.context.ledger.giveUp(obligation, now);
  }

  /** Returns the loyalty obligation a step works on, creating it where the step starts one. */
  private obligationFor(journey: Journey, step: StepMeta): Obligation | null {
    if (step.system !== 'loyalty') return null;

    const now = this.context.scheduler.now;
    const ledger = this.context.ledger;
    const create = (kind: ObligationKind, points: number): Obligation => ledger.create(kind, journey.customer, points, now);
    switch (step.operation) {
      case 'accrue':
        return create('accrual', journey.points);
      case 'redeem':
        journey.redemption = create('redemption', -journey.redeemPoints);
        return journey.redemption;
      case 'reversePoints':
        return step.compensation ? journey.redemption : create('reversal', -journey.points);
      default:
        return null;
    }
  }

  private finish(journey: Journey, outcome: FinalOutcome): void {
    const context = this.context;
    const now = context.scheduler.now;
    journey.outcome = outcome;
    journey.endedAt = now;

    // A shopper who abandons after redeeming is no longer owed the redemption.
    if (outcome === 'lost' && journey.redemption) context.ledger.cancel(journey.redemption, now);
    context.metrics.recordOutcome(journey.kind, outcome, ORDER_KINDS.has(journey.kind) ? journey.value : 0);
    context.continuity?.onFinish(journey);
    this.finished(journey);
  }
}

function describeFailure(result: CallResult): string {
  const error = result.error;
  const what = error ? `${error.status} ${error.code}` : (result.failure ?? 'failed');
  return result.attempts > 1 ? `${what} after ${result.attempts} attempts` : what;
}
