import { describe, expect, it } from 'vitest';
import {
  ConcurrencyLimit,
  LeakyBucket,
  SlidingWindowLog,
  TokenBucket,
  createRateLimiter,
} from '../../../src/simulator/policies/rate-limit.js';
import type { RateLimiter } from '../../../src/simulator/policies/rate-limit.js';

/** Calls `tryAcquire` `count` times at `now` and returns how many were admitted. */
function admitted(limiter: RateLimiter, now: number, count: number): number {
  let passed = 0;
  for (let i = 0; i < count; i++) {
    if (limiter.tryAcquire(now)) passed += 1;
  }
  return passed;
}

describe('TokenBucket', () => {
  it('admits exactly its burst', () => {
    const bucket = new TokenBucket(10, 0.005);

    expect(admitted(bucket, 0, 15)).toBe(10);
    expect(bucket.retryAfter(0)).toBe(200);
  });

  it('admits exactly its refill after burst', () => {
    const bucket = new TokenBucket(10, 0.005);
    admitted(bucket, 0, 10);

    expect(bucket.tryAcquire(199)).toBe(false);
    expect(bucket.tryAcquire(200)).toBe(true);
    expect(bucket.tryAcquire(200)).toBe(false);
    // One second refills five tokens, no more.
    expect(admitted(bucket, 1200, 10)).toBe(5);
  });

  it('refills no further than capacity', () => {
    const bucket = new TokenBucket(3, 0.001);

    expect(admitted(bucket, 1_000_000, 10)).toBe(3);
  });

  it('setFactor halves burst and refill', () => {
    const bucket = new TokenBucket(10, 0.005);
    bucket.setFactor(0.5);

    expect(admitted(bucket, 0, 10)).toBe(5);
    expect(bucket.retryAfter(0)).toBe(400);
  });
});

describe('LeakyBucket', () => {
  it('admits 40 at once then rejects', () => {
    const bucket = new LeakyBucket(40, 0.002);

    expect(admitted(bucket, 0, 41)).toBe(40);
    expect(bucket.fill(0)).toBe(40);
    expect(bucket.retryAfter(0)).toBe(500);
  });

  it('admits one per 500 ms when full', () => {
    const bucket = new LeakyBucket(40, 0.002);
    admitted(bucket, 0, 40);

    for (let k = 1; k <= 20; k++) {
      expect(bucket.tryAcquire(500 * k - 1)).toBe(false);
      expect(bucket.tryAcquire(500 * k)).toBe(true);
      expect(bucket.tryAcquire(500 * k)).toBe(false);
    }
  });

  it('drains to empty over 20 s', () => {
    const bucket = new LeakyBucket(40, 0.002);
    admitted(bucket, 0, 40);

    expect(bucket.fill(10_000)).toBe(20);
    expect(bucket.fill(20_000)).toBe(0);
    expect(admitted(bucket, 20_000, 50)).toBe(40);
  });

  it('handles fractional leak interval', () => {
    // 3 per second is one every 333.33 ms.
    const bucket = new LeakyBucket(1, 0.003);

    expect(bucket.tryAcquire(0)).toBe(true);
    expect(bucket.tryAcquire(333)).toBe(false);
    expect(bucket.tryAcquire(334)).toBe(true);
    expect(bucket.tryAcquire(1000)).toBe(true);
  });

  it('setFactor keeps the current level', () => {
    const bucket = new LeakyBucket(40, 0.002);
    admitted(bucket, 0, 10);
    bucket.setFactor(0.5);

    // Ten requests still in the bucket, now draining at one per second.
    expect(bucket.fill(0)).toBe(10);
    expect(bucket.fill(4000)).toBe(6);
    expect(admitted(bucket, 4000, 20)).toBe(14);
  });

  it('setFactor lowers capacity and leak', () => {
    const bucket = new LeakyBucket(40, 0.002);
    bucket.setFactor(0.5);

    expect(admitted(bucket, 0, 40)).toBe(20);
    expect(bucket.retryAfter(0)).toBe(1000);
    bucket.setFactor(1);
    expect(admitted(bucket, 0, 40)).toBe(20);
  });
});

