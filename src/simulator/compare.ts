/**
 * Comparison of two runs with the same seed: one scenario under two policy sets, or two scenarios
 * (two landscapes under the same load). Both runs are deterministic, so a difference between their
 * figures is caused by the policies or the landscape, never by chance.
 */
import type { BusinessFigures, RunReport } from './api.js';
import type { Scenario } from './scenario/schema.js';
import { createSimulation } from './simulation.js';

/** One side of a comparison. */
export interface RunSpec {
  /** Name shown for this side, such as the policy set's name. Default: the policy set, or the scenario name. */
  label?: string;
  /** Policy set to apply. Default: the scenario's `activePolicy`. */
  policy?: string;
  /** Scenario of this side, for two landscapes. Default: the scenario passed to `compareRuns`. */
  scenario?: Scenario;
  /** The file the scenario came from, for the report. */
  file?: string | null;
}

/** Better value of a figure, where the business makes it clear. */
export type Direction = 'lower' | 'higher' | 'closerToZero' | 'earlier' | 'true';

/** Unit a figure's values are written in. */
export type FigureUnit = 'count' | 'money' | 'ms' | 'points' | 'time' | 'flag';

/** One business figure of both runs. */
export interface FigureComparison {
  /** Path of the figure in `BusinessFigures`, such as `ordersLost` or `checkoutLatency.p95`. */
  key: string;
  label: string;
  unit: FigureUnit;
  /** Value of run A; null for a time that never came, and 1 or 0 for a flag. */
  a: number | null;
  b: number | null;
  /** B − A, or null when either value is null. */
  difference: number | null;
  /** Better value, or null where the business gives no clear direction. */
  better: Direction | null;
  /** The run whose value is better, `same` when they are equal, or null without a direction. */
  winner: 'a' | 'b' | 'same' | null;
}

/** A side of a finished comparison. */
export interface ComparedRun {
  label: string;
  report: RunReport;
}

/** Both runs with their figures side by side. */
export interface Comparison {
  comparisonVersion: 1;
  seed: number;
  a: ComparedRun;
  b: ComparedRun;
  figures: FigureComparison[];
}

/** Options of `compareRuns`. */
export interface CompareOptions {
  /** Seed of both runs. Default: the seed of the scenario passed to `compareRuns`. */
  seed?: number;
  /** Called every simulated minute of each run: which side, simulated time now and at the end, in ms. */
  onProgress?: (side: 'a' | 'b', now: number, end: number) => void;
}

/**
 * Runs `scenario` twice with the same seed, once per side, and compares the business figures.
 *
 * @example
 * const comparison = compareRuns(scenario, { policy: 'weak' }, { policy: 'strong' }, { seed: 7 });
 * comparison.figures.find((figure) => figure.key === 'ordersLost')?.difference; // B − A
 * @throws Error when a side names a policy set its scenario does not define; the message lists the defined ones.
 */
export function compareRuns(scenario: Scenario, a: RunSpec, b: RunSpec, options: CompareOptions = {}): Comparison {
  const seed = options.seed ?? scenario.seed;
  const reportA = runSide(scenario, a, seed, (now, end) => options.onProgress?.('a', now, end));
  const reportB = runSide(scenario, b, seed, (now, end) => options.onProgress?.('b', now, end));
  const landscapes = (a.scenario ?? scenario) !== (b.scenario ?? scenario);
  return compareReports({ label: sideLabel(a, reportA, landscapes), report: reportA }, { label: sideLabel(b, reportB, landscapes), report: reportB });
}

/**
 * Compares two finished runs. The studio's worker runs both sides itself, in slices, and calls this
 * at the end; `compareRuns` does both steps at once.
 */
export function compareReports(a: ComparedRun, b: ComparedRun): Comparison {
  return { comparisonVersion: 1, seed: a.report.seed, a, b, figures: compareFigures(a.report.business, b.report.business) };
}

/**
 * Returns the name a side is shown by: its label, else its scenario's name when two landscapes are
 * compared, else its policy set.
 */
export function sideLabel(spec: RunSpec, report: RunReport, landscapes: boolean): string {
  if (spec.label !== undefined) return spec.label;
  if (landscapes) return report.scenario.name;
  return report.activePolicy ?? report.scenario.name;
}

function runSide(scenario: Scenario, spec: RunSpec, seed: number, onProgress: (now: number, end: number) => void): RunReport {
  const simulation = createSimulation(spec.scenario ?? scenario, {
    seed,
    file: spec.file ?? null,
    ...(spec.policy === undefined ? {} : { policy: spec.policy }),
  });
  return simulation.runToEnd(onProgress);
}

/**
 * Compares every numeric and boolean figure of `BusinessFigures`, walking nested objects, so a figure
 * added to the report later appears here too (without a direction until one is listed below).
 */
