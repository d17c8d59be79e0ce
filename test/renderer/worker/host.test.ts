import { describe, expect, it } from 'vitest';
import type { ControlAction, LiveSnapshot } from '../../../src/simulator/api.js';
import type { Scenario } from '../../../src/simulator/scenario/schema.js';
import {
  EVENTS_PER_CALL,
  SimulationHost,
  SLICE_MS,
  SNAPSHOT_INTERVAL_MS,
  TRACE_CAPACITY,
  type HostedIssue,
  type HostedSimulation,
  type HostedSimulator,
} from '../../../src/renderer/worker/host.js';
import type { WorkerEvent } from '../../../src/renderer/worker/protocol.js';

const END = 60_000;
const SAMPLE = 10_000;

/** A simulation whose clock moves exactly to each target, costing `costPerCall` fake ms per call. */
class FakeSimulation implements HostedSimulation {
  now = 0;
  readonly end = END;
  readonly scenario = { clock: { sampleEvery: SAMPLE, duration: END }, activePolicy: 'strong' } as unknown as Scenario;
  readonly actions: ControlAction[] = [];
  readonly calls: [number, number | undefined][] = [];
  snapshots = 0;

  constructor(
    readonly seed: number,
    private readonly clock: FakeClock,
    private readonly costPerCall = 0,
    private readonly stepPerCall = Infinity,
  ) {}

  get done(): boolean {
    return this.now >= this.end;
  }

  advanceTo(time: number, maxEvents?: number): void {
    this.calls.push([time, maxEvents]);
    this.now = Math.min(time, this.now + this.stepPerCall, this.end);
    this.clock.time += this.costPerCall;
  }

  control(action: ControlAction): void {
    this.actions.push(action);
  }

  snapshot(): LiveSnapshot {
    this.snapshots += 1;
    return { now: this.now, end: this.end, done: this.done } as LiveSnapshot;
  }

  journeys() {
    return { total: 3, items: [] };
  }

  journey(id: number) {
    return id === 1 ? ({ id } as never) : null;
  }

  report() {
    return { seed: this.seed } as never;
  }
}

class FakeClock {
  time = 0;
}

function setup(options: { cost?: number; stepPerCall?: number; invalid?: boolean } = {}) {
  const clock = new FakeClock();
  const events: WorkerEvent[] = [];
  const timers: (() => void)[] = [];
  const created: FakeSimulation[] = [];
  const createOptions: unknown[] = [];
  const simulator: HostedSimulator<HostedIssue> = {
    parseScenario: (text) =>
      options.invalid || text === 'bad'
        ? { ok: false, issues: [{ line: 3, column: 5, pointer: 'clock.duration', message: 'bad duration' }] }
        : { ok: true, scenario: {} as Scenario },
    formatIssue: (issue) => `f.yaml:${issue.line}:${issue.column}: ${issue.pointer}: ${issue.message}`,
    createSimulation: (_scenario, createOptionsValue) => {
      createOptions.push(createOptionsValue);
      const simulation = new FakeSimulation(createOptionsValue.seed ?? 1, clock, options.cost, options.stepPerCall);
      created.push(simulation);
      return simulation;
    },
  };
  const host = new SimulationHost(simulator, {
    now: () => clock.time,
    schedule: (callback) => {
      timers.push(callback);
    },
    post: (event) => events.push(event),
  });
  const runTimers = (count: number) => {
    for (let index = 0; index < count && timers.length > 0; index += 1) (timers.shift() as () => void)();
  };
  return { host, clock, events, timers, created, createOptions, runTimers };
}

function types(events: WorkerEvent[]): string[] {
  return events.map((event) => event.type);
}

