/**
 * Salesforce limits: concurrent long-running API requests on the platform, and the SLAS request rate of
 * B2C Commerce (SCAPI).
 */
import { SlidingWindowLog, checkFactor } from '../policies/rate-limit.js';
import type { VendorError, VendorLimiter } from './limiter.js';
import { unknownRequestError, wholeSeconds } from './preset.js';
import type { PresetParams, VendorPreset } from './preset.js';

const LONG_RUNNING_ID = 'salesforce-long-running';
const SLAS_ID = 'salesforce-scapi-slas';

/**
 * Applies Salesforce's limit on concurrent long-running API requests: while `limit` admitted requests
 * have each run for `longRunningMs` or more, every new request is rejected. Shorter requests are not
 * limited, however many run at once.
 *
 * Figures (https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html,
 * page undated): requests lasting 20 s or longer, 25 at once in production and sandboxes, 5 in Developer
 * and Trial orgs. Over the limit the API returns REQUEST_LIMIT_EXCEEDED and processes no new request
 * until fewer than the limit are long-running.
 *
 * The status is 403 because that is the status Salesforce's REST API uses for REQUEST_LIMIT_EXCEEDED, as
 * integrators report for the daily limit (https://github.com/SalesforceLabs/OrgCheck/issues/181,
 * 2022-07-06). The message is the one integrators report for this limit
 * (https://github.com/mautic/mautic/issues/5006, 2017-09-22).
 */
export class SalesforceLongRunningLimiter implements VendorLimiter {
  private readonly baseLimit: number;
  private readonly longRunningMs: number;
  private limit: number;
  /** Start time of each request in flight; a Map iterates in insertion order, so oldest first. */
  private readonly startedAt = new Map<number, number>();

  constructor(limit: number, longRunningMs: number) {
    this.baseLimit = limit;
    this.limit = limit;
    this.longRunningMs = longRunningMs;
  }

  admit(now: number, requestId: number, _operation: string): VendorError | null {
    if (this.longRunningCount(now) >= this.limit) {
      return { status: 403, code: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentPerOrgLongTxn Limit exceeded.' };
    }

    this.startedAt.set(requestId, now);
    return null;
  }

  finish(_now: number, requestId: number): void {
    if (!this.startedAt.delete(requestId)) throw unknownRequestError(LONG_RUNNING_ID, requestId);
  }

  setFactor(factor: number): void {
    checkFactor(factor);
    this.limit = Math.max(1, Math.floor(this.baseLimit * factor));
  }

  /** Counts requests in flight for `longRunningMs` or more, stopping at the limit. */
  private longRunningCount(now: number): number {
    let count = 0;
    // Requests were admitted in time order, so the long-running ones come first.
    for (const startedAt of this.startedAt.values()) {
      if (now - startedAt < this.longRunningMs || count >= this.limit) break;
      count += 1;
    }
    return count;
  }
}

/**
 * Applies the SLAS rate limit of Salesforce B2C Commerce as a sliding window of one minute. Over the
 * limit it returns 429 with Retry-After in whole seconds.
 *
 * Figures (https://developer.salesforce.com/docs/commerce/commerce-api/guide/throttle-rates.html, page
 * undated): 24,000 requests per minute per tenant in production, 500 in non-production; 429 + Retry-After.
 *
 * NOTE: Salesforce does not publish whether the minute is fixed or sliding. A sliding window never admits
 * more than the limit in any minute, where a fixed window could admit twice the limit across a boundary.
 */
export class SlasRateLimiter implements VendorLimiter {
  private readonly window: SlidingWindowLog;

  constructor(requestsPerMinute: number) {
    this.window = new SlidingWindowLog(requestsPerMinute, 60_000);
  }

  admit(now: number, _requestId: number, _operation: string): VendorError | null {
    if (this.window.tryAcquire(now)) return null;

    // The code is the HTTP reason phrase: Salesforce publishes the status for this limit, not a code.
    return {
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      message: `SLAS rate limit of ${this.window.limit} requests per minute per tenant exceeded.`,
      retryAfterMs: wholeSeconds(this.window.retryAfter(now)),
    };
  }

  /** Does nothing: the limit counts requests as they arrive. */
  finish(_now: number, _requestId: number): void {}

  setFactor(factor: number): void {
    this.window.setFactor(factor);
  }
}

/** The Salesforce concurrent long-running request preset. */
export const SALESFORCE_LONG_RUNNING_PRESET: VendorPreset = {
  id: LONG_RUNNING_ID,
  vendor: 'Salesforce',
  title: 'Salesforce concurrent long-running API requests',
  description:
    'At most 25 requests running 20 s or longer at once (production); shorter requests are not limited. ' +
    'While the limit is reached, new requests get HTTP 403 REQUEST_LIMIT_EXCEEDED.',
  sources: [
    {
      url: 'https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html',
      figure: 'Concurrent requests lasting 20 s or longer: 25 in production and sandboxes, 5 in Developer and Trial orgs',
      date: 'undated',
    },
    {
      url: 'https://github.com/SalesforceLabs/OrgCheck/issues/181',
      figure: 'REST API limit errors: HTTP 403 REQUEST_LIMIT_EXCEEDED',
      date: '2022-07-06',
    },
  ],
  params: {
    limit: {
      default: 25,
      unit: 'requests',
      description: 'Long-running requests allowed at once: 25 in production, 5 in Developer and Trial orgs',
      min: 1,
      integer: true,
    },
    longRunningSeconds: {
      default: 20,
      unit: 's',
      description: 'Time after which a request in flight counts as long-running',
      min: 0,
      integer: false,
    },
  },
  create: (params: PresetParams) =>
    new SalesforceLongRunningLimiter(params['limit'] as number, (params['longRunningSeconds'] as number) * 1000),
};

/** The Salesforce B2C Commerce SLAS rate-limit preset. */
export const SALESFORCE_SLAS_PRESET: VendorPreset = {
  id: SLAS_ID,
  vendor: 'Salesforce',
  title: 'Salesforce B2C Commerce SLAS rate limit',
  description: '24,000 requests per minute per tenant (production). Over the limit: HTTP 429 with Retry-After.',
  sources: [
    {
      url: 'https://developer.salesforce.com/docs/commerce/commerce-api/guide/throttle-rates.html',
      figure: 'SLAS rate limit 24,000 RPM per tenant (production), 500 RPM non-production; 429 + Retry-After',
      date: 'undated',
    },
  ],
  params: {
    requestsPerMinute: {
      default: 24_000,
      unit: 'requests/min',
      description: 'Requests per minute per tenant: 24,000 in production, 500 in non-production',
      min: 1,
      integer: true,
    },
  },
  create: (params: PresetParams) => new SlasRateLimiter(params['requestsPerMinute'] as number),
};
