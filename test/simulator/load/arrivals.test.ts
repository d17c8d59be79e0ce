import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { ArrivalProcess } from '../../../src/simulator/load/arrivals.js';
import type { LoadConfig, LoadProfile } from '../../../src/simulator/scenario/schema.js';

const HOUR = 3_600_000;
const MIX = { onlineCheckout: 1, inStoreCheckout: 1, buyOnlinePickUpInStore: 0, returnInStore: 0, promotionActivation: 1, profileEnrichment: 0 };

function loadOf(profile: LoadProfile, factor = 1): LoadConfig {
  return { profile, channels: { ecommerce: 1, pos: 1 }, mix: MIX, factor };
}

function arrivalTimes(load: LoadConfig, duration: number, seed: number, factor = 1): number[] {
  const process = new ArrivalProcess(load, duration, new RandomStreams(seed).stream('arrivals'));
  const times: number[] = [];
  for (let t = process.next(0, factor); t !== null; t = process.next(t, factor)) times.push(t);
  return times;
}

describe('ArrivalProcess thinning', () => {
  it('constant rate exact count', () => {
    const times = arrivalTimes(loadOf({ kind: 'constant', rate: 10 }), HOUR, 42);
    expect(times.length).toBe(35_864);
    expect(times[0]).toBeCloseTo(166.68935063555122, 9);
  });

  it('constant rate within Poisson tolerance', () => {
    // Expected 36,000 per hour at 10/s; the standard deviation of a Poisson count is sqrt(36,000) = 190.
    for (const seed of [1, 2, 3, 4, 5]) {
      const count = arrivalTimes(loadOf({ kind: 'constant', rate: 10 }), HOUR, seed).length;
      expect(Math.abs(count - 36_000)).toBeLessThan(4 * 190);
    }
  });

  it('ramp count follows integral', () => {
    // A ramp from 0 to 20/s over an hour averages 10/s: expected 36,000, standard deviation 190.
    const count = arrivalTimes(loadOf({ kind: 'ramp', from: 0, to: 20, over: HOUR }), HOUR, 9).length;
    expect(Math.abs(count - 36_000)).toBeLessThan(4 * 190);
  });

  it('ramp puts arrivals late', () => {
    const times = arrivalTimes(loadOf({ kind: 'ramp', from: 0, to: 20, over: HOUR }), HOUR, 9);
    const firstHalf = times.filter((t) => t < HOUR / 2).length;
    // The first half carries a quarter of the area under the ramp.
    expect(firstHalf / times.length).toBeCloseTo(0.25, 1);
  });

  it('times increase and stay in run', () => {
    const times = arrivalTimes(loadOf({ kind: 'constant', rate: 50 }), 60_000, 7);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] as number);
    expect(times.at(-1)).toBeLessThan(60_000);
  });

  it('same seed same arrivals', () => {
    const load = loadOf({ kind: 'constant', rate: 5 });
    expect(arrivalTimes(load, 600_000, 3)).toEqual(arrivalTimes(load, 600_000, 3));
    expect(arrivalTimes(load, 600_000, 3)).not.toEqual(arrivalTimes(load, 600_000, 4));
  });

  it('factors scale the rate', () => {
    // load.factor 2 times live factor 1.5 turns 10/s into 30/s: expected 108,000, deviation 329.
    const count = arrivalTimes(loadOf({ kind: 'constant', rate: 10 }, 2), HOUR, 11, 1.5).length;
    expect(Math.abs(count - 108_000)).toBeLessThan(4 * 329);
  });

  it('zero rate gives no arrivals', () => {
    expect(arrivalTimes(loadOf({ kind: 'constant', rate: 0 }), HOUR, 1)).toEqual([]);
    expect(arrivalTimes(loadOf({ kind: 'constant', rate: 10 }), HOUR, 1, 0)).toEqual([]);
  });

  it('null after the run ends', () => {
    const process = new ArrivalProcess(loadOf({ kind: 'constant', rate: 10 }), HOUR, new RandomStreams(1).stream('arrivals'));
    expect(process.next(HOUR, 1)).toBeNull();
  });
});
