import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/simulator/vendors/presets.js';

describe('shopify-rest-basic preset', () => {
  it('rejects the 41st immediate call', () => {
    const limiter = createLimiter('shopify-rest-basic');
    for (let id = 1; id <= 40; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    expect(limiter.admit(0, 41, 'postOrder')).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Exceeded 2 calls per second for api client.',
      retryAfterMs: 500,
    });
  });

  it('admits one call per 500 ms', () => {
    const limiter = createLimiter('shopify-rest-basic');
    for (let id = 1; id <= 40; id++) limiter.admit(0, id, 'postOrder');

    expect(limiter.admit(300, 41, 'postOrder')?.retryAfterMs).toBe(200);
    expect(limiter.admit(500, 42, 'postOrder')).toBeNull();
    expect(limiter.admit(500, 43, 'postOrder')?.retryAfterMs).toBe(500);
    expect(limiter.admit(1000, 44, 'postOrder')).toBeNull();
  });

  it('limitCut factor halves the bucket', () => {
    const limiter = createLimiter('shopify-rest-basic');
    limiter.setFactor(0.5);
    for (let id = 1; id <= 20; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    const error = limiter.admit(0, 21, 'postOrder');
    expect(error?.message).toBe('Exceeded 1 calls per second for api client.');
    expect(error?.retryAfterMs).toBe(1000);
  });
});

describe('shopify-rest-advanced preset', () => {
  it('rejects the 81st immediate call', () => {
    const limiter = createLimiter('shopify-rest-advanced');
    for (let id = 1; id <= 80; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    const error = limiter.admit(0, 81, 'postOrder');
    expect(error?.status).toBe(429);
    expect(error?.message).toBe('Exceeded 4 calls per second for api client.');
    expect(error?.retryAfterMs).toBe(250);
  });
});

describe('shopify-rest-plus preset', () => {
  it('rejects the 401st immediate call', () => {
    const limiter = createLimiter('shopify-rest-plus');
    for (let id = 1; id <= 400; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }

    const error = limiter.admit(0, 401, 'postOrder');
    expect(error?.code).toBe('TOO_MANY_REQUESTS');
    expect(error?.message).toBe('Exceeded 20 calls per second for api client.');
    expect(error?.retryAfterMs).toBe(50);
  });
});
