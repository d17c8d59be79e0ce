import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, SeriesPoint } from '../../../src/simulator/api.js';
import type { Scenario } from '../../../src/simulator/scenario/schema.js';
import { formatClock, parseClockStart } from '../../../src/renderer/store/clock.js';
import { SeriesBuffer } from '../../../src/renderer/store/series.js';
import { applyWorkerEvent, createStudioStore } from '../../../src/renderer/store/studio.js';

function point(t: number, ordersCompleted: number): SeriesPoint {
  return {
    t,
    ordersCompleted,
    ordersLost: 0,
    revenueAtRisk: 0,
    checkoutP50: 0,
    checkoutP95: 0,
    checkoutP99: 0,
    accrualLagP95: 0,
    ledgerDrift: 0,
    deadLetterDepth: 0,
    arrivalsPerSecond: 0,
    // The buffer charts only the fields above; the rest of the point does not matter here.
  } as SeriesPoint;
}

function snapshot(now: number, points: SeriesPoint[], activePolicy: string | null = 'strong'): LiveSnapshot {
  return { now, end: 60_000, done: false, newSeries: points, timeline: [], activePolicy } as unknown as LiveSnapshot;
}

const SCENARIO = { clock: { start: '2025-11-28T10:00:00-05:00', duration: 60_000 } } as unknown as Scenario;

describe('SeriesBuffer', () => {
  it('append grows past capacity', () => {
    const buffer = new SeriesBuffer(100);
    const points = Array.from({ length: 600 }, (_, index) => point((index + 1) * 1_000, index));
    expect(buffer.append(points)).toBe(600);

    expect(buffer.length).toBe(600);
    expect(buffer.x()[0]).toBe(101);
    expect(buffer.x()[599]).toBe(700);
    expect(buffer.column('ordersCompleted')[599]).toBe(599);
    expect(buffer.last('ordersCompleted')).toBe(599);
  });

  it('append drops repeated points', () => {
    const buffer = new SeriesBuffer();
    buffer.append([point(1_000, 1), point(2_000, 2)]);
    expect(buffer.append([point(2_000, 9), point(3_000, 3)])).toBe(1);

    expect(Array.from(buffer.column('ordersCompleted'))).toEqual([1, 2, 3]);
  });
});

describe('clock label', () => {
  it('start keeps scenario local time', () => {
    const start = parseClockStart('2025-11-28T10:00:00-05:00');
    expect(formatClock(start, 2 * 3_600_000 + 61_000)).toBe('Fri 2025-11-28 12:01:01');
  });

  it('missing start shows elapsed time', () => {
    expect(parseClockStart(undefined)).toBeNull();
    expect(formatClock(null, 90_061_000)).toBe('T+1d 01:01:01');
  });
});

describe('applyWorkerEvent', () => {
  it('loaded resets run state', () => {
    const store = createStudioStore();
    applyWorkerEvent(store, { type: 'loaded', scenario: SCENARIO, file: 'a.yaml', seed: 3, policy: 'strong' });
    applyWorkerEvent(store, { type: 'snapshot', snapshot: snapshot(10_000, [point(10_000, 5)]), runState: 'paused' });
    applyWorkerEvent(store, { type: 'loaded', scenario: SCENARIO, file: 'a.yaml', seed: 4, policy: 'strong' });

    const state = store.getState();
    expect(state.loaded?.runId).toBe(2);
    expect(state.loaded?.seed).toBe(4);
    expect(state.snapshot).toBeNull();
    expect(state.series.length).toBe(0);
    expect(state.series.originSeconds).toBe(Date.UTC(2025, 10, 28, 10) / 1_000);
  });

  it('snapshot appends series once', () => {
    const store = createStudioStore();
    applyWorkerEvent(store, { type: 'loaded', scenario: SCENARIO, file: 'a.yaml', seed: 3, policy: 'strong' });
    applyWorkerEvent(store, { type: 'snapshot', snapshot: snapshot(20_000, [point(10_000, 5), point(20_000, 8)]), runState: 'playing' });
    applyWorkerEvent(store, { type: 'snapshot', snapshot: snapshot(25_000, []), runState: 'playing' });

    const state = store.getState();
    expect(state.series.length).toBe(2);
    expect(state.seriesVersion).toBe(1);
    expect(state.runState).toBe('playing');
    expect(state.snapshot?.now).toBe(25_000);
  });

  it('policy switch updates loaded run', () => {
    const store = createStudioStore();
    applyWorkerEvent(store, { type: 'loaded', scenario: SCENARIO, file: 'a.yaml', seed: 3, policy: 'strong' });
    applyWorkerEvent(store, { type: 'snapshot', snapshot: snapshot(1_000, [], 'weak'), runState: 'paused' });

    expect(store.getState().loaded?.policy).toBe('weak');
  });

  it('failure becomes simulation error', () => {
    const store = createStudioStore();
    applyWorkerEvent(store, { type: 'failed', message: 'boom', stack: null });

    expect(store.getState().errors.map((error) => [error.source, error.message])).toEqual([['simulation', 'boom']]);
  });
});
