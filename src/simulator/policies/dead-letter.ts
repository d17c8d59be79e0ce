/**
 * A dead-letter queue: messages that exhausted their delivery attempts wait here, oldest first, until an
 * operator replays them.
 */

/** A message in the dead-letter queue, with when and why it was put there. */
export interface DeadLetter<T> {
  item: T;
  /** Simulated time it was added, in milliseconds. */
  addedAt: number;
  reason: string;
}

/** Stores undeliverable items in arrival order for later replay. */
export class DeadLetterQueue<T> {
  private entries: DeadLetter<T>[] = [];
  private head = 0;
  private added = 0;

  /** Returns the number of items waiting. */
  get depth(): number {
    return this.entries.length - this.head;
  }

  /** Returns the number of items ever added, including those taken since. */
  get totalAdded(): number {
    return this.added;
  }

  /** Appends `item`, recording `now` and the reason it could not be delivered. */
  add(item: T, now: number, reason: string): void {
    this.entries.push({ item, addedAt: now, reason });
    this.added += 1;
  }

  /**
   * Removes and returns up to `n` of the oldest items, oldest first, for replay.
   *
   * @throws Error when `n` is not a whole number of 0 or more.
   */
  take(n: number): DeadLetter<T>[] {
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`Invalid number of dead letters to take ${n}: use a whole number of 0 or more.`);
    }

    const end = Math.min(this.entries.length, this.head + n);
    const replayed = this.entries.slice(this.head, end);
    this.head = end;

    // Compact once the taken prefix is at least half the array, so memory follows the depth.
    if (this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return replayed;
  }

  /** Returns how long the oldest waiting item has waited at `now`, in milliseconds, or 0 when empty. */
  oldestAge(now: number): number {
    const oldest = this.entries[this.head];
    return oldest === undefined ? 0 : now - oldest.addedAt;
  }
}

/**
 * Spaces replayed messages so they re-enter their topics no faster than a rate: each one gets the next
 * free slot, `1000 / ratePerSecond` ms after the previous one, and never earlier than now. Slots carry
 * over between replays, so two replays started close together share the rate instead of doubling it.
 */
export class ReplayPacer {
  private nextSlot = Number.NEGATIVE_INFINITY;

  /**
   * Returns the simulated time at which the next replayed message may re-enter, and reserves it.
   *
   * @throws Error when `ratePerSecond` is not a positive number.
   */
  reserve(now: number, ratePerSecond: number): number {
    if (!(ratePerSecond > 0)) {
      throw new Error(`Invalid replay rate ${ratePerSecond} per second: use a number above 0.`);
    }

    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1_000 / ratePerSecond;
    return slot;
  }
}
