/**
 * Rate-limit algorithms shared by the API gateway and the vendor limit presets.
 *
 * Every limiter is driven by simulated time passed in as `now` (milliseconds, never decreasing) and keeps
 * no timers: it brings its state up to date on each call. Rates are per millisecond, so 2 requests per
 * second is `0.002`.
 */
import type { RateLimitConfig } from '../scenario/schema.js';

/**
 * Tolerance in milliseconds (or requests, when scaling counts) for comparisons. Intervals such as 1000/3 ms
 * carry rounding error, and without the tolerance a request due at exactly the right instant could be
 * rejected.
 */
const EPSILON = 1e-6;

/** A limit on admitted requests, evaluated at simulated time `now` in milliseconds. */
export interface RateLimiter {
  /** Admits one request and records it, or returns false when the limit rejects it. */
  tryAcquire(now: number): boolean;
  /** Returns the milliseconds until one request would be admitted; 0 exactly when `tryAcquire` would admit. */
  retryAfter(now: number): number;
  /** Scales the configured limit by `factor`; 1 restores it. */
  setFactor(factor: number): void;
}

/**
 * Checks a scaling factor and returns it.
 *
 * @throws Error when `factor` is not a finite number above 0.
 */
export function checkFactor(factor: number): number {
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new Error(`Invalid limit factor ${factor}: use a finite number above 0, such as 0.5 to halve the limit.`);
  }
  return factor;
}

