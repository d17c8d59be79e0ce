import { describe, expect, it } from 'vitest';
import { arrivalRate, blackFridayBase, peakRate } from '../../../src/simulator/load/profile.js';
import type { LoadProfile } from '../../../src/simulator/scenario/schema.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('arrivalRate by profile', () => {
  it('constant rate everywhere', () => {
    const profile: LoadProfile = { kind: 'constant', rate: 12 };
    expect([0, HOUR, 10 * HOUR].map((t) => arrivalRate(profile, t))).toEqual([12, 12, 12]);
    expect(peakRate(profile, HOUR)).toBe(12);
  });

  it('ramp interpolates then holds', () => {
    const profile: LoadProfile = { kind: 'ramp', from: 10, to: 50, over: 40 * MINUTE };
    expect(arrivalRate(profile, 0)).toBe(10);
    expect(arrivalRate(profile, 10 * MINUTE)).toBe(20);
    expect(arrivalRate(profile, 40 * MINUTE)).toBe(50);
    expect(arrivalRate(profile, 2 * HOUR)).toBe(50);
    expect(peakRate(profile, 20 * MINUTE)).toBe(30);
  });

  it('spike rises holds falls', () => {
    const profile: LoadProfile = { kind: 'spike', base: 5, peak: 25, at: HOUR, rise: 10 * MINUTE, hold: 20 * MINUTE, fall: 20 * MINUTE };
    expect(arrivalRate(profile, 30 * MINUTE)).toBe(5);
    expect(arrivalRate(profile, HOUR + 5 * MINUTE)).toBe(15);
    expect(arrivalRate(profile, HOUR + 20 * MINUTE)).toBe(25);
    expect(arrivalRate(profile, HOUR + 40 * MINUTE)).toBe(15);
    expect(arrivalRate(profile, 3 * HOUR)).toBe(5);
    expect(peakRate(profile, 3 * HOUR)).toBe(25);
  });

  it('daily scales largest hour', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => (h === 5 ? 4 : 1));
    const profile: LoadProfile = { kind: 'daily', hourly, peakRate: 20 };
    expect(arrivalRate(profile, 5 * HOUR + 30 * MINUTE)).toBe(20);
    expect(arrivalRate(profile, 6 * HOUR)).toBe(5);
    expect(arrivalRate(profile, 29 * HOUR)).toBe(20);
    expect(peakRate(profile, HOUR)).toBe(20);
  });

  it('daily all zero weights', () => {
    const profile: LoadProfile = { kind: 'daily', hourly: new Array<number>(24).fill(0), peakRate: 20 };
    expect(arrivalRate(profile, HOUR)).toBe(0);
    expect(peakRate(profile, HOUR)).toBe(0);
  });

  it('blackFriday peak and base', () => {
    const profile: LoadProfile = { kind: 'blackFriday', peakRate: 100, peakAt: 12 * HOUR, peakToAverage: 1.6, width: HOUR };
    const k = Math.sqrt(2 * Math.PI) / 24;
    const base = (100 * (1 / 1.6 - k)) / (1 - k);
    expect(blackFridayBase(profile)).toBeCloseTo(base, 10);
    expect(arrivalRate(profile, 12 * HOUR)).toBe(100);
    expect(arrivalRate(profile, 13 * HOUR)).toBeCloseTo(base + (100 - base) * Math.exp(-0.5), 10);
    expect(peakRate(profile, 24 * HOUR)).toBe(100);
  });

  it('blackFriday day average matches ratio', () => {
    const profile: LoadProfile = { kind: 'blackFriday', peakRate: 100, peakAt: 12 * HOUR, peakToAverage: 1.6, width: HOUR };
    let sum = 0;
    const steps = 24 * 60;
    for (let i = 0; i < steps; i++) sum += arrivalRate(profile, (i + 0.5) * MINUTE);
    expect(100 / (sum / steps)).toBeCloseTo(1.6, 4);
  });

  it('blackFriday too wide clamps base', () => {
    const profile: LoadProfile = { kind: 'blackFriday', peakRate: 100, peakAt: 12 * HOUR, peakToAverage: 5, width: 4 * HOUR };
    expect(blackFridayBase(profile)).toBe(0);
  });
});
