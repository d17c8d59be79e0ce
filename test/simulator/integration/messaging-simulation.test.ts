import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, reportToJson, type Scenario } from '../../../src/simulator/index.js';
import { scenarioFrom } from '../runtime/fixtures.js';

const HOUR = 3_600_000;

/** Builds a landscape whose ERP responds to postings slower than the 2 s timeout, under `policy`. */
function slowErpScenario(policy: string): Scenario {
  return scenarioFrom(`
schemaVersion: 1
name: slow erp
seed: 3
clock: { duration: 10m }
systems:
  erp: { errorRate: 0, latency: { postOrder: { p50: 1500ms, p99: 4s } } }
  crm: { errorRate: 0 }
  loyalty: { errorRate: 0 }
  pos: { errorRate: 0 }
  ecommerce: { errorRate: 0 }
policies:
  chosen:
    calls: { timeout: 2s, retry: { maxAttempts: 3, baseDelay: 100ms, jitter: none } }
    ${policy}
load:
  profile: { kind: constant, rate: 5 }
  channels: { ecommerce: 0.5, pos: 0.5 }
  mix: { onlineCheckout: 1, inStoreCheckout: 1 }
`);
}

/** Builds a landscape whose stores publish accruals as events, with the given policy set lines. */
function eventScenario(policy: string, faults = '[]'): Scenario {
  return scenarioFrom(`
schemaVersion: 1
name: event accruals
seed: 5
clock: { duration: 10m }
systems:
  erp: { errorRate: 0 }
  crm: { errorRate: 0 }
  loyalty: { errorRate: 0 }
  pos: { errorRate: 0 }
links:
  - { from: pos, to: loyalty, style: events }
policies:
  chosen:
    calls: { timeout: 2s }
    ${policy}
load:
  profile: { kind: constant, rate: 10 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
faults: ${faults}
`);
}

function shipped(name: string): Scenario {
  const parsed = parseScenario(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8'), name);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.scenario;
}

describe('idempotency in a simulation', () => {
  it('retries without keys post orders twice', () => {
    const report = createSimulation(slowErpScenario('')).runToEnd();

    expect(report.business.duplicateOrdersPosted).toBeGreaterThan(50);
    expect(report.business.orderPostingsSuppressed).toBe(0);
  });

  it('keys within retention drop repeats', () => {
    const report = createSimulation(slowErpScenario('idempotency: { retention: 24h }')).runToEnd();

    expect(report.business.duplicateOrdersPosted).toBe(0);
    expect(report.business.orderPostingsSuppressed).toBeGreaterThan(50);
    const erp = report.messaging.idempotency.find((store) => store.system === 'erp');
    expect(erp?.retention).toBe(24 * HOUR);
    expect(erp?.keysStored).toBeGreaterThan(1_000);
  });

  it('short retention lets repeats through', () => {
    const short = createSimulation(slowErpScenario('idempotency: { retention: 500ms }')).runToEnd().business;
    const long = createSimulation(slowErpScenario('idempotency: { retention: 24h }')).runToEnd().business;

    // Most repeats come one timeout (2 s) after the first posting, past a 500 ms retention.
    expect(short.duplicateOrdersPosted).toBeGreaterThan(50);
    expect(short.orderPostingsSuppressed).toBeLessThan(long.orderPostingsSuppressed / 2);
    expect(short.duplicateOrdersPosted + short.orderPostingsSuppressed).toBe(long.orderPostingsSuppressed);
  });

  it('trace shows dropped repeat', () => {
    const simulation = createSimulation(slowErpScenario('idempotency: { retention: 24h }'), { traceCapacity: 2_000 });
    simulation.runToEnd();
    const ids = simulation.journeys({ limit: 2_000 }).items.map((item) => item.id);
    const steps = ids.flatMap((id) => simulation.journey(id)?.trace ?? []).filter((step) => step.event === 'DUPLICATE_DROPPED');

    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]?.system).toBe('erp');
    expect(steps[0]?.detail).toMatch(/^erp dropped repeated postOrder:\d+ by its idempotency key$/);
  });
});

describe('loyalty idempotency in a simulation', () => {
  const duplicates = '[{ kind: duplicateDelivery, rate: 0.5, at: 0 }]';

  it('duplicate within retention dropped', () => {
    const report = createSimulation(eventScenario('idempotency: { retention: 24h }', duplicates)).runToEnd();

    expect(report.business.duplicateAccruals).toBe(0);
    expect(report.business.duplicatesSuppressed).toBeGreaterThan(500);
    expect(report.business.ledgerDrift).toBe(0);
  });

  it('duplicate after retention applied again', () => {
    // The copy waits behind its original, which takes loyalty tens of ms, so a 1 ms retention has lapsed.
    const report = createSimulation(eventScenario('idempotency: { retention: 1ms }', duplicates)).runToEnd();

    expect(report.business.duplicateAccruals).toBeGreaterThan(500);
    expect(report.business.duplicatesSuppressed).toBe(0);
    expect(report.business.ledgerDrift).toBeLessThan(0);
    const loyalty = report.messaging.idempotency.find((store) => store.system === 'loyalty');
    expect(loyalty?.repeatsApplied).toBe(report.business.duplicateAccruals);
  });
});

