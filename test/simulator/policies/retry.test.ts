import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src/simulator/engine/random.js';
import { backoffDelay, retryDelay, shouldRetry } from '../../../src/simulator/policies/retry.js';
import type { RetryPolicy } from '../../../src/simulator/scenario/schema.js';

const POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelay: 100,
  maxDelay: 1000,
  multiplier: 3,
  jitter: 'none',
};

describe('backoffDelay', () => {
  it('grows by multiplier up to cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, POLICY))).toEqual([100, 300, 900, 1000, 1000]);
  });

  it('rejects attempt zero', () => {
    expect(() => backoffDelay(0, POLICY)).toThrow(/Invalid attempt number 0/);
  });
});

describe('retryDelay', () => {
  it('no jitter draws nothing', () => {
    const stream = new RandomStream('retry', 7);
    const twin = new RandomStream('retry', 7);

    expect(retryDelay(2, POLICY, stream)).toBe(300);
    expect(stream.next()).toBe(twin.next());
  });

  it('full jitter is uniform up to backoff', () => {
    const stream = new RandomStream('retry', 7);
    const twin = new RandomStream('retry', 7);
    const policy: RetryPolicy = { ...POLICY, jitter: 'full' };

    expect(retryDelay(3, policy, stream)).toBe(twin.next() * 900);
    expect(retryDelay(9, policy, stream)).toBe(twin.next() * 1000);
  });

  it('equal jitter keeps half the backoff', () => {
    const stream = new RandomStream('retry', 11);
    const twin = new RandomStream('retry', 11);
    const policy: RetryPolicy = { ...POLICY, jitter: 'equal' };

    const delay = retryDelay(2, policy, stream);
    expect(delay).toBe(150 + (twin.next() * 300) / 2);
    expect(delay).toBeGreaterThanOrEqual(150);
    expect(delay).toBeLessThan(300);
  });

  it('honours longer Retry-After', () => {
    const stream = new RandomStream('retry', 7);

    expect(retryDelay(1, POLICY, stream, 2000)).toBe(2000);
    expect(retryDelay(3, POLICY, stream, 500)).toBe(900);
  });

  it('full jitter stays within bounds', () => {
    const stream = new RandomStream('retry', 3);
    const policy: RetryPolicy = { ...POLICY, jitter: 'full' };

    for (let i = 0; i < 1000; i++) {
      const delay = retryDelay(2, policy, stream);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(300);
    }
  });
});

describe('shouldRetry', () => {
  it('counts the first call as attempt', () => {
    expect(shouldRetry(1, POLICY)).toBe(true);
    expect(shouldRetry(3, POLICY)).toBe(true);
    expect(shouldRetry(4, POLICY)).toBe(false);
  });
});
