import { describe, expect, it } from 'vitest';
import { Ring } from '../../../src/simulator/engine/ring.js';

describe('Ring', () => {
  it('keeps FIFO order across growth', () => {
    const ring = new Ring<number>(2);
    const out: number[] = [];
    // Interleave pushes and shifts so the head wraps before the ring grows.
    for (let i = 0; i < 10; i++) {
      ring.push(2 * i);
      ring.push(2 * i + 1);
      out.push(ring.shift());
    }
    while (ring.length > 0) out.push(ring.shift());

    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('peek shows front item', () => {
    const ring = new Ring<string>();
    expect(ring.peek()).toBeUndefined();

    ring.push('a');
    ring.push('b');

    expect(ring.peek()).toBe('a');
    expect(ring.length).toBe(2);
  });

  it('shift on empty throws', () => {
    const ring = new Ring<number>();

    expect(() => ring.shift()).toThrow(/the ring is empty/);
  });

  it('rejects invalid capacity', () => {
    expect(() => new Ring<number>(0)).toThrow(/capacity 0 must be a positive integer/);
  });
});
