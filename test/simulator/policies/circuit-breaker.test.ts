import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/simulator/policies/circuit-breaker.js';
import type { CircuitState } from '../../../src/simulator/policies/circuit-breaker.js';
import type { CircuitBreakerConfig } from '../../../src/simulator/scenario/schema.js';

const BASE: CircuitBreakerConfig = {
  window: 'count',
  windowSize: 10,
  minimumCalls: 10,
  failureRateThreshold: 50,
  slowCallDuration: 2000,
  slowCallRateThreshold: 100,
  openFor: 30_000,
  halfOpenCalls: 3,
};

/** Returns a breaker and a log of its state changes as `from->to@now`. */
function setup(overrides: Partial<CircuitBreakerConfig> = {}) {
  const log: string[] = [];
  const breaker = new CircuitBreaker(
    { ...BASE, ...overrides },
    { onStateChange: (from: CircuitState, to: CircuitState, now: number) => log.push(`${from}->${to}@${now}`) },
  );
  return { breaker, log };
}

/** Runs calls at `now`, failing those whose outcome is 'F', each taking `durationMs`. */
function calls(breaker: CircuitBreaker, now: number, outcomes: string, durationMs = 10): void {
  for (const outcome of outcomes) {
    expect(breaker.tryAcquire(now)).toBe(true);
    if (outcome === 'F') breaker.onError(now, durationMs);
    else breaker.onSuccess(now, durationMs);
  }
}

