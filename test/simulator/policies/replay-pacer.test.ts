import { describe, expect, it } from 'vitest';
import { ReplayPacer } from '../../../src/simulator/policies/dead-letter.js';

describe('ReplayPacer', () => {
  it('spaces slots by the rate', () => {
    const pacer = new ReplayPacer();

    expect([0, 0, 0, 0].map(() => pacer.reserve(0, 4))).toEqual([0, 250, 500, 750]);
  });

  it('never reserves before now', () => {
    const pacer = new ReplayPacer();
    pacer.reserve(0, 1);

    expect(pacer.reserve(5_000, 1)).toBe(5_000);
    expect(pacer.reserve(5_000, 1)).toBe(6_000);
  });

  it('rejects a rate of zero', () => {
    expect(() => new ReplayPacer().reserve(0, 0)).toThrow('Invalid replay rate 0 per second: use a number above 0.');
  });
});
