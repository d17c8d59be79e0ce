/**
 * A semaphore bulkhead as Resilience4j's Bulkhead describes it: at most `maxConcurrent` calls in flight
 * from the caller's side, and up to `queue` more waiting in arrival order for a free slot. A call over
 * both is rejected at once, so a slow dependency cannot take every caller thread.
 *
 * NOTE: Resilience4j bounds the wait by time (`maxWaitDuration`). This bulkhead bounds the queue by
 * length instead, and a waiting call still ends at its own call timeout.
 */
import { Ring } from '../engine/ring.js';

/** A waiting call: `grant` runs when a slot is handed to it, unless `cancelled` returns true. */
export interface BulkheadWaiter {
  grant(): void;
  cancelled(): boolean;
}

/** Limits concurrent calls, with an optional FIFO wait queue. */
export class Bulkhead {
  readonly maxConcurrent: number;
  readonly queueLimit: number;
  /** Calls rejected because every slot and queue place was taken. */
  rejections = 0;
  private active = 0;
  private readonly waiting = new Ring<BulkheadWaiter>(16);

  /** @throws Error when `maxConcurrent` is not a whole number of at least 1 or `queue` is negative. */
  constructor(maxConcurrent: number, queue = 0) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1 || !Number.isInteger(queue) || queue < 0) {
      throw new Error(`Invalid bulkhead maxConcurrent=${maxConcurrent} queue=${queue}: use whole numbers, at least 1 and 0.`);
    }
    this.maxConcurrent = maxConcurrent;
    this.queueLimit = queue;
  }

  /** Calls in flight. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot, including any that gave up and have not reached the front yet. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Requests a slot: returns `acquired` when one is free, `queued` when `waiter` waits for one (its
   * `grant` runs when a slot is handed over), or `rejected` when the queue is full too.
   */
  acquire(waiter: BulkheadWaiter): 'acquired' | 'queued' | 'rejected' {
    if (this.active < this.maxConcurrent) {
      this.active++;
      return 'acquired';
    }
    if (this.waiting.length < this.queueLimit) {
      this.waiting.push(waiter);
      return 'queued';
    }

    this.rejections++;
    return 'rejected';
  }

  /**
   * Frees one slot and hands it to the first waiter that has not given up.
   *
   * @throws Error when no call is in flight, because that is a slot released twice.
   */
  release(): void {
    if (this.active === 0) throw new Error('bug: Bulkhead.release with no call in flight');
    this.active--;

    while (this.waiting.length > 0) {
      const waiter = this.waiting.shift();
      if (waiter.cancelled()) continue;
      this.active++;
      waiter.grant();
      return;
    }
  }
}
