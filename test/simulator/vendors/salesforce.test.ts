import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/simulator/vendors/presets.js';

describe('salesforce-long-running preset', () => {
  it('rejects the 26th long-running request', () => {
    const limiter = createLimiter('salesforce-long-running');
    for (let id = 1; id <= 25; id++) {
      expect(limiter.admit(0, id, 'upsertCustomer')).toBeNull();
    }

    // At 19,999 ms none of the 25 has run 20 s, so a new request passes.
    expect(limiter.admit(19_999, 26, 'upsertCustomer')).toBeNull();
    expect(limiter.admit(20_000, 27, 'upsertCustomer')).toEqual({
      status: 403,
      code: 'REQUEST_LIMIT_EXCEEDED',
      message: 'ConcurrentPerOrgLongTxn Limit exceeded.',
    });
  });

  it('short requests pass without limit', () => {
    const limiter = createLimiter('salesforce-long-running');
    for (let id = 1; id <= 500; id++) {
      expect(limiter.admit(id, id, 'getCustomer')).toBeNull();
    }
    for (let id = 1; id <= 500; id++) limiter.finish(id + 19_000, id);

    expect(limiter.admit(20_000, 501, 'getCustomer')).toBeNull();
  });

  it('admits again below the limit', () => {
    const limiter = createLimiter('salesforce-long-running');
    for (let id = 1; id <= 25; id++) limiter.admit(0, id, 'upsertCustomer');
    expect(limiter.admit(30_000, 26, 'upsertCustomer')?.code).toBe('REQUEST_LIMIT_EXCEEDED');

    limiter.finish(30_000, 3);
    expect(limiter.admit(30_000, 27, 'upsertCustomer')).toBeNull();
  });

  it('developer org allows five', () => {
    const limiter = createLimiter('salesforce-long-running', { limit: 5 });
    for (let id = 1; id <= 5; id++) limiter.admit(0, id, 'upsertCustomer');

    expect(limiter.admit(20_000, 6, 'upsertCustomer')?.status).toBe(403);
  });
});

describe('salesforce-scapi-slas preset', () => {
  it('rejects request 24,001 in a minute', () => {
    const limiter = createLimiter('salesforce-scapi-slas');
    // 24,000 requests, 2 ms apart: the last at 47,998 ms.
    for (let id = 0; id < 24_000; id++) {
      expect(limiter.admit(id * 2, id, 'getCustomer')).toBeNull();
    }

    expect(limiter.admit(48_000, 24_000, 'getCustomer')).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'SLAS rate limit of 24000 requests per minute per tenant exceeded.',
      retryAfterMs: 12_000,
    });
    expect(limiter.admit(60_000, 24_001, 'getCustomer')).toBeNull();
  });

  it('non-production allows 500', () => {
    const limiter = createLimiter('salesforce-scapi-slas', { requestsPerMinute: 500 });
    for (let id = 0; id < 500; id++) limiter.admit(0, id, 'getCustomer');

    expect(limiter.admit(0, 500, 'getCustomer')?.retryAfterMs).toBe(60_000);
  });
});
