/**
 * Journey arrivals as a non-homogeneous Poisson process, drawn by thinning (Lewis and Shedler, 1979).
 *
 * Candidates arrive as a homogeneous Poisson process at an upper bound of the rate; each is kept with
 * probability `rate(t) / bound`. The kept candidates form a Poisson process with the time-varying rate.
 */
import type { RandomStream } from '../engine/random.js';
import type { LoadConfig, LoadProfile } from '../scenario/schema.js';
import { arrivalRate, peakRate } from './profile.js';

/**
 * Draws the arrival times of journeys over a run.
 *
 * The rate at time t is `arrivalRate(profile, t) * load.factor * factor`, where `factor` is the live
 * multiplier passed to `next` (1 leaves the scenario's load as written). Because the exponential gaps
 * are memoryless, a caller whose factor changes may drop the pending arrival and call `next(now, f)`
 * again: the process from `now` on has the new rate, with no bias.
 *
 * @example
 * const arrivals = new ArrivalProcess(scenario.load, scenario.clock.duration, streams.stream('arrivals'));
 * for (let t = arrivals.next(0, 1); t !== null; t = arrivals.next(t, 1)) startJourney(t);
 */
export class ArrivalProcess {
  private readonly profile: LoadProfile;
  private readonly scale: number;
  private readonly duration: number;
  private readonly stream: RandomStream;
  private readonly bound: number;

  constructor(load: LoadConfig, duration: number, stream: RandomStream) {
    this.profile = load.profile;
    this.scale = load.factor;
    this.duration = duration;
    this.stream = stream;
    this.bound = peakRate(load.profile, duration);
  }

  /**
   * Returns the time in milliseconds of the next arrival after `now`, or null when none comes before
   * the end of the run.
   */
  next(now: number, factor: number): number | null {
    const multiplier = this.scale * factor;
    const bound = this.bound * multiplier;
    if (!(bound > 0) || !Number.isFinite(bound)) return null;

    // NOTE: the bound is the peak of the whole run. A profile far below its peak for most of the run,
    // such as a narrow spike, rejects most candidates, which costs draws but not accuracy.
    const meanGap = 1_000 / bound;
    let t = now;
    for (;;) {
      t += this.stream.exponential(meanGap);
      if (t >= this.duration) return null;
      if (this.stream.next() * bound < arrivalRate(this.profile, t) * multiplier) return t;
    }
  }
}

// The journey mix lives in mix.ts; re-exported so callers import both from one module.
export { JourneyMix } from './mix.js';