describe('dead letters in a simulation', () => {
  const outage = '[{ kind: outage, system: loyalty, at: 2m, duration: 2m }]';

  it('replay by hand restores the ledger', () => {
    const simulation = createSimulation(eventScenario('deadLetter: { maxAttempts: 2 }', outage));
    simulation.advanceTo(6 * 60_000);
    const before = simulation.snapshot();
    expect(before.messaging.deadLetters.depth).toBeGreaterThan(100);
    expect(before.business.ledgerDrift).toBeGreaterThan(0);

    simulation.control({ kind: 'replayDeadLetters', ratePerSecond: 50 });
    simulation.advanceTo(10 * 60_000);
    const after = simulation.snapshot();
    expect(after.messaging.deadLetters.depth).toBe(0);
    expect(after.business.deadLettersReplayed).toBe(before.messaging.deadLetters.depth);
    expect(after.business.ledgerDrift).toBe(0);
    expect(after.timeline.map((entry) => entry.label)).toContain('replay all dead letters at 50/s');
    expect(after.timeline.find((entry) => entry.action.kind === 'replayDeadLetters')).toMatchObject({ at: 360_000, until: 360_000 });
  });

  it('scheduled replay drains the queue', () => {
    const report = createSimulation(eventScenario('deadLetter: { maxAttempts: 2 }\n    replay: { every: 5m, ratePerSecond: 20 }', outage)).runToEnd();

    expect(report.business.deadLettersReplayed).toBeGreaterThan(100);
    expect(report.messaging.deadLetters.depth).toBe(0);
    expect(report.messaging.deadLetters.nextReplayAt).toBe(15 * 60_000);
  });

  it('policy switch arms the schedule', () => {
    const scenario = scenarioFrom(`
schemaVersion: 1
name: replay switch
clock: { duration: 10m }
systems: { erp: {}, loyalty: {}, pos: {} }
policies:
  manual: { deadLetter: { maxAttempts: 2 } }
  scheduled: { deadLetter: { maxAttempts: 2 }, replay: { every: 1m, ratePerSecond: 5 } }
activePolicy: manual
load:
  profile: { kind: constant, rate: 1 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
`);
    const simulation = createSimulation(scenario);
    simulation.advanceTo(120_000);
    expect(simulation.snapshot().messaging.deadLetters.nextReplayAt).toBeNull();

    simulation.control({ kind: 'policy', name: 'scheduled' });
    expect(simulation.snapshot().messaging.deadLetters).toMatchObject({ nextReplayAt: 180_000, replayRate: 5 });
    simulation.advanceTo(200_000);
    expect(simulation.snapshot().messaging.deadLetters.nextReplayAt).toBe(240_000);

    simulation.control({ kind: 'policy', name: 'manual' });
    expect(simulation.snapshot().messaging.deadLetters).toMatchObject({ nextReplayAt: null, replayRate: null });
  });

  it('poison fault is set aside', () => {
    const simulation = createSimulation(
      eventScenario('deadLetter: { maxAttempts: 5 }', '[{ kind: poisonMessages, rate: 0.1, at: 1m, duration: 2m }]'),
      { traceCapacity: 10_000 },
    );
    const report = simulation.runToEnd();

    expect(report.business.poisonMessages).toBeGreaterThan(50);
    expect(report.faults.map((entry) => entry.label)).toEqual(['poison messages 10 % for 2m']);
    expect(report.messaging.poison.setAside).toBe(report.business.poisonMessages);
    expect(report.messaging.poison.rate).toBe(0);
    expect(report.messaging.deadLetters.total).toBe(0);
    // Each malformed accrual is owed but never applied, so the ledger misses its points.
    expect(report.business.ledgerDrift).toBeGreaterThan(0);
    const ids = simulation.journeys({ limit: 10_000 }).items.map((item) => item.id);
    const poisoned = ids.flatMap((id) => simulation.journey(id)?.trace ?? []).filter((step) => step.event === 'POISONED');
    expect(poisoned.length).toBe(report.business.poisonMessages);
  });
});

