import { describe, expect, it } from 'vitest';
import { addCounts, countPlaywright, countVitest, formatCounts } from '../../scripts/test-summary.mjs';

describe('countVitest', () => {
  it('counts passed, failed and skipped', () => {
    const report = {
      numPassedTests: 40,
      numFailedTests: 2,
      numPendingTests: 3,
      numTodoTests: 1,
      testResults: [{ status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'failed' }] }],
    };

    expect(countVitest(report)).toEqual({ passed: 40, failed: 2, skipped: 4 });
  });

  it('counts crashed file as failure', () => {
    const report = {
      numPassedTests: 5,
      numFailedTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    };

    expect(countVitest(report)).toEqual({ passed: 5, failed: 1, skipped: 0 });
  });
});

describe('countPlaywright', () => {
  it('counts flaky as passed', () => {
    const report = { stats: { expected: 10, unexpected: 1, flaky: 2, skipped: 3 }, errors: [] };

    expect(countPlaywright(report)).toEqual({ passed: 12, failed: 1, skipped: 3 });
  });

  it('counts global errors as failures', () => {
    const report = { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'config' }] };

    expect(countPlaywright(report)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe('formatCounts', () => {
  it('omits zero skipped', () => {
    expect(formatCounts({ passed: 7, failed: 0, skipped: 0 })).toBe('7 passed, 0 failed');
  });

  it('appends skipped count', () => {
    const total = addCounts({ passed: 7, failed: 1, skipped: 0 }, { passed: 3, failed: 0, skipped: 2 });

    expect(formatCounts(total)).toBe('10 passed, 1 failed, 2 skipped');
  });
});
