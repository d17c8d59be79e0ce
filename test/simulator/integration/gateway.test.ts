import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src/simulator/policies/daily-quota.js';
import { callHarness, SERVICE_MS } from './call-harness.js';

const RETRY = 'retry: { maxAttempts: 3, baseDelay: 10ms, jitter: none }';

describe('gateway governance', () => {
  it('token bucket per consumer', () => {
    const h = callHarness(`{ gateway: { consumers: { pos: { rateLimit: { algorithm: tokenBucket, limit: 2, per: 1s } } } } }`);
    for (let i = 0; i < 3; i++) h.call('pos', 'crm', 'getCustomer');
    h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.at(499, () => h.call('pos', 'crm', 'getCustomer'));
    h.scheduler.at(500, () => h.call('pos', 'crm', 'getCustomer'));
    h.scheduler.runUntil(2_000);

    expect(h.results.map((result) => result.failure)).toEqual([null, null, 'rateLimited', null, 'rateLimited', null]);
    expect(h.results[2]?.error?.retryAfterMs).toBe(500);
    const pos = h.executor.callPath(2_000).gateway.consumers.find((entry) => entry.consumer === 'pos');
    expect(pos?.rateLimited).toBe(2);
    expect(pos?.admitted).toBe(3);
  });

  it('daily quota rejects then resets', () => {
    const h = callHarness(`{ calls: { ${RETRY} }, gateway: { dailyQuota: 2 } }`);
    for (let i = 0; i < 3; i++) h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.at(DAY_MS, () => h.call('ecommerce', 'crm', 'getCustomer'));
    h.scheduler.runUntil(DAY_MS + 1_000);

    expect(h.results.map((result) => result.failure)).toEqual([null, null, 'quotaExceeded', null]);
    const rejected = h.results[2];
    expect(rejected?.error?.status).toBe(429);
    expect(rejected?.error?.code).toBe('QUOTA_EXCEEDED');
    expect(rejected?.error?.retryAfterMs).toBe(DAY_MS);
    expect(rejected?.attempts).toBe(1);
  });

  it('bad credentials get 401 unretried', () => {
    const h = callHarness(`{ calls: { ${RETRY} }, gateway: { consumers: { pos: { authFailureRate: 1 } } } }`);
    h.call('pos', 'loyalty', 'getBalance');
    h.call('ecommerce', 'loyalty', 'getBalance');
    h.scheduler.runUntil(1_000);

    expect(h.results[0]?.error?.status).toBe(401);
    expect(h.results[0]?.attempts).toBe(1);
    expect(h.results[1]?.ok).toBe(true);
    expect(h.systems.get('loyalty')?.stats.calls).toBe(1);
  });

  it('retired version answers 410', () => {
    const h = callHarness(
      `{ calls: { ${RETRY} }, gateway: { routes: { crm: { versions: { v1: retired, v2: deprecated, v3: active }, consumers: { pos: v1, middleware: v2 } } } } }`,
      '[{ from: middleware, to: crm, style: gateway }]',
    );
    h.call('pos', 'crm', 'getCustomer');
    h.call('middleware', 'crm', 'getCustomer');
    h.call('ecommerce', 'crm', 'getCustomer');
    h.scheduler.runUntil(1_000);

    const [retired, deprecated, current] = h.results;
    expect(retired?.error).toMatchObject({ status: 410, code: 'API_VERSION_RETIRED' });
    expect(retired?.attempts).toBe(1);
    expect(deprecated?.ok).toBe(true);
    expect(deprecated?.note).toBe('deprecated API v2');
    expect(current?.note).toBeUndefined();
    expect(h.executor.callPath(1_000).gateway.versions).toEqual([
      { system: 'crm', version: 'v1', status: 'retired', calls: 1 },
      { system: 'crm', version: 'v2', status: 'deprecated', calls: 1 },
      { system: 'crm', version: 'v3', status: 'active', calls: 1 },
    ]);
  });

  it('sheds low before standard before critical', () => {
    const h = callHarness(`{ gateway: { loadShedding: { low: 1, standard: 2, critical: 3 } } }`);
    h.call('ecommerce', 'crm', 'getCustomer', 'low');
    h.call('ecommerce', 'crm', 'getCustomer', 'low');
    h.call('ecommerce', 'crm', 'getCustomer', 'standard');
    h.call('ecommerce', 'crm', 'getCustomer', 'standard');
    h.call('ecommerce', 'crm', 'getCustomer', 'critical');
    h.call('ecommerce', 'crm', 'getCustomer', 'critical');
    expect(h.executor.callPath(0).gateway.backends).toEqual([{ system: 'crm', inFlight: 3, shed: { critical: 1, standard: 1, low: 1 } }]);
    h.scheduler.runUntil(1_000);

    expect(h.results.map((result) => result.failure)).toEqual([null, 'shed', null, 'shed', null, 'shed']);
    expect(h.results[1]?.error).toMatchObject({ status: 503, code: 'LOAD_SHED' });
    expect(h.executor.callPath(1_000).gateway.backends[0]?.inFlight).toBe(0);
    expect(h.results[0]?.latency).toBe(SERVICE_MS);
  });
});