describe('nightly batch against events', () => {
  it('batch landscape lags by hours', () => {
    const legacy = createSimulation(shipped('loyalty-batch-vs-events-legacy.yaml'));
    const modern = createSimulation(shipped('loyalty-batch-vs-events-modern.yaml'));
    // A fifth of the shipped load keeps the test fast; the schedule and the lags do not depend on it.
    legacy.control({ kind: 'loadFactor', factor: 0.2 });
    modern.control({ kind: 'loadFactor', factor: 0.2 });
    const batch = legacy.runToEnd().business;
    const events = modern.runToEnd().business;

    // Points bought at 08:00 arrive with the 02:00 file, 18 hours later.
    expect(batch.pointsAccrualLag.max).toBeGreaterThan(17 * HOUR);
    expect(batch.pointsAccrualLag.p50).toBeGreaterThan(6 * HOUR);
    expect(events.pointsAccrualLag.p95).toBeLessThan(5_000);
    expect(batch.ledgersDisagreedFor).toBeGreaterThan(17 * HOUR);
    expect(events.ledgersDisagreedFor).toBeLessThan(60_000);
  });
});

describe('middleware orchestration in a simulation', () => {
  /** Stores post orders to a flaky ERP over a middleware link, with or without orchestration. */
  function flakyErp(orchestration: string): Scenario {
    return scenarioFrom(`
schemaVersion: 1
name: flaky erp
seed: 9
clock: { duration: 10m }
systems:
  erp: { errorRate: 0.3 }
  crm: { errorRate: 0 }
  loyalty: { errorRate: 0 }
  pos: { errorRate: 0 }
links:
  - { from: pos, to: erp, style: middleware${orchestration} }
  - { from: middleware, to: erp, style: direct, policy: { retry: { maxAttempts: 4, baseDelay: 200ms, jitter: none } } }
load:
  profile: { kind: constant, rate: 5 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
`);
  }

  it('middleware retries post more orders', () => {
    const plain = createSimulation(flakyErp('')).runToEnd();
    const relayed = createSimulation(flakyErp(', orchestration: { hop: 25ms }')).runToEnd();

    // Without orchestration 30 % of postings fail; with four attempts by the middleware about 0.8 %.
    expect(plain.business.ordersNotPosted).toBeGreaterThan(500);
    expect(relayed.business.ordersNotPosted).toBeLessThan(plain.business.ordersNotPosted / 10);
    const erpCalls = (report: typeof plain): number => report.systems.find((system) => system.kind === 'erp')?.calls ?? 0;
    expect(erpCalls(relayed)).toBeGreaterThan(erpCalls(plain) * 1.3);
  });
});

describe('messaging determinism', () => {
  it('same seed gives same report bytes', () => {
    const scenario = (): Scenario =>
      eventScenario(
        'deadLetter: { maxAttempts: 2 }\n    replay: { every: 2m, ratePerSecond: 20 }\n    idempotency: {}',
        '[{ kind: outage, system: loyalty, at: 1m, duration: 1m }, { kind: poisonMessages, rate: 0.05, at: 0 }, { kind: duplicateDelivery, rate: 0.1, at: 0 }]',
      );
    const first = reportToJson(createSimulation(scenario()).runToEnd());
    const second = reportToJson(createSimulation(scenario()).runToEnd());

    expect(second).toBe(first);
    expect(first).toContain('"deadLettersReplayed"');
  });
});

describe('batch link in a simulation', () => {
  it('trace shows file write and import', () => {
    const scenario = scenarioFrom(`
schemaVersion: 1
name: batch trace
seed: 4
clock: { duration: 10m }
systems: { erp: { errorRate: 0 }, loyalty: { errorRate: 0 }, pos: { errorRate: 0 } }
links:
  - { from: pos, to: loyalty, style: batch, batch: { every: 2m, recordsPerSecond: 100 } }
load:
  profile: { kind: constant, rate: 2 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
population: { loyaltyMemberShare: 1 }
`);
    const simulation = createSimulation(scenario, { traceCapacity: 1_000 });
    simulation.advanceTo(100_000);
    const [first] = simulation.journeys({ limit: 1_000 }).items.slice(-1);
    const written = simulation.journey(first?.id ?? -1)?.trace.find((step) => step.state === 'inStoreCheckout.accrue');
    expect(written?.detail).toBe('written to the pos->loyalty batch file, due at 120000 ms');
    expect(simulation.snapshot().messaging.batches[0]?.recordsBuffered).toBeGreaterThan(150);
    expect(simulation.snapshot().links.find((link) => link.id === 'pos->loyalty')).toMatchObject({ style: 'batch' });

    simulation.advanceTo(130_000);
    const imported = simulation.journey(first?.id ?? -1)?.trace.find((step) => step.event === 'BATCH_DELIVERED');
    expect(imported?.state).toBe('inStoreCheckout.accrue');
    expect(imported?.t).toBeGreaterThanOrEqual(120_000);
    expect(simulation.snapshot().business.pointsAccrualLag.max).toBeLessThanOrEqual(120_000 + 5_000);
  });
});
