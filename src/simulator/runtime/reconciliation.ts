/**
 * Reconciliation work a degraded run leaves behind: deferred redemptions, queued customer updates,
 * duplicate customer records waiting for a merge, and saga compensations waiting for a retry.
 *
 * Each kind of work is a first-in first-out list of items with the time each was created. The run
 * measures how much is pending, how old the oldest item is, and when the list last emptied.
 */
import type { ReconciliationFigures, ReconciliationKind } from '../api.js';

/** Kinds of reconciliation work, in the order the figures list them. */
export const RECONCILIATION_KINDS: readonly ReconciliationKind[] = [
  'deferredRedemption',
  'customerUpdate',
  'duplicateCustomer',
  'compensation',
];

/** One item of pending work and the time it was created, in simulated ms. */
export interface WorkItem {
  readonly createdAt: number;
  /** Cleared items stay in the list until they reach its front. */
  cleared: boolean;
}

/**
 * Pending work of one kind. Items clear in any order. The list drops cleared items from its front,
 * so the oldest pending item is always the first one left.
 *
 * @example
 * const work = new WorkQueue<WorkItem>();
 * const item = work.add({ createdAt: 0, cleared: false });
 * work.clear(item, 5_000); // work.figures(5_000).clearedAt === 5_000
 */
export class WorkQueue<T extends WorkItem> {
  private readonly items: T[] = [];
  private head = 0;
  private pendingCount = 0;
  private created = 0;
  private clearedCount = 0;
  private clearedAt: number | null = null;

  /** Items not yet cleared. */
  get pending(): number {
    return this.pendingCount;
  }

  /** Adds an item of work and returns it. */
  add(item: T): T {
    this.items.push(item);
    this.pendingCount++;
    this.created++;
    return item;
  }

  /** Marks an item done at `now`; clearing an item twice counts once. */
  clear(item: T, now: number): void {
    if (item.cleared) return;
    item.cleared = true;
    this.pendingCount--;
    this.clearedCount++;
    if (this.pendingCount === 0) this.clearedAt = now;
    this.compact();
  }

  /** Returns the pending items, oldest first. */
  pendingItems(): T[] {
    const out: T[] = [];
    for (let index = this.head; index < this.items.length; index++) {
      const item = this.items[index] as T;
      if (!item.cleared) out.push(item);
    }
    return out;
  }

  /** Returns the oldest pending item, or null. */
  first(): T | null {
    this.compact();
    return this.head < this.items.length ? (this.items[this.head] as T) : null;
  }

  /** Returns the figures at `now`: pending count, age of the oldest item in ms, totals and clearing time. */
  figures(now: number): ReconciliationFigures {
    const oldest = this.first();
    return {
      pending: this.pendingCount,
      oldestAge: oldest ? now - oldest.createdAt : 0,
      created: this.created,
      cleared: this.clearedCount,
      clearedAt: this.clearedAt,
    };
  }

  private compact(): void {
    while (this.head < this.items.length && (this.items[this.head] as T).cleared) this.head++;
    // Reclaim the dropped front once it is the larger part, so clearing stays O(1) on average.
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items.splice(0, this.head);
      this.head = 0;
    }
  }
}
