/**
 * Medians and the Markdown page of the simulator benchmark, kept apart from the timing loop.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** Figures of one timed run. */
export interface RunSample {
  /** Wall time of the run, in seconds. */
  seconds: number;
  events: number;
  journeys: number;
  /** Largest `heapUsed` seen during the run, in bytes. */
  peakHeapBytes: number;
}

/** All runs of one benchmark case. */
export interface CaseResult {
  name: string;
  /** Load factor the case ran with. */
  factor: number;
  samples: RunSample[];
}

/** The machine a benchmark ran on, as the page prints it. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** One-minute load average when the benchmark started; above zero means other processes shared the CPU. */
  loadAverage: number;
}

/** Everything the benchmark page shows. */
export interface BenchmarkPage {
  command: string;
  scenarioFile: string;
  machine: MachineInfo;
  /** Date of the measurement, YYYY-MM-DD. */
  date: string;
  cases: CaseResult[];
  /** Caveats found while measuring, printed under the table. */
  notes: string[];
}

/** Returns the median of a non-empty list; for an even count, the mean of the middle two. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('Cannot take the median of no values: run each case at least once.');

  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Reads the CPU model from /proc/cpuinfo, falling back to what Node reports on other systems. */
export function describeMachine(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1] !== undefined) cpu = match[1].trim();
  } catch {
    // Not Linux: keep the model Node reported.
  }

  return { cpu, cores: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version, loadAverage: loadavg()[0] ?? 0 };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function row(result: CaseResult): string {
  const rate = (pick: (sample: RunSample) => number) => median(result.samples.map((s) => pick(s) / s.seconds));
  const cells = [
    result.name,
    String(result.factor),
    integer.format(median(result.samples.map((s) => s.journeys))),
    integer.format(median(result.samples.map((s) => s.events))),
    median(result.samples.map((s) => s.seconds)).toFixed(2),
    integer.format(rate((s) => s.events)),
    integer.format(rate((s) => s.journeys)),
    integer.format(median(result.samples.map((s) => s.peakHeapBytes)) / 2 ** 20),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Renders docs/benchmarks.md from the measured cases. */
export function renderBenchmarkPage(page: BenchmarkPage): string {
  const runs = page.cases[0]?.samples.length ?? 0;
  const { machine } = page;

  return [
    '## Simulator throughput',
    '',
    `Simulator throughput on \`${page.scenarioFile}\`, as shipped, and for a retailer scaled up until a run`,
    'starts millions of journeys: the load factor and every system\'s concurrency and queue grow alike, and',
    'vendor presets are dropped because their limits are per account.',
    `Each figure is the median of ${runs} runs in one process.`,
    'Rates are per second of wall time. Peak heap is the largest `process.memoryUsage().heapUsed` sampled',
    '200 times per run, after a forced garbage collection at the start of each run. Journeys keep no',
    'traces (trace capacity 0, the CLI default).',
    '',
    '| Case | Load factor | Journeys | Events | Wall s | Events/s | Journeys/s | Peak heap MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...page.cases.map(row),
    '',
    ...page.notes.flatMap((note) => [`Note: ${note}`, '']),
    `Command: \`${page.command}\` (runs \`bench/simulator.bench.ts\` under tsx with \`--expose-gc\`).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB memory, Node.js ${machine.node}.`,
    `The one-minute load average was ${machine.loadAverage.toFixed(1)} when the benchmark started.`,
    '',
    `Measured on ${page.date}. Wall time depends on what else the machine runs, so compare numbers`,
    'only between runs on the same idle machine.',
    '',
  ].join('\n');
}
