/**
 * Duplicate detection by idempotency key, as a receiver that stores each key for a retention period does.
 * Stripe, for example, may prune keys once they are at least 24 hours old
 * (https://docs.stripe.com/idempotency, page undated), after which a reused key is treated as new.
 */

/**
 * Stores the idempotency keys seen in the last `retentionMs` milliseconds of simulated time.
 *
 * Retention runs from the first time a key was seen: a duplicate does not extend it. Expired keys are
 * evicted lazily in insertion order on each check, so memory holds only the keys of one retention period.
 */
export class IdempotencyStore {
  private readonly retentionMs: number;
  /** First-seen time of each stored key; a Map iterates in insertion order, which is time order. */
  private readonly seenAt = new Map<string, number>();
  private latest = Number.NEGATIVE_INFINITY;

  /** @throws Error when `retentionMs` is not a number of 0 or more. */
  constructor(retentionMs: number) {
    if (!(retentionMs >= 0)) {
      throw new Error(`Invalid idempotency retention ${retentionMs}: use 0 ms or more.`);
    }
    this.retentionMs = retentionMs;
  }

  /** Returns the number of keys stored, including any expired keys not yet evicted. */
  get size(): number {
    return this.seenAt.size;
  }

  /**
   * Records `key` at `now` and returns `duplicate` when it was first seen less than `retentionMs` ago,
   * otherwise `new`.
   *
   * @throws Error when `now` is earlier than the time of a previous check, because eviction relies on
   *   keys arriving in time order.
   */
  check(key: string, now: number): 'new' | 'duplicate' {
    if (now < this.latest) {
      throw new Error(
        `IdempotencyStore.check called at ${now} ms after a check at ${this.latest} ms: pass simulated times in order.`,
      );
    }
    this.latest = now;
    this.evictExpired(now);

    if (this.seenAt.has(key)) return 'duplicate';

    this.seenAt.set(key, now);
    return 'new';
  }

  private evictExpired(now: number): void {
    for (const [key, seenAt] of this.seenAt) {
      if (now - seenAt < this.retentionMs) return;
      this.seenAt.delete(key);
    }
  }
}
