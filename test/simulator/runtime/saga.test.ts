import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

/** Random failures on every system a checkout holds something in, for four minutes. */
const RANDOM_FAULTS = `
faults:
  - { kind: errorRate, system: erp, rate: 0.3, at: 1m, duration: 4m }
  - { kind: errorRate, system: ecommerce, rate: 0.3, at: 1m, duration: 4m }
  - { kind: errorRate, system: loyalty, rate: 0.3, at: 1m, duration: 4m }
population: { redemptionShare: 0.5 }
`;

describe('saga compensation', () => {
  it('leaves no failed journey holding anything', () => {
    const report = createSimulation(testScenario(RANDOM_FAULTS)).runToEnd();

    expect(report.journeys.onlineCheckout.lost + report.journeys.buyOnlinePickUpInStore.lost).toBeGreaterThan(100);
    expect(report.business.compensations).toBeGreaterThan(100);
    expect(report.business.reconciliation.compensation.created).toBeGreaterThan(0);
    expect(report.business.reconciliation.compensation.pending).toBe(0);
    expect(report.business.inconsistentJourneys).toBe(0);
  });

  it('consistent for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const report = createSimulation(testScenario(RANDOM_FAULTS), { seed }).runToEnd();
      expect(report.business.inconsistentJourneys, `seed ${seed}`).toBe(0);
    }
  });

  it('traces void, release and reversal', () => {
    const simulation = createSimulation(testScenario(RANDOM_FAULTS), { traceCapacity: 20_000 });
    simulation.runToEnd();
    const lost = simulation.journeys({ kinds: ['onlineCheckout'], outcomes: ['lost'], limit: 20_000 }).items;
    const operations = lost.map((item) => (simulation.journey(item.id)?.trace ?? []).map((step) => step.operation));

    const failedOrder = operations.find((ops) => ops.includes('voidPayment') && ops.includes('reversePoints'));
    expect(failedOrder).toBeDefined();
    const order = failedOrder!;
    expect(order.indexOf('voidPayment')).toBeLessThan(order.indexOf('releaseInventory'));
    expect(order.indexOf('releaseInventory')).toBeLessThan(order.indexOf('reversePoints'));
  });

  it('a failed compensation is retried', () => {
    const scenario = testScenario(`
faults:
  - { kind: errorRate, system: ecommerce, rate: 0.5, at: 1m, duration: 3m }
  - { kind: outage, system: erp, at: 2m, duration: 1m }
`);
    const simulation = createSimulation(scenario, { traceCapacity: 20_000 });
    simulation.advanceTo(179_000);
    expect(simulation.snapshot().business.reconciliation.compensation.pending).toBeGreaterThan(0);

    const report = simulation.runToEnd();
    expect(report.business.reconciliation.compensation.pending).toBe(0);
    expect(report.business.reconciliation.compensation.clearedAt).toBeGreaterThan(180_000);
    expect(report.business.inconsistentJourneys).toBe(0);
    const retried = simulation
      .journeys({ outcomes: ['lost'], limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.detail === 'compensation retried and applied');
    expect(retried.length).toBe(report.business.reconciliation.compensation.created);
  });
});
