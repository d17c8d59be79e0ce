import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/simulator/index.js';
import { scenarioFrom } from '../runtime/fixtures.js';

/** Profile enrichment floods a small CRM that online checkout also reads from. */
function crmOverload(policy: string): string {
  return `
schemaVersion: 1
name: crm overload
seed: 11
clock: { duration: 3m, sampleEvery: 30s }
systems:
  erp: { concurrency: 32, errorRate: 0 }
  crm: { concurrency: 4, errorRate: 0, latency: { getCustomer: { p50: 80ms, p99: 300ms }, upsertCustomer: { p50: 80ms, p99: 300ms } } }
  loyalty: { concurrency: 32, errorRate: 0 }
  pos: { concurrency: 32, errorRate: 0 }
  ecommerce: { concurrency: 32, errorRate: 0 }
policies:
  test: ${policy}
load:
  profile: { kind: constant, rate: 40 }
  channels: { ecommerce: 1 }
  mix: { onlineCheckout: 2, profileEnrichment: 8 }
`;
}

describe('call path in a simulation', () => {
  it('shedding enrichment keeps checkout faster', () => {
    const plain = createSimulation(scenarioFrom(crmOverload('{ calls: { timeout: 5s } }'))).runToEnd();
    const shedding = createSimulation(
      scenarioFrom(crmOverload('{ calls: { timeout: 5s }, gateway: { loadShedding: { low: 3 } } }')),
    ).runToEnd();

    const shed = shedding.callPath.gateway.backends.find((backend) => backend.system === 'crm')?.shed;
    expect(shed?.low).toBeGreaterThan(1_000);
    expect(shed?.standard).toBe(0);
    expect(shedding.business.checkoutLatency.p95).toBeLessThan(plain.business.checkoutLatency.p95 / 3);
    expect(shedding.business.ordersCompleted).toBeGreaterThanOrEqual(plain.business.ordersCompleted);
  });

  it('trace shows deprecated API version', () => {
    const policy = '{ gateway: { routes: { crm: { versions: { v1: deprecated, v2: active }, consumers: { ecommerce: v1 } } } } }';
    const simulation = createSimulation(scenarioFrom(crmOverload(policy)), { traceCapacity: 50 });
    simulation.advanceTo(20_000);
    const [summary] = simulation.journeys({ kinds: ['onlineCheckout'], outcomes: ['completed'] }).items;
    const trace = simulation.journey(summary?.id ?? -1)?.trace ?? [];

    expect(trace.find((step) => step.operation === 'getCustomer')?.detail).toBe('ok; deprecated API v1');
    const versions = simulation.snapshot().callPath.gateway.versions;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ system: 'crm', version: 'v1', status: 'deprecated' });
  });

  it('report counts attempts per logical call', () => {
    const policy = '{ calls: { timeout: 5s, retry: { maxAttempts: 3, baseDelay: 50ms } } }';
    const report = createSimulation(scenarioFrom(crmOverload(policy).replace('crm: { concurrency: 4, errorRate: 0', 'crm: { concurrency: 32, errorRate: 0.5'))).runToEnd();
    const crm = report.callPath.calls.find((entry) => entry.system === 'crm');

    // Half the attempts fail, so a call takes 1 + 0.5 + 0.25 = 1.75 attempts on average.
    expect(crm?.amplification).toBeGreaterThan(1.6);
    expect(crm?.amplification).toBeLessThan(1.9);
    expect(crm?.maxAttemptsPerCall).toBe(3);
  });
});
