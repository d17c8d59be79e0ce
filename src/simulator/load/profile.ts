/**
 * Arrival-rate profiles: how many journeys per second start at each moment of the run.
 *
 * Times are simulated milliseconds since the run start; rates are journeys per second.
 */
import type { LoadProfile } from '../scenario/schema.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Returns the arrival rate of `profile` at time `t`, in journeys per second.
 *
 * - constant: `rate` throughout.
 * - ramp: linear from `from` to `to` over `over`, then `to`.
 * - spike: `base`, rising linearly to `peak` from `at` over `rise`, holding for `hold`, falling back
 *   over `fall`.
 * - daily: `hourly[h] / max(hourly) * peakRate` through hour h of the day, with hour 0 at run start.
 * - blackFriday: a Gaussian bump on a flat base, see `blackFridayBase`.
 *
 * @example arrivalRate({ kind: 'ramp', from: 0, to: 100, over: 60_000 }, 30_000) // 50
 */
export function arrivalRate(profile: LoadProfile, t: number): number {
  switch (profile.kind) {
    case 'constant':
      return profile.rate;

    case 'ramp':
      if (profile.over <= 0 || t >= profile.over) return profile.to;
      return profile.from + ((profile.to - profile.from) * Math.max(0, t)) / profile.over;

    case 'spike':
      return spikeRate(profile, t);

    case 'daily': {
      const largest = Math.max(...profile.hourly);
      if (largest <= 0) return 0;
      const hour = Math.floor((((t % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
      return ((profile.hourly[hour] ?? 0) / largest) * profile.peakRate;
    }

    case 'blackFriday': {
      const base = blackFridayBase(profile);
      if (profile.width <= 0) return t === profile.peakAt ? profile.peakRate : base;
      const offset = (t - profile.peakAt) / profile.width;
      return base + (profile.peakRate - base) * Math.exp(-0.5 * offset * offset);
    }
  }
}

/**
 * Returns an upper bound of the arrival rate over a run of `duration` milliseconds.
 *
 * The bound is exact for every profile but a spike that starts after the run ends, where it still
 * counts the peak. Thinning stays correct with any bound at or above the true maximum.
 */
export function peakRate(profile: LoadProfile, duration: number): number {
  switch (profile.kind) {
    case 'constant':
      return profile.rate;
    case 'ramp':
      return Math.max(profile.from, arrivalRate(profile, duration));
    case 'spike':
      return Math.max(profile.base, profile.peak);
    case 'daily':
      return profile.hourly.some((weight) => weight > 0) ? profile.peakRate : 0;
    case 'blackFriday':
      return Math.max(profile.peakRate, blackFridayBase(profile));
  }
}

/**
 * Returns the base rate under the Black Friday bump, in journeys per second.
 *
 * The day is modelled as `base + (peakRate - base) * exp(-(t - peakAt)^2 / (2 * width^2))`. Over a
 * 24-hour day that contains the whole bump, the bump adds `(peakRate - base) * width * sqrt(2 * pi)` of
 * arrivals, so the day average is `base + (peakRate - base) * k` with `k = width * sqrt(2 * pi) / 24 h`.
 * Solving `peakRate / average = peakToAverage` gives `base = peakRate * (1 / peakToAverage - k) / (1 - k)`.
 * NOTE: when the bump is too wide for the requested ratio the formula goes negative and the base is
 * clamped at 0, so the real ratio is then lower than `peakToAverage`.
 */
export function blackFridayBase(profile: Extract<LoadProfile, { kind: 'blackFriday' }>): number {
  const k = Math.min((profile.width * Math.sqrt(2 * Math.PI)) / DAY_MS, 1);
  if (k >= 1) return 0;
  const base = (profile.peakRate * (1 / profile.peakToAverage - k)) / (1 - k);
  return Math.max(0, base);
}

function spikeRate(profile: Extract<LoadProfile, { kind: 'spike' }>, t: number): number {
  const { base, peak, at, rise, hold, fall } = profile;
  if (t < at) return base;
  if (t < at + rise) return base + ((peak - base) * (t - at)) / rise;
  if (t < at + rise + hold) return peak;
  if (t < at + rise + hold + fall) return peak - ((peak - base) * (t - at - rise - hold)) / fall;
  return base;
}
