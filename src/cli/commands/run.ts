/**
 * `rrs run <scenario>`: runs a scenario to its end, prints the figures and writes the JSON report.
 */
import { basename, extname, relative, resolve } from 'node:path';
import { createSimulation, reportToJson } from '../../simulator/index.js';
import type { Scenario } from '../../simulator/scenario/schema.js';
import { EXIT, UsageError } from '../errors.js';
import { prepareOutput, writeOutput } from '../output.js';
import { loadScenarioFile } from '../load.js';
import { createProgress } from '../progress.js';
import { renderBusinessTable, renderSystemTable } from '../tables.js';
import { policyWarningLines } from '../warnings.js';

/** Options of `rrs run`, as commander parses them. */
export interface RunOptions {
  seed?: number;
  policy?: string;
  out: string;
  json: boolean;
  quiet: boolean;
}

/**
 * Runs the scenario in `file` and returns the exit code: 0 after a run, 2 for an invalid scenario.
 *
 * @throws UsageError for an unreadable file, an unknown policy or a report path that cannot be written.
 */
export function runCommand(file: string, options: RunOptions): number {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) {
    for (const issue of loaded.issues) process.stderr.write(`${issue}\n`);
    process.stderr.write(`rrs: ${file} is invalid, so it was not run. Fix the issues above and try again.\n`);
    return EXIT.invalid;
  }

  const scenario = loaded.scenario;
  checkPolicy(scenario, options.policy);
  const seed = options.seed ?? scenario.seed;
  prepareOutput(options.out);

  // The report names the file relative to the working folder, so `./x.yaml` and `x.yaml` give the same bytes.
  const reportedFile = relative(process.cwd(), resolve(file));
  const simulation = createSimulation(scenario, {
    seed,
    file: reportedFile,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  const progress = createProgress(options.quiet);
  let report;
  try {
    report = simulation.runToEnd((now, end) => progress.update(now, end));
  } finally {
    progress.finish();
  }

  const json = reportToJson(report);
  const reportPath = writeOutput(options.out, reportFileName(file, seed, report.activePolicy), json);

  // Warnings go with the tables on stdout, or to stderr beside the JSON; --quiet leaves them out.
  const warnings = options.quiet ? [] : policyWarningLines(file, scenario, report.activePolicy);
  if (options.json) {
    process.stdout.write(json.endsWith('\n') ? json : `${json}\n`);
    for (const line of warnings) process.stderr.write(`${line}\n`);
    if (!options.quiet) process.stderr.write(`Report written to ${reportPath}\n`);
    return EXIT.ok;
  }

  if (options.quiet) {
    process.stdout.write(`${reportPath}\n`);
    return EXIT.ok;
  }

  const policy = report.activePolicy ?? 'none';
  process.stdout.write(`${scenario.name}: seed ${seed}, policy ${policy}, ${report.eventsProcessed} events\n`);
  for (const line of warnings) process.stdout.write(`${line}\n`);
  process.stdout.write(`${renderBusinessTable(report)}\n`);
  process.stdout.write(`${renderSystemTable(report.systems)}\n`);
  process.stdout.write(`Report written to ${reportPath}\n`);
  return EXIT.ok;
}

/** Rejects a `--policy` the scenario does not define, listing the ones it does. */
function checkPolicy(scenario: Scenario, policy: string | undefined): void {
  if (policy === undefined || Object.hasOwn(scenario.policies, policy)) return;

  const names = Object.keys(scenario.policies);
  const choice = names.length === 0 ? 'this scenario defines no policies, so leave --policy out' : `choose one of: ${names.join(', ')}`;
  throw new UsageError(`unknown policy "${policy}" for scenario "${scenario.name}". Fix: ${choice}.`);
}

/**
 * Names the report after the scenario file, the policy set and the seed, for example
 * `black-friday.strong.seed-7.json` for `scenarios/black-friday.yaml`, so runs of two policy sets do
 * not overwrite each other. The file name, unlike the scenario's display name, is already safe as a
 * path and unique within a folder.
 */
export function reportFileName(file: string, seed: number, policy: string | null = null): string {
  const stem = basename(file, extname(file));
  const policyPart = policy === null ? '' : `.${policy.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return `${stem}${policyPart}.seed-${seed}.json`;
}


