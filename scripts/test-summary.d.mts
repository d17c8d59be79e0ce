// Types of test-summary.mjs for the TypeScript tests that import it.

/** Test totals of one runner or of several added up. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countVitest(report: unknown): TestCounts;
export function countPlaywright(report: unknown): TestCounts;
export function readReport(file: string): unknown;
export function addCounts(...counts: TestCounts[]): TestCounts;
export function formatCounts(counts: TestCounts): string;
