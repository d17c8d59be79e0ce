import { describe, expect, it } from 'vitest';
import { backboneHarness, idsOf } from './harness.js';

const FIXED_PUBLISH = '{ publishLatency: { p50: 5ms, p99: 5ms } }';

describe('EventBackbone per-key ordering', () => {
  it('keeps order of one key', () => {
    const harness = backboneHarness('{}', FIXED_PUBLISH);
    for (let i = 0; i < 5; i++) harness.publishAt(i, harness.message(`m${i}`, 7));
    harness.scheduler.runUntil(1_000);

    expect(idsOf(harness.log, 'APPLIED')).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    // One consumer per partition handles one message at a time: 10 ms each from the first ack at 5 ms.
    expect(harness.log.map((entry) => entry.t)).toEqual([15, 25, 35, 45, 55]);
  });

  it('out-of-order fault breaks key order', () => {
    const harness = backboneHarness('{}', FIXED_PUBLISH);
    harness.backbone.setOutOfOrderRate(1);
    for (let i = 0; i < 5; i++) harness.publishAt(i, harness.message(`m${i}`, 7));
    harness.scheduler.runUntil(1_000);

    // m0 is in flight when the others arrive; each later one jumps ahead of the last waiting one.
    expect(idsOf(harness.log, 'APPLIED')).toEqual(['m0', 'm2', 'm3', 'm4', 'm1']);
  });
});

describe('EventBackbone poison messages', () => {
  it('sets poison aside after one attempt', () => {
    const harness = backboneHarness('{ deadLetter: { maxAttempts: 3 } }', FIXED_PUBLISH);
    const poison = { ...harness.message('bad', 7), poison: true };
    harness.publishAt(0, poison);
    harness.publishAt(1, harness.message('m1', 7));
    harness.publishAt(2, harness.message('m2', 7));
    harness.scheduler.runUntil(60_000);

    expect(poison.attempts).toBe(1);
    expect(harness.log).toEqual([
      { id: 'bad', t: 5, event: 'POISONED' },
      { id: 'm1', t: 16, event: 'APPLIED' },
      { id: 'm2', t: 26, event: 'APPLIED' },
    ]);
    expect(harness.backbone.poisonQueue.depth).toBe(1);
    expect(harness.backbone.deadLetters.depth).toBe(0);
    expect(harness.backbone.lag).toBe(0);
  });

  it('without poison queue blocks partition', () => {
    const harness = backboneHarness('{ deadLetter: { maxAttempts: 3, poisonQueue: false } }', FIXED_PUBLISH);
    const poison = { ...harness.message('bad', 7), poison: true };
    harness.publishAt(0, poison);
    harness.publishAt(1, harness.message('m1', 7));
    harness.scheduler.runUntil(60_000);

    // Attempts at 5 ms, 1,005 ms and 3,005 ms (backoff 1 s, then 2 s), then the dead-letter queue.
    expect(poison.attempts).toBe(3);
    expect(harness.log).toEqual([
      { id: 'bad', t: 3_005, event: 'DEAD_LETTERED' },
      { id: 'm1', t: 3_015, event: 'APPLIED' },
    ]);
    expect(harness.backbone.poisonQueue.depth).toBe(0);
    expect(harness.backbone.deadLetters.depth).toBe(1);
  });

  it('poison rate marks every message', () => {
    const harness = backboneHarness('{ deadLetter: { maxAttempts: 3 } }', '{ publishLatency: { p50: 5ms, p99: 5ms }, poisonRate: 1 }');
    harness.publishAt(0, harness.message('m0', 1));
    harness.publishAt(0, harness.message('m1', 2));
    harness.scheduler.runUntil(1_000);

    expect(harness.backbone.poisonPublished).toBe(2);
    expect(harness.backbone.poisonRate()).toBe(1);
    expect(idsOf(harness.log, 'POISONED')).toEqual(['m0', 'm1']);
  });
});

describe('EventBackbone dead-letter replay', () => {
  it('replays no faster than rate', () => {
    const harness = backboneHarness('{ deadLetter: { maxAttempts: 3 } }', FIXED_PUBLISH);
    for (let i = 0; i < 5; i++) harness.backbone.deadLetters.add(harness.message(`d${i}`, i), 0, 'error');
    harness.scheduler.at(10_000, () => {
      expect(harness.backbone.replayDeadLetters(5, 2)).toBe(5);
      expect(harness.backbone.replayPending).toBe(5);
    });
    harness.scheduler.runUntil(60_000);

    const replayed = harness.log.filter((entry) => entry.event === 'REPLAYED');
    expect(replayed.map((entry) => entry.t)).toEqual([10_000, 10_500, 11_000, 11_500, 12_000]);
    expect(idsOf(harness.log, 'APPLIED')).toEqual(['d0', 'd1', 'd2', 'd3', 'd4']);
    expect(harness.backbone.replayed).toBe(5);
    expect(harness.backbone.replayPending).toBe(0);
    expect(harness.backbone.deadLetters.depth).toBe(0);
  });

  it('two replays share one rate', () => {
    const harness = backboneHarness('{}', FIXED_PUBLISH);
    for (let i = 0; i < 4; i++) harness.backbone.deadLetters.add(harness.message(`d${i}`, i), 0, 'error');
    harness.scheduler.at(1_000, () => harness.backbone.replayDeadLetters(2, 1));
    harness.scheduler.at(1_500, () => harness.backbone.replayDeadLetters(2, 1));
    harness.scheduler.runUntil(60_000);

    const replayed = harness.log.filter((entry) => entry.event === 'REPLAYED');
    expect(replayed.map((entry) => entry.t)).toEqual([1_000, 2_000, 3_000, 4_000]);
  });

  it('scheduled replay follows policy', () => {
    const harness = backboneHarness('{ deadLetter: { maxAttempts: 3 }, replay: { every: 1m, ratePerSecond: 2, limit: 3 } }', FIXED_PUBLISH);
    for (let i = 0; i < 4; i++) harness.backbone.deadLetters.add(harness.message(`d${i}`, i), 0, 'error');
    expect(harness.backbone.nextReplayAt).toBe(60_000);
    harness.scheduler.runUntil(65_000);

    const replayed = harness.log.filter((entry) => entry.event === 'REPLAYED');
    expect(replayed.map((entry) => entry.t)).toEqual([60_000, 60_500, 61_000]);
    expect(harness.backbone.deadLetters.depth).toBe(1);
    expect(harness.backbone.nextReplayAt).toBe(120_000);
  });

  it('rejects replay rate of zero', () => {
    const harness = backboneHarness();
    expect(() => harness.backbone.replayDeadLetters(1, 0)).toThrow('Invalid replay rate 0 per second: use a number above 0.');
  });
});
