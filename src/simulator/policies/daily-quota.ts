/**
 * A daily request quota per consumer, as API gateways sell them (Azure API Management's
 * `quota-by-key`, Apigee's Quota policy): a fixed number of requests per calendar day, counted from a
 * day start and reset at the next one. Day one starts at simulated time 0, the scenario clock start.
 */

/** Milliseconds in one quota day. */
export const DAY_MS = 86_400_000;

/** Counts one consumer's requests against a fixed daily limit. */
export class DailyQuota {
  readonly limit: number;
  private day = 0;
  private used = 0;

  /** @throws Error when `limit` is not a whole number of at least 1. */
  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`Invalid daily quota ${limit}: use a whole number of requests of at least 1.`);
    }
    this.limit = limit;
  }

  /** Counts one request at `now` and returns true, or returns false when today's quota is used up. */
  tryAcquire(now: number): boolean {
    this.roll(now);
    if (this.used >= this.limit) return false;

    this.used++;
    return true;
  }

  /** Returns the requests counted today at `now`. */
  usedAt(now: number): number {
    this.roll(now);
    return this.used;
  }

  /** Returns the milliseconds from `now` to the next day start, when the quota resets. */
  resetIn(now: number): number {
    return (Math.floor(now / DAY_MS) + 1) * DAY_MS - now;
  }

  private roll(now: number): void {
    const day = Math.floor(now / DAY_MS);
    if (day === this.day) return;

    this.day = day;
    this.used = 0;
  }
}
