/**
 * The comparison host inside the comparison worker: it runs both sides of a comparison to their ends in
 * slices of real time, posting progress between slices so a cancel or a new comparison gets through.
 *
 * Clock, timer and outbox come through `CompareEnvironment`, so tests drive the host without sleeping.
 */
import type { RunReport } from '../../simulator/api.js';
import { compareReports, sideLabel } from '../../simulator/compare.js';
import { createSimulation, formatIssue, parseScenario, type Simulation } from '../../simulator/index.js';
import type { Scenario } from '../../simulator/scenario/schema.js';
import type { CompareCommand, CompareEvent, CompareSide } from './compare-protocol.js';

/** Clock, timer and outbox of the host. */
export interface CompareEnvironment {
  /** Real time in milliseconds, such as `performance.now()`. */
  now(): number;
  schedule(callback: () => void): void;
  post(event: CompareEvent): void;
}

/** Real milliseconds of simulation work per slice, leaving the worker free to read commands. */
export const COMPARE_SLICE_MS = 40;
/** Simulated milliseconds per `advanceTo` call, so the host can check its time budget between calls. */
const STEP_MS = 10_000;

interface Job {
  id: number;
  seed: number;
  specs: [CompareSide, CompareSide];
  simulations: [Simulation, Simulation];
  reports: RunReport[];
  landscapes: boolean;
}

/** Runs one comparison at a time; a new comparison replaces the one running. */
export class CompareHost {
  private job: Job | null = null;

  constructor(private readonly env: CompareEnvironment) {}

  /** Applies one command; a throwing simulation is reported as `failed`. */
  handle(command: CompareCommand): void {
    if (command.type === 'cancel') {
      if (this.job?.id === command.jobId) this.job = null;
      return;
    }

    try {
      this.start(command);
    } catch (error) {
      this.job = null;
      this.env.post({ type: 'failed', jobId: command.jobId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private start(command: Extract<CompareCommand, { type: 'compare' }>): void {
    const scenarioA = this.parse(command.jobId, 'a', command.a);
    const scenarioB = scenarioA === null ? null : this.parse(command.jobId, 'b', command.b);
    if (scenarioA === null || scenarioB === null) {
      this.job = null;
      return;
    }

    const seed = command.seed ?? scenarioA.seed;
    const create = (scenario: Scenario, side: CompareSide) =>
      createSimulation(scenario, { seed, file: side.file, ...(side.policy === undefined ? {} : { policy: side.policy }) });
    this.job = {
      id: command.jobId,
      seed,
      specs: [command.a, command.b],
      simulations: [create(scenarioA, command.a), create(scenarioB, command.b)],
      reports: [],
      landscapes: command.a.text !== command.b.text || command.a.file !== command.b.file,
    };
    this.env.schedule(() => this.slice(command.jobId));
  }

  private parse(jobId: number, side: 'a' | 'b', spec: CompareSide): Scenario | null {
    const parsed = parseScenario(spec.text, spec.file);
    if (parsed.ok) return parsed.scenario;

    const issues = parsed.issues.map((issue) => ({ line: issue.line, column: issue.column, pointer: issue.pointer, message: issue.message, text: formatIssue(issue) }));
    this.env.post({ type: 'invalid', jobId, side, issues });
    return null;
  }

  /** Runs the current side for one slice, then posts progress, the result, or schedules the next slice. */
  private slice(jobId: number): void {
    const job = this.job;
    if (job === null || job.id !== jobId) return;

    try {
      const index = job.reports.length as 0 | 1;
      const simulation = job.simulations[index];
      const started = this.env.now();
      // At least one step per slice, so a slow clock cannot stall the run.
      do {
        simulation.advanceTo(simulation.now + STEP_MS);
      } while (!simulation.done && this.env.now() - started < COMPARE_SLICE_MS);

      const side = index === 0 ? 'a' : 'b';
      this.env.post({ type: 'progress', jobId, side, now: simulation.now, end: simulation.end });
      if (simulation.done) job.reports.push(simulation.report());
      if (job.reports.length < 2) {
        this.env.schedule(() => this.slice(jobId));
        return;
      }

      this.job = null;
      const [reportA, reportB] = job.reports as [RunReport, RunReport];
      const labelOf = (spec: CompareSide, report: RunReport) => sideLabel(spec.policy === undefined ? {} : { policy: spec.policy }, report, job.landscapes);
      const comparison = compareReports({ label: labelOf(job.specs[0], reportA), report: reportA }, { label: labelOf(job.specs[1], reportB), report: reportB });
      this.env.post({ type: 'compared', jobId, comparison });
    } catch (error) {
      this.job = null;
      this.env.post({ type: 'failed', jobId, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
