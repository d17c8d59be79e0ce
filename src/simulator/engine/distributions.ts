/**
 * Service-time distributions and the queueing formulas used to check them.
 *
 * Times are simulated milliseconds. Draws come from a `RandomStream`, so a distribution keeps no state
 * of its own beyond its parameters.
 */
import type { RandomStream } from './random.js';

/** The 99th percentile of the standard normal distribution, z such that Phi(z) = 0.99. */
export const Z99 = 2.3263478740408408;

/** Parameters of a log-normal distribution: the mean and standard deviation of its logarithm. */
export interface LogNormalParameters {
  mu: number;
  sigma: number;
}

/**
 * Computes the log-normal parameters whose median is `p50` and whose 99th percentile is `p99`.
 *
 * The median of a log-normal is exp(mu), so mu = ln(p50), and sigma = ln(p99 / p50) / z99. When
 * `p99` equals `p50` the distribution has no spread and sigma is 0.
 *
 * @throws RangeError when `p50` is not a positive finite number, or `p99` is below `p50` or not finite.
 */
export function logNormalFromPercentiles(p50: number, p99: number): LogNormalParameters {
  if (!(p50 > 0) || !Number.isFinite(p50)) {
    throw new RangeError(`Invalid service time: p50 ${p50} ms must be a positive finite number.`);
  }
  if (!(p99 >= p50) || !Number.isFinite(p99)) {
    throw new RangeError(
      `Invalid service time: p99 ${p99} ms is below p50 ${p50} ms or not finite; ` +
        'set p99 to p50 or more.',
    );
  }

  return { mu: Math.log(p50), sigma: Math.log(p99 / p50) / Z99 };
}

/** A source of service times in milliseconds. */
export interface ServiceTimeSampler {
  /** Draws one service time from `stream`, multiplied by `factor`. */
  sample(stream: RandomStream, factor?: number): number;
  /** Mean service time in milliseconds at factor 1. */
  readonly mean: number;
}

/**
 * Draws log-normal service times through a given median and 99th percentile.
 *
 * Each draw takes exactly one standard normal from the stream, even when sigma is 0, so the count of
 * draws per call stays the same whatever the parameters.
 */
export class ServiceTime implements ServiceTimeSampler {
  readonly p50: number;
  readonly p99: number;
  readonly mu: number;
  readonly sigma: number;
  readonly mean: number;

  /** @throws RangeError as {@link logNormalFromPercentiles} does. */
  constructor(p50: number, p99: number) {
    const { mu, sigma } = logNormalFromPercentiles(p50, p99);
    this.p50 = p50;
    this.p99 = p99;
    this.mu = mu;
    this.sigma = sigma;
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
  }

  /** Draws one service time in milliseconds, scaled by `factor` (a latency fault passes 3 for 3x). */
  sample(stream: RandomStream, factor = 1): number {
    const z = stream.normal();
    // exp(ln(p50)) can miss p50 by one unit in the last place, so a fixed time returns p50 itself.
    if (this.sigma === 0) return factor * this.p50;
    return factor * Math.exp(this.mu + this.sigma * z);
  }
}

/**
 * Draws exponential service times with a given mean, the memoryless case of queueing theory (the
 * second M of M/M/c), so runs can be checked against Erlang C.
 */
export class ExponentialServiceTime implements ServiceTimeSampler {
  readonly mean: number;

  /** @throws RangeError when `mean` is not a positive finite number. */
  constructor(mean: number) {
    if (!(mean > 0) || !Number.isFinite(mean)) {
      throw new RangeError(`Invalid service time: exponential mean ${mean} ms must be a positive finite number.`);
    }
    this.mean = mean;
  }

  /** Draws one service time in milliseconds, scaled by `factor`. */
  sample(stream: RandomStream, factor = 1): number {
    return factor * stream.exponential(this.mean);
  }
}

/**
 * Distribution of one operation's service time: log-normal through p50 and p99 (the default when
 * `kind` is omitted), or exponential with a mean. Values are milliseconds.
 */
export type ServiceTimeSpec =
  | { kind?: 'logNormal'; p50: number; p99: number }
  | { kind: 'exponential'; mean: number };

/**
 * Creates the sampler for `spec`.
 *
 * @throws RangeError when the spec's values are invalid, as the sampler constructors describe.
 */
export function createServiceTime(spec: ServiceTimeSpec): ServiceTimeSampler {
  if (spec.kind === 'exponential') return new ExponentialServiceTime(spec.mean);
  return new ServiceTime(spec.p50, spec.p99);
}

/** Steady-state figures of an M/M/c queue from the Erlang C formula. */
export interface ErlangCResult {
  /** Probability that an arriving call has to wait for a server. */
  probabilityOfWaiting: number;
  /** Mean time spent waiting in the queue, in the reciprocal unit of the rates (rates per ms give ms). */
  meanWait: number;
}

/**
 * Computes the probability of waiting and the mean queue wait of an M/M/c queue.
 *
 * `arrivalRate` and `serviceRate` (per server) must share one time unit. The Erlang B value is built
 * by the recursion B(k) = a B(k-1) / (k + a B(k-1)) with a = arrivalRate / serviceRate, which avoids
 * the factorials of the textbook form, and then C = c B / (c - a (1 - B)) and Wq = C / (c mu - lambda).
 * At utilisation 1 or more the queue grows without bound: the result is probability 1, mean wait
 * Infinity.
 *
 * @throws RangeError when `servers` is not a positive integer or a rate is negative or not finite.
 */
export function erlangC(servers: number, arrivalRate: number, serviceRate: number): ErlangCResult {
  if (!Number.isInteger(servers) || servers < 1) {
    throw new RangeError(`erlangC: servers ${servers} must be a positive integer.`);
  }
  if (!(arrivalRate >= 0) || !Number.isFinite(arrivalRate)) {
    throw new RangeError(`erlangC: arrivalRate ${arrivalRate} must be a finite number of 0 or more.`);
  }
  if (!(serviceRate > 0) || !Number.isFinite(serviceRate)) {
    throw new RangeError(`erlangC: serviceRate ${serviceRate} must be a positive finite number.`);
  }

  const offeredLoad = arrivalRate / serviceRate;
  if (offeredLoad >= servers) return { probabilityOfWaiting: 1, meanWait: Infinity };

  let erlangB = 1;
  for (let k = 1; k <= servers; k++) {
    erlangB = (offeredLoad * erlangB) / (k + offeredLoad * erlangB);
  }

  const probabilityOfWaiting = (servers * erlangB) / (servers - offeredLoad * (1 - erlangB));
  const meanWait = probabilityOfWaiting / (servers * serviceRate - arrivalRate);
  return { probabilityOfWaiting, meanWait };
}
