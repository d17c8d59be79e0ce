// Totals of the vitest and Playwright JSON reports, printed as the single closing line of a test run:
// `N passed, N failed` with `, N skipped` appended when any test was skipped.
import { existsSync, readFileSync } from 'node:fs';

/**
 * Counts the tests in a vitest JSON report (`--reporter=json`).
 *
 * A test file that fails before any test runs (a syntax error, a throwing import) has no failed
 * test, so it counts as one failure on its own.
 */
export function countVitest(report) {
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) failed += 1;
  }

  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * Counts the tests in a Playwright JSON report (`--reporter=json`).
 *
 * Flaky tests passed on a retry, so they count as passed. Errors outside any test (a broken config,
 * a global setup that throws) count as one failure each.
 */
export function countPlaywright(report) {
  const stats = report.stats ?? {};

  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: stats.skipped ?? 0,
  };
}

/** Reads a JSON report, returning null when the runner wrote none or wrote something unreadable. */
export function readReport(file) {
  if (!existsSync(file)) return null;

  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Adds up counts from several runners. */
export function addCounts(...counts) {
  return counts.reduce(
    (total, count) => ({
      passed: total.passed + count.passed,
      failed: total.failed + count.failed,
      skipped: total.skipped + count.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** Formats the closing line, for example `412 passed, 0 failed, 3 skipped`. */
export function formatCounts({ passed, failed, skipped }) {
  const line = `${passed} passed, ${failed} failed`;
  return skipped > 0 ? `${line}, ${skipped} skipped` : line;
}
