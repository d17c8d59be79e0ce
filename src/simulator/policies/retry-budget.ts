/**
 * A retry budget as Finagle's RetryBudget defines it (Finagle 6.31; "Retry Budgets", Finagle blog,
 * 2016-02-08, https://finagle.github.io/blog/2016/02/08/retry-budgets): every request deposits into the
 * budget, each retry withdraws from it, and deposits expire after `ttl`. A retry is allowed while
 *
 *   minRetriesPerSecond * ttl/1000 + percentCanRetry/100 * requests(ttl) - retries(ttl) >= 1
 *
 * so over any ttl the retries stay under a reserve plus a share of recent requests. Finagle's default is
 * 20 percent on top of 10 retries per second, with a ttl of 10 s; the scenario schema uses the same.
 *
 * NOTE: Finagle keeps its counts in time slices, so its deposits expire in steps. This class keeps exact
 * times, so a request leaves the budget exactly `ttl` after it was made.
 */
import { Ring } from '../engine/ring.js';
import type { RetryBudgetConfig } from '../scenario/schema.js';

/** Tolerance for the balance, so a budget of exactly one retry is not lost to rounding. */
const EPSILON = 1e-9;

/** Allows retries while they stay under a reserve plus a share of the recent requests. */
export class RetryBudget {
  /** Retries this budget rejected. */
  denied = 0;
  /** Retries this budget allowed. */
  allowed = 0;
  private readonly ttl: number;
  private readonly reserve: number;
  private readonly share: number;
  private readonly deposits = new Ring<number>(64);
  private readonly withdrawals = new Ring<number>(64);

  /** @throws Error when `ttl` is not above 0 ms. */
  constructor(config: RetryBudgetConfig) {
    if (!(config.ttl > 0)) throw new Error(`Invalid retry budget ttl ${config.ttl} ms: use a duration above 0, such as 10s.`);
    this.ttl = config.ttl;
    this.reserve = (config.minRetriesPerSecond * config.ttl) / 1_000;
    this.share = config.percentCanRetry / 100;
  }

  /** Records one request (a first attempt) at `now`. */
  deposit(now: number): void {
    this.deposits.push(now);
  }

  /** Takes one retry from the budget at `now` and returns true, or returns false when it is spent. */
  tryWithdraw(now: number): boolean {
    if (this.balance(now) < 1 - EPSILON) {
      this.denied++;
      return false;
    }

    this.withdrawals.push(now);
    this.allowed++;
    return true;
  }

  /** Returns the retries the budget allows at `now`, fractional. */
  balance(now: number): number {
    expire(this.deposits, now - this.ttl);
    expire(this.withdrawals, now - this.ttl);
    return this.reserve + this.share * this.deposits.length - this.withdrawals.length;
  }
}

/** Drops the times at or before `cutoff` from the front of `times`. */
function expire(times: Ring<number>, cutoff: number): void {
  while (times.length > 0 && (times.peek() as number) <= cutoff) times.shift();
}
