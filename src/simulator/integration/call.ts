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
import type { PolicyRuntime } from './policy-runtime.js';

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
  private readonly scheduler: Scheduler;
  private readonly systems: ReadonlyMap<SystemKind, SimSystem>;
  private readonly policies: PolicyRuntime;
  private readonly jitter: RandomStream;
  private readonly listener: AttemptListener;
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

    const started = this.scheduler.now;
    const attempt = (number: number): void => {
      this.attempt(link, system, operation, effect, number, (failure, error, retryAfter) => {
        const now = this.scheduler.now;
        const policy = this.policies.callPolicy(link);
        const retry = policy.retry;
        const retryable = failure !== null && failure !== 'breakerOpen';

        if (retryable && retry && number < retry.maxAttempts) {
          const delay = retryDelay(number, retry, this.jitter, retryAfter);
          this.scheduler.after(delay, () => attempt(number + 1));
          return;
        }
        done({ ok: failure === null, failure, latency: now - started, attempts: number, error });
      });
    };
    attempt(1);
  }

  private deadlines(timeout: number): DeadlineQueue {
    let queue = this.deadlineQueues.get(timeout);
    if (!queue) {
      queue = new DeadlineQueue(this.scheduler);
      this.deadlineQueues.set(timeout, queue);
    }
    return queue;
  }

  private attempt(
    link: Link,
    system: SimSystem,
    operation: OperationName,
    effect: SystemEffect | null,
    number: number,
    finish: (failure: CallFailure | null, error: VendorError | null, retryAfter: number | undefined) => void,
  ): void {
    const scheduler = this.scheduler;
    const start = scheduler.now;
    const policy = this.policies.callPolicy(link);
    link.sent++;

    if (link.style === 'gateway') {
      const retryAfter = this.policies.gatewayAdmit(link.from, start);
      if (retryAfter !== null) {
        this.listener(link.to, number, 'rateLimited', 0, GATEWAY_REJECTION);
        finish('rateLimited', { ...GATEWAY_REJECTION, retryAfterMs: retryAfter }, retryAfter);
        return;
      }
    }

    const breaker = policy.breaker;
    if (breaker && !breaker.tryAcquire(start)) {
      this.listener(link.to, number, 'breakerOpen', 0, BREAKER_OPEN);
      finish('breakerOpen', BREAKER_OPEN, undefined);
      return;
    }

    const pending: PendingAttempt = {
      settled: false,
      deadline: start + policy.timeout,
      expire: (now) => {
        breaker?.onError(now, now - start);
        this.listener(link.to, number, 'timeout', now - start, TIMED_OUT);
        finish('timeout', TIMED_OUT, undefined);
      },
    };
    this.deadlines(policy.timeout).add(pending);

    // A cut link loses the request: only the timeout answers.
    if (link.cut) return;

    system.call(operation, (outcome) => {
      const now = scheduler.now;
      if (effect) effect(outcome, now);
      if (pending.settled) return;
      pending.settled = true;

      const latency = now - start;
      const failure = outcome.status === 'ok' ? null : outcome.status;
      if (breaker) {
        if (failure === null) breaker.onSuccess(now, latency);
        else breaker.onError(now, latency);
      }
      this.listener(link.to, number, failure, latency, outcome.error);
      finish(failure, outcome.error, outcome.error?.retryAfterMs);
    });
  }
}

/** An attempt waiting for its answer or its timeout, whichever comes first. */
interface PendingAttempt {
  settled: boolean;
  deadline: number;
  expire: (now: number) => void;
}

/**
 * Timeouts of one length, in the order the attempts started, which is also the order of their
 * deadlines. One scheduled event wakes the queue at the first deadline still open, so an attempt
 * answered in time costs no event of its own.
 */
class DeadlineQueue {
  private readonly scheduler: Scheduler;
  private readonly attempts = new Ring<PendingAttempt>(64);
  private armed = false;
  private readonly wake = (now: number): void => {
    this.armed = false;
    while (this.attempts.length > 0) {
      const first = (this.attempts.peek() as PendingAttempt);
      if (first.deadline > now) break;
      this.attempts.shift();
      if (!first.settled) {
        first.settled = true;
        first.expire(now);
      }
    }
    this.arm();
  };

  constructor(scheduler: Scheduler) {
    this.scheduler = scheduler;
  }

  add(attempt: PendingAttempt): void {
    this.attempts.push(attempt);
    if (!this.armed) this.arm();
  }

  private arm(): void {
    while (this.attempts.length > 0 && (this.attempts.peek() as PendingAttempt).settled) this.attempts.shift();
    if (this.attempts.length === 0) return;
    this.armed = true;
    this.scheduler.at((this.attempts.peek() as PendingAttempt).deadline, this.wake);
  }
}
