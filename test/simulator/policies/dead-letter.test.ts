import { describe, expect, it } from 'vitest';
import { DeadLetterQueue } from '../../../src/simulator/policies/dead-letter.js';

describe('DeadLetterQueue', () => {
  it('starts empty', () => {
    const queue = new DeadLetterQueue<string>();

    expect(queue.depth).toBe(0);
    expect(queue.totalAdded).toBe(0);
    expect(queue.oldestAge(100)).toBe(0);
    expect(queue.take(5)).toEqual([]);
  });

  it('takes oldest items first', () => {
    const queue = new DeadLetterQueue<string>();
    queue.add('a', 100, 'timeout');
    queue.add('b', 200, 'http 503');
    queue.add('c', 300, 'timeout');

    expect(queue.take(2)).toEqual([
      { item: 'a', addedAt: 100, reason: 'timeout' },
      { item: 'b', addedAt: 200, reason: 'http 503' },
    ]);
    expect(queue.depth).toBe(1);
    expect(queue.totalAdded).toBe(3);
  });

  it('reports age of oldest item', () => {
    const queue = new DeadLetterQueue<number>();
    queue.add(1, 1000, 'timeout');
    queue.add(2, 4000, 'timeout');

    expect(queue.oldestAge(5000)).toBe(4000);
    queue.take(1);
    expect(queue.oldestAge(5000)).toBe(1000);
  });

  it('take beyond depth returns rest', () => {
    const queue = new DeadLetterQueue<number>();
    for (let i = 0; i < 5; i++) queue.add(i, i, 'timeout');

    expect(queue.take(3).map((entry) => entry.item)).toEqual([0, 1, 2]);
    queue.add(5, 10, 'timeout');
    expect(queue.take(10).map((entry) => entry.item)).toEqual([3, 4, 5]);
    expect(queue.depth).toBe(0);
    expect(queue.totalAdded).toBe(6);
  });

  it('rejects negative take count', () => {
    const queue = new DeadLetterQueue<number>();

    expect(() => queue.take(-1)).toThrow(/Invalid number of dead letters to take -1/);
  });
});