describe('CircuitBreaker', () => {
  it('opens at five failures in ten', () => {
    const { breaker, log } = setup();
    calls(breaker, 0, 'SSSSSFFFFF');

    expect(breaker.state(0)).toBe('open');
    expect(log).toEqual(['closed->open@0']);
    expect(breaker.transitions).toBe(1);
  });

  it('stays closed at four failures in ten', () => {
    const { breaker } = setup();
    calls(breaker, 0, 'SSSSSSFFFF');

    expect(breaker.state(0)).toBe('closed');
    expect(breaker.snapshot(0).failureRate).toBe(40);
  });

  it('waits for minimum calls before rating', () => {
    const { breaker } = setup();
    calls(breaker, 0, 'FFFFFFFFF');

    expect(breaker.state(0)).toBe('closed');
    expect(breaker.snapshot(0).failureRate).toBeNull();
    calls(breaker, 0, 'S');
    expect(breaker.state(0)).toBe('open');
  });

  it('count window forgets calls beyond size', () => {
    const { breaker } = setup();
    // Four failures, then ten successes push them out; four new failures make 4 in the last 10.
    calls(breaker, 0, 'FFFFSSSSSSSSSSFFFF');

    expect(breaker.state(0)).toBe('closed');
    expect(breaker.snapshot(0).failureRate).toBe(40);
  });

  it('stays open exactly openFor', () => {
    const { breaker, log } = setup();
    calls(breaker, 1000, 'FFFFFFFFFF');

    expect(breaker.tryAcquire(30_999)).toBe(false);
    expect(breaker.state(30_999)).toBe('open');
    expect(breaker.state(31_000)).toBe('halfOpen');
    expect(breaker.rejections).toBe(1);
    expect(log).toEqual(['closed->open@1000', 'open->halfOpen@31000']);
  });

  it('half-open permits exactly halfOpenCalls probes', () => {
    const { breaker } = setup();
    calls(breaker, 0, 'FFFFFFFFFF');

    expect(breaker.tryAcquire(30_000)).toBe(true);
    expect(breaker.tryAcquire(30_000)).toBe(true);
    expect(breaker.tryAcquire(30_000)).toBe(true);
    expect(breaker.tryAcquire(30_000)).toBe(false);
    expect(breaker.rejections).toBe(1);
  });

  it('half-open decides after all probes', () => {
    const { breaker } = setup();
    calls(breaker, 0, 'FFFFFFFFFF');
    for (let i = 0; i < 3; i++) breaker.tryAcquire(30_000);

    breaker.onError(30_100, 10);
    breaker.onError(30_100, 10);
    expect(breaker.state(30_100)).toBe('halfOpen');
    breaker.onSuccess(30_200, 10);
    expect(breaker.state(30_200)).toBe('open');
  });

  it('half-open closes on good probes', () => {
    const { breaker, log } = setup();
    calls(breaker, 0, 'FFFFFFFFFF');
    for (let i = 0; i < 3; i++) breaker.tryAcquire(30_000);

    // One failure in three is 33 %, under the 50 % threshold.
    breaker.onError(30_100, 10);
    breaker.onSuccess(30_100, 10);
    breaker.onSuccess(30_200, 10);

    expect(breaker.state(30_200)).toBe('closed');
    expect(breaker.snapshot(30_200).calls).toBe(0);
    expect(log).toEqual(['closed->open@0', 'open->halfOpen@30000', 'halfOpen->closed@30200']);
  });

  it('half-open reopens for another openFor', () => {
    const { breaker, log } = setup();
    calls(breaker, 0, 'FFFFFFFFFF');
    for (let i = 0; i < 3; i++) breaker.tryAcquire(30_000);
    for (let i = 0; i < 3; i++) breaker.onError(30_500, 10);

    expect(breaker.state(60_499)).toBe('open');
    expect(breaker.state(60_500)).toBe('halfOpen');
    expect(log).toEqual(['closed->open@0', 'open->halfOpen@30000', 'halfOpen->open@30500', 'open->halfOpen@60500']);
    expect(breaker.transitions).toBe(4);
  });

  it('slow calls open the breaker', () => {
    const { breaker } = setup({ slowCallRateThreshold: 50 });
    // Exactly 2000 ms is not slow: Resilience4j counts only calls longer than the threshold.
    calls(breaker, 0, 'SSSSS', 2000);
    expect(breaker.state(0)).toBe('closed');
    calls(breaker, 0, 'SSSSS', 2001);

    expect(breaker.state(0)).toBe('open');
  });

  it('slow probes reopen half-open breaker', () => {
    const { breaker } = setup({ slowCallRateThreshold: 50 });
    calls(breaker, 0, 'FFFFFFFFFF');
    for (let i = 0; i < 3; i++) breaker.tryAcquire(30_000);
    breaker.onSuccess(35_000, 5000);
    breaker.onSuccess(35_000, 5000);
    breaker.onSuccess(35_000, 10);

    expect(breaker.state(35_000)).toBe('open');
  });

  it('count window caps minimum calls', () => {
    const { breaker } = setup({ windowSize: 4, minimumCalls: 20 });
    calls(breaker, 0, 'SSFF');

    expect(breaker.state(0)).toBe('open');
  });

  it('time window forgets old calls', () => {
    const { breaker } = setup({ window: 'time', windowSize: 10, minimumCalls: 4 });
    calls(breaker, 0, 'FFF');
    // Calls of second 0 leave the window when second 10 begins.
    calls(breaker, 10_000, 'S');
    expect(breaker.snapshot(10_000).calls).toBe(1);
    calls(breaker, 10_000, 'SSS');

    expect(breaker.state(10_000)).toBe('closed');
  });

  it('time window keeps calls within size', () => {
    const { breaker } = setup({ window: 'time', windowSize: 10, minimumCalls: 4 });
    calls(breaker, 0, 'FFF');
    calls(breaker, 9_999, 'S');

    expect(breaker.snapshot(9_999).calls).toBe(4);
    expect(breaker.state(9_999)).toBe('open');
  });

  it('time window clears after long gap', () => {
    const { breaker } = setup({ window: 'time', windowSize: 5, minimumCalls: 2 });
    calls(breaker, 1_500, 'SF');
    expect(breaker.state(1_500)).toBe('open');
    breaker.state(31_500);
    for (let i = 0; i < 3; i++) breaker.tryAcquire(31_500);
    for (let i = 0; i < 3; i++) breaker.onSuccess(31_600, 10);
    expect(breaker.state(31_600)).toBe('closed');

    calls(breaker, 1_000_000, 'S');
    expect(breaker.snapshot(1_000_000).calls).toBe(1);
  });

  it('rejects invalid openFor', () => {
    expect(() => setup({ openFor: -1 })).toThrow(/openFor=-1/);
  });
});
