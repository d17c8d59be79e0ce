import { describe, expect, it } from 'vitest';
import { callHarness, SERVICE_MS } from './call-harness.js';

const NO_JITTER_RETRY = 'retry: { maxAttempts: 3, baseDelay: 10ms, jitter: none }';

describe('call resilience', () => {
  it('hedge fires exactly after delay', () => {
    const h = callHarness('{ calls: { hedge: { delay: 30ms } } }');
    h.call('ecommerce', 'loyalty', 'getBalance');
    h.scheduler.runUntil(29);
    expect(h.systems.get('loyalty')?.stats.calls).toBe(1);
    h.scheduler.runUntil(30);
    expect(h.systems.get('loyalty')?.stats.calls).toBe(2);
    h.scheduler.runUntil(1_000);

    // The first request completes at 100 ms and wins; the hedge still loads loyalty until 130 ms.
    expect(h.results[0]?.latency).toBe(SERVICE_MS);
    expect(h.results[0]?.note).toBe('hedged after 30 ms');
    expect(h.systems.get('loyalty')?.stats.completed).toBe(2);
    const loyalty = h.executor.callPath(1_000).calls.find((entry) => entry.system === 'loyalty');
    expect(loyalty).toMatchObject({ logicalCalls: 1, attempts: 2, hedges: 1, hedgeWins: 0, amplification: 2 });
  });

  it('hedge answer wins when first', () => {
    const h = callHarness('{ calls: { hedge: { delay: 30ms } } }');
    const loyalty = h.systems.get('loyalty');
    // The first request is served 5x slower (500 ms); the hedge at 30 ms at normal speed completes at 130 ms.
    loyalty?.setLatencyFactor(5);
    h.call('ecommerce', 'loyalty', 'getBalance');
    h.scheduler.at(10, () => loyalty?.setLatencyFactor(1));
    h.scheduler.runUntil(1_000);

    expect(h.results[0]?.latency).toBe(130);
    expect(h.results[0]?.note).toBe('hedged after 30 ms; hedge won');
    expect(h.executor.callPath(1_000).calls[0]).toMatchObject({ hedges: 1, hedgeWins: 1 });
  });

  it('hedge over direct link fails cleanly', () => {
    // Regression: a failed first request released a gateway place that a direct link never took, and
    // the gateway's in-flight count threw.
    const h = callHarness('{ calls: { hedge: { delay: 30ms } } }', '[]', 1);
    h.call('middleware', 'loyalty', 'getBalance');
    h.scheduler.runUntil(1_000);

    expect(h.results[0]).toMatchObject({ ok: false, failure: 'error', latency: 130, attempts: 1 });
    expect(h.executor.callPath(1_000).calls[0]).toMatchObject({ hedges: 1, hedgeWins: 0 });
    expect(h.executor.callPath(1_000).gateway.backends).toEqual([]);
  });

  it('hedges only listed operations', () => {
    const h = callHarness('{ calls: { hedge: { delay: 30ms } } }');
    h.call('ecommerce', 'loyalty', 'accrue');
    h.scheduler.runUntil(1_000);
    expect(h.systems.get('loyalty')?.stats.calls).toBe(1);
  });

  it('retry budget denies retries', () => {
    // No reserve and 50 percent: two failing calls deposit one retry between them.
    const h = callHarness(
      `{ calls: { ${NO_JITTER_RETRY}, retryBudget: { minRetriesPerSecond: 0, percentCanRetry: 50 } } }`,
      '[]',
      1,
    );
    h.call('ecommerce', 'crm', 'getCustomer');
    h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.runUntil(5_000);

    expect(h.results.map((result) => result.attempts)).toEqual([2, 1]);
    expect(h.results[1]?.note).toBe('retry budget spent');
    expect(h.executor.callPath(5_000).calls[0]).toMatchObject({ logicalCalls: 2, attempts: 3, retries: 1, retriesDenied: 2 });
  });

  it('nested retries multiply attempts', () => {
    const links = '[{ from: ecommerce, to: erp, style: middleware }]';
    const nested = callHarness(`{ calls: { ${NO_JITTER_RETRY} }, nestedMiddlewareCalls: true }`, links, 1);
    nested.call('ecommerce', 'erp', 'lookupPrice');
    nested.scheduler.runUntil(10_000);
    const flat = callHarness(`{ calls: { ${NO_JITTER_RETRY} } }`, links, 1);
    flat.call('ecommerce', 'erp', 'lookupPrice');
    flat.scheduler.runUntil(10_000);

    expect(nested.systems.get('erp')?.stats.calls).toBe(9);
    expect(nested.executor.callPath(10_000).calls[0]).toMatchObject({ logicalCalls: 1, attempts: 9, amplification: 9, maxAttemptsPerCall: 9 });
    expect(flat.executor.callPath(10_000).calls[0]).toMatchObject({ logicalCalls: 1, attempts: 3, amplification: 3 });
    expect(nested.results[0]?.attempts).toBe(3);
  });

  it('bulkhead of N admits N', () => {
    const h = callHarness('{ calls: { bulkhead: { maxConcurrent: 2 } } }');
    for (let i = 0; i < 3; i++) h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.runUntil(1_000);

    expect(h.results.map((result) => result.failure)).toEqual([null, null, 'bulkheadFull']);
    expect(h.results[2]?.latency).toBe(0);
    expect(h.systems.get('crm')?.stats.calls).toBe(2);
    expect(h.executor.callPath(1_000).calls[0]).toMatchObject({ bulkheadRejections: 1, bulkheadInFlight: 0 });
  });

  it('bulkhead queue waits for slot', () => {
    const h = callHarness('{ calls: { bulkhead: { maxConcurrent: 1, queue: 1 } } }');
    for (let i = 0; i < 3; i++) h.call('ecommerce', 'crm', 'getCustomer');
    expect(h.executor.callPath(0).calls[0]).toMatchObject({ bulkheadInFlight: 1, bulkheadQueued: 1 });
    h.scheduler.runUntil(1_000);

    expect(h.results.map((result) => result.failure)).toEqual([null, null, 'bulkheadFull']);
    expect(h.results[1]?.latency).toBe(2 * SERVICE_MS);
  });

  it('system bulkhead spans callers', () => {
    const h = callHarness('{ calls: { bulkhead: { maxConcurrent: 1, scope: system } } }');
    h.call('ecommerce', 'crm', 'getCustomer');
    h.call('pos', 'crm', 'getCustomer');
    h.scheduler.runUntil(1_000);
    expect(h.results.map((result) => result.failure)).toEqual([null, 'bulkheadFull']);
  });

  it('breaker transitions are recorded', () => {
    const h = callHarness(
      '{ calls: { circuitBreaker: { window: count, windowSize: 2, minimumCalls: 2, openFor: 1s, halfOpenCalls: 1 } } }',
      '[]',
      1,
    );
    h.call('ecommerce', 'crm', 'getCustomer');
    h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.runUntil(500);
    h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.at(1_100, () => h.call('ecommerce', 'crm', 'getCustomer'));
    h.scheduler.runUntil(2_000);

    expect(h.results.map((result) => result.failure)).toEqual(['error', 'error', 'breakerOpen', 'error']);
    const path = h.executor.callPath(2_000);
    expect(path.breakerTransitions).toEqual([
      { t: 100, system: 'crm', from: 'closed', to: 'open' },
      { t: 1_100, system: 'crm', from: 'open', to: 'halfOpen' },
      { t: 1_200, system: 'crm', from: 'halfOpen', to: 'open' },
    ]);
    expect(path.calls[0]?.breakerTransitions).toBe(3);
  });
});
