import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/simulator/vendors/presets.js';

const ID = 'netsuite-concurrency';

describe('netsuite-concurrency preset', () => {
  it('rejects the 16th concurrent request', () => {
    const limiter = createLimiter(ID);
    for (let id = 1; id <= 15; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    const error = limiter.admit(0, 16, 'postOrder');
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('SSS_REQUEST_LIMIT_EXCEEDED');
    expect(error?.message).toContain('limit of 15 requests');
    expect(error?.retryAfterMs).toBeUndefined();
  });

  it('admits again after a finish', () => {
    const limiter = createLimiter(ID);
    for (let id = 1; id <= 15; id++) limiter.admit(0, id, 'postOrder');
    limiter.finish(100, 7);

    expect(limiter.admit(100, 16, 'postOrder')).toBeNull();
    expect(limiter.admit(100, 17, 'postOrder')?.code).toBe('SSS_REQUEST_LIMIT_EXCEEDED');
  });

  it('derives limit from licences', () => {
    // Service Tier 1 (15) with five SuiteCloud Plus licences: 15 + 5 x 10 = 65.
    const limiter = createLimiter(ID, { baseLimit: 15, licences: 5 });
    for (let id = 1; id <= 65; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    expect(limiter.admit(0, 66, 'postOrder')?.status).toBe(400);
  });

  it('explicit limit overrides default', () => {
    const limiter = createLimiter(ID, { limit: 5 });
    for (let id = 1; id <= 5; id++) limiter.admit(0, id, 'postOrder');

    expect(limiter.admit(0, 6, 'postOrder')?.code).toBe('SSS_REQUEST_LIMIT_EXCEEDED');
  });

  it('rejects limit together with licences', () => {
    expect(() => createLimiter(ID, { limit: 20, licences: 2 })).toThrow(/set either limit, or licences and baseLimit/);
  });

  it('finish twice throws', () => {
    const limiter = createLimiter(ID);
    limiter.admit(0, 1, 'postOrder');
    limiter.finish(10, 1);

    expect(() => limiter.finish(20, 1)).toThrow(/request 1, which is not in flight/);
  });
});
