import { describe, expect, it } from 'vitest';
import { Bulkhead, type BulkheadWaiter } from '../../../src/simulator/policies/bulkhead.js';

function waiter(log: string[], name: string, cancelled = false): BulkheadWaiter {
  return { grant: () => log.push(name), cancelled: () => cancelled };
}

describe('Bulkhead', () => {
  it('admits N concurrent calls', () => {
    const bulkhead = new Bulkhead(3);
    const log: string[] = [];
    const results = ['a', 'b', 'c', 'd'].map((name) => bulkhead.acquire(waiter(log, name)));
    expect(results).toEqual(['acquired', 'acquired', 'acquired', 'rejected']);
    expect(bulkhead.inFlight).toBe(3);
    expect(bulkhead.rejections).toBe(1);
  });

  it('queues then rejects over queue', () => {
    const bulkhead = new Bulkhead(1, 2);
    const log: string[] = [];
    expect(bulkhead.acquire(waiter(log, 'a'))).toBe('acquired');
    expect(bulkhead.acquire(waiter(log, 'b'))).toBe('queued');
    expect(bulkhead.acquire(waiter(log, 'c'))).toBe('queued');
    expect(bulkhead.acquire(waiter(log, 'd'))).toBe('rejected');
    bulkhead.release();
    expect(log).toEqual(['b']);
    expect(bulkhead.inFlight).toBe(1);
    expect(bulkhead.queued).toBe(1);
  });

  it('skips waiters that gave up', () => {
    const bulkhead = new Bulkhead(1, 2);
    const log: string[] = [];
    bulkhead.acquire(waiter(log, 'a'));
    bulkhead.acquire(waiter(log, 'b', true));
    bulkhead.acquire(waiter(log, 'c'));
    bulkhead.release();
    expect(log).toEqual(['c']);
  });

  it('frees the slot without waiters', () => {
    const bulkhead = new Bulkhead(1);
    bulkhead.acquire(waiter([], 'a'));
    bulkhead.release();
    expect(bulkhead.inFlight).toBe(0);
    expect(() => bulkhead.release()).toThrow(/no call in flight/);
  });
});
