import { describe, expect, it } from 'vitest';
import {
  ExponentialServiceTime,
  ServiceTime,
  Z99,
  createServiceTime,
  erlangC,
  logNormalFromPercentiles,
} from '../../../src/simulator/engine/distributions.js';
import { RandomStream } from '../../../src/simulator/engine/random.js';

/** Returns the q-quantile of sorted `values` by the nearest-rank method. */
function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

function drawSorted(sample: () => number, count: number): Float64Array {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = sample();
  return values.sort();
}

/** Erlang C by the textbook factorial sum, kept apart from the recursion under test. */
function erlangCTextbook(servers: number, offeredLoad: number): number {
  let factorial = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    if (k > 0) factorial *= k;
    sum += offeredLoad ** k / factorial;
  }
  const top = (offeredLoad ** servers / (factorial * servers)) * (servers / (servers - offeredLoad));
  return top / (sum + top);
}

describe('logNormalFromPercentiles', () => {
  it('derives mu and sigma exactly', () => {
    const { mu, sigma } = logNormalFromPercentiles(80, 600);

    expect(mu).toBe(Math.log(80));
    expect(sigma).toBe(Math.log(600 / 80) / 2.3263478740408408);
    expect(Z99).toBe(2.3263478740408408);
  });

  it('equal percentiles give zero sigma', () => {
    expect(logNormalFromPercentiles(40, 40)).toEqual({ mu: Math.log(40), sigma: 0 });
  });

  it('rejects p99 below p50', () => {
    expect(() => logNormalFromPercentiles(100, 90)).toThrow(/p99 90 ms is below p50 100 ms/);
  });

  it('rejects non-positive p50', () => {
    expect(() => logNormalFromPercentiles(0, 10)).toThrow(/p50 0 ms must be a positive/);
    expect(() => logNormalFromPercentiles(Number.NaN, 10)).toThrow(RangeError);
    expect(() => logNormalFromPercentiles(10, Infinity)).toThrow(RangeError);
  });
});

describe('ServiceTime', () => {
  it('samples hit configured percentiles', () => {
    const serviceTime = new ServiceTime(80, 600);
    const stream = new RandomStream('service:erp', 11);

    const sorted = drawSorted(() => serviceTime.sample(stream), 200_000);

    // Standard errors at this count: about 0.25 % for p50 and 0.7 % for p99.
    expect(Math.abs(quantile(sorted, 0.5) / 80 - 1)).toBeLessThan(0.01);
    expect(Math.abs(quantile(sorted, 0.99) / 600 - 1)).toBeLessThan(0.025);
  });

  it('factor scales every sample', () => {
    const plain = new ServiceTime(40, 250);
    const a = new RandomStream('service:loyalty', 3);
    const b = new RandomStream('service:loyalty', 3);

    for (let i = 0; i < 100; i++) {
      expect(plain.sample(b, 3)).toBeCloseTo(3 * plain.sample(a), 9);
    }
  });

  it('zero sigma returns p50', () => {
    const serviceTime = new ServiceTime(25, 25);
    const stream = new RandomStream('service:pos', 5);

    expect(serviceTime.sample(stream)).toBe(25);
    expect(serviceTime.sample(stream, 2)).toBe(50);
  });

  it('mean matches log-normal formula', () => {
    const serviceTime = new ServiceTime(80, 600);
    const stream = new RandomStream('service:erp', 12);

    let sum = 0;
    const count = 400_000;
    for (let i = 0; i < count; i++) sum += serviceTime.sample(stream);

    expect(serviceTime.mean).toBeCloseTo(80 * Math.exp(serviceTime.sigma ** 2 / 2), 9);
    expect(Math.abs(sum / count / serviceTime.mean - 1)).toBeLessThan(0.01);
  });
});

describe('ExponentialServiceTime', () => {
  it('samples match exponential quantiles', () => {
    const serviceTime = new ExponentialServiceTime(50);
    const stream = new RandomStream('service:crm', 21);

    const sorted = drawSorted(() => serviceTime.sample(stream), 200_000);

    expect(Math.abs(quantile(sorted, 0.5) / (50 * Math.LN2) - 1)).toBeLessThan(0.01);
    expect(Math.abs(quantile(sorted, 0.99) / (50 * Math.log(100)) - 1)).toBeLessThan(0.025);
  });

  it('rejects non-positive mean', () => {
    expect(() => new ExponentialServiceTime(0)).toThrow(/exponential mean 0 ms/);
  });
});

describe('createServiceTime', () => {
  it('builds sampler per spec kind', () => {
    expect(createServiceTime({ p50: 10, p99: 20 })).toBeInstanceOf(ServiceTime);
    expect(createServiceTime({ kind: 'logNormal', p50: 10, p99: 20 })).toBeInstanceOf(ServiceTime);
    expect(createServiceTime({ kind: 'exponential', mean: 10 })).toBeInstanceOf(ExponentialServiceTime);
  });
});

describe('erlangC', () => {
  it('single server equals M/M/1', () => {
    const result = erlangC(1, 0.5, 1);

    expect(result.probabilityOfWaiting).toBeCloseTo(0.5, 12);
    expect(result.meanWait).toBeCloseTo(0.5 / (1 - 0.5), 12);
  });

  it('two servers at load one', () => {
    const result = erlangC(2, 1, 1);

    expect(result.probabilityOfWaiting).toBeCloseTo(1 / 3, 12);
    expect(result.meanWait).toBeCloseTo(1 / 3, 12);
  });

  it('matches textbook factorial form', () => {
    for (const [servers, offeredLoad] of [
      [4, 3.6],
      [8, 5],
      [32, 30],
      [3, 0.1],
    ] as const) {
      const result = erlangC(servers, offeredLoad / 20, 1 / 20);

      expect(result.probabilityOfWaiting).toBeCloseTo(erlangCTextbook(servers, offeredLoad), 10);
      expect(result.meanWait).toBeCloseTo(result.probabilityOfWaiting / (servers / 20 - offeredLoad / 20), 9);
    }
  });

  it('overload gives infinite wait', () => {
    expect(erlangC(4, 4, 1)).toEqual({ probabilityOfWaiting: 1, meanWait: Infinity });
  });

  it('rejects invalid arguments', () => {
    expect(() => erlangC(0, 1, 1)).toThrow(/servers 0 must be a positive integer/);
    expect(() => erlangC(2, -1, 1)).toThrow(/arrivalRate -1/);
    expect(() => erlangC(2, 1, 0)).toThrow(/serviceRate 0/);
  });
});