describe('SimulationHost', () => {
  it('load posts loaded state snapshot', () => {
    const { host, events, createOptions } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml', seed: 7 });

    expect(types(events)).toEqual(['loaded', 'state', 'snapshot']);
    expect(events[1]).toEqual({ type: 'state', runState: 'paused', speed: 60 });
    expect(createOptions).toEqual([{ file: 'f.yaml', traceCapacity: TRACE_CAPACITY, seed: 7 }]);
  });

  it('load failure posts formatted issues', () => {
    const { host, events } = setup();
    host.handle({ type: 'load', text: 'bad', file: 'f.yaml' });

    expect(events).toEqual([
      {
        type: 'loadFailed',
        file: 'f.yaml',
        issues: [{ line: 3, column: 5, pointer: 'clock.duration', message: 'bad duration', text: 'f.yaml:3:5: clock.duration: bad duration' }],
      },
    ]);
    expect(host.state).toBe('empty');
  });

  it('step advances one sample interval', () => {
    const { host, created } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'step' });
    host.handle({ type: 'step' });

    expect(created[0]?.now).toBe(2 * SAMPLE);
    expect(host.state).toBe('paused');
  });

  it('finite speed paces against clock', () => {
    const { host, clock, created, runTimers } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'setSpeed', speed: 10 });
    host.handle({ type: 'play' });

    clock.time = 500;
    runTimers(1);
    expect(created[0]?.now).toBe(5_000);

    clock.time = 1_200;
    runTimers(1);
    expect(created[0]?.now).toBe(12_000);
  });

  it('max speed respects slice budget', () => {
    const { host, created, runTimers } = setup({ cost: 5, stepPerCall: 100 });
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'setSpeed', speed: 'max' });
    host.handle({ type: 'play' });
    runTimers(1);

    const calls = created[0]?.calls ?? [];
    // Each call costs 5 fake ms, so a 12 ms slice fits three calls.
    expect(calls.length).toBe(Math.ceil(SLICE_MS / 5));
    expect(calls.every(([target, max]) => target === END && max === EVENTS_PER_CALL)).toBe(true);
  });

  it('snapshots batch by interval', () => {
    // Each tick: 20 ms pass, then one 12 ms call uses the whole slice.
    const { host, clock, events, runTimers } = setup({ cost: SLICE_MS, stepPerCall: 10 });
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'setSpeed', speed: 'max' });
    host.handle({ type: 'play' });
    const before = types(events).filter((type) => type === 'snapshot').length;

    for (let tick = 0; tick < 10; tick += 1) {
      clock.time += SNAPSHOT_INTERVAL_MS / 4;
      runTimers(1);
    }
    // Ticks end at 32, 64, 96, ... ms; a snapshot goes out once 80 ms have passed since the last one.
    const after = types(events).filter((type) => type === 'snapshot').length;
    expect(after - before).toBe(3);
  });

  it('run end posts done', () => {
    const { host, events, runTimers, clock } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'setSpeed', speed: 'max' });
    host.handle({ type: 'play' });
    clock.time = 1;
    runTimers(5);

    expect(host.state).toBe('done');
    expect(events.at(-2)).toEqual({ type: 'state', runState: 'done', speed: 'max' });
    expect(events.at(-1)?.type).toBe('snapshot');
  });

  it('control while paused posts snapshot', () => {
    const { host, events, created } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    events.length = 0;
    host.handle({ type: 'control', action: { kind: 'systemDown', system: 'loyalty' } });

    expect(created[0]?.actions).toEqual([{ kind: 'systemDown', system: 'loyalty' }]);
    expect(types(events)).toEqual(['snapshot']);
  });

  it('restart keeps file and seed', () => {
    const { host, createOptions, created } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    host.handle({ type: 'step' });
    host.handle({ type: 'restart', seed: 42 });

    expect(createOptions.at(-1)).toEqual({ seed: 42, file: 'f.yaml', traceCapacity: TRACE_CAPACITY });
    expect(created.at(-1)?.now).toBe(0);
  });

  it('requests reply with request id', () => {
    const { host, events } = setup();
    host.handle({ type: 'load', text: 'ok', file: 'f.yaml' });
    events.length = 0;
    host.handle({ type: 'queryJourneys', requestId: 9, query: {} });
    host.handle({ type: 'getJourney', requestId: 10, id: 2 });

    expect(events).toEqual([
      { type: 'reply', requestId: 9, request: 'queryJourneys', payload: { total: 3, items: [] } },
      { type: 'reply', requestId: 10, request: 'getJourney', payload: null },
    ]);
  });

  it('command without scenario fails clearly', () => {
    const { host, events } = setup();
    host.handle({ type: 'play' });

    expect(events[0]).toMatchObject({ type: 'failed', message: 'cannot play: no scenario is loaded. Load a scenario first.' });
  });
});
