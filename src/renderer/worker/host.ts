/**
 * The simulation host that runs inside the worker: it loads scenarios, paces the run against real
 * time, applies commands and posts batched snapshots.
 *
 * The host gets its clock, timer and simulator through `HostEnvironment`, so tests drive it with a
 * fake clock and a fake simulation and never sleep.
 */
import type { ControlAction, JourneyQuery, JourneySummary, JourneyTrace, LiveSnapshot, RunReport } from '../../simulator/api.js';
import type { Scenario } from '../../simulator/scenario/schema.js';
import type { IssueView, RunState, Speed, WorkerCommand, WorkerEvent } from './protocol.js';

/** The part of a simulation the host drives; `Simulation` from the simulator satisfies it. */
export interface HostedSimulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly now: number;
  readonly end: number;
  readonly done: boolean;
  advanceTo(time: number, maxEvents?: number): void;
  control(action: ControlAction): void;
  snapshot(): LiveSnapshot;
  journeys(query: JourneyQuery): { total: number; items: JourneySummary[] };
  journey(id: number): JourneyTrace | null;
  report(): RunReport;
}

/** A scenario problem as the loader reports it; only the fields the studio shows. */
export interface HostedIssue {
  line: number | null;
  column: number | null;
  pointer: string;
  message: string;
}

/** The simulator functions the host calls. */
export interface HostedSimulator<I extends HostedIssue = HostedIssue> {
  parseScenario(text: string, file: string): { ok: true; scenario: Scenario } | { ok: false; issues: I[] };
  formatIssue(issue: I): string;
  createSimulation(
    scenario: Scenario,
    options: { seed?: number; file?: string | null; policy?: string; traceCapacity?: number },
  ): HostedSimulation;
}

/** Clock, timer and outbox of the host. */
export interface HostEnvironment {
  /** Real time in milliseconds, such as `performance.now()`. */
  now(): number;
  schedule(callback: () => void, delayMs: number): void;
  post(event: WorkerEvent): void;
}

/** Real milliseconds between ticks at a finite speed, about one display frame. */
export const TICK_MS = 16;
/** Minimum real milliseconds between snapshots, so the page gets at most about 12 per second. */
export const SNAPSHOT_INTERVAL_MS = 80;
/** Real milliseconds of simulation work per tick, leaving the worker free to read commands. */
export const SLICE_MS = 12;
/** Events per `advanceTo` call, so the host can check its time budget between calls. */
export const EVENTS_PER_CALL = 5_000;
/**
 * Finished journeys the simulation keeps with their traces for the journey inspector. At roughly a
 * kilobyte or two per trace this bounds the worker's trace memory to tens of megabytes (an estimate).
 */
export const TRACE_CAPACITY = 20_000;
/** Falling further behind than this many real milliseconds resets the pacing instead of racing. */
const MAX_LAG_MS = 1_000;

/** Converts loader issues into the form the page shows. */
export function toIssueViews<I extends HostedIssue>(simulator: HostedSimulator<I>, issues: I[]): IssueView[] {
  return issues.map((issue) => ({
    line: issue.line,
    column: issue.column,
    pointer: issue.pointer,
    message: issue.message,
    text: simulator.formatIssue(issue),
  }));
}

/** Runs one simulation at a time for the page and paces it. */
export class SimulationHost<I extends HostedIssue = HostedIssue> {
  private simulation: HostedSimulation | null = null;
  private file = '';
  private policy: string | undefined;
  private runState: RunState = 'empty';
  private speed: Speed = 60;
  private anchorReal = 0;
  private anchorSim = 0;
  private lastPost = -Infinity;
  private tickScheduled = false;

  constructor(
    private readonly simulator: HostedSimulator<I>,
    private readonly env: HostEnvironment,
  ) {}

  /** Returns the current run state, for tests. */
  get state(): RunState {
    return this.runState;
  }

  /** Applies one command; a throwing simulation is reported as `failed` and the run pauses. */
  handle(command: WorkerCommand): void {
    try {
      this.dispatch(command);
    } catch (error) {
      this.fail(error);
    }
  }

  private dispatch(command: WorkerCommand): void {
    switch (command.type) {
      case 'load':
        return this.load(command.text, command.file, command.seed, command.policy);
      case 'restart':
        return this.restart(command.seed);
      case 'play':
        return this.play();
      case 'pause':
        return this.setRunState('paused');
      case 'step':
        return this.step();
      case 'setSpeed':
        this.speed = command.speed;
        this.reanchor();
        return this.postState();
      case 'control':
        return this.control(command.action);
      case 'queryJourneys':
        return this.reply(command, this.simulation ? this.simulation.journeys(command.query) : { total: 0, items: [] });
      case 'getJourney':
        return this.reply(command, this.simulation ? this.simulation.journey(command.id) : null);
      case 'getReport':
        return this.reply(command, this.simulation ? this.simulation.report() : null);
    }
  }

