import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../../../src/simulator/index.js';
import { degradedModesSchema } from '../../../src/simulator/scenario/schema.js';
import { testScenario } from './fixtures.js';

/** Returns the weak policy set with degraded modes added, as the only policy set in force. */
function withModes(scenario: Scenario, modes: Record<string, unknown>): Scenario {
  const degraded = degradedModesSchema.parse(modes);
  return { ...scenario, policies: { ...scenario.policies, degraded: { ...scenario.policies.weak!, degraded } }, activePolicy: 'degraded' };
}

const LOYALTY_OUTAGE = `
faults:
  - { kind: outage, system: loyalty, at: 3m, duration: 2m }
`;
const CRM_OUTAGE = `
faults:
  - { kind: outage, system: crm, at: 3m, duration: 2m }
`;
const FEW_CUSTOMERS = `
population: { customers: 40, redemptionShare: 0.5 }
`;

describe('deferred redemption', () => {
  it('keeps checkouts during a loyalty outage', () => {
    const scenario = testScenario(LOYALTY_OUTAGE);
    const off = createSimulation(scenario).runToEnd();
    const deferred = createSimulation(withModes(scenario, { redemption: 'deferred' })).runToEnd();

    expect(deferred.journeys.onlineCheckout.lost).toBeLessThan(off.journeys.onlineCheckout.lost);
    expect(deferred.business.redemptionsDeclined).toBeLessThan(off.business.redemptionsDeclined);
    expect(off.business.reconciliation.deferredRedemption.created).toBe(0);
  });

  it('applies the queue after recovery', () => {
    const simulation = createSimulation(withModes(testScenario(LOYALTY_OUTAGE), { redemption: 'deferred', replayEvery: '20s' }), {
      traceCapacity: 20_000,
    });
    simulation.advanceTo(290_000);
    const during = simulation.snapshot();
    expect(during.business.reconciliation.deferredRedemption.pending).toBeGreaterThan(0);
    expect(during.systems.find((system) => system.kind === 'loyalty')?.degradedMode).toBe('deferred redemption');

    const report = simulation.runToEnd();
    const work = report.business.reconciliation.deferredRedemption;
    expect(work.pending).toBe(0);
    expect(work.cleared).toBe(work.created);
    expect(work.clearedAt).toBeGreaterThan(300_000);
    expect(work.clearedAt).toBeLessThanOrEqual(340_000);

    const applied = simulation
      .journeys({ kinds: ['onlineCheckout'], limit: 20_000 })
      .items.flatMap((item) => simulation.journey(item.id)?.trace ?? [])
      .filter((step) => step.detail === 'deferred redemption applied');
    expect(applied.length).toBe(work.created - report.business.deferredRedemptionsRefunded - lostWithDeferral(simulation));
    for (const step of applied) expect(step.t).toBeGreaterThanOrEqual(300_000);
  });
});

/** Deferred redemptions dropped because their checkout failed later: cleared without being applied. */
function lostWithDeferral(simulation: ReturnType<typeof createSimulation>): number {
  return simulation
    .journeys({ kinds: ['onlineCheckout'], outcomes: ['lost'], limit: 20_000 })
    .items.filter((item) => simulation.journey(item.id)?.trace.some((step) => step.detail.includes('deferred until loyalty is back'))).length;
}

describe('redemption up to a cached balance', () => {
  it('redeems only against a fresh balance', () => {
    const scenario = testScenario(`${LOYALTY_OUTAGE}${FEW_CUSTOMERS}`);
    const fresh = createSimulation(withModes(scenario, { redemption: 'cachedBalance', balanceStaleness: '10m' })).runToEnd();
    const stale = createSimulation(withModes(scenario, { redemption: 'cachedBalance', balanceStaleness: 1 })).runToEnd();

    expect(fresh.business.reconciliation.deferredRedemption.created).toBeGreaterThan(0);
    expect(fresh.business.reconciliation.deferredRedemption.pending).toBe(0);
    expect(stale.business.reconciliation.deferredRedemption.created).toBe(0);
    expect(stale.journeys.onlineCheckout.lost).toBeGreaterThan(fresh.journeys.onlineCheckout.lost);
  });
});

describe('reads from cache', () => {
  it('serves lookups within staleness during outage', () => {
    const scenario = testScenario(`${CRM_OUTAGE}${FEW_CUSTOMERS}`);
    const cached = createSimulation(withModes(scenario, { readCache: { staleness: '10m' } }), { traceCapacity: 20_000 });
    const report = cached.runToEnd();
    const expired = createSimulation(withModes(scenario, { readCache: { staleness: 0 } })).runToEnd();

    expect(report.business.cachedReads).toBeGreaterThan(0);
    expect(expired.business.cachedReads).toBe(0);
    expect(expired.business.staleCacheMisses).toBeGreaterThan(0);
    const served = cached
      .journeys({ limit: 20_000 })
      .items.flatMap((item) => cached.journey(item.id)?.trace ?? [])
      .filter((step) => step.event === 'DEGRADED' && step.detail.includes('served from cache'));
    expect(served.length).toBe(report.business.cachedReads);
    for (const step of served) expect(step.t).toBeGreaterThanOrEqual(180_000);
  });
});

describe('queued customer updates', () => {
  it('replays queued updates in order', () => {
    const simulation = createSimulation(withModes(testScenario(CRM_OUTAGE), { queueCustomerUpdates: true, replayEvery: '15s' }), {
      traceCapacity: 20_000,
    });
    const report = simulation.runToEnd();
    const work = report.business.reconciliation.customerUpdate;
    expect(work.created).toBeGreaterThan(10);
    expect(work.pending).toBe(0);
    expect(work.clearedAt).toBeGreaterThan(300_000);

    const pairs: { queued: number; replayed: number }[] = [];
    for (const item of simulation.journeys({ kinds: ['promotionActivation', 'profileEnrichment'], limit: 20_000 }).items) {
      const trace = simulation.journey(item.id)?.trace ?? [];
      const queued = trace.filter((step) => step.event === 'DEGRADED' && step.detail.includes('queued for replay'));
      const replayed = trace.filter((step) => step.detail === 'queued update replayed');
      expect(replayed.length).toBe(queued.length);
      queued.forEach((step, index) => pairs.push({ queued: step.t, replayed: replayed[index]!.t }));
    }
    expect(pairs.length).toBe(work.created);
    pairs.sort((a, b) => a.queued - b.queued);
    for (let index = 1; index < pairs.length; index++) expect(pairs[index]!.replayed).toBeGreaterThanOrEqual(pairs[index - 1]!.replayed);
  });

  it('loses fewer activations than without queueing', () => {
    const scenario = testScenario(CRM_OUTAGE);
    const off = createSimulation(scenario).runToEnd();
    const queued = createSimulation(withModes(scenario, { queueCustomerUpdates: true })).runToEnd();

    expect(off.journeys.promotionActivation.lost).toBeGreaterThan(0);
    expect(queued.journeys.promotionActivation.lost).toBeLessThan(off.journeys.promotionActivation.lost);
    expect(queued.series.some((point) => point.customerUpdatesPending > 0)).toBe(true);
    expect(queued.series.at(-1)?.customerUpdatesPending).toBe(0);
  });
});
