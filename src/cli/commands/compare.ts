/**
 * `rrs compare`: runs one scenario under two policy sets, or two scenarios (two landscapes), with the
 * same seed, prints the business figures side by side and writes both reports and a comparison JSON.
 */
import { basename, extname, relative, resolve } from 'node:path';
import Table from 'cli-table3';
import { compareRuns, reportToJson, type Comparison, type FigureComparison, type RunSpec } from '../../simulator/index.js';
import type { Scenario } from '../../simulator/scenario/schema.js';
import { EXIT, UsageError } from '../errors.js';
import { prepareOutput, writeOutput } from '../output.js';
import { formatCount, formatDuration, formatMoney } from '../format.js';
import { loadScenarioFile } from '../load.js';
import { createProgress } from '../progress.js';
import { TABLE_OPTIONS } from '../tables.js';
import { reportFileName } from './run.js';

/** Options of `rrs compare`, as commander parses them. */
export interface CompareCommandOptions {
  policies?: string;
  seed?: number;
  out: string;
  json: boolean;
  quiet: boolean;
}

/** A side of the comparison as the command resolves it from its arguments. */
interface Side {
  file: string;
  scenario: Scenario;
  policy: string | undefined;
}

/**
 * Compares two runs and returns the exit code: 0 after both runs, 2 for an invalid scenario.
 *
 * @throws UsageError for an unreadable file, a missing or malformed `--policies`, an unknown policy set
 *   (the message lists the valid ones) or a report folder that cannot be written.
 */
export function compareCommand(files: readonly string[], options: CompareCommandOptions): number {
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) {
      for (const issue of loaded.issues) process.stderr.write(`${issue}\n`);
      process.stderr.write(`rrs: ${file} is invalid, so nothing was compared. Fix the issues above and try again.\n`);
      return EXIT.invalid;
    }
    scenarios.push(loaded.scenario);
  }

  const [sideA, sideB] = resolveSides(files, scenarios, options.policies);
  const seed = options.seed ?? sideA.scenario.seed;
  prepareOutput(options.out);

  const progress = createProgress(options.quiet);
  let comparison: Comparison;
  try {
    comparison = compareRuns(sideA.scenario, spec(sideA), spec(sideB), {
      seed,
      onProgress: (side, now, end) => progress.update(side === 'a' ? now / 2 : (end + now) / 2, end),
    });
  } finally {
    progress.finish();
  }

  const pathA = writeOutput(options.out, reportFileName(sideA.file, seed, comparison.a.report.activePolicy), reportToJson(comparison.a.report));
  const pathB = writeOutput(options.out, reportFileName(sideB.file, seed, comparison.b.report.activePolicy), reportToJson(comparison.b.report));
  const json = comparisonToJson(comparison, pathA, pathB);
  const comparisonPath = writeOutput(options.out, comparisonFileName(sideA, sideB, comparison, seed), json);

  if (options.json) {
    process.stdout.write(json);
    if (!options.quiet) process.stderr.write(`Reports written to ${pathA}, ${pathB} and ${comparisonPath}\n`);
    return EXIT.ok;
  }
  if (options.quiet) {
    process.stdout.write(`${comparisonPath}\n`);
    return EXIT.ok;
  }

  const title = files.length === 1 ? `${sideA.scenario.name}` : `${sideA.scenario.name} vs ${sideB.scenario.name}`;
  process.stdout.write(`${title}: seed ${seed}, A = ${comparison.a.label}, B = ${comparison.b.label}\n`);
  process.stdout.write(`${renderComparisonTable(comparison)}\n`);
  process.stdout.write(`Reports written to ${pathA}, ${pathB} and ${comparisonPath}\n`);
  return EXIT.ok;
}

function spec(side: Side): RunSpec {
  return {
    scenario: side.scenario,
    file: relative(process.cwd(), resolve(side.file)),
    ...(side.policy === undefined ? {} : { policy: side.policy }),
  };
}

