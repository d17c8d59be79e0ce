/**
 * Data a channel keeps from earlier successful reads: a cache of results with the time each was
 * read, and each customer's points balance as the channels have seen it change.
 */

/** Reads a channel may serve from its cache when the system fails. */
export type CachedOperation = 'getCustomer' | 'getBalance' | 'lookupPrice';

/** Result of a cache lookup. `age` is in ms since the entry was filled. */
export type CacheLookup =
  | { hit: 'fresh'; age: number; value: number }
  | { hit: 'stale'; age: number; value: number }
  | { hit: 'missing' };

/**
 * Results of successful reads, keyed by operation and entity (customer or product index). An entry is
 * fresh while its age is at most the staleness limit the caller passes, so one cache serves limits
 * that differ by use (a profile read against a balance that backs a redemption).
 *
 * @example
 * const cache = new ReadCache();
 * cache.fill('getBalance', 7, 450, 1_000);
 * cache.lookup('getBalance', 7, 61_000, 60_000); // { hit: 'fresh', age: 60_000, value: 450 }
 */
export class ReadCache {
  private readonly filledAt = new Map<string, number>();
  private readonly values = new Map<string, number>();

  /** Number of entries. */
  get size(): number {
    return this.filledAt.size;
  }

  /** Stores the result `value` of a successful read at `now`, replacing an older entry. */
  fill(operation: CachedOperation, key: number, value: number, now: number): void {
    const id = `${operation}:${key}`;
    this.filledAt.set(id, now);
    this.values.set(id, value);
  }

  /** Looks an entry up at `now`: fresh when its age is at most `staleness` ms. */
  lookup(operation: CachedOperation, key: number, now: number, staleness: number): CacheLookup {
    const id = `${operation}:${key}`;
    const filledAt = this.filledAt.get(id);
    if (filledAt === undefined) return { hit: 'missing' };

    const age = now - filledAt;
    const value = this.values.get(id) as number;
    return age <= staleness ? { hit: 'fresh', age, value } : { hit: 'stale', age, value };
  }
}

/**
 * Points balance of each customer: the opening balance plus every accrual, redemption and reversal
 * the loyalty system applied through the journeys and replays.
 *
 * NOTE: settlement of provisional accruals bypasses the journeys, so this book leaves those points
 * out and may understate a balance by them.
 */
export class BalanceBook {
  private readonly opening: (customer: number) => number;
  private readonly changes = new Map<number, number>();

  /** `opening` returns a customer's balance at the run start, in points. */
  constructor(opening: (customer: number) => number) {
    this.opening = opening;
  }

  /** Returns the customer's balance now, in points. */
  balance(customer: number): number {
    return this.opening(customer) + (this.changes.get(customer) ?? 0);
  }

  /** Adds `points` (negative for a redemption) to the customer's balance. */
  change(customer: number, points: number): void {
    this.changes.set(customer, (this.changes.get(customer) ?? 0) + points);
  }
}
