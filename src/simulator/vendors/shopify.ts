/**
 * Shopify REST Admin API rate limits: a leaky bucket per app and store.
 *
 * Figures (Shopify staff answer quoting the docs, 2023, https://community.shopify.com/t/api-rate-limits-question/232461):
 * Basic bucket 40 requests leaking 2 per second, Advanced 80 and 4 per second, Plus 400 and 20 per second.
 * Over the limit Shopify returns HTTP 429 with a Retry-After header, and integrators quote the error text
 * "Exceeded 2 calls per second for api client" (https://github.com/craftcms/shopify/issues/136, 2025-02-17).
 * The REST Admin API is legacy since 2024-10-01 (https://shopify.dev/docs/api/admin-rest/usage/rate-limits).
 */
import { LeakyBucket } from '../policies/rate-limit.js';
import type { VendorError, VendorLimiter } from './limiter.js';
import { formatRate } from './preset.js';
import type { PresetParams, PresetSource, VendorPreset } from './preset.js';

/**
 * Applies Shopify's leaky bucket to every request of one app on one store. Retry-After is the exact
 * time until the bucket has drained enough for one more request.
 */
export class ShopifyRestLimiter implements VendorLimiter {
  private readonly bucket: LeakyBucket;

  constructor(bucketSize: number, leakPerSecond: number) {
    this.bucket = new LeakyBucket(bucketSize, leakPerSecond / 1000);
  }

  admit(now: number, _requestId: number, _operation: string): VendorError | null {
    if (this.bucket.tryAcquire(now)) return null;

    const perSecond = formatRate(this.bucket.rate * 1000);
    return {
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: `Exceeded ${perSecond} calls per second for api client.`,
      retryAfterMs: this.bucket.retryAfter(now),
    };
  }

  /** Does nothing: the bucket counts requests as they arrive, however long they run. */
  finish(_now: number, _requestId: number): void {}

  setFactor(factor: number): void {
    this.bucket.setFactor(factor);
  }
}

const SHOPIFY_SOURCES: readonly PresetSource[] = [
  {
    url: 'https://community.shopify.com/t/api-rate-limits-question/232461',
    figure: 'REST leaky bucket: Basic 40 requests, leak 2/s; Advanced 80, 4/s; Plus 400, 20/s',
    date: '2023',
  },
  {
    url: 'https://shopify.dev/docs/api/admin-rest/usage/rate-limits',
    figure: 'Standard 2 req/s, Advanced 4 req/s, Plus 20 req/s; REST Admin API legacy as of 2024-10-01',
    date: 'undated',
  },
  {
    url: 'https://github.com/craftcms/shopify/issues/136',
    figure: 'HTTP 429 with error text "Exceeded 2 calls per second for api client"',
    date: '2025-02-17',
  },
];

function shopifyPreset(id: string, plan: string, bucketSize: number, leakPerSecond: number): VendorPreset {
  return {
    id,
    vendor: 'Shopify',
    title: `Shopify REST Admin API, ${plan} plan`,
    description:
      `Leaky bucket of ${bucketSize} requests per app and store, draining ${leakPerSecond} per second. ` +
      'A request that would overflow the bucket gets HTTP 429 TOO_MANY_REQUESTS with Retry-After.',
    sources: SHOPIFY_SOURCES,
    params: {
      bucketSize: {
        default: bucketSize,
        unit: 'requests',
        description: 'Bucket capacity: requests admitted at once from an empty bucket',
        min: 1,
        integer: true,
      },
      leakPerSecond: {
        default: leakPerSecond,
        unit: 'requests/s',
        description: 'Rate at which the bucket drains',
        min: Number.MIN_VALUE,
        integer: false,
      },
    },
    create: (params: PresetParams) =>
      new ShopifyRestLimiter(params['bucketSize'] as number, params['leakPerSecond'] as number),
  };
}

/** Shopify REST Admin API presets for the Basic, Advanced and Plus plans. */
export const SHOPIFY_PRESETS: readonly VendorPreset[] = [
  shopifyPreset('shopify-rest-basic', 'Basic', 40, 2),
  shopifyPreset('shopify-rest-advanced', 'Advanced', 80, 4),
  shopifyPreset('shopify-rest-plus', 'Plus', 400, 20),
];
