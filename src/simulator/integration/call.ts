/**
 * A synchronous call from a caller to a system over a link, with the policies in force: the API
 * gateway's governance, a bulkhead, the circuit breaker, timeout, hedged requests and retries with
 * backoff under a retry budget.
 *
 * An attempt passes, in order: the gateway (links of style `gateway`), the caller's bulkhead, the
 * breaker, and then goes to the system with its timeout running. The gateway comes before the
 * caller's breaker so a gateway rejection never takes a half-open probe permit that no response would
 * return.
 *
 * The system may finish work the caller has already given up on (a timeout): its side effect still
 * happens, which is how retries without idempotency create duplicate accruals.
 */
import type { CallPathSnapshot } from '../api.js';
import { Ring } from '../engine/ring.js';
import { RandomStream } from '../engine/random.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { StepPriority } from '../journeys/conventions.js';
import { Bulkhead } from '../policies/bulkhead.js';
import { retryDelay } from '../policies/retry.js';
import { RetryBudget } from '../policies/retry-budget.js';
import type { BulkheadConfig, OperationName, SystemKind } from '../scenario/schema.js';
import type { CallOutcome, SimSystem } from '../systems/system.js';
import type { VendorError } from '../vendors/limiter.js';
import { CallFigures } from './call-figures.js';
import { Gateway, type GatewayFailure } from './gateway.js';
import type { Caller, Link } from './links.js';
import type { EffectiveCallPolicy, PolicyRuntime } from './policy-runtime.js';

/** Reason a call failed, from the caller's side. */
export type CallFailure = 'error' | 'rejected' | 'timeout' | 'unavailable' | 'breakerOpen' | 'bulkheadFull' | GatewayFailure;

/** Failures a retry cannot mend, because the same request would get the same response. */
const NOT_RETRIED: ReadonlySet<CallFailure> = new Set<CallFailure>(['breakerOpen', 'unauthorized', 'versionRetired', 'quotaExceeded']);

/** Failures returned before the request reached the system, so they carry no system latency. */
export const LOCAL_FAILURES: ReadonlySet<CallFailure> = new Set<CallFailure>([
  'breakerOpen',
  'bulkheadFull',
  'unauthorized',
  'versionRetired',
  'rateLimited',
  'quotaExceeded',
  'shed',
]);

/** Outcome of a call, with all its retries, as the caller sees it. */
export interface CallResult {
  ok: boolean;
  failure: CallFailure | null;
  /** Milliseconds from the first attempt to the final response. */
  latency: number;
  attempts: number;
  error: VendorError | null;
  /** Trace note of the policies that acted, such as `hedge won` or `retry budget spent`. */
  note?: string;
}

/** Receives each attempt of a call, for journey traces and per-system figures. */
export interface AttemptListener {
  (system: SystemKind, attempt: number, failure: CallFailure | null, latency: number, error: VendorError | null): void;
}

/** Side effect of a call on the system, run when the system finishes it, whether or not the caller waits. */
export type SystemEffect = (outcome: CallOutcome, now: number) => void;

/** Optional parts of a call executor. */
export interface CallExecutorOptions {
  /** Link lookup, needed for nested middleware calls. */
  links?: { get(from: Caller, to: SystemKind): Link };
  /** Stream that draws which gateway requests carry bad credentials. */
  auth?: RandomStream;
}

const BREAKER_OPEN: VendorError = { status: 503, code: 'CIRCUIT_OPEN', message: 'circuit breaker is open; call not permitted' };
const BULKHEAD_FULL: VendorError = { status: 503, code: 'BULKHEAD_FULL', message: 'bulkhead is full; call not permitted' };
const TIMED_OUT: VendorError = { status: 504, code: 'TIMEOUT', message: 'no response within the timeout' };

