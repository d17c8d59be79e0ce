/**
 * Seeded random streams, one per concern.
 *
 * Each stream is its own xoroshiro128+ generator (pure-rand) seeded from the run seed and the stream's
 * name, so drawing more numbers in one concern never shifts another: adding a fault that changes how
 * many service times are drawn leaves the arrivals and the customers they bring exactly as they were.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A seeded source of random numbers for one concern of the simulation. */
export class RandomStream {
  readonly name: string;
  private readonly generator: RandomGenerator;
  private spareNormal: number | null = null;

  constructor(name: string, seed: number) {
    this.name = name;
    this.generator = xoroshiro128plus(seed);
  }

  /** Returns a number in [0, 1). */
  next(): number {
    return uniformFloat64(this.generator);
  }

  /** Returns an integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** Returns a draw from the exponential distribution with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Returns a draw from the standard normal distribution (Marsaglia's polar method). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }

    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);

    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * scale;
    return u * scale;
  }

  /** Returns a draw from the log-normal distribution with log-mean `mu` and log-sd `sigma`. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Returns the index picked from `weights` with probability proportional to each weight. */
  weightedIndex(weights: readonly number[], total: number): number {
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }
}

/** The set of named random streams of one run. */
export class RandomStreams {
  readonly seed: number;
  private readonly streams = new Map<string, RandomStream>();

  constructor(seed: number) {
    this.seed = seed;
  }

  /** Returns the stream for `name`, creating it on first use. */
  stream(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = new RandomStream(name, deriveSeed(this.seed, name));
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/** Derives a 32-bit seed from the run seed and a stream name (FNV-1a over both, then mixed). */
export function deriveSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  hash = Math.imul(hash, 0x01000193);
  hash ^= Math.floor(seed / 0x1_0000_0000);
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }

  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}
