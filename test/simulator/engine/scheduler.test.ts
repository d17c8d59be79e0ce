import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../../src/simulator/engine/scheduler.js';

/** Returns a scheduler and a log that each handler made by `record` appends `label@now` to. */
function setup() {
  const scheduler = new Scheduler();
  const log: string[] = [];
  const record = (label: string) => (now: number) => {
    log.push(`${label}@${now}`);
  };
  return { scheduler, log, record };
}

describe('Scheduler', () => {
  it('starts empty at time zero', () => {
    const { scheduler } = setup();

    expect(scheduler.now).toBe(0);
    expect(scheduler.pending).toBe(0);
    expect(scheduler.eventsProcessed).toBe(0);
    expect(scheduler.nextTime()).toBe(Infinity);
    expect(scheduler.runNext()).toBe(false);
  });

  it('runs events in time order', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(30, record('c'));
    scheduler.at(10, record('a'));
    scheduler.at(20, record('b'));

    expect(scheduler.nextTime()).toBe(10);
    scheduler.runUntil(100);

    expect(log).toEqual(['a@10', 'b@20', 'c@30']);
  });

  it('orders equal times by priority', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(5, record('p2'), 2);
    scheduler.at(5, record('p-1'), -1);
    scheduler.at(5, record('p0'));
    scheduler.at(5, record('p1'), 1);

    scheduler.runUntil(5);

    expect(log).toEqual(['p-1@5', 'p0@5', 'p1@5', 'p2@5']);
  });

  it('orders full ties by insertion', () => {
    const { scheduler, log, record } = setup();
    for (let i = 0; i < 50; i++) scheduler.at(7, record(`e${i}`), i % 2);

    scheduler.runUntil(7);

    const expected = [
      ...Array.from({ length: 25 }, (_, k) => `e${2 * k}@7`),
      ...Array.from({ length: 25 }, (_, k) => `e${2 * k + 1}@7`),
    ];
    expect(log).toEqual(expected);
  });

  it('runs events scheduled during a run', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(10, (now) => {
      log.push(`first@${now}`);
      scheduler.after(0, record('same-time'));
      scheduler.at(10, record('same-time-urgent'), -1);
      scheduler.after(5, record('later'));
    });
    scheduler.at(10, record('sibling'));

    scheduler.runUntil(20);

    expect(log).toEqual(['first@10', 'same-time-urgent@10', 'sibling@10', 'same-time@10', 'later@15']);
  });

  it('runUntil includes events at the bound', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(100, record('at-bound'));
    scheduler.at(100.5, record('past-bound'));

    const ran = scheduler.runUntil(100);

    expect(ran).toBe(1);
    expect(log).toEqual(['at-bound@100']);
    expect(scheduler.now).toBe(100);
    expect(scheduler.pending).toBe(1);
    expect(scheduler.nextTime()).toBe(100.5);
  });

  it('runUntil advances clock through quiet time', () => {
    const { scheduler, record } = setup();
    scheduler.at(10, record('a'));
    scheduler.at(500, record('b'));

    expect(scheduler.runUntil(250)).toBe(1);
    expect(scheduler.now).toBe(250);

    expect(scheduler.runUntil(300)).toBe(0);
    expect(scheduler.now).toBe(300);
  });

  it('runUntil stops at maxEvents', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(10, record('a'));
    scheduler.at(20, record('b'));
    scheduler.at(30, record('c'));

    const ran = scheduler.runUntil(1_000, 2);

    expect(ran).toBe(2);
    expect(log).toEqual(['a@10', 'b@20']);
    expect(scheduler.now).toBe(20);
    expect(scheduler.pending).toBe(1);
  });

  it('runUntil Infinity keeps last event time', () => {
    const { scheduler, record } = setup();
    scheduler.at(42, record('a'));

    expect(scheduler.runUntil(Infinity)).toBe(1);
    expect(scheduler.now).toBe(42);
  });

  it('runNext runs one event', () => {
    const { scheduler, log, record } = setup();
    scheduler.at(3, record('a'));
    scheduler.at(4, record('b'));

    expect(scheduler.runNext()).toBe(true);
    expect(log).toEqual(['a@3']);
    expect(scheduler.now).toBe(3);
    expect(scheduler.eventsProcessed).toBe(1);
    expect(scheduler.pending).toBe(1);
  });

  it('after counts from now', () => {
    const { scheduler, log, record } = setup();
    scheduler.runUntil(1_000);
    scheduler.after(250, record('a'));

    scheduler.runUntil(2_000);

    expect(log).toEqual(['a@1250']);
  });

  it('at rejects time in past', () => {
    const { scheduler, record } = setup();
    scheduler.runUntil(100);

    expect(() => scheduler.at(99, record('late'))).toThrow(/time 99 is before now \(100\)/);
    expect(() => scheduler.at(Number.NaN, record('nan'))).toThrow(RangeError);
    expect(scheduler.pending).toBe(0);
  });

  it('after rejects negative delay', () => {
    const { scheduler, record } = setup();

    expect(() => scheduler.after(-1, record('late'))).toThrow(/delay -1 ms is negative/);
    expect(() => scheduler.after(Number.NaN, record('nan'))).toThrow(RangeError);
  });

  it('at rejects NaN priority', () => {
    const { scheduler, record } = setup();

    expect(() => scheduler.at(1, record('a'), Number.NaN)).toThrow(/priority is NaN/);
  });

  it('runUntil rejects time in past', () => {
    const { scheduler } = setup();
    scheduler.runUntil(50);

    expect(() => scheduler.runUntil(49)).toThrow(/time 49 is before now \(50\)/);
  });

  it('heap matches sorted order at scale', () => {
    const scheduler = new Scheduler();
    const order: number[] = [];
    const expected: { time: number; priority: number; id: number }[] = [];
    // A fixed linear congruential sequence gives many ties in time and priority across heap growth.
    let state = 7;
    for (let id = 0; id < 5_000; id++) {
      state = (state * 48_271) % 2_147_483_647;
      const time = state % 97;
      const priority = state % 3;
      expected.push({ time, priority, id });
      scheduler.at(time, () => order.push(id), priority);
    }
    expected.sort((a, b) => a.time - b.time || a.priority - b.priority || a.id - b.id);

    scheduler.runUntil(Infinity);

    expect(order).toEqual(expected.map((entry) => entry.id));
    expect(scheduler.eventsProcessed).toBe(5_000);
  });
});
