/**
 * Simulator throughput benchmark: events and journeys per second of wall time and peak heap, on the
 * Black Friday scenario as shipped and scaled up to millions of journeys. Writes docs/benchmarks.md.
 *
 * Usage: npm run bench -- [--runs N] [--journeys N] [--no-write]
 * The npm script passes --expose-gc so each run starts from a collected heap.
 */
import { readFileSync } from 'node:fs';
import { writeSection } from './doc-section.js';
import { resolve } from 'node:path';
import { createSimulation, formatIssue, parseScenario } from '../src/simulator/index.js';
import type { Scenario } from '../src/simulator/scenario/schema.js';
import { describeMachine, renderBenchmarkPage, type CaseResult, type RunSample } from './report.js';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIO_FILE = 'scenarios/black-friday-loyalty-outage.yaml';

/** Heap samples per run; more would measure the sampling instead of the simulator. */
const HEAP_SAMPLES = 200;

interface BenchOptions {
  runs: number;
  /** Journeys the scaled-up case aims for. */
  journeys: number;
  write: boolean;
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: 5, journeys: 2_000_000, write: true };

  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--no-write') options.write = false;
    else if (flag === '--runs' || flag === '--journeys') {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < 1) {
        throw new Error(`Invalid value "${argv[i + 1]}" for ${flag}: pass a whole number of at least 1.`);
      }
      if (flag === '--runs') options.runs = value;
      else options.journeys = value;
      i += 1;
    } else {
      throw new Error(`Unknown option "${flag}": use --runs N, --journeys N or --no-write.`);
    }
  }
  return options;
}

function loadScenario(file: string): Scenario {
  const result = parseScenario(readFileSync(resolve(ROOT, file), 'utf8'), file);
  if (!result.ok) {
    throw new Error(`Invalid benchmark scenario:\n${result.issues.map(formatIssue).join('\n')}`);
  }
  return result.scenario;
}

function collectGarbage(): void {
  globalThis.gc?.();
}

/** Runs the scenario once to its end, sampling the heap at evenly spaced simulated times. */
function runOnce(scenario: Scenario): RunSample {
  collectGarbage();
  let peakHeap = process.memoryUsage().heapUsed;
  const started = performance.now();

  const simulation = createSimulation(scenario, { file: SCENARIO_FILE });
  const step = Math.max(1, Math.ceil(simulation.end / HEAP_SAMPLES));
  for (let target = step; !simulation.done; target += step) {
    simulation.advanceTo(Math.min(simulation.end, target));
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (target >= simulation.end) break;
  }
  const report = simulation.report();

  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    events: report.eventsProcessed,
    journeys: report.business.journeysStarted,
    peakHeapBytes: peakHeap,
  };
}

function runCase(name: string, scenario: Scenario, runs: number): CaseResult {
  const samples: RunSample[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const sample = runOnce(scenario);
    samples.push(sample);
    process.stderr.write(
      `${name} run ${run}/${runs}: ${sample.seconds.toFixed(2)} s, ${sample.events} events, ` +
        `${sample.journeys} journeys, peak heap ${(sample.peakHeapBytes / 2 ** 20).toFixed(0)} MiB\n`,
    );
  }
  return { name, factor: scenario.load.factor, samples };
}

/**
 * Returns the scenario for a retailer `factor` times larger: the load and every system's concurrency
 * and queue scale alike, and vendor presets are dropped because their limits are per account. Scaling
 * only the load would measure a saturated ERP's retry storm rather than the simulator.
 */
function withFactor(scenario: Scenario, factor: number): Scenario {
  const ratio = factor / scenario.load.factor;
  if (ratio === 1) return scenario;

  const systems: Scenario['systems'] = {};
  for (const [kind, system] of Object.entries(scenario.systems) as [keyof Scenario['systems'], NonNullable<Scenario['systems'][keyof Scenario['systems']]>][]) {
    const { preset: _preset, presetParams: _params, ...rest } = system;
    systems[kind] = {
      ...rest,
      concurrency: Math.ceil(system.concurrency * ratio),
      queueLimit: Math.ceil(system.queueLimit * ratio),
    };
  }
  return { ...scenario, systems, load: { ...scenario.load, factor } };
}

/** Counts the journeys started in the first tenth of the simulated time, enough to compare load factors. */
function probeJourneys(scenario: Scenario): number {
  const simulation = createSimulation(scenario, { file: SCENARIO_FILE });
  simulation.advanceTo(Math.ceil(simulation.end / 10));
  return simulation.snapshot().business.journeysStarted;
}

/**
 * Picks the load factor that makes a run start about `journeys` journeys, given `journeysPerRun` at
 * the scenario's own factor. A short probe checks the linear guess, because arrivals might not grow in
 * proportion to the factor. If they grow as factor^p instead, the guess is corrected for p.
 */
function chooseFactor(scenario: Scenario, journeysPerRun: number, journeys: number, notes: string[]): number {
  const base = scenario.load.factor;
  const multiplier = Math.max(1, journeys / Math.max(1, journeysPerRun));
  if (multiplier <= 1.01) return base;

  const baseProbe = probeJourneys(scenario);
  const scaledProbe = probeJourneys(withFactor(scenario, base * multiplier));
  const grown = scaledProbe / Math.max(1, baseProbe);
  const exponent = Math.log(grown) / Math.log(multiplier);
  if (!Number.isFinite(exponent) || exponent <= 0) return base * multiplier;

  if (Math.abs(exponent - 1) > 0.05) {
    const note =
      `Journeys grew ${grown.toFixed(2)}x for a ${multiplier.toFixed(2)}x load factor, as factor^${exponent.toFixed(2)} ` +
      'instead of in proportion, so the scaled case uses a smaller factor. Check how load.factor is applied.';
    process.stderr.write(`Warning: ${note}\n`);
    notes.push(note);
  }
  return base * multiplier ** (1 / exponent);
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  if (globalThis.gc === undefined) {
    process.stderr.write('Note: run with node --expose-gc (npm run bench does) so runs start from a collected heap.\n');
  }

  const scenario = loadScenario(SCENARIO_FILE);
  const base = runCase('Black Friday', scenario, options.runs);
  const journeysPerRun = base.samples[0]?.journeys ?? 0;
  const notes: string[] = [];
  const factor = chooseFactor(scenario, journeysPerRun, options.journeys, notes);
  const scaled = runCase(`Black Friday, retailer scaled up`, withFactor(scenario, Number(factor.toFixed(2))), options.runs);

  const page = renderBenchmarkPage({
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    scenarioFile: SCENARIO_FILE,
    machine,
    date: new Date().toISOString().slice(0, 10),
    cases: [base, scaled],
    notes,
  });

  process.stdout.write(page);
  if (options.write) writeSection(resolve(ROOT, 'docs/benchmarks.md'), 'simulator', page);
}

main();
