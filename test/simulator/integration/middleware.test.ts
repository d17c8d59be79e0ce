import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../../src/simulator/integration/call.js';
import { isOrchestrated, orchestrate } from '../../../src/simulator/integration/middleware.js';
import { scenarioFrom } from '../runtime/fixtures.js';
import { singleSystemRig } from './harness.js';

/** POS reaches the ERP through orchestrating middleware; the ERP posts an order in 10 ms. */
function middlewareSetup() {
  const scenario = scenarioFrom(`
schemaVersion: 1
name: middleware test
clock: { duration: 1h }
systems:
  erp: { concurrency: 4, errorRate: 0, latency: { postOrder: { p50: 10ms, p99: 10ms } } }
  pos: {}
  loyalty: {}
links:
  - { from: pos, to: erp, style: middleware, orchestration: { hop: 20ms } }
  - { from: ecommerce, to: erp, style: middleware }
  - { from: middleware, to: erp, style: direct, policy: { retry: { maxAttempts: 3, baseDelay: 100ms, jitter: none } } }
load:
  profile: { kind: constant, rate: 0 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
`);
  const { scheduler, system: erp, executor, links } = singleSystemRig(scenario, 'erp', null);
  const results: { t: number; result: CallResult }[] = [];
  const send = (at: number): void =>
    scheduler.at(at, () =>
      orchestrate(executor, links, links.get('pos', 'erp'), 'postOrder', null, (result) => results.push({ t: scheduler.now, result }), 'standard'),
    );
  return { scheduler, erp, links, results, send };
}

describe('middleware orchestration', () => {
  it('only configured middleware links orchestrate', () => {
    const { links } = middlewareSetup();

    expect(isOrchestrated(links.get('pos', 'erp'))).toBe(true);
    expect(isOrchestrated(links.get('ecommerce', 'erp'))).toBe(false);
    expect(isOrchestrated(links.get('middleware', 'erp'))).toBe(false);
  });

  it('adds one hop each way', () => {
    const setup = middlewareSetup();
    setup.send(0);
    setup.scheduler.runUntil(1_000);

    expect(setup.results).toEqual([
      {
        t: 50,
        result: { ok: true, failure: null, latency: 50, attempts: 1, error: null, note: 'via middleware: 1 attempt by the middleware, 20 ms hop each way' },
      },
    ]);
  });

  it('middleware retries hide a short outage', () => {
    const setup = middlewareSetup();
    setup.erp.setOutage('unavailable');
    setup.scheduler.at(150, () => setup.erp.setOutage(null));
    setup.send(0);
    setup.scheduler.runUntil(5_000);

    expect(setup.results).toHaveLength(1);
    expect(setup.results[0]?.result.ok).toBe(true);
    expect(setup.results[0]?.result.attempts).toBe(3);
    expect(setup.results[0]?.result.note).toBe('via middleware: 3 attempts by the middleware, 20 ms hop each way');
  });

  it('cut channel link fails after hop', () => {
    const setup = middlewareSetup();
    setup.links.get('pos', 'erp').cut = true;
    setup.send(0);
    setup.scheduler.runUntil(1_000);

    expect(setup.results).toEqual([
      { t: 20, result: { ok: false, failure: 'unavailable', latency: 20, attempts: 1, error: null, note: 'middleware unreachable' } },
    ]);
    expect(setup.erp.stats.calls).toBe(0);
  });
});
