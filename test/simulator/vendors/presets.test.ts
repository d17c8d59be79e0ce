import { describe, expect, it } from 'vitest';
import { createLimiter, getPreset, listPresets } from '../../../src/simulator/vendors/presets.js';

const REQUIRED_IDS = [
  'shopify-rest-basic',
  'shopify-rest-advanced',
  'shopify-rest-plus',
  'dataverse-service-protection',
  'netsuite-concurrency',
  'salesforce-long-running',
  'salesforce-scapi-slas',
  'talon-one-management',
  'antavo-shared',
];

describe('vendor preset registry', () => {
  it('lists every required preset', () => {
    expect(listPresets().map((preset) => preset.id)).toEqual(REQUIRED_IDS);
  });

  it('each preset cites dated sources', () => {
    for (const preset of listPresets()) {
      expect(preset.sources.length).toBeGreaterThan(0);
      for (const source of preset.sources) {
        expect(source.url).toMatch(/^https:\/\//);
        expect(source.figure.length).toBeGreaterThan(0);
        expect(source.date.length).toBeGreaterThan(0);
      }
    }
  });

  it('each preset creates with defaults', () => {
    for (const preset of listPresets()) {
      const limiter = createLimiter(preset.id);
      expect(limiter.admit(0, 1, 'getCustomer')).toBeNull();
    }
  });

  it('unknown id lists valid ids', () => {
    expect(() => getPreset('shopify-basic')).toThrow(
      `Unknown vendor preset "shopify-basic": valid presets are ${REQUIRED_IDS.join(', ')}.`,
    );
  });

  it('unknown param lists valid params', () => {
    expect(() => createLimiter('shopify-rest-basic', { bucket: 10 })).toThrow(
      'Unknown parameter "bucket" for vendor preset shopify-rest-basic: valid parameters are bucketSize, leakPerSecond.',
    );
  });

  it('rejects fractional whole-number param', () => {
    expect(() => createLimiter('netsuite-concurrency', { limit: 2.5 })).toThrow(
      'Invalid value 2.5 for parameter "limit" of vendor preset netsuite-concurrency: use a whole number of at least 1 (requests).',
    );
  });

  it('param override changes the limit', () => {
    const limiter = createLimiter('shopify-rest-basic', { bucketSize: 2, leakPerSecond: 1 });
    limiter.admit(0, 1, 'postOrder');
    limiter.admit(0, 2, 'postOrder');

    const error = limiter.admit(0, 3, 'postOrder');
    expect(error?.message).toBe('Exceeded 1 calls per second for api client.');
    expect(error?.retryAfterMs).toBe(1000);
  });
});
