import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { testScenario } from './fixtures.js';

const LOYALTY_OUTAGE = `
faults:
  - { kind: outage, system: loyalty, at: 3m, duration: 2m }
`;

describe('loyalty outage under two policy sets', () => {
  it('weak set leaves drift and unreversed refunds', () => {
    const report = createSimulation(testScenario(LOYALTY_OUTAGE), { policy: 'weak' }).runToEnd();
    expect(report.business.ledgerDrift).toBeGreaterThan(0);
    expect(report.business.refundsWithoutReversal).toBeGreaterThan(0);
    expect(report.business.ledgersAgree).toBe(false);
    expect(report.business.ledgersDisagreedAt).toBeGreaterThanOrEqual(180_000);
  });

  it('strong set settles provisional points after recovery', () => {
    const report = createSimulation(testScenario(LOYALTY_OUTAGE), { policy: 'strong' }).runToEnd();
    expect(report.business.ledgerDriftAbsolute).toBe(0);
    expect(report.business.provisionalPointsPending).toBe(0);
    expect(report.business.ledgersAgree).toBe(true);
    expect(report.business.ledgersAgreedAt).toBeGreaterThan(300_000);
    expect(report.business.pointsAccrualLag.max).toBeGreaterThan(60_000);
  });

  it('timeline records the scheduled outage', () => {
    const report = createSimulation(testScenario(LOYALTY_OUTAGE)).runToEnd();
    expect(report.faults).toEqual([
      {
        at: 180_000,
        until: 300_000,
        label: 'loyalty down (unavailable) for 2m',
        origin: 'scenario',
        action: { kind: 'systemDown', system: 'loyalty', mode: 'unavailable' },
      },
    ]);
  });

  it('live outage shows on landscape and timeline', () => {
    const simulation = createSimulation(testScenario(), { traceCapacity: 100 });
    simulation.advanceTo(60_000);
    simulation.control({ kind: 'systemDown', system: 'loyalty' });
    simulation.advanceTo(90_000);

    const during = simulation.snapshot();
    expect(during.systems.find((system) => system.kind === 'loyalty')?.health).toBe('down');
    expect(during.timeline).toMatchObject([{ at: 60_000, until: null, origin: 'live', label: 'loyalty down (unavailable)' }]);

    simulation.control({ kind: 'systemUp', system: 'loyalty' });
    expect(simulation.snapshot().timeline).toMatchObject([{ at: 60_000, until: 90_000 }]);
    expect(simulation.journeys({ outcomes: ['completedDegraded'] }).total).toBeGreaterThan(0);
  });

  it('duplicate delivery without idempotency double-awards', () => {
    const scenario = testScenario(`
links:
  - { from: pos, to: loyalty, style: events }
faults:
  - { kind: duplicateDelivery, rate: 0.5, at: 0 }
`);
    const weak = createSimulation(scenario, { policy: 'weak' }).runToEnd();
    const strong = createSimulation(scenario, { policy: 'strong' }).runToEnd();
    expect(weak.business.duplicateAccruals).toBeGreaterThan(0);
    expect(weak.business.ledgerDrift).toBeLessThan(0);
    expect(strong.business.duplicateAccruals).toBe(0);
    expect(strong.business.duplicatesSuppressed).toBeGreaterThan(0);
  });
});

describe('live load factor', () => {
  it('doubling the load doubles arrivals', () => {
    const base = createSimulation(testScenario());
    base.advanceTo(300_000);
    const doubled = createSimulation(testScenario());
    doubled.control({ kind: 'loadFactor', factor: 2 });
    doubled.advanceTo(300_000);

    const ratio = doubled.snapshot().business.journeysStarted / base.snapshot().business.journeysStarted;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });
});

describe('live policy switches', () => {
  it('breaker switched off shows none', () => {
    const simulation = createSimulation(testScenario(LOYALTY_OUTAGE), { policy: 'strong' });
    simulation.advanceTo(240_000);
    const loyalty = () => simulation.snapshot().systems.find((system) => system.kind === 'loyalty');
    expect(loyalty()?.breaker).not.toBe('none');

    simulation.control({ kind: 'policyToggle', policy: 'circuitBreaker', enabled: false });
    simulation.advanceTo(250_000);
    expect(loyalty()?.breaker).toBe('none');

    simulation.control({ kind: 'policy', name: 'weak' });
    simulation.advanceTo(260_000);
    expect(simulation.snapshot().activePolicy).toBe('weak');
  });
});
