import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../../src/simulator/policies/retry-budget.js';

describe('RetryBudget', () => {
  it('stops retries at its ratio', () => {
    // No reserve: 10 percent of 50 requests is 5 retries.
    const budget = new RetryBudget({ ttl: 10_000, minRetriesPerSecond: 0, percentCanRetry: 10 });
    for (let i = 0; i < 50; i++) budget.deposit(i);
    const allowed = Array.from({ length: 8 }, () => budget.tryWithdraw(100)).filter(Boolean).length;
    expect(allowed).toBe(5);
    expect(budget.denied).toBe(3);
  });

  it('adds the reserve per second of ttl', () => {
    // 1 retry per second over a 2 s ttl is a reserve of 2, plus 20 percent of 5 requests.
    const budget = new RetryBudget({ ttl: 2_000, minRetriesPerSecond: 1, percentCanRetry: 20 });
    for (let i = 0; i < 5; i++) budget.deposit(0);
    expect(budget.balance(0)).toBe(3);
    expect([0, 0, 0, 0].map((t) => budget.tryWithdraw(t))).toEqual([true, true, true, false]);
  });

  it('expires deposits after ttl', () => {
    const budget = new RetryBudget({ ttl: 1_000, minRetriesPerSecond: 0, percentCanRetry: 100 });
    budget.deposit(0);
    expect(budget.balance(999)).toBe(1);
    expect(budget.balance(1_000)).toBe(0);
    expect(budget.tryWithdraw(1_000)).toBe(false);
  });

  it('returns withdrawals after ttl', () => {
    const budget = new RetryBudget({ ttl: 1_000, minRetriesPerSecond: 1, percentCanRetry: 0 });
    expect(budget.tryWithdraw(0)).toBe(true);
    expect(budget.tryWithdraw(500)).toBe(false);
    expect(budget.tryWithdraw(1_000)).toBe(true);
  });
});
