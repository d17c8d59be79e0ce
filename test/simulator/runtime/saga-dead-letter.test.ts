import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

/**
 * Online checkouts release stock and reverse points over event links. Payment fails half the time
 * from the first minute, and ERP is down from the second to the third, so releases sent meanwhile
 * are dead-lettered after two delivery attempts and no replay takes them back.
 */
const DEAD_LETTERED_RELEASES = `
links:
  - { from: ecommerce, to: erp, style: events }
  - { from: ecommerce, to: loyalty, style: events }
faults:
  - { kind: errorRate, system: ecommerce, rate: 0.5, at: 1m, duration: 3m }
  - { kind: outage, system: erp, at: 2m, duration: 1m }
`;

function deadLetterScenario() {
  const scenario = testScenario(DEAD_LETTERED_RELEASES);
  const weak = scenario.policies.weak;
  if (!weak) throw new Error('the test scenario has no weak policy set');
  return { ...scenario, policies: { ...scenario.policies, weak: { ...weak, deadLetter: { maxAttempts: 2, poisonQueue: true } } } };
}

describe('dead-lettered saga compensation', () => {
  it('queues and applies after recovery', () => {
    const simulation = createSimulation(deadLetterScenario(), { traceCapacity: 20_000 });
    const report = simulation.runToEnd();
    const queued = simulation
      .journeys({ outcomes: ['lost'], limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.detail === 'dead-lettered compensation queued for retry');

    expect(report.business.deadLetterDepth).toBeGreaterThan(0);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((step) => step.operation === 'releaseInventory')).toBe(true);
    expect(report.business.reconciliation.compensation.created).toBeGreaterThanOrEqual(queued.length);
    expect(report.business.reconciliation.compensation.pending).toBe(0);
    expect(report.business.reconciliation.compensation.clearedAt).toBeGreaterThan(180_000);
    expect(report.business.inconsistentJourneys).toBe(0);
  });
});
