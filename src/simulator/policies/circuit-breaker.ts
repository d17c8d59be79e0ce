/**
 * A circuit breaker with the states and rules of Resilience4j's CircuitBreaker (version 2).
 *
 * Closed: calls pass and their outcomes fill a count-based or time-based sliding window. Once the window
 * contains at least `minimumCalls` calls, the breaker opens when the failure rate or the slow-call rate is
 * at or above its threshold (percent). Open: every call is rejected until `openFor` ms have passed, and
 * the next read of the state then moves it to half-open. Half-open: exactly `halfOpenCalls` probes are
 * permitted and further calls are rejected. When every probe has completed, the same thresholds over the
 * probes decide: open again, or close with an empty window.
 */
import type { CircuitBreakerConfig } from '../scenario/schema.js';
import { CountWindow, TimeWindow } from './call-window.js';
import type { CallTotals, CallWindow } from './call-window.js';

/** The three states of a circuit breaker. */
export type CircuitState = 'closed' | 'open' | 'halfOpen';

/** A function called on each state change, with the simulated time of the change in milliseconds. */
export type CircuitStateListener = (from: CircuitState, to: CircuitState, now: number) => void;

/** Options of a circuit breaker beyond its scenario configuration. */
export interface CircuitBreakerOptions {
  /** Called on each state change; an exception it throws propagates to the caller of the breaker. */
  onStateChange?: CircuitStateListener;
}

/** The rates and counters of a circuit breaker at one instant. */
export interface CircuitBreakerSnapshot {
  state: CircuitState;
  /** Calls in the closed-state window, or completed probes when half-open. */
  calls: number;
  /** Percent of those calls that failed, or null below the minimum number of calls. */
  failureRate: number | null;
  /** Percent of those calls slower than `slowCallDuration`, or null below the minimum number of calls. */
  slowCallRate: number | null;
  rejections: number;
  transitions: number;
}

/**
 * Guards calls to one dependency, deciding from recent outcomes whether calls may pass.
 *
 * @example
 * const breaker = new CircuitBreaker(config);
 * if (breaker.tryAcquire(now)) {
 *   // ...call, then report: breaker.onSuccess(end, end - now) or breaker.onError(end, end - now)
 * }
 */
export class CircuitBreaker {
  /** Number of state changes so far. */
  transitions = 0;
  /** Number of calls `tryAcquire` did not permit. */
  rejections = 0;

  private readonly config: CircuitBreakerConfig;
  private readonly minimumCalls: number;
  private readonly listener: CircuitStateListener | undefined;
  private current: CircuitState = 'closed';
  private window: CallWindow;
  private openedAt = 0;
  private probesPermitted = 0;
  private probes: CallTotals = { calls: 0, failures: 0, slowCalls: 0 };

  /** @throws Error when `openFor` or `slowCallDuration` is negative, or a window size is not a whole number. */
  constructor(config: CircuitBreakerConfig, options: CircuitBreakerOptions = {}) {
    if (!(config.openFor >= 0) || !(config.slowCallDuration >= 0)) {
      throw new Error(
        `Invalid circuit breaker durations openFor=${config.openFor} slowCallDuration=${config.slowCallDuration}: use 0 ms or more.`,
      );
    }

    this.config = config;
    this.listener = options.onStateChange;
    this.window = this.createWindow();
    // Resilience4j caps the minimum at the window size for count windows, or a small window could never open.
    this.minimumCalls =
      config.window === 'count' ? Math.min(config.minimumCalls, config.windowSize) : config.minimumCalls;
  }

  /**
   * Returns the state at `now`, moving open to half-open once `openFor` has passed. The move is dated
   * at the end of the wait, not at the read, so reading the state (a live view) changes nothing a run
   * records.
   */
  state(now: number): CircuitState {
    if (this.current === 'open' && now - this.openedAt >= this.config.openFor) {
      this.transition('halfOpen', this.openedAt + this.config.openFor);
    }
    return this.current;
  }

  /** Permits one call, or returns false and counts a rejection when the state does not allow it. */
  tryAcquire(now: number): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;

    if (state === 'halfOpen' && this.probesPermitted < this.config.halfOpenCalls) {
      this.probesPermitted += 1;
      return true;
    }

    this.rejections += 1;
    return false;
  }

  /** Records a permitted call that succeeded after `durationMs`. */
  onSuccess(now: number, durationMs: number): void {
    this.record(now, false, durationMs);
  }

  /** Records a permitted call that failed after `durationMs`. */
  onError(now: number, durationMs: number): void {
    this.record(now, true, durationMs);
  }

  /** Returns the state, rates and counters at `now`. */
  snapshot(now: number): CircuitBreakerSnapshot {
    const state = this.state(now);
    const totals = state === 'halfOpen' ? this.probes : this.window.totals(now);
    const minimum = state === 'halfOpen' ? this.config.halfOpenCalls : this.minimumCalls;
    const rated = totals.calls >= minimum && totals.calls > 0;

    return {
      state,
      calls: totals.calls,
      failureRate: rated ? (100 * totals.failures) / totals.calls : null,
      slowCallRate: rated ? (100 * totals.slowCalls) / totals.calls : null,
      rejections: this.rejections,
      transitions: this.transitions,
    };
  }

  private record(now: number, failed: boolean, durationMs: number): void {
    // Resilience4j counts a call as slow only when it took longer than the threshold, not equal to it.
    const slow = durationMs > this.config.slowCallDuration;
    const state = this.state(now);

    // NOTE: results are not tied to the permit that started them, so a call permitted while closed that
    // completes after the breaker half-opened counts as a probe. Results arriving while open are dropped.
    if (state === 'open') return;

    if (state === 'closed') {
      this.window.record(now, failed, slow);
      const totals = this.window.totals(now);
      if (totals.calls >= this.minimumCalls && this.exceedsThreshold(totals)) {
        this.transition('open', now);
      }
      return;
    }

    this.probes.calls += 1;
    this.probes.failures += failed ? 1 : 0;
    this.probes.slowCalls += slow ? 1 : 0;
    if (this.probes.calls < this.config.halfOpenCalls) return;

    this.transition(this.exceedsThreshold(this.probes) ? 'open' : 'closed', now);
  }

  private exceedsThreshold(totals: CallTotals): boolean {
    const failureRate = (100 * totals.failures) / totals.calls;
    const slowCallRate = (100 * totals.slowCalls) / totals.calls;
    return failureRate >= this.config.failureRateThreshold || slowCallRate >= this.config.slowCallRateThreshold;
  }

  private transition(to: CircuitState, now: number): void {
    const from = this.current;
    this.current = to;
    this.transitions += 1;

    if (to === 'open') this.openedAt = now;
    if (to === 'halfOpen') {
      this.probesPermitted = 0;
      this.probes = { calls: 0, failures: 0, slowCalls: 0 };
    }
    if (to === 'closed') this.window = this.createWindow();

    this.listener?.(from, to, now);
  }

  private createWindow(): CallWindow {
    const { window, windowSize } = this.config;
    return window === 'count' ? new CountWindow(windowSize) : new TimeWindow(windowSize);
  }
}
