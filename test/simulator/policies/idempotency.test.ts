import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../../../src/simulator/policies/idempotency.js';

describe('IdempotencyStore', () => {
  it('drops duplicate within retention', () => {
    const store = new IdempotencyStore(1000);

    expect(store.check('order-1', 0)).toBe('new');
    expect(store.check('order-1', 999)).toBe('duplicate');
  });

  it('accepts key again after retention', () => {
    const store = new IdempotencyStore(1000);
    store.check('order-1', 0);

    expect(store.check('order-1', 1000)).toBe('new');
    expect(store.check('order-1', 1999)).toBe('duplicate');
  });

  it('duplicate does not extend retention', () => {
    const store = new IdempotencyStore(1000);
    store.check('order-1', 0);
    store.check('order-1', 900);

    expect(store.check('order-1', 1000)).toBe('new');
  });

  it('evicts expired keys in order', () => {
    const store = new IdempotencyStore(1000);
    for (let i = 0; i < 100; i++) store.check(`key-${i}`, i * 10);
    expect(store.size).toBe(100);

    // At 1500 ms the 51 keys seen at 500 ms or earlier have expired; 'late' joins the other 49.
    store.check('late', 1500);
    expect(store.size).toBe(50);
    expect(store.check('key-50', 1500)).toBe('new');
    expect(store.check('key-51', 1500)).toBe('duplicate');
  });

  it('rejects time going backwards', () => {
    const store = new IdempotencyStore(1000);
    store.check('a', 500);

    expect(() => store.check('b', 400)).toThrow(/called at 400 ms after a check at 500 ms/);
  });
});
