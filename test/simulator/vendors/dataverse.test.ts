import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../src/simulator/vendors/presets.js';

const ID = 'dataverse-service-protection';

describe('dataverse-service-protection preset', () => {
  it('rejects the 53rd concurrent request', () => {
    const limiter = createLimiter(ID);
    for (let id = 1; id <= 52; id++) {
      expect(limiter.admit(0, id, 'getCustomer')).toBeNull();
    }

    expect(limiter.admit(0, 53, 'getCustomer')).toEqual({
      status: 429,
      code: '0x80072326',
      message: 'Number of concurrent requests exceeded the limit of 52.',
      retryAfterMs: 1000,
    });
    limiter.finish(10, 1);
    expect(limiter.admit(10, 54, 'getCustomer')).toBeNull();
  });

  it('rejects the 6,001st request in 300 s', () => {
    const limiter = createLimiter(ID);
    // 6,000 short requests, one every 50 ms from 0 to 299,950 ms.
    for (let id = 0; id < 6000; id++) {
      const now = id * 50;
      expect(limiter.admit(now, id, 'getCustomer')).toBeNull();
      limiter.finish(now, id);
    }

    expect(limiter.admit(299_999, 6000, 'getCustomer')).toEqual({
      status: 429,
      code: '0x80072322',
      message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
      retryAfterMs: 1000,
    });
    // The request admitted at 0 leaves the window at 300,000 ms.
    expect(limiter.admit(300_000, 6001, 'getCustomer')).toBeNull();
    expect(limiter.admit(300_000, 6002, 'getCustomer')?.code).toBe('0x80072322');
  });

  it('rounds Retry-After up to seconds', () => {
    const limiter = createLimiter(ID, { requests: 2, windowSeconds: 10 });
    limiter.admit(0, 1, 'getCustomer');
    limiter.admit(1, 2, 'getCustomer');

    // The first request leaves at 10,000 ms, 7,500 ms away: the header says 8 s.
    expect(limiter.admit(2_500, 3, 'getCustomer')?.retryAfterMs).toBe(8000);
  });

  it('rejects after 1,200 s execution time', () => {
    const limiter = createLimiter(ID);
    // Twenty requests of 60 s each reach exactly 1,200,000 ms, which is not yet over the limit.
    for (let id = 0; id < 20; id++) {
      expect(limiter.admit(0, id, 'postOrder')).toBeNull();
    }
    for (let id = 0; id < 20; id++) limiter.finish(60_000, id);
    expect(limiter.admit(60_000, 20, 'postOrder')).toBeNull();
    limiter.finish(60_001, 20);

    const error = limiter.admit(60_001, 21, 'postOrder');
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('0x80072321');
    expect(error?.message).toBe(
      'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. ' +
        'Decrease number of concurrent requests or reduce the duration of requests and try again later.',
    );
    // The twenty that finished at 60 s leave at 360 s; dropping the first is enough.
    expect(error?.retryAfterMs).toBe(300_000);
    expect(limiter.admit(360_000, 22, 'postOrder')).toBeNull();
  });

  it('finish of unknown request throws', () => {
    const limiter = createLimiter(ID);

    expect(() => limiter.finish(0, 99)).toThrow(/request 99, which is not in flight/);
  });

  it('limitCut factor scales all limits', () => {
    const limiter = createLimiter(ID);
    limiter.setFactor(0.5);
    for (let id = 1; id <= 26; id++) {
      expect(limiter.admit(0, id, 'getCustomer')).toBeNull();
    }

    expect(limiter.admit(0, 27, 'getCustomer')?.message).toBe('Number of concurrent requests exceeded the limit of 26.');
  });
});
