/**
 * Oracle NetSuite concurrency governance: one limit on concurrent requests per account, shared by SOAP
 * web services, RESTlets and REST web services, enforced since release 2017.2.
 *
 * Oracle's sample scenario (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1525253248.html,
 * page undated): a standard service tier with one SuiteCloud Plus licence has a limit of 15 (5 + 10), and
 * the 16th concurrent request gets an error. Jitterbit's summary of the NetSuite 2017.2 release notes
 * (https://docs.jitterbit.com/integration-studio/design/connectors/netsuite/netsuite-troubleshooting/concurrency-governance,
 * announced 2017-08-18) adds Service Tier 1 with five licences = 65 (15 + 5 x 10), so each licence adds
 * 10. It also states that a RESTlet request over the limit gets HTTP 400 with SuiteScript error code
 * SSS_REQUEST_LIMIT_EXCEEDED.
 *
 * NOTE: Oracle states the account limit is flexible and can be exceeded for a while
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4502013915.html). This limiter
 * rejects the first request over the limit every time.
 */
import { ConcurrencyLimit } from '../policies/rate-limit.js';
import type { VendorError, VendorLimiter } from './limiter.js';
import { unknownRequestError } from './preset.js';
import type { PresetParams, VendorPreset } from './preset.js';

const PRESET_ID = 'netsuite-concurrency';

/** Concurrent requests each SuiteCloud Plus licence adds to the account limit. */
const PER_LICENCE = 10;

/**
 * Applies NetSuite's account concurrency limit and returns the error a RESTlet gets. The error carries no
 * Retry-After because NetSuite documents none for it.
 */
export class NetSuiteConcurrencyLimiter implements VendorLimiter {
  private readonly slots: ConcurrencyLimit;
  private readonly inFlight = new Set<number>();

  constructor(limit: number) {
    this.slots = new ConcurrencyLimit(limit);
  }

  admit(now: number, requestId: number, _operation: string): VendorError | null {
    if (!this.slots.tryAcquire(now)) {
      // The message wording is ours: NetSuite documents the status and code, not the text.
      return {
        status: 400,
        code: 'SSS_REQUEST_LIMIT_EXCEEDED',
        message: `Account concurrency limit of ${this.slots.limit} requests exceeded; retry once a request in flight has finished.`,
      };
    }

    this.inFlight.add(requestId);
    return null;
  }

  finish(_now: number, requestId: number): void {
    if (!this.inFlight.delete(requestId)) throw unknownRequestError(PRESET_ID, requestId);
    this.slots.release();
  }

  setFactor(factor: number): void {
    this.slots.setFactor(factor);
  }
}

/**
 * Returns the account limit: `limit` when the scenario set it, otherwise the service tier's base plus
 * 10 per SuiteCloud Plus licence.
 *
 * @throws Error when the scenario set both `limit` and `licences` or `baseLimit`, which may disagree.
 */
export function netSuiteLimit(params: PresetParams, overridden: ReadonlySet<string>): number {
  const derived = overridden.has('licences') || overridden.has('baseLimit');
  if (overridden.has('limit') && derived) {
    throw new Error(
      `Conflicting parameters for vendor preset ${PRESET_ID}: set either limit, or licences and baseLimit, not both.`,
    );
  }

  if (overridden.has('limit')) return params['limit'] as number;
  if (!derived) return params['limit'] as number;
  return (params['baseLimit'] as number) + PER_LICENCE * (params['licences'] as number);
}

/** The NetSuite concurrency governance preset. */
export const NETSUITE_PRESET: VendorPreset = {
  id: PRESET_ID,
  vendor: 'Oracle NetSuite',
  title: 'NetSuite account concurrency governance',
  description:
    'Concurrent requests per account, 15 by default (shared service tier 5 + one SuiteCloud Plus licence 10). ' +
    'The request over the limit gets HTTP 400 SSS_REQUEST_LIMIT_EXCEEDED, as a RESTlet does.',
  sources: [
    {
      url: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1525253248.html',
      figure: 'Standard service tier + 1 SuiteCloud Plus licence: limit 15 (5 + 10); the 16th concurrent request errors',
      date: 'undated',
    },
    {
      url: 'https://docs.jitterbit.com/integration-studio/design/connectors/netsuite/netsuite-troubleshooting/concurrency-governance',
      figure:
        'Service Tier 1 + 5 licences = 65 (15 + 5 x 10); RESTlet requests over the limit: HTTP 400 Bad Request, SuiteScript error code SSS_REQUEST_LIMIT_EXCEEDED',
      date: '2017-08-18',
      secondary: true,
    },
  ],
  params: {
    limit: {
      default: 15,
      unit: 'requests',
      description: 'Account concurrency limit; leave unset to derive it from baseLimit and licences',
      min: 1,
      integer: true,
    },
    baseLimit: {
      default: 5,
      unit: 'requests',
      description: 'Limit of the service tier without licences: 5 for shared service, 15 for Service Tier 1',
      min: 1,
      integer: true,
    },
    licences: {
      default: 1,
      unit: 'licences',
      description: 'SuiteCloud Plus licences, each adding 10 concurrent requests',
      min: 0,
      integer: true,
    },
  },
  create: (params: PresetParams, overridden: ReadonlySet<string>) =>
    new NetSuiteConcurrencyLimiter(netSuiteLimit(params, overridden)),
};
