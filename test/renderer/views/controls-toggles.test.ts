import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../../src/simulator/index.js';
import { togglesFrom } from '../../../src/renderer/views/controls/ControlsBar.js';
import { testScenario } from '../../simulator/runtime/fixtures.js';

/** Returns the fixture's `weak` set (a timeout and retries, nothing else) and the scenario's links. */
function weakSet(extraLines = ''): { set: PolicySet; links: ReturnType<typeof testScenario>['links'] } {
  const scenario = testScenario(extraLines);
  const set = scenario.policies.weak;
  if (!set) throw new Error('the fixture defines no weak policy set');
  return { set, links: scenario.links };
}

describe('togglesFrom', () => {
  it('no policy set switches none on', () => {
    expect(Object.values(togglesFrom(undefined)).every((on) => !on)).toBe(true);
  });

  it('set sections switch their toggles on', () => {
    const { set } = weakSet();
    const full: PolicySet = {
      ...set,
      calls: { ...set.calls, bulkhead: { maxConcurrent: 4, queue: 0, scope: 'link' }, hedge: { delay: 50, operations: ['getCustomer'] } },
      gateway: { consumers: {}, routes: {}, loadShedding: { low: 10 } },
      replay: { every: 60_000, ratePerSecond: 5 },
    };

    expect(togglesFrom(set)).toMatchObject({ loadShedding: false, bulkhead: false, hedge: false, retryBudget: false, deadLetterReplay: false });
    expect(togglesFrom(full)).toMatchObject({ loadShedding: true, bulkhead: true, hedge: true, retryBudget: false, deadLetterReplay: true });
  });

  it('link policy switches toggle on', () => {
    const { set, links } = weakSet('links:\n  - { from: pos, to: erp, policy: { retryBudget: {} } }');
    const toggles = togglesFrom(set, links);

    expect(toggles.retryBudget).toBe(true);
    expect(toggles.bulkhead).toBe(false);
    expect(toggles.hedge).toBe(false);
    expect(togglesFrom(set).retryBudget).toBe(false);
  });
});