/** Pairs the scenario files with the names in `--policies`, checking each name against its scenario. */
function resolveSides(files: readonly string[], scenarios: readonly Scenario[], policies: string | undefined): [Side, Side] {
  const names = policies === undefined ? [] : policies.split(',').map((name) => name.trim());
  if (policies !== undefined && (names.length !== 2 || names.some((name) => name === ''))) {
    throw new UsageError(`--policies needs two policy set names separated by a comma, got "${policies}". Fix: pass for example --policies weak,strong.`);
  }
  if (files.length === 1 && names.length === 0) {
    throw new UsageError('nothing to compare: one scenario needs two policy sets. Fix: pass --policies A,B, or a second scenario file.');
  }

  const fileB = files[1] ?? (files[0] as string);
  const scenarioB = scenarios[1] ?? (scenarios[0] as Scenario);
  const sides: [Side, Side] = [
    { file: files[0] as string, scenario: scenarios[0] as Scenario, policy: names[0] },
    { file: fileB, scenario: scenarioB, policy: names[1] },
  ];
  for (const side of sides) checkPolicy(side);
  return sides;
}

function checkPolicy(side: Side): void {
  if (side.policy === undefined || Object.hasOwn(side.scenario.policies, side.policy)) return;

  const names = Object.keys(side.scenario.policies);
  const choice = names.length === 0 ? `${side.file} defines no policies, so leave --policies out and compare two scenarios` : `choose from: ${names.join(', ')}`;
  throw new UsageError(`unknown policy "${side.policy}" for scenario "${side.scenario.name}". Fix: ${choice}.`);
}

/**
 * Writes the comparison with the reports named by their paths instead of copied in, since each report
 * is written next to it.
 */
export function comparisonToJson(comparison: Comparison, pathA: string, pathB: string): string {
  const side = (run: Comparison['a'], path: string) => ({
    label: run.label,
    scenario: run.report.scenario.name,
    file: run.report.scenario.file,
    policy: run.report.activePolicy,
    report: path,
  });
  const document = {
    comparisonVersion: comparison.comparisonVersion,
    seed: comparison.seed,
    a: side(comparison.a, pathA),
    b: side(comparison.b, pathB),
    figures: comparison.figures,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Names the comparison file after both sides, such as `black-friday.weak-vs-strong.seed-7.compare.json`. */
function comparisonFileName(sideA: Side, sideB: Side, comparison: Comparison, seed: number): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_');
  const stemA = basename(sideA.file, extname(sideA.file));
  const stemB = basename(sideB.file, extname(sideB.file));
  const policyA = comparison.a.report.activePolicy ?? 'none';
  const policyB = comparison.b.report.activePolicy ?? 'none';
  const middle = stemA === stemB ? `${safe(stemA)}.${safe(policyA)}-vs-${safe(policyB)}` : `${safe(stemA)}-vs-${safe(stemB)}`;
  return `${middle}.seed-${seed}.compare.json`;
}

/**
 * Renders the figures as rows figure / A / B / B − A / better. Rows where both runs show zero (or no
 * time) are left out and counted in a last line, because most reconciliation figures stay zero.
 */
export function renderComparisonTable(comparison: Comparison): string {
  const table = new Table({
    head: ['Business figure', `A: ${comparison.a.label}`, `B: ${comparison.b.label}`, 'B - A', 'Better'],
    ...TABLE_OPTIONS,
  });

  let hidden = 0;
  for (const figure of comparison.figures) {
    if ((figure.a === 0 || figure.a === null) && (figure.b === 0 || figure.b === null) && figure.unit !== 'flag') {
      hidden++;
      continue;
    }
    table.push([figure.label, formatValue(figure, figure.a), formatValue(figure, figure.b), formatDifference(figure), describeWinner(figure)]);
  }

  const note = hidden === 0 ? '' : `\n${hidden} figures are zero in both runs and not shown; the comparison JSON lists every figure.`;
  return `${table.toString()}${note}`;
}

function formatValue(figure: FigureComparison, value: number | null): string {
  if (value === null) return figure.unit === 'time' ? 'never' : 'n/a';
  switch (figure.unit) {
    case 'money':
      return formatMoney(value);
    case 'ms':
    case 'time':
      return formatDuration(value);
    case 'flag':
      return value === 1 ? 'yes' : 'no';
    case 'count':
    case 'points':
      return formatCount(value);
  }
}

function formatDifference(figure: FigureComparison): string {
  const difference = figure.difference;
  if (difference === null || figure.unit === 'flag') return '';
  if (difference === 0) return '0';
  const sign = difference > 0 ? '+' : '-';
  return `${sign}${formatValue(figure, Math.abs(difference))}`;
}

function describeWinner(figure: FigureComparison): string {
  switch (figure.winner) {
    case 'a':
      return 'A';
    case 'b':
      return 'B';
    case 'same':
      return 'same';
    case null:
      return '';
  }
}