function checkPositive(name: string, value: number, unit: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Invalid ${name} ${value}: use a finite number above 0 (${unit}).`);
  }
}

/**
 * Scales a whole-number limit, rounding down so a scaled limit never admits more than asked. The result is
 * at least 1, because a limit of 0 would be an outage, which faults model on their own.
 */
function scaleCount(limit: number, factor: number): number {
  return Math.max(1, Math.floor(limit * factor + EPSILON));
}

/**
 * The bucket shared by `TokenBucket` and `LeakyBucket`, kept as the simulated time at which it will be
 * empty rather than as a fractional level. Each admitted request pushes that time `intervalMs` later, so
 * with whole-millisecond intervals (500 ms for 2 per second) every wait is an exact whole number.
 */
class DrainingBucket {
  private readonly baseCapacity: number;
  private readonly baseIntervalMs: number;
  capacity: number;
  intervalMs: number;
  private emptyAt = Number.NEGATIVE_INFINITY;
  private updatedAt = 0;

  constructor(capacity: number, ratePerMs: number) {
    this.baseCapacity = capacity;
    this.baseIntervalMs = 1 / ratePerMs;
    this.capacity = capacity;
    this.intervalMs = this.baseIntervalMs;
  }

  /** Returns the requests in the bucket at `now`, fractional while one drains. */
  level(now: number): number {
    this.updatedAt = Math.max(this.updatedAt, now);
    return this.backlog(now) / this.intervalMs;
  }

  tryAdd(now: number): boolean {
    if (this.wait(now) > 0) return false;

    this.emptyAt = now + this.backlog(now) + this.intervalMs;
    return true;
  }

  /** Returns the ms until one more request fits. */
  wait(now: number): number {
    this.updatedAt = Math.max(this.updatedAt, now);
    const excess = this.backlog(now) + this.intervalMs - this.capacity * this.intervalMs;
    return excess <= EPSILON ? 0 : excess;
  }

  /** Scales capacity and rate, keeping the level the bucket had at the latest call. */
  scale(factor: number): void {
    const level = this.level(this.updatedAt);
    this.capacity = scaleCount(this.baseCapacity, factor);
    this.intervalMs = this.baseIntervalMs / factor;
    this.emptyAt = this.updatedAt + level * this.intervalMs;
  }

  private backlog(now: number): number {
    return Math.max(0, this.emptyAt - now);
  }
}

/**
 * Limits requests with a token bucket: the bucket starts full with `capacity` tokens, each request takes
 * one, and tokens refill at `refillPerMs` up to the capacity. Bursts of up to `capacity` pass at once.
 * It admits exactly the requests a `LeakyBucket` of the same size and rate admits. Both names exist
 * because gateways describe their limits in tokens and Shopify in a bucket that fills.
 *
 * @example new TokenBucket(10, 0.005) // bursts of 10, then 5 requests per second
 */
export class TokenBucket implements RateLimiter {
  private readonly bucket: DrainingBucket;

  constructor(capacity: number, refillPerMs: number) {
    checkPositive('token bucket capacity', capacity, 'tokens');
    checkPositive('token bucket refill rate', refillPerMs, 'tokens per ms');
    this.bucket = new DrainingBucket(capacity, refillPerMs);
  }

  /** Returns the tokens available at `now`, fractional while one refills. */
  tokens(now: number): number {
    return this.bucket.capacity - this.bucket.level(now);
  }

  tryAcquire(now: number): boolean {
    return this.bucket.tryAdd(now);
  }

  retryAfter(now: number): number {
    return this.bucket.wait(now);
  }

  setFactor(factor: number): void {
    this.bucket.scale(checkFactor(factor));
  }
}

/**
 * Limits requests with a leaky bucket as Shopify's REST Admin API does: each request adds one to the
 * bucket, the bucket drains at `leakPerMs`, and a request that would fill it past `capacity` is rejected.
 *
 * @example new LeakyBucket(40, 0.002) // Shopify Basic: 40 at once, then one every 500 ms
 */
export class LeakyBucket implements RateLimiter {
  private readonly bucket: DrainingBucket;

  constructor(capacity: number, leakPerMs: number) {
    checkPositive('leaky bucket capacity', capacity, 'requests');
    checkPositive('leaky bucket leak rate', leakPerMs, 'requests per ms');
    this.bucket = new DrainingBucket(capacity, leakPerMs);
  }

  /** Returns the bucket level at `now`: admitted requests not yet drained, fractional between leaks. */
  fill(now: number): number {
    return this.bucket.level(now);
  }

  /** Returns the capacity in force, after any factor. */
  get limit(): number {
    return this.bucket.capacity;
  }

  /** Returns the drain rate in force, in requests per millisecond, after any factor. */
  get rate(): number {
    return 1 / this.bucket.intervalMs;
  }

  tryAcquire(now: number): boolean {
    return this.bucket.tryAdd(now);
  }

  retryAfter(now: number): number {
    return this.bucket.wait(now);
  }

  setFactor(factor: number): void {
    this.bucket.scale(checkFactor(factor));
  }
}

/**
 * Limits requests with an exact sliding-window log: at most `limit` admitted requests in any window of
 * `windowMs`. A request admitted at time t counts until t + windowMs, when it leaves the window.
 * Memory is one timestamp per admitted request in the window, so at most `limit` entries.
 *
 * @example new SlidingWindowLog(6000, 300_000) // Dataverse: 6,000 requests in any 300 s
 */
export class SlidingWindowLog implements RateLimiter {
  private readonly baseLimit: number;
  private readonly windowMs: number;
  private currentLimit: number;
  /** Admission times, oldest first; entries before `head` have left the window. */
  private times: number[] = [];
  private head = 0;

  constructor(limit: number, windowMs: number) {
    checkPositive('sliding window limit', limit, 'requests');
    checkPositive('sliding window length', windowMs, 'ms');
    this.baseLimit = limit;
    this.windowMs = windowMs;
    this.currentLimit = limit;
  }

  /** Returns the number of admitted requests still inside the window at `now`. */
  count(now: number): number {
    this.evict(now);
    return this.times.length - this.head;
  }

  /** Returns the request limit in force, after any factor. */
  get limit(): number {
    return this.currentLimit;
  }

  tryAcquire(now: number): boolean {
    if (this.count(now) >= this.currentLimit) return false;

    this.times.push(now);
    return true;
  }

  retryAfter(now: number): number {
    const inWindow = this.count(now);
    if (inWindow < this.currentLimit) return 0;

    // The window must lose enough entries to leave room for one more. With a limit lowered by a factor
    // that can be more than one entry, so wait for the one that brings the count below the limit.
    const index = this.head + inWindow - this.currentLimit;
    return (this.times[index] as number) + this.windowMs - now;
  }

  setFactor(factor: number): void {
    checkFactor(factor);
    this.currentLimit = scaleCount(this.baseLimit, factor);
  }

  private evict(now: number): void {
    const times = this.times;
    while (this.head < times.length && (times[this.head] as number) + this.windowMs <= now) {
      this.head += 1;
    }

    // Compact once the evicted prefix is at least half the array, so eviction stays amortised O(1).
    if (this.head > 0 && this.head * 2 >= times.length) {
      this.times = times.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * Limits the requests in flight at once to `max`. Unlike the rate limits, a slot frees only when the
 * caller calls `release`, so the limiter cannot tell when that will be.
 */
export class ConcurrencyLimit implements RateLimiter {
  private readonly baseMax: number;
  private currentMax: number;
  private active = 0;

  constructor(max: number) {
    checkPositive('concurrency limit', max, 'requests in flight');
    this.baseMax = max;
    this.currentMax = max;
  }

  /** Returns the number of admitted requests not yet released. */
  get inFlight(): number {
    return this.active;
  }

  /** Returns the concurrency limit in force, after any factor. */
  get limit(): number {
    return this.currentMax;
  }

  tryAcquire(_now: number): boolean {
    if (this.active >= this.currentMax) return false;

    this.active += 1;
    return true;
  }

  /** Returns 0 when a slot is free, otherwise `Infinity`, because the wait depends on `release` calls. */
  retryAfter(_now: number): number {
    return this.active < this.currentMax ? 0 : Number.POSITIVE_INFINITY;
  }

  /**
   * Frees the slot of one admitted request.
   *
   * @throws Error when no request is in flight, because that means a request was released twice.
   */
  release(): void {
    if (this.active === 0) {
      throw new Error('ConcurrencyLimit.release called with no request in flight: release each admitted request once.');
    }
    this.active -= 1;
  }

  /** Scales the limit; requests already in flight above a lowered limit finish, and new ones wait. */
  setFactor(factor: number): void {
    checkFactor(factor);
    this.currentMax = scaleCount(this.baseMax, factor);
  }
}

/**
 * Creates the limiter a scenario's `gatewayRateLimit` describes: `limit` requests per `per` ms, with
 * buckets holding `burst` requests (default `limit`). A sliding window ignores `burst`, because it admits
 * up to `limit` at once anyway.
 *
 * @example createRateLimiter({ algorithm: 'tokenBucket', limit: 100, per: 1000, burst: 200 })
 */
export function createRateLimiter(config: RateLimitConfig): RateLimiter {
  const size = config.burst ?? config.limit;
  const perMs = config.limit / config.per;

  switch (config.algorithm) {
    case 'tokenBucket':
      return new TokenBucket(size, perMs);
    case 'leakyBucket':
      return new LeakyBucket(size, perMs);
    case 'slidingWindow':
      return new SlidingWindowLog(config.limit, config.per);
  }
}
