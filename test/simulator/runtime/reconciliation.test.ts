import { describe, expect, it } from 'vitest';
import { BalanceBook, ReadCache } from '../../../src/simulator/runtime/read-cache.js';
import { WorkQueue, type WorkItem } from '../../../src/simulator/runtime/reconciliation.js';

const item = (createdAt: number): WorkItem => ({ createdAt, cleared: false });

describe('WorkQueue', () => {
  it('measures pending count and oldest age', () => {
    const work = new WorkQueue<WorkItem>();
    work.add(item(1_000));
    work.add(item(4_000));

    expect(work.figures(10_000)).toEqual({ pending: 2, oldestAge: 9_000, created: 2, cleared: 0, clearedAt: null });
  });

  it('clearing the oldest ages the next', () => {
    const work = new WorkQueue<WorkItem>();
    const first = work.add(item(1_000));
    work.add(item(4_000));
    work.clear(first, 5_000);

    expect(work.figures(10_000)).toEqual({ pending: 1, oldestAge: 6_000, created: 2, cleared: 1, clearedAt: null });
  });

  it('records when the work emptied', () => {
    const work = new WorkQueue<WorkItem>();
    const first = work.add(item(1_000));
    const second = work.add(item(4_000));
    work.clear(second, 6_000);
    work.clear(first, 7_000);
    work.clear(first, 8_000);

    expect(work.figures(9_000)).toEqual({ pending: 0, oldestAge: 0, created: 2, cleared: 2, clearedAt: 7_000 });
    expect(work.first()).toBeNull();
  });
});

describe('ReadCache', () => {
  it('serves an entry within staleness', () => {
    const cache = new ReadCache();
    cache.fill('getBalance', 7, 450, 1_000);

    expect(cache.lookup('getBalance', 7, 61_000, 60_000)).toEqual({ hit: 'fresh', age: 60_000, value: 450 });
  });

  it('rejects an entry past staleness', () => {
    const cache = new ReadCache();
    cache.fill('getBalance', 7, 450, 1_000);

    expect(cache.lookup('getBalance', 7, 61_001, 60_000)).toEqual({ hit: 'stale', age: 60_001, value: 450 });
  });

  it('keeps operations and keys apart', () => {
    const cache = new ReadCache();
    cache.fill('getCustomer', 7, 0, 1_000);

    expect(cache.lookup('getBalance', 7, 1_000, 60_000)).toEqual({ hit: 'missing' });
    expect(cache.lookup('getCustomer', 8, 1_000, 60_000)).toEqual({ hit: 'missing' });
    expect(cache.size).toBe(1);
  });

  it('a later read refreshes the entry', () => {
    const cache = new ReadCache();
    cache.fill('lookupPrice', 3, 0, 1_000);
    cache.fill('lookupPrice', 3, 0, 50_000);

    expect(cache.lookup('lookupPrice', 3, 100_000, 60_000)).toEqual({ hit: 'fresh', age: 50_000, value: 0 });
  });
});

describe('BalanceBook', () => {
  it('adds changes to the opening balance', () => {
    const book = new BalanceBook((customer) => customer * 100);
    book.change(3, -40);
    book.change(3, 15);

    expect(book.balance(3)).toBe(275);
    expect(book.balance(4)).toBe(400);
  });
});