/** Runs calls with the policies in force. */
export class CallExecutor {
  readonly scheduler: Scheduler;
  readonly policies: PolicyRuntime;
  readonly jitter: RandomStream;
  readonly listener: AttemptListener;
  readonly gateway: Gateway;
  readonly figures = new CallFigures();
  readonly links: CallExecutorOptions['links'] | null;
  private readonly systems: ReadonlyMap<SystemKind, SimSystem>;
  private readonly deadlineQueues = new Map<number, DeadlineQueue>();
  private readonly budgets = new Map<string, RetryBudget>();
  private readonly bulkheads = new Map<string, Bulkhead>();
  private generation = -1;

  constructor(
    scheduler: Scheduler,
    systems: ReadonlyMap<SystemKind, SimSystem>,
    policies: PolicyRuntime,
    jitter: RandomStream,
    listener: AttemptListener,
    options: CallExecutorOptions = {},
  ) {
    this.scheduler = scheduler;
    this.systems = systems;
    this.policies = policies;
    this.jitter = jitter;
    this.listener = listener;
    this.links = options.links ?? null;
    this.gateway = new Gateway(policies, options.auth ?? new RandomStream('gateway-auth', 0));
    policies.onBreakerChange = (system, from, to, now) => this.figures.breakerTransition(system, from, to, now);
  }

  /**
   * Calls `operation` on the link's system and reports the final result to `done`. `priority` is the
   * journey step's, which the gateway sheds by under overload.
   */
  call(link: Link, operation: OperationName, effect: SystemEffect | null, done: (result: CallResult) => void, priority: StepPriority = 'standard'): void {
    this.start(link, operation, effect, done, priority, null);
  }

  /** Starts a call; `root` is the logical call it is nested in, or null for a logical call of its own. */
  start(link: Link, operation: OperationName, effect: SystemEffect | null, done: (result: CallResult) => void, priority: StepPriority, root: Call | null): void {
    const system = this.systems.get(link.to);
    if (!system) throw new Error(`bug: call to ${link.to}, which the scenario does not declare`);
    new Call(this, link, system, operation, effect, done, priority, root).attempt();
  }

  /** Returns the call path's governance and resilience figures at `now`. */
  callPath(now: number): CallPathSnapshot {
    return {
      gateway: this.gateway.snapshot(now),
      calls: this.figures.snapshot(),
      breakerTransitions: this.figures.breakerTransitions(),
    };
  }

  /** Returns the queue of timeouts of length `timeout`. */
  deadlines(timeout: number): DeadlineQueue {
    let queue = this.deadlineQueues.get(timeout);
    if (!queue) {
      queue = new DeadlineQueue(this.scheduler);
      this.deadlineQueues.set(timeout, queue);
    }
    return queue;
  }

  /** Returns the retry budget of `link` under the active policy set, or null without one. */
  retryBudget(link: Link, policy: EffectiveCallPolicy): RetryBudget | null {
    if (!policy.retryBudget) return null;
    this.refresh();
    let budget = this.budgets.get(link.id);
    if (!budget) {
      budget = new RetryBudget(policy.retryBudget);
      this.budgets.set(link.id, budget);
    }
    return budget;
  }

  /** Returns the bulkhead guarding `link`: its own, or the one shared by all callers of its system. */
  bulkhead(link: Link, config: BulkheadConfig): Bulkhead {
    this.refresh();
    const key = config.scope === 'system' ? link.to : link.id;
    let bulkhead = this.bulkheads.get(key);
    if (!bulkhead) {
      bulkhead = new Bulkhead(config.maxConcurrent, config.queue);
      this.bulkheads.set(key, bulkhead);
      this.figures.addBulkhead(link.to, bulkhead);
    }
    return bulkhead;
  }

  /** Whether a middleware-style link goes through the middleware's own link to the system. */
  get nestedMiddleware(): boolean {
    return this.links !== null && this.policies.activeSet.nestedMiddlewareCalls;
  }

  /** Drops budgets and bulkheads after a switch of policy set; calls holding old ones release to them. */
  private refresh(): void {
    if (this.generation === this.policies.generation) return;
    this.generation = this.policies.generation;
    this.budgets.clear();
    this.bulkheads.clear();
  }
}

