/**
 * A first-in, first-out queue on a growable circular array.
 *
 * `Array.prototype.shift` moves every element, so a busy queue of thousands of waiting calls would cost
 * time linear in its length per removal. This ring removes from the front in constant time and reuses
 * its slots, so a steady queue allocates nothing.
 */
export class Ring<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  /** Creates an empty ring with room for `capacity` items before it first grows. */
  constructor(capacity = 16) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Ring: capacity ${capacity} must be a positive integer.`);
    }
    this.items = new Array<T | undefined>(capacity);
  }

  /** Number of items in the ring. */
  get length(): number {
    return this.count;
  }

  /** Appends `item` at the back. */
  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = item;
    this.count++;
  }

  /**
   * Removes and returns the front item.
   *
   * @throws RangeError when the ring is empty, because callers check `length` first.
   */
  shift(): T {
    if (this.count === 0) throw new RangeError('Ring.shift: the ring is empty; check length first.');

    const item = this.items[this.head] as T;
    this.items[this.head] = undefined; // release the item for garbage collection
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return item;
  }

  /** Returns the front item without removing it, or undefined when the ring is empty. */
  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  private grow(): void {
    const capacity = this.items.length;
    const items = new Array<T | undefined>(capacity * 2);
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) % capacity];
    this.items = items;
    this.head = 0;
  }
}