describe('SlidingWindowLog', () => {
  it('admits exactly limit per window', () => {
    const window = new SlidingWindowLog(3, 1000);

    expect(admitted(window, 0, 5)).toBe(3);
    expect(window.retryAfter(0)).toBe(1000);
    expect(window.tryAcquire(999)).toBe(false);
    expect(admitted(window, 1000, 5)).toBe(3);
  });

  it('admits at most limit in any window', () => {
    const window = new SlidingWindowLog(5, 1000);
    const admittedAt: number[] = [];
    for (let t = 0; t < 5000; t += 70) {
      if (window.tryAcquire(t)) admittedAt.push(t);
    }

    for (const start of admittedAt) {
      const inWindow = admittedAt.filter((t) => t >= start && t < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    // 72 attempts 70 ms apart over 5 s, five per window: 0..280, 1050..1330, 2100..2380, 3150..3430, 4200..4480.
    expect(admittedAt.length).toBe(25);
  });

  it('frees slots as entries expire', () => {
    const window = new SlidingWindowLog(2, 1000);
    window.tryAcquire(100);
    window.tryAcquire(400);

    expect(window.retryAfter(500)).toBe(600);
    expect(window.tryAcquire(1099)).toBe(false);
    expect(window.tryAcquire(1100)).toBe(true);
    expect(window.retryAfter(1100)).toBe(300);
    expect(window.count(1100)).toBe(2);
  });

  it('setFactor waits for enough expiries', () => {
    const window = new SlidingWindowLog(4, 1000);
    for (const t of [0, 100, 200, 300]) window.tryAcquire(t);
    window.setFactor(0.5);

    // Four entries against a limit of two: the third-oldest must leave first.
    expect(window.retryAfter(300)).toBe(900);
    expect(window.tryAcquire(1199)).toBe(false);
    expect(window.tryAcquire(1200)).toBe(true);
  });
});

describe('ConcurrencyLimit', () => {
  it('admits max then rejects', () => {
    const limit = new ConcurrencyLimit(2);

    expect(admitted(limit, 0, 3)).toBe(2);
    expect(limit.retryAfter(0)).toBe(Infinity);
    limit.release();
    expect(limit.retryAfter(0)).toBe(0);
    expect(limit.tryAcquire(0)).toBe(true);
    expect(limit.inFlight).toBe(2);
  });

  it('release without acquire throws', () => {
    const limit = new ConcurrencyLimit(1);

    expect(() => limit.release()).toThrow(/no request in flight/);
  });

  it('setFactor lowers limit for new requests', () => {
    const limit = new ConcurrencyLimit(10);
    admitted(limit, 0, 6);
    limit.setFactor(0.5);

    expect(limit.limit).toBe(5);
    expect(limit.tryAcquire(0)).toBe(false);
    limit.release();
    limit.release();
    expect(limit.tryAcquire(0)).toBe(true);
  });

  it('setFactor rejects zero', () => {
    const limit = new ConcurrencyLimit(10);

    expect(() => limit.setFactor(0)).toThrow(/Invalid limit factor 0/);
  });
});

describe('createRateLimiter', () => {
  it('token bucket uses burst and rate', () => {
    const limiter = createRateLimiter({ algorithm: 'tokenBucket', limit: 10, per: 1000, burst: 20 });

    expect(admitted(limiter, 0, 30)).toBe(20);
    expect(limiter.retryAfter(0)).toBe(100);
  });

  it('leaky bucket defaults burst to limit', () => {
    const limiter = createRateLimiter({ algorithm: 'leakyBucket', limit: 4, per: 1000 });

    expect(admitted(limiter, 0, 10)).toBe(4);
    expect(limiter.retryAfter(0)).toBe(250);
  });

  it('sliding window ignores burst', () => {
    const limiter = createRateLimiter({ algorithm: 'slidingWindow', limit: 5, per: 60_000, burst: 50 });

    expect(admitted(limiter, 0, 10)).toBe(5);
    expect(limiter.retryAfter(0)).toBe(60_000);
  });
});
