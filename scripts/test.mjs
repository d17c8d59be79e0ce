// Runs the whole test suite the same way for developers (`npm test`) and CI (`.ci/run`): typecheck, lint,
// vitest and Playwright, each even when an earlier one failed, so one run shows every problem. The last
// line printed is `N passed, N failed` over vitest and Playwright; the exit code is 1 if anything failed.
//
// Usage: node scripts/test.mjs [typecheck] [lint] [unit] [e2e]   (no argument runs all four)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addCounts, countPlaywright, countVitest, formatCounts, readReport } from './test-summary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

// Playwright empties its own output folder (test-results/) when it starts, so the JSON reports live apart.
const reportDir = join(root, 'reports', 'tests');
const vitestReport = join(reportDir, 'vitest.json');
const playwrightReport = join(reportDir, 'playwright.json');

const STEPS = ['typecheck', 'lint', 'unit', 'e2e'];

/** Runs one command with inherited output and returns its exit status, or 1 when a signal ended it. */
function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].map((part) => part.replace(root + '/', '')).join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

  if (result.error) {
    console.error(`${label} could not start: ${result.error.message}. Run \`npm ci\` first.`);
    return 1;
  }
  return result.status ?? 1;
}

/** Turns a runner's exit status and JSON report into counts, adding a failure the report cannot show. */
function countRunner(label, status, report, count, notes) {
  if (report === null) {
    notes.push(`${label} wrote no JSON report (exit ${status}); counted as 1 failure.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }

  const counts = count(report);
  if (status !== 0 && counts.failed === 0) {
    notes.push(`${label} exited with ${status} although no test failed; counted as 1 failure.`);
    return { ...counts, failed: 1 };
  }
  return counts;
}

function findPlaywrightConfig() {
  return ['playwright.config.ts', 'playwright.config.mjs', 'playwright.config.js'].find((name) =>
    existsSync(join(root, name)),
  );
}

function main(argv) {
  const unknown = argv.filter((step) => !STEPS.includes(step));
  if (unknown.length > 0) {
    console.error(`Unknown step: ${unknown.join(', ')}. Choose from: ${STEPS.join(', ')}.`);
    return 2;
  }

  const steps = argv.length > 0 ? argv : STEPS;
  const notes = [];
  const counts = [];
  mkdirSync(reportDir, { recursive: true });

  if (steps.includes('typecheck')) {
    const status = run('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    if (status !== 0) notes.push(`typecheck failed (exit ${status}); counted as 1 failure.`);
    counts.push({ passed: 0, failed: status === 0 ? 0 : 1, skipped: 0 });
  }

  if (steps.includes('lint')) {
    const status = run('lint', bin('eslint'), ['.']);
    if (status !== 0) notes.push(`lint failed (exit ${status}); counted as 1 failure.`);
    counts.push({ passed: 0, failed: status === 0 ? 0 : 1, skipped: 0 });
  }

  if (steps.includes('unit')) {
    rmSync(vitestReport, { force: true });
    const status = run('vitest', bin('vitest'), [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${vitestReport}`,
    ]);
    counts.push(countRunner('vitest', status, readReport(vitestReport), countVitest, notes));
  }

  if (steps.includes('e2e')) {
    const config = findPlaywrightConfig();
    if (config === undefined) {
      notes.push('Playwright skipped: no playwright.config.ts in the project root.');
    } else {
      rmSync(playwrightReport, { force: true });
      const status = run('playwright', bin('playwright'), ['test', '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      });
      counts.push(countRunner('playwright', status, readReport(playwrightReport), countPlaywright, notes));
    }
  }

  const total = addCounts(...counts);
  console.log('');
  for (const note of notes) console.log(note);
  console.log(formatCounts(total));

  return total.failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
