import { describe, expect, it } from 'vitest';
import type { BusinessFigures } from '../../src/simulator/api.js';
import { compareFigures, compareRuns } from '../../src/simulator/compare.js';
import { createSimulation, reportToJson } from '../../src/simulator/index.js';
import { testScenario } from './runtime/fixtures.js';

const OUTAGE = `
faults:
  - { kind: outage, system: loyalty, at: 3m, duration: 2m }
`;

function figure(comparison: ReturnType<typeof compareRuns>, key: string) {
  const found = comparison.figures.find((entry) => entry.key === key);
  if (!found) throw new Error(`figure ${key} missing from the comparison`);
  return found;
}

describe('compareRuns', () => {
  const scenario = testScenario(OUTAGE);
  const comparison = compareRuns(scenario, { policy: 'weak' }, { policy: 'strong' }, { seed: 7 });

  it('reports match single runs', () => {
    const weak = createSimulation(scenario, { seed: 7, policy: 'weak' }).runToEnd();
    const strong = createSimulation(scenario, { seed: 7, policy: 'strong' }).runToEnd();

    expect(reportToJson(comparison.a.report)).toBe(reportToJson(weak));
    expect(reportToJson(comparison.b.report)).toBe(reportToJson(strong));
    expect(comparison.a.label).toBe('weak');
    expect(comparison.b.label).toBe('strong');
    expect(comparison.seed).toBe(7);
  });

  it('difference equals B minus A', () => {
    const a = comparison.a.report.business;
    const b = comparison.b.report.business;

    expect(figure(comparison, 'ordersLost').difference).toBe(b.ordersLost - a.ordersLost);
    expect(figure(comparison, 'revenueAtRisk').difference).toBe(b.revenueAtRisk - a.revenueAtRisk);
    expect(figure(comparison, 'checkoutLatency.p95').difference).toBe(b.checkoutLatency.p95 - a.checkoutLatency.p95);
    expect(figure(comparison, 'ledgerDrift').difference).toBe(b.ledgerDrift - a.ledgerDrift);
    expect(figure(comparison, 'reconciliation.compensation.pending').difference).toBe(
      b.reconciliation.compensation.pending - a.reconciliation.compensation.pending,
    );
    for (const entry of comparison.figures) {
      if (entry.a !== null && entry.b !== null) expect(entry.difference, entry.key).toBe(entry.b - entry.a);
    }
  });

  it('covers every business figure', () => {
    const keys = comparison.figures.map((entry) => entry.key);
    for (const key of Object.keys(comparison.a.report.business)) {
      expect(keys.some((path) => path === key || path.startsWith(`${key}.`)), key).toBe(true);
    }
  });

  it('strong set loses fewer points', () => {
    const drift = figure(comparison, 'ledgerDriftAbsolute');
    expect(drift.better).toBe('lower');
    expect(drift.b).toBeLessThan(drift.a ?? 0);
    expect(drift.winner).toBe('b');
  });

  it('same inputs give same comparison', () => {
    const again = compareRuns(scenario, { policy: 'weak' }, { policy: 'strong' }, { seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(comparison));
  });

  it('reports progress of both sides', () => {
    const sides: string[] = [];
    compareRuns(scenario, { policy: 'weak' }, { policy: 'weak', label: 'again' }, { onProgress: (side, now, end) => sides.push(`${side}:${now}/${end}`) });
    expect(sides.filter((entry) => entry.startsWith('a:'))).toHaveLength(10);
    expect(sides.at(-1)).toBe('b:600000/600000');
  });

  it('two landscapes use their names', () => {
    const other = { ...scenario, name: 'other landscape' };
    const result = compareRuns(scenario, {}, { scenario: other });
    expect(result.a.label).toBe('runtime test');
    expect(result.b.label).toBe('other landscape');
    expect(figure(result, 'ordersLost').difference).toBe(0);
    expect(figure(result, 'ordersLost').winner).toBe('same');
  });

  it('unknown policy names defined ones', () => {
    expect(() => compareRuns(scenario, { policy: 'nope' }, {})).toThrow('policy set "nope" is not defined in the scenario (defined: weak, strong)');
  });
});

describe('compareFigures', () => {
  const base = testScenario();
  const figures = createSimulation(base).runToEnd().business;

  function changed(changes: Partial<BusinessFigures>): BusinessFigures {
    return { ...figures, ...changes };
  }

  it('drift closer to zero wins', () => {
    const entry = compareFigures(changed({ ledgerDrift: 40 }), changed({ ledgerDrift: -10 })).find((item) => item.key === 'ledgerDrift');
    expect(entry?.difference).toBe(-50);
    expect(entry?.winner).toBe('b');
  });

  it('agreement at end beats disagreement', () => {
    const a = changed({ ledgersAgree: false, ledgersAgreedAt: null });
    const b = changed({ ledgersAgree: true, ledgersAgreedAt: 400_000 });
    const entry = compareFigures(a, b).find((item) => item.key === 'ledgersAgreedAt');
    expect(entry?.difference).toBeNull();
    expect(entry?.winner).toBe('b');
    expect(entry?.unit).toBe('time');
  });

  it('earlier agreement wins', () => {
    const a = changed({ ledgersAgree: true, ledgersAgreedAt: 300_000 });
    const b = changed({ ledgersAgree: true, ledgersAgreedAt: 200_000 });
    const entry = compareFigures(a, b).find((item) => item.key === 'ledgersAgreedAt');
    expect(entry?.difference).toBe(-100_000);
    expect(entry?.winner).toBe('b');
  });

  it('flag compares as one and zero', () => {
    const entry = compareFigures(changed({ ledgersAgree: true }), changed({ ledgersAgree: false })).find((item) => item.key === 'ledgersAgree');
    expect(entry).toMatchObject({ a: 1, b: 0, difference: -1, winner: 'a', unit: 'flag' });
  });

  it('figure without direction has no winner', () => {
    const entry = compareFigures(changed({ journeysStarted: 5 }), changed({ journeysStarted: 9 })).find((item) => item.key === 'journeysStarted');
    expect(entry).toMatchObject({ label: 'Journeys started', difference: 4, better: null, winner: null });
  });
});