/**
 * One call with its retries. A call has at most one attempt in flight, so one object carries the
 * attempts in turn; `attempts` identifies the attempt a late response or timeout belongs to. An attempt
 * may have two requests out when it is hedged.
 *
 * NOTE: a call allocates this object and one bound callback per request, rather than a chain of
 * closures per attempt, because garbage collection took a large share of profiled runs.
 */
class Call {
  attempts = 0;
  /** The current attempt has its response or its timeout. */
  settled = false;
  /** Requests that reached the system in this logical call, kept on the root call. */
  reached = 0;
  private attemptStart = 0;
  /** The policy in force when the current attempt started. */
  private policy: EffectiveCallPolicy;
  /** Requests of the current attempt sent and still without a response. */
  private outstanding = 0;
  /** Requests of the current attempt the gateway counts in flight. */
  private gatewayHeld = 0;
  /** The bulkhead whose slot the current attempt holds. */
  private slot: Bulkhead | null = null;
  private deadlineSet = false;
  private note: string | null = null;
  private readonly budget: RetryBudget | null;
  private readonly root: Call;
  private readonly executor: CallExecutor;
  private readonly link: Link;
  private readonly system: SimSystem;
  private readonly operation: OperationName;
  private readonly effect: SystemEffect | null;
  private readonly done: (result: CallResult) => void;
  private readonly priority: StepPriority;
  private readonly started: number;

  constructor(
    executor: CallExecutor,
    link: Link,
    system: SimSystem,
    operation: OperationName,
    effect: SystemEffect | null,
    done: (result: CallResult) => void,
    priority: StepPriority,
    root: Call | null,
  ) {
    this.executor = executor;
    this.link = link;
    this.system = system;
    this.operation = operation;
    this.effect = effect;
    this.done = done;
    this.priority = priority;
    this.root = root ?? this;
    this.started = executor.scheduler.now;
    this.policy = executor.policies.callPolicy(link);
    this.budget = executor.retryBudget(link, this.policy);
    this.budget?.deposit(this.started);
    if (!root) executor.figures.logicalCall(link.to);
  }

  /** Starts the next attempt. */
  readonly attempt = (): void => {
    const { scheduler, policies, listener } = this.executor;
    const link = this.link;
    const start = scheduler.now;
    const policy = policies.callPolicy(link);
    this.policy = policy;
    this.attempts++;
    this.settled = false;
    this.attemptStart = start;
    this.outstanding = 0;
    this.deadlineSet = false;
    link.sent++;

    if (link.style === 'gateway') {
      const verdict = this.executor.gateway.admit(link, this.priority, start);
      if (!verdict.admitted) {
        const { failure, error } = verdict.rejection;
        this.settled = true;
        listener(link.to, this.attempts, failure, 0, error);
        this.finish(failure, error, error.retryAfterMs);
        return;
      }
      this.gatewayHeld = 1;
      if (verdict.note) this.addNote(verdict.note);
    }

    if (policy.bulkhead) {
      const bulkhead = this.executor.bulkhead(link, policy.bulkhead);
      const attempt = this.attempts;
      const admission = bulkhead.acquire({
        grant: () => this.proceed(attempt, bulkhead),
        cancelled: () => attempt !== this.attempts || this.settled,
      });
      if (admission === 'rejected') {
        this.fail(attempt, 'bulkheadFull', BULKHEAD_FULL);
        return;
      }
      if (admission === 'queued') {
        this.armDeadline(start);
        return;
      }
      this.proceed(attempt, bulkhead);
      return;
    }
    this.proceed(this.attempts, null);
  };

  /** Ends the current attempt with a timeout, unless it has its response already. */
  expire(attempt: number, now: number): void {
    if (attempt !== this.attempts || this.settled) return;
    this.settle();

    const latency = now - this.attemptStart;
    this.policy.breaker?.onError(now, latency);
    this.executor.listener(this.link.to, attempt, 'timeout', latency, TIMED_OUT);
    this.finish('timeout', TIMED_OUT, undefined);
  }