export function compareFigures(a: BusinessFigures, b: BusinessFigures): FigureComparison[] {
  const valuesA = flatten(a);
  const valuesB = flatten(b);
  const figures: FigureComparison[] = [];

  for (const [key, rawA] of valuesA) {
    const rawB = valuesB.get(key);
    if (rawB === undefined) continue;
    figures.push(compareFigure(key, rawA, rawB, a, b));
  }
  return figures;
}

type Leaf = number | boolean | null;

function flatten(figures: BusinessFigures): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const walk = (value: unknown, prefix: string): void => {
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      leaves.set(prefix, value);
      return;
    }
    if (typeof value !== 'object') return;
    for (const [name, child] of Object.entries(value as Record<string, unknown>)) walk(child, prefix === '' ? name : `${prefix}.${name}`);
  };
  walk(figures, '');
  return leaves;
}

function compareFigure(key: string, rawA: Leaf, rawB: Leaf, figuresA: BusinessFigures, figuresB: BusinessFigures): FigureComparison {
  const valueA = typeof rawA === 'boolean' ? Number(rawA) : rawA;
  const valueB = typeof rawB === 'boolean' ? Number(rawB) : rawB;
  const better = directionOf(key);
  const difference = valueA === null || valueB === null ? null : valueB - valueA;

  let winner: FigureComparison['winner'] = null;
  if (key === 'ledgersAgreedAt') {
    winner = pick(agreementTime(figuresA), agreementTime(figuresB), 'lower');
  } else if (better !== null && valueA !== null && valueB !== null) {
    winner = pick(valueA, valueB, better);
  }

  return { key, label: labelOf(key), unit: unitOf(key, rawA ?? rawB), a: valueA, b: valueB, difference, better, winner };
}

/**
 * Time the ledgers agree for good, for ranking: 0 when they never disagreed, and Infinity when they
 * still disagree at the end, which is worse than any time of agreement.
 */
function agreementTime(figures: BusinessFigures): number {
  if (!figures.ledgersAgree) return Infinity;
  return figures.ledgersAgreedAt ?? 0;
}

function pick(a: number, b: number, better: Direction): 'a' | 'b' | 'same' {
  if (a === b) return 'same';
  switch (better) {
    case 'lower':
    case 'earlier':
      return b < a ? 'b' : 'a';
    case 'higher':
    case 'true':
      return b > a ? 'b' : 'a';
    case 'closerToZero':
      if (Math.abs(a) === Math.abs(b)) return 'same';
      return Math.abs(b) < Math.abs(a) ? 'b' : 'a';
  }
}

/**
 * Figures whose better value is clear. Those left out (journeys started, cached reads, compensations,
 * duplicates suppressed, replays...) count work a policy does or load the scenario sets, where more is
 * neither good nor bad by itself.
 */
const DIRECTIONS: Readonly<Record<string, Direction>> = {
  journeysFinished: 'higher',
  ordersCompleted: 'higher',
  ordersLost: 'lower',
  revenueCaptured: 'higher',
  revenueAtRisk: 'lower',
  ledgerDrift: 'closerToZero',
  ledgerDriftAbsolute: 'lower',
  provisionalPointsPending: 'lower',
  duplicateAccruals: 'lower',
  refundsWithoutReversal: 'lower',
  redemptionsDeclined: 'lower',
  deadLetterDepth: 'lower',
  ledgersAgreedAt: 'earlier',
  ledgersAgree: 'true',
  ordersNotPosted: 'lower',
  staleCacheMisses: 'lower',
  deferredRedemptionsRefunded: 'lower',
  duplicateCustomers: 'lower',
  conflictingWrites: 'lower',
  customerWritesLost: 'lower',
  inconsistentJourneys: 'lower',
  priceConflicts: 'lower',
  ordersAtRisk: 'lower',
  ledgerConflicts: 'lower',
  duplicateOrdersPosted: 'lower',
  ledgersDisagreedFor: 'lower',
};

function directionOf(key: string): Direction | null {
  const listed = DIRECTIONS[key];
  if (listed !== undefined) return listed;
  if (key.startsWith('checkoutLatency.')) return 'lower';
  // Accrual lag has no "better": accruals that never land drop out of it, so a set that loses points
  // shows a shorter lag than one that settles them late. Ledger drift separates the two.
  if (key.startsWith('reconciliation.') && (key.endsWith('.pending') || key.endsWith('.oldestAge'))) return 'lower';
  return null;
}

function unitOf(key: string, sample: Leaf): FigureUnit {
  if (typeof sample === 'boolean') return 'flag';
  if (key.startsWith('revenue')) return 'money';
  if (/At$/.test(key)) return 'time';
  if (key.startsWith('checkoutLatency.') || key.startsWith('pointsAccrualLag.') || /(Age|For)$/.test(key)) return 'ms';
  if (/drift|points/i.test(key.split('.')[0] ?? '')) return 'points';
  return 'count';
}

/** Words a key for a reader: `checkoutLatency.p95` becomes `Checkout latency p95`. */
function labelOf(key: string): string {
  const words = key
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
