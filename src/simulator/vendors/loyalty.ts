/**
 * Loyalty platform rate limits: Talon.One's Management API and Antavo's shared stack.
 *
 * Both vendors publish a rate and the 429 status only, without an error code or a Retry-After header, so
 * the errors carry the HTTP reason phrase as their code and no Retry-After.
 *
 * NOTE: neither vendor publishes whether its window is fixed or sliding. These limiters use a sliding
 * window, which never admits more than the published rate in any window.
 */
import { SlidingWindowLog, checkFactor } from '../policies/rate-limit.js';
import type { VendorError, VendorLimiter } from './limiter.js';
import type { PresetParams, VendorPreset } from './preset.js';

const TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS';

/**
 * Applies Talon.One's Management API limit: `perSecond` requests in any second, counted separately for
 * each endpoint (the `operation` of the request).
 *
 * Figure (https://docs.talon.one/docs/dev/management-api/overview, page undated; restated by API
 * Evangelist on 2026-08-13): 3 requests per second per endpoint; the Management API is not meant for
 * real-time use.
 */
export class TalonOneManagementLimiter implements VendorLimiter {
  private readonly perSecond: number;
  private factor = 1;
  private readonly windows = new Map<string, SlidingWindowLog>();

  constructor(perSecond: number) {
    this.perSecond = perSecond;
  }

  admit(now: number, _requestId: number, operation: string): VendorError | null {
    let window = this.windows.get(operation);
    if (window === undefined) {
      window = new SlidingWindowLog(this.perSecond, 1000);
      window.setFactor(this.factor);
      this.windows.set(operation, window);
    }

    if (window.tryAcquire(now)) return null;

    return {
      status: 429,
      code: TOO_MANY_REQUESTS,
      message: `Management API rate limit of ${window.limit} requests per second exceeded for endpoint ${operation}.`,
    };
  }

  /** Does nothing: the limit counts requests as they arrive. */
  finish(_now: number, _requestId: number): void {}

  setFactor(factor: number): void {
    this.factor = checkFactor(factor);
    for (const window of this.windows.values()) {
      window.setFactor(factor);
    }
  }
}

/**
 * Applies Antavo's request rate limit: `perMinute` requests in any minute for the environment.
 *
 * Figure, secondary source only (https://developers.antavo.com/docs/antavo-apis as summarised by API
 * Evangelist, 2026-07-10): 1,500 requests per minute on the shared stack, 20,000 on a dedicated stack.
 */
export class AntavoLimiter implements VendorLimiter {
  private readonly window: SlidingWindowLog;

  constructor(perMinute: number) {
    this.window = new SlidingWindowLog(perMinute, 60_000);
  }

  admit(now: number, _requestId: number, _operation: string): VendorError | null {
    if (this.window.tryAcquire(now)) return null;

    return {
      status: 429,
      code: TOO_MANY_REQUESTS,
      message: `Rate limit of ${this.window.limit} requests per minute exceeded.`,
    };
  }

  /** Does nothing: the limit counts requests as they arrive. */
  finish(_now: number, _requestId: number): void {}

  setFactor(factor: number): void {
    this.window.setFactor(factor);
  }
}

/** The Talon.One Management API preset. */
export const TALON_ONE_PRESET: VendorPreset = {
  id: 'talon-one-management',
  vendor: 'Talon.One',
  title: 'Talon.One Management API rate limit',
  description: '3 requests per second per endpoint. Over the limit: HTTP 429.',
  sources: [
    {
      url: 'https://docs.talon.one/docs/dev/management-api/overview',
      figure: 'Management API: 3 requests per second per endpoint; not for real-time use',
      date: 'undated',
    },
    {
      url: 'https://raw.githubusercontent.com/api-evangelist/talon-one/refs/heads/main/rate-limits/talon-one-rate-limits.yml',
      figure: 'Every Management API endpoint is limited to three requests per second (summary of the Talon.One page)',
      date: '2026-08-13',
      secondary: true,
    },
  ],
  params: {
    requestsPerSecond: {
      default: 3,
      unit: 'requests/s',
      description: 'Requests per second for each endpoint',
      min: 1,
      integer: true,
    },
  },
  create: (params: PresetParams) => new TalonOneManagementLimiter(params['requestsPerSecond'] as number),
};

/** The Antavo shared-stack preset, built on a secondary source. */
export const ANTAVO_PRESET: VendorPreset = {
  id: 'antavo-shared',
  vendor: 'Antavo',
  title: 'Antavo API rate limit, shared stack',
  description:
    '1,500 requests per minute on the shared stack (20,000 on a dedicated stack). Over the limit: HTTP 429. ' +
    'Secondary source: check against Antavo before relying on it.',
  sources: [
    {
      url: 'https://developers.antavo.com/docs/antavo-apis',
      figure: '1,500 req/min on shared stack; 20,000 req/min on dedicated stack (per environment), as summarised by API Evangelist',
      date: '2026-07-10',
      secondary: true,
    },
  ],
  params: {
    requestsPerMinute: {
      default: 1500,
      unit: 'requests/min',
      description: 'Requests per minute: 1,500 on the shared stack, 20,000 on a dedicated stack',
      min: 1,
      integer: true,
    },
  },
  create: (params: PresetParams) => new AntavoLimiter(params['requestsPerMinute'] as number),
};
