import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns, parseScenario, type Scenario } from '../../src/simulator/index.js';

const SCENARIOS = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join('scenarios', name));

/** Figures an architect weighs when choosing a policy set. */
const KEY_FIGURES = ['ordersLost', 'revenueAtRisk', 'ledgerDriftAbsolute', 'refundsWithoutReversal', 'provisionalPointsPending', 'ordersNotPosted'] as const;

function load(file: string): Scenario {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} is invalid: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.scenario;
}

describe('shipped policy sets differ in business figures', () => {
  for (const file of SCENARIOS) {
    const scenario = load(file);
    const [first, second] = Object.keys(scenario.policies);
    if (first === undefined || second === undefined) continue;

    it(`${file}: ${first} against ${second}`, () => {
      const comparison = compareRuns(scenario, { policy: first }, { policy: second });
      const differing = KEY_FIGURES.filter((key) => {
        const a = comparison.a.report.business[key];
        const b = comparison.b.report.business[key];
        return Math.abs(a - b) > 0.05 * Math.max(Math.abs(a), Math.abs(b), 1);
      });
      expect(differing, `${first} and ${second} give the same key figures`).not.toEqual([]);
    });
  }
});