  /** Continues an attempt that has its bulkhead slot, if any: the breaker, then the system. */
  private proceed(attempt: number, bulkhead: Bulkhead | null): void {
    this.slot = bulkhead;
    if (attempt !== this.attempts || this.settled) {
      // The attempt timed out while it waited for the slot.
      this.releaseSlot();
      return;
    }

    const now = this.executor.scheduler.now;
    const breaker = this.policy.breaker;
    if (breaker && !breaker.tryAcquire(now)) {
      this.fail(attempt, 'breakerOpen', BREAKER_OPEN);
      return;
    }

    this.armDeadline(this.attemptStart);
    // A cut link loses the request, so only the timeout ends the attempt.
    if (this.link.cut) return;
    this.send(attempt, false);

    const hedge = this.policy.hedge;
    if (hedge && hedge.operations.includes(this.operation)) {
      this.executor.scheduler.after(hedge.delay, this.hedge.bind(this, attempt));
    }
  }

  /** Sends one request of the current attempt to the system, directly or through the middleware. */
  private send(attempt: number, hedged: boolean): void {
    const executor = this.executor;
    this.outstanding++;

    if (this.link.style === 'middleware' && executor.nestedMiddleware && executor.links) {
      // The middleware makes its own call, with its own link's retries, and runs the effect itself;
      // that inner call counts the requests reaching the system.
      const inner = executor.links.get('middleware', this.link.to);
      executor.start(inner, this.operation, this.effect, this.innerAnswer.bind(this, attempt), this.priority, this.root);
      return;
    }

    this.root.reached++;
    executor.figures.attempt(this.link.to);
    this.system.call(this.operation, this.answer.bind(this, attempt, hedged));
  }

  /** Sends the hedge of `attempt` when its first request has no answer yet. */
  private hedge(attempt: number): void {
    if (attempt !== this.attempts || this.settled || this.outstanding === 0) return;

    const now = this.executor.scheduler.now;
    if (this.link.style === 'gateway') {
      // The hedge is a request of its own at the gateway; a rejected hedge is simply not sent.
      if (!this.executor.gateway.admit(this.link, this.priority, now).admitted) return;
      this.gatewayHeld++;
    }
    this.executor.figures.hedge(this.link.to);
    this.addNote(`hedged after ${now - this.attemptStart} ms`);
    this.send(attempt, true);
  }

  private answer(attempt: number, hedged: boolean, outcome: CallOutcome): void {
    const now = this.executor.scheduler.now;
    if (this.effect) this.effect(outcome, now);
    if (attempt !== this.attempts || this.settled) return;

    const failure = outcome.status === 'ok' ? null : outcome.status;
    this.outstanding--;
    if (failure !== null && this.outstanding > 0) {
      // The other request of a hedged attempt may still succeed: wait for it. Only a request that
      // passed the gateway holds a place there, so a hedge over a direct link releases none.
      this.releaseGateway(Math.min(1, this.gatewayHeld));
      return;
    }

    this.settle();
    const latency = now - this.attemptStart;
    const breaker = this.policy.breaker;
    if (breaker) {
      // A vendor's throttling answer says "slow down", not "broken": retries with Retry-After
      // handle it, and counting it would open the breaker on a healthy system under load.
      if (failure === null) breaker.onSuccess(now, latency);
      else if (failure !== 'rejected') breaker.onError(now, latency);
    }
    if (hedged && failure === null) {
      this.executor.figures.hedgeWin(this.link.to);
      this.addNote('hedge won');
    }
    this.executor.listener(this.link.to, attempt, failure, latency, outcome.error);
    this.finish(failure, outcome.error, outcome.error?.retryAfterMs);
  }

  /** Takes the middleware's final result as the answer to this attempt. */
  private innerAnswer(attempt: number, result: CallResult): void {
    if (attempt !== this.attempts || this.settled) return;
    this.outstanding--;
    this.settle();

    const now = this.executor.scheduler.now;
    const latency = now - this.attemptStart;
    const failure: CallFailure | null = result.ok ? null : 'error';
    if (result.note) this.addNote(`middleware: ${result.note}`);
    if (failure === null) this.policy.breaker?.onSuccess(now, latency);
    else this.policy.breaker?.onError(now, latency);
    this.executor.listener(this.link.to, attempt, failure, latency, result.error);
    this.finish(failure, result.error, undefined);
  }

