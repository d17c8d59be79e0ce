import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

const CRM_OUTAGE = `
faults:
  - { kind: outage, system: crm, at: 3m, duration: 2m }
`;
/** Profile writes only, from both channels, over 20 customers: writes of one customer often meet. */
const PROFILE_WRITES = `
population: { customers: 20 }
`;

function profileScenario(records: string) {
  const scenario = testScenario(`${PROFILE_WRITES}${records}`);
  return { ...scenario, load: { ...scenario.load, mix: { profileEnrichment: 1, promotionActivation: 1 } } };
}

describe('duplicate customer identities', () => {
  it('failed lookups create duplicates', () => {
    const report = createSimulation(testScenario(`${CRM_OUTAGE}records: { duplicateShare: 0.5, mergeEvery: 1m, mergeBatch: 500 }`)).runToEnd();
    const work = report.business.reconciliation.duplicateCustomer;

    expect(report.business.duplicateCustomers).toBeGreaterThan(50);
    expect(work.created).toBe(report.business.duplicateCustomers);
    expect(work.pending).toBe(0);
    expect(work.clearedAt).toBeGreaterThan(300_000);
  });

  it('merge batch bounds the rate', () => {
    const report = createSimulation(testScenario(`${CRM_OUTAGE}records: { duplicateShare: 0.5, mergeEvery: 1m, mergeBatch: 100 }`)).runToEnd();
    const work = report.business.reconciliation.duplicateCustomer;

    // Five merge runs of 100 once CRM is back, a minute apart from just after the 5th minute.
    expect(work.cleared).toBe(500);
    expect(work.pending).toBe(work.created - 500);
    expect(report.series.at(-1)?.duplicateCustomersAge).toBeGreaterThan(300_000);
  });

  it('no share creates no duplicates', () => {
    const report = createSimulation(testScenario(CRM_OUTAGE)).runToEnd();

    expect(report.business.duplicateCustomers).toBe(0);
    expect(report.business.reconciliation.duplicateCustomer.clearedAt).toBeNull();
  });

  it('merge waits for the owner', () => {
    const simulation = createSimulation(testScenario(`${CRM_OUTAGE}records: { duplicateShare: 1, mergeEvery: 30s }`));
    simulation.advanceTo(299_000);
    const during = simulation.snapshot().business.reconciliation.duplicateCustomer;

    expect(during.pending).toBe(during.created);
    expect(during.oldestAge).toBeGreaterThan(110_000);
  });
});

describe('conflicting customer writes', () => {
  it('last writer wins overwrites', () => {
    const report = createSimulation(profileScenario('records: { conflictWindow: 30s }')).runToEnd();

    expect(report.business.conflictingWrites).toBeGreaterThan(10);
    expect(report.business.customerWritesLost).toBe(report.business.conflictingWrites);
  });

  it('owner wins rejects channel writes', () => {
    const simulation = createSimulation(profileScenario('records: { conflictWindow: 30s, conflictRule: ownerWins }'), {
      traceCapacity: 20_000,
    });
    const report = simulation.runToEnd();
    const conflicts = simulation
      .journeys({ limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.event === 'CONFLICT');

    expect(conflicts.length).toBe(report.business.conflictingWrites);
    for (const step of conflicts) expect(step.detail).toContain('owner wins');
  });

  it('a narrow window finds no conflicts', () => {
    const report = createSimulation(profileScenario('records: { conflictWindow: 0 }')).runToEnd();

    expect(report.business.conflictingWrites).toBe(0);
  });

  it('snapshot shows owners and rule', () => {
    const snapshot = createSimulation(profileScenario('records: { orders: ecommerce, conflictRule: ownerWins }')).snapshot();

    expect(snapshot.continuity.owners).toEqual({ customers: 'crm', orders: 'ecommerce', prices: 'erp', ledger: 'loyalty' });
    expect(snapshot.continuity.conflictRule).toBe('ownerWins');
  });
});