  private load(text: string, file: string, seed: number | undefined, policy: string | undefined): void {
    const parsed = this.simulator.parseScenario(text, file);
    if (!parsed.ok) {
      this.env.post({ type: 'loadFailed', file, issues: toIssueViews(this.simulator, parsed.issues) });
      return;
    }

    this.file = file;
    this.policy = policy;
    const options = {
      file,
      traceCapacity: TRACE_CAPACITY,
      ...(seed === undefined ? {} : { seed }),
      ...(policy === undefined ? {} : { policy }),
    };
    this.start(this.simulator.createSimulation(parsed.scenario, options));
  }

  private restart(seed: number): void {
    const current = this.requireSimulation('restart');
    const options = {
      seed,
      file: this.file,
      traceCapacity: TRACE_CAPACITY,
      ...(this.policy === undefined ? {} : { policy: this.policy }),
    };
    this.start(this.simulator.createSimulation(current.scenario, options));
  }

  private start(simulation: HostedSimulation): void {
    this.simulation = simulation;
    const scenario = simulation.scenario;
    const policy = this.policy ?? scenario.activePolicy ?? null;
    this.env.post({ type: 'loaded', scenario, file: this.file, seed: simulation.seed, policy });
    this.runState = simulation.done ? 'done' : 'paused';
    this.postState();
    this.postSnapshot();
  }

  private play(): void {
    const simulation = this.requireSimulation('play');
    if (simulation.done) return this.setRunState('done');

    this.runState = 'playing';
    this.reanchor();
    this.postState();
    this.scheduleTick(0);
  }

  private step(): void {
    const simulation = this.requireSimulation('step');
    const interval = simulation.scenario.clock.sampleEvery;
    const next = Math.min(simulation.end, (Math.floor(simulation.now / interval) + 1) * interval);
    simulation.advanceTo(next);
    this.runState = simulation.done ? 'done' : 'paused';
    this.postState();
    this.postSnapshot();
  }

  private control(action: ControlAction): void {
    const simulation = this.requireSimulation('control');
    simulation.control(action);
    // A paused run shows the action at once; a playing run shows it with the next snapshot.
    if (this.runState !== 'playing') this.postSnapshot();
  }

  private setRunState(runState: RunState): void {
    if (this.simulation === null) return;
    this.runState = this.simulation.done ? 'done' : runState;
    this.postState();
    this.postSnapshot();
  }

  private reanchor(): void {
    this.anchorReal = this.env.now();
    this.anchorSim = this.simulation?.now ?? 0;
  }

  private scheduleTick(delay: number): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.env.schedule(() => {
      this.tickScheduled = false;
      try {
        this.tick();
      } catch (error) {
        this.fail(error);
      }
    }, delay);
  }

  /** Advances the run for one slice of real time, posts a snapshot when one is due, and re-arms itself. */
  tick(): void {
    const simulation = this.simulation;
    if (simulation === null || this.runState !== 'playing') return;

    const sliceStart = this.env.now();
    if (this.speed === 'max') {
      this.runFor(simulation, simulation.end, sliceStart);
    } else {
      const target = this.anchorSim + (sliceStart - this.anchorReal) * this.speed;
      this.runFor(simulation, Math.min(simulation.end, target), sliceStart);
      if (simulation.now < target - MAX_LAG_MS * this.speed) this.reanchor();
    }

    if (simulation.done) {
      this.runState = 'done';
      this.postState();
      this.postSnapshot();
      return;
    }
    if (this.env.now() - this.lastPost >= SNAPSHOT_INTERVAL_MS) this.postSnapshot();
    this.scheduleTick(this.speed === 'max' ? 0 : TICK_MS);
  }

  private runFor(simulation: HostedSimulation, target: number, sliceStart: number): void {
    while (simulation.now < target && !simulation.done && this.env.now() - sliceStart < SLICE_MS) {
      const before = simulation.now;
      simulation.advanceTo(target, EVENTS_PER_CALL);
      // An event-free stretch may leave `now` unchanged only when the run has nothing left before target.
      if (simulation.now === before) break;
    }
  }

  private postState(): void {
    this.env.post({ type: 'state', runState: this.runState, speed: this.speed });
  }

  private postSnapshot(): void {
    if (this.simulation === null) return;
    this.lastPost = this.env.now();
    this.env.post({ type: 'snapshot', snapshot: this.simulation.snapshot(), runState: this.runState });
  }

  private reply<T extends Extract<WorkerCommand, { requestId: number }>>(command: T, payload: unknown): void {
    this.env.post({ type: 'reply', requestId: command.requestId, request: command.type, payload } as WorkerEvent);
  }

  private requireSimulation(action: string): HostedSimulation {
    if (this.simulation !== null) return this.simulation;
    throw new Error(`cannot ${action}: no scenario is loaded. Load a scenario first.`);
  }

  private fail(error: unknown): void {
    if (this.runState === 'playing') this.runState = 'paused';
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error && error.stack ? error.stack : null;
    this.env.post({ type: 'failed', message, stack });
    this.postState();
  }
}