  /** Ends the current attempt with a rejection on the caller's side. */
  private fail(attempt: number, failure: CallFailure, error: VendorError): void {
    this.settle();
    this.executor.listener(this.link.to, attempt, failure, 0, error);
    this.finish(failure, error, undefined);
  }

  private finish(failure: CallFailure | null, error: VendorError | null, retryAfter: number | undefined): void {
    const { scheduler, jitter, figures } = this.executor;
    const retry = this.policy.retry;
    const retryable = failure !== null && !NOT_RETRIED.has(failure);

    if (retryable && retry && this.attempts < retry.maxAttempts) {
      // The budget switched off mid-call stops limiting this call's retries too.
      if (!this.budget || !this.policy.retryBudget || this.budget.tryWithdraw(scheduler.now)) {
        figures.retry(this.link.to);
        scheduler.after(retryDelay(this.attempts, retry, jitter, retryAfter), this.attempt);
        return;
      }
      figures.retryDenied(this.link.to);
      this.addNote('retry budget spent');
    }

    if (this.root === this) figures.logicalCallDone(this.link.to, this.reached);
    const result: CallResult = { ok: failure === null, failure, latency: scheduler.now - this.started, attempts: this.attempts, error };
    if (this.note !== null) result.note = this.note;
    this.done(result);
  }

  /** Marks the current attempt answered and frees what it held at the gateway and in the bulkhead. */
  private settle(): void {
    this.settled = true;
    this.releaseGateway(this.gatewayHeld);
    this.releaseSlot();
  }

  private releaseGateway(count: number): void {
    for (let i = 0; i < count; i++) this.executor.gateway.release(this.link.to);
    this.gatewayHeld -= count;
  }

  private releaseSlot(): void {
    const slot = this.slot;
    if (!slot) return;
    this.slot = null;
    slot.release();
  }

  private armDeadline(start: number): void {
    if (this.deadlineSet) return;
    this.deadlineSet = true;
    this.executor.deadlines(this.policy.timeout).add(this, this.attempts, start + this.policy.timeout);
  }

  private addNote(note: string): void {
    this.note = this.note === null ? note : `${this.note}; ${note}`;
  }
}

/**
 * Timeouts of one length, in the order the attempts started, which is also the order of their
 * deadlines. One scheduled event wakes the queue at the first deadline, so an attempt answered in
 * time costs no event of its own.
 */
class DeadlineQueue {
  private readonly scheduler: Scheduler;
  private readonly calls = new Ring<Call>(64);
  private readonly attempts = new Ring<number>(64);
  private readonly deadlines = new Ring<number>(64);
  private armed = false;
  private readonly wake = (now: number): void => {
    this.armed = false;
    while (this.deadlines.length > 0 && (this.deadlines.peek() as number) <= now) {
      this.deadlines.shift();
      this.calls.shift().expire(this.attempts.shift(), now);
    }
    this.arm();
  };

  constructor(scheduler: Scheduler) {
    this.scheduler = scheduler;
  }

  /** Adds attempt `attempt` of `call`, which times out at `deadline`. */
  add(call: Call, attempt: number, deadline: number): void {
    this.calls.push(call);
    this.attempts.push(attempt);
    this.deadlines.push(deadline);
    if (!this.armed) this.arm();
  }

  private arm(): void {
    // Attempts answered in time leave the front without an event.
    while (this.calls.length > 0) {
      const call = this.calls.peek() as Call;
      if (call.attempts === this.attempts.peek() && !call.settled) break;
      this.calls.shift();
      this.attempts.shift();
      this.deadlines.shift();
    }
    if (this.calls.length === 0) return;
    this.armed = true;
    this.scheduler.at(this.deadlines.peek() as number, this.wake);
  }
}
