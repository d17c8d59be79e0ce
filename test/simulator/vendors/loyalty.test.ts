import { describe, expect, it } from 'vitest';
import { createLimiter, getPreset } from '../../../src/simulator/vendors/presets.js';

describe('talon-one-management preset', () => {
  it('rejects the 4th request per endpoint', () => {
    const limiter = createLimiter('talon-one-management');
    for (let id = 1; id <= 3; id++) {
      expect(limiter.admit(0, id, 'accrue')).toBeNull();
    }

    expect(limiter.admit(999, 4, 'accrue')).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Management API rate limit of 3 requests per second exceeded for endpoint accrue.',
    });
    expect(limiter.admit(1000, 5, 'accrue')).toBeNull();
  });

  it('counts endpoints separately', () => {
    const limiter = createLimiter('talon-one-management');
    for (let id = 1; id <= 3; id++) limiter.admit(0, id, 'accrue');

    expect(limiter.admit(0, 4, 'redeem')).toBeNull();
    expect(limiter.admit(0, 5, 'accrue')?.status).toBe(429);
  });

  it('factor applies to new endpoints', () => {
    const limiter = createLimiter('talon-one-management', { requestsPerSecond: 4 });
    limiter.setFactor(0.5);
    limiter.admit(0, 1, 'redeem');
    limiter.admit(0, 2, 'redeem');

    expect(limiter.admit(0, 3, 'redeem')?.message).toContain('limit of 2 requests');
  });
});

describe('antavo-shared preset', () => {
  it('rejects request 1,501 in a minute', () => {
    const limiter = createLimiter('antavo-shared');
    for (let id = 0; id < 1500; id++) {
      expect(limiter.admit(id * 10, id, 'accrue')).toBeNull();
    }

    expect(limiter.admit(59_999, 1500, 'accrue')).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Rate limit of 1500 requests per minute exceeded.',
    });
    expect(limiter.admit(60_000, 1501, 'accrue')).toBeNull();
  });

  it('marks its source as secondary', () => {
    const preset = getPreset('antavo-shared');

    expect(preset.sources.every((source) => source.secondary === true)).toBe(true);
  });
});
