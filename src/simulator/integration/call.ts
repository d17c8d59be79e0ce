/**
 * A synchronous call from a caller to a system over a link, with the policies in force: gateway rate
 * limit, circuit breaker, timeout and retries with backoff.
 *
 * The system may finish work the caller has already given up on (a timeout): its side effect still
 * happens, which is how retries without idempotency create duplicate accruals.
 */
import { Ring } from '../engine/ring.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { RandomStream } from '../engine/random.js';
import { retryDelay } from '../policies/retry.js';
import type { OperationName, SystemKind } from '../scenario/schema.js';
import type { CallOutcome, SimSystem } from '../systems/system.js';
import type { VendorError } from '../vendors/limiter.js';
import type { Link } from './links.js';
import type { EffectiveCallPolicy, PolicyRuntime } from './policy-runtime.js';

/** Why a call failed, from the caller's side. */
export type CallFailure = 'error' | 'rejected' | 'timeout' | 'unavailable' | 'breakerOpen' | 'rateLimited';

/** What the caller learns when a call, with all its retries, is over. */
export interface CallResult {
  ok: boolean;
  failure: CallFailure | null;
  /** Milliseconds from the first attempt to the final answer. */
  latency: number;
  attempts: number;
  error: VendorError | null;
}

/** Receives each attempt of a call, for journey traces and per-system figures. */
export interface AttemptListener {
  (system: SystemKind, attempt: number, failure: CallFailure | null, latency: number, error: VendorError | null): void;
}

/** Side effect of a call on the system, run when the system finishes it, whether or not the caller waits. */
export type SystemEffect = (outcome: CallOutcome, now: number) => void;

const GATEWAY_REJECTION: VendorError = { status: 429, code: 'GATEWAY_RATE_LIMITED', message: 'rate limit of the API gateway exceeded' };
const BREAKER_OPEN: VendorError = { status: 503, code: 'CIRCUIT_OPEN', message: 'circuit breaker is open; call not permitted' };
const TIMED_OUT: VendorError = { status: 504, code: 'TIMEOUT', message: 'no answer within the timeout' };

/** Runs calls with the policies in force. */
export class CallExecutor {
  readonly scheduler: Scheduler;
  readonly policies: PolicyRuntime;
  readonly jitter: RandomStream;
  readonly listener: AttemptListener;
  private readonly systems: ReadonlyMap<SystemKind, SimSystem>;
  private readonly deadlineQueues = new Map<number, DeadlineQueue>();

  constructor(
    scheduler: Scheduler,
    systems: ReadonlyMap<SystemKind, SimSystem>,
    policies: PolicyRuntime,
    jitter: RandomStream,
    listener: AttemptListener,
  ) {
    this.scheduler = scheduler;
    this.systems = systems;
    this.policies = policies;
    this.jitter = jitter;
    this.listener = listener;
  }

  /** Calls `operation` on the link's system and reports the final result to `done`. */
  call(link: Link, operation: OperationName, effect: SystemEffect | null, done: (result: CallResult) => void): void {
    const system = this.systems.get(link.to);
    if (!system) throw new Error(`bug: call to ${link.to}, which the scenario does not declare`);
    new Call(this, link, system, operation, effect, done).attempt();
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
}

/**
 * One call with its retries. A call has at most one attempt in flight, so one object carries the
 * attempts in turn; `attempts` tells a late answer or timeout which attempt it belongs to.
 *
 * NOTE: a call allocates this object and one bound callback per attempt, rather than a chain of
 * closures per attempt, because garbage collection took a large share of profiled runs.
 */
class Call {
  attempts = 0;
  /** The current attempt has its answer or its timeout. */
  settled = false;
  private attemptStart = 0;
  /** The policy in force when the current attempt started. */
  private policy: EffectiveCallPolicy;
  private readonly executor: CallExecutor;
  private readonly link: Link;
  private readonly system: SimSystem;
  private readonly operation: OperationName;
  private readonly effect: SystemEffect | null;
  private readonly done: (result: CallResult) => void;
  private readonly started: number;

  constructor(
    executor: CallExecutor,
    link: Link,
    system: SimSystem,
    operation: OperationName,
    effect: SystemEffect | null,
    done: (result: CallResult) => void,
  ) {
    this.executor = executor;
    this.link = link;
    this.system = system;
    this.operation = operation;
    this.effect = effect;
    this.done = done;
    this.started = executor.scheduler.now;
    this.policy = executor.policies.callPolicy(link);
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
    link.sent++;

    if (link.style === 'gateway') {
      const retryAfter = policies.gatewayAdmit(link.from, start);
      if (retryAfter !== null) {
        listener(link.to, this.attempts, 'rateLimited', 0, GATEWAY_REJECTION);
        this.finish('rateLimited', { ...GATEWAY_REJECTION, retryAfterMs: retryAfter }, retryAfter);
        return;
      }
    }

    const breaker = policy.breaker;
    if (breaker && !breaker.tryAcquire(start)) {
      listener(link.to, this.attempts, 'breakerOpen', 0, BREAKER_OPEN);
      this.finish('breakerOpen', BREAKER_OPEN, undefined);
      return;
    }

    this.executor.deadlines(policy.timeout).add(this, this.attempts, start + policy.timeout);

    // A cut link loses the request: only the timeout answers.
    if (link.cut) return;
    this.system.call(this.operation, this.answer.bind(this, this.attempts));
  };

  /** Ends the current attempt with a timeout, unless it has its answer already. */
  expire(attempt: number, now: number): void {
    if (attempt !== this.attempts || this.settled) return;
    this.settled = true;

    const latency = now - this.attemptStart;
    this.policy.breaker?.onError(now, latency);
    this.executor.listener(this.link.to, attempt, 'timeout', latency, TIMED_OUT);
    this.finish('timeout', TIMED_OUT, undefined);
  }

  private answer(attempt: number, outcome: CallOutcome): void {
    const now = this.executor.scheduler.now;
    if (this.effect) this.effect(outcome, now);
    if (attempt !== this.attempts || this.settled) return;
    this.settled = true;

    const latency = now - this.attemptStart;
    const failure = outcome.status === 'ok' ? null : outcome.status;
    const breaker = this.policy.breaker;
    if (breaker) {
      // A vendor's throttling answer says "slow down", not "broken": retries with Retry-After
      // handle it, and counting it would open the breaker on a healthy system under load.
      if (failure === null) breaker.onSuccess(now, latency);
      else if (failure !== 'rejected') breaker.onError(now, latency);
    }
    this.executor.listener(this.link.to, attempt, failure, latency, outcome.error);
    this.finish(failure, outcome.error, outcome.error?.retryAfterMs);
  }

  private finish(failure: CallFailure | null, error: VendorError | null, retryAfter: number | undefined): void {
    const { scheduler, jitter } = this.executor;
    const retry = this.policy.retry;
    const retryable = failure !== null && failure !== 'breakerOpen';

    if (retryable && retry && this.attempts < retry.maxAttempts) {
      scheduler.after(retryDelay(this.attempts, retry, jitter, retryAfter), this.attempt);
      return;
    }
    this.done({ ok: failure === null, failure, latency: scheduler.now - this.started, attempts: this.attempts, error });
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
