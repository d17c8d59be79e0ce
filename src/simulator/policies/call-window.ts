/**
 * Sliding windows of call outcomes for the circuit breaker, in the two kinds Resilience4j defines: the
 * last N calls (count-based) or the calls of the last N seconds (time-based).
 */

/** Totals of the calls in a window. */
export interface CallTotals {
  calls: number;
  failures: number;
  slowCalls: number;
}

/** A sliding window of call outcomes, read at simulated time `now` in milliseconds. */
export interface CallWindow {
  /** Adds the outcome of one call that completed at `now`. */
  record(now: number, failed: boolean, slow: boolean): void;
  /** Returns the totals of the calls inside the window at `now`. */
  totals(now: number): CallTotals;
}

const FAILED = 1;
const SLOW = 2;

/** Keeps the outcomes of the last `size` calls in a ring buffer, whenever they happened. */
export class CountWindow implements CallWindow {
  private readonly outcomes: Uint8Array;
  private next = 0;
  private calls = 0;
  private failures = 0;
  private slowCalls = 0;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`Invalid count window size ${size}: use a whole number of calls of at least 1.`);
    }
    this.outcomes = new Uint8Array(size);
  }

  record(_now: number, failed: boolean, slow: boolean): void {
    if (this.calls === this.outcomes.length) {
      const evicted = this.outcomes[this.next] as number;
      this.failures -= evicted & FAILED;
      this.slowCalls -= (evicted & SLOW) >> 1;
    } else {
      this.calls += 1;
    }

    const outcome = (failed ? FAILED : 0) | (slow ? SLOW : 0);
    this.outcomes[this.next] = outcome;
    this.failures += outcome & FAILED;
    this.slowCalls += (outcome & SLOW) >> 1;
    this.next = (this.next + 1) % this.outcomes.length;
  }

  totals(_now: number): CallTotals {
    return { calls: this.calls, failures: this.failures, slowCalls: this.slowCalls };
  }
}

interface SecondBucket {
  calls: number;
  failures: number;
  slowCalls: number;
}

/**
 * Keeps the outcomes of the calls of the last `seconds` whole seconds, as Resilience4j does: one bucket
 * per epoch second of simulated time, so the window at `now` covers the current second and the
 * `seconds - 1` before it. A call therefore leaves the window between `seconds - 1` and `seconds`
 * seconds after it completed, depending on where in its second it fell.
 */
export class TimeWindow implements CallWindow {
  private readonly buckets: SecondBucket[];
  private latestSecond = Number.NEGATIVE_INFINITY;
  private calls = 0;
  private failures = 0;
  private slowCalls = 0;

  constructor(seconds: number) {
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new Error(`Invalid time window size ${seconds}: use a whole number of seconds of at least 1.`);
    }
    this.buckets = Array.from({ length: seconds }, () => ({ calls: 0, failures: 0, slowCalls: 0 }));
  }

  record(now: number, failed: boolean, slow: boolean): void {
    const bucket = this.advance(now);
    const failures = failed ? 1 : 0;
    const slowCalls = slow ? 1 : 0;

    bucket.calls += 1;
    bucket.failures += failures;
    bucket.slowCalls += slowCalls;
    this.calls += 1;
    this.failures += failures;
    this.slowCalls += slowCalls;
  }

  totals(now: number): CallTotals {
    this.advance(now);
    return { calls: this.calls, failures: this.failures, slowCalls: this.slowCalls };
  }

  /** Empties the buckets of seconds that left the window and returns the bucket of the current second. */
  private advance(now: number): SecondBucket {
    const size = this.buckets.length;
    const second = Math.floor(now / 1000);

    if (second > this.latestSecond) {
      // Only `size` buckets exist, so after a gap of `size` seconds or more every bucket is stale.
      const first = Math.max(this.latestSecond + 1, second - size + 1);
      for (let s = first; s <= second; s++) {
        this.clear(this.bucketOf(s));
      }
      this.latestSecond = second;
    }

    // A completion reported for an earlier second than the latest one still counts, in the latest bucket.
    return this.bucketOf(this.latestSecond);
  }

  private bucketOf(second: number): SecondBucket {
    const size = this.buckets.length;
    return this.buckets[((second % size) + size) % size] as SecondBucket;
  }

  private clear(bucket: SecondBucket): void {
    this.calls -= bucket.calls;
    this.failures -= bucket.failures;
    this.slowCalls -= bucket.slowCalls;
    bucket.calls = 0;
    bucket.failures = 0;
    bucket.slowCalls = 0;
  }
}
