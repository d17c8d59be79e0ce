import { describe, expect, it } from 'vitest';
import { createSimulation, type CallPathSnapshot, type PolicyToggle } from '../../../src/simulator/index.js';
import { scenarioFrom } from '../runtime/fixtures.js';

const MINUTE = 60_000;

/** Profile enrichment floods a small CRM that online checkout also reads from, under `policy`. */
function crmOverload(policy: string, crm = 'concurrency: 4, errorRate: 0'): string {
  return `
schemaVersion: 1
name: crm overload
seed: 11
clock: { duration: 3m, sampleEvery: 30s }
systems:
  erp: { concurrency: 32, errorRate: 0 }
  crm: { ${crm}, latency: { getCustomer: { p50: 80ms, p99: 300ms }, upsertCustomer: { p50: 80ms, p99: 300ms } } }
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

/** Returns the CRM's figure picked by `read` after each minute: off, on, then off again. */
function figuresOffOnOff(policy: string, toggle: PolicyToggle, read: (path: CallPathSnapshot) => number, crm?: string): number[] {
  const simulation = createSimulation(scenarioFrom(crmOverload(policy, crm)));
  const figures: number[] = [];
  for (const [minute, enabled] of [[1, false], [2, true], [3, false]] as const) {
    simulation.control({ kind: 'policyToggle', policy: toggle, enabled });
    simulation.advanceTo(minute * MINUTE);
    figures.push(read(simulation.snapshot().callPath));
  }
  return figures;
}

function crmCalls(path: CallPathSnapshot) {
  const calls = path.calls.find((entry) => entry.system === 'crm');
  if (!calls) throw new Error('no call figures for crm');
  return calls;
}

describe('policy toggles on the call path', () => {
  it('load shedding toggle sheds only when on', () => {
    const shedLow = (path: CallPathSnapshot) => path.gateway.backends.find((entry) => entry.system === 'crm')?.shed.low ?? 0;
    const figures = figuresOffOnOff('{ calls: { timeout: 5s }, gateway: { loadShedding: { low: 3 } } }', 'loadShedding', shedLow);

    expect(figures).toEqual([0, 1_520, 1_520]);
  });

  it('bulkhead toggle rejects only when on', () => {
    const rejections = (path: CallPathSnapshot) => crmCalls(path).bulkheadRejections;
    const figures = figuresOffOnOff('{ calls: { timeout: 5s, bulkhead: { maxConcurrent: 2 } } }', 'bulkhead', rejections);

    expect(figures).toEqual([0, 1_702, 1_702]);
  });

  it('hedge toggle hedges only when on', () => {
    const hedges = (path: CallPathSnapshot) => crmCalls(path).hedges;
    const figures = figuresOffOnOff('{ calls: { timeout: 5s, hedge: { delay: 100ms } } }', 'hedge', hedges);

    expect(figures).toEqual([0, 2_346, 2_346]);
  });

  it('retry budget toggle denies only when on', () => {
    const denied = (path: CallPathSnapshot) => crmCalls(path).retriesDenied;
    const policy = '{ calls: { timeout: 5s, retry: { maxAttempts: 3, baseDelay: 50ms }, retryBudget: { minRetriesPerSecond: 1, percentCanRetry: 5 } } }';
    const figures = figuresOffOnOff(policy, 'retryBudget', denied, 'concurrency: 32, errorRate: 0.5');

    // Two calls whose attempt started before the switch-off still hold the budget and are denied.
    expect(figures).toEqual([0, 1_803, 1_805]);
  });

  it('switched-on toggle matches untouched run', () => {
    const policy = '{ calls: { timeout: 5s, hedge: { delay: 100ms } } }';
    const untouched = createSimulation(scenarioFrom(crmOverload(policy)));
    untouched.advanceTo(MINUTE);
    const toggled = createSimulation(scenarioFrom(crmOverload(policy)));
    toggled.control({ kind: 'policyToggle', policy: 'hedge', enabled: false });
    toggled.control({ kind: 'policyToggle', policy: 'hedge', enabled: true });
    toggled.advanceTo(MINUTE);

    expect(crmCalls(toggled.snapshot().callPath).hedges).toBe(crmCalls(untouched.snapshot().callPath).hedges);
    expect(crmCalls(toggled.snapshot().callPath).hedges).toBeGreaterThan(0);
  });
});

describe('dead-letter replay toggle', () => {
  /** Stores publish accruals as events; loyalty is down from 2m to 4m, so messages are dead-lettered. */
  const scenario = scenarioFrom(`
schemaVersion: 1
name: replay toggle
seed: 5
clock: { duration: 15m }
systems: { erp: { errorRate: 0 }, crm: { errorRate: 0 }, loyalty: { errorRate: 0 }, pos: { errorRate: 0 } }
links:
  - { from: pos, to: loyalty, style: events }
policies:
  chosen: { calls: { timeout: 2s }, deadLetter: { maxAttempts: 2 }, replay: { every: 5m, ratePerSecond: 20 } }
load:
  profile: { kind: constant, rate: 10 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
faults: [{ kind: outage, system: loyalty, at: 2m, duration: 2m }]
`);

  it('switched off stops scheduled replay', () => {
    const simulation = createSimulation(scenario);
    simulation.control({ kind: 'policyToggle', policy: 'deadLetterReplay', enabled: false });
    expect(simulation.snapshot().messaging.deadLetters).toMatchObject({ nextReplayAt: null, replayRate: null });

    simulation.advanceTo(6 * MINUTE);
    const letters = simulation.snapshot().messaging.deadLetters;
    expect(letters.replayed).toBe(0);
    expect(letters.depth).toBeGreaterThan(100);
  });

  it('switched on rearms schedule from now', () => {
    const simulation = createSimulation(scenario);
    simulation.control({ kind: 'policyToggle', policy: 'deadLetterReplay', enabled: false });
    simulation.advanceTo(6 * MINUTE);
    const depth = simulation.snapshot().messaging.deadLetters.depth;
    expect(depth).toBeGreaterThan(100);

    simulation.control({ kind: 'policyToggle', policy: 'deadLetterReplay', enabled: true });
    expect(simulation.snapshot().messaging.deadLetters).toMatchObject({ nextReplayAt: 11 * MINUTE, replayRate: 20 });
    simulation.advanceTo(11 * MINUTE - 1);
    expect(simulation.snapshot().messaging.deadLetters.replayed).toBe(0);

    simulation.advanceTo(13 * MINUTE);
    const letters = simulation.snapshot().messaging.deadLetters;
    expect(letters.replayed).toBe(depth);
    expect(letters.depth).toBe(0);
  });
});
