/**
 * Microsoft Dataverse service protection limits, per user and per web server.
 *
 * Figures (https://learn.microsoft.com/power-apps/developer/data-platform/api-limits, ms.date 2023-01-31):
 * 6,000 requests within a 5-minute sliding window, 1,200 s combined execution time within that window,
 * and 52 concurrent requests. The Web API returns 429 with Retry-After in seconds and these codes:
 * 0x80072322 (requests), 0x80072321 (execution time), 0x80072326 (concurrency).
 *
 * The preset treats all requests of the system as one user on one web server, which is how a single
 * integration user meets the limit on a trial environment with its single web server.
 */
import { ConcurrencyLimit, SlidingWindowLog, checkFactor } from '../policies/rate-limit.js';
import type { VendorError, VendorLimiter } from './limiter.js';
import { unknownRequestError, wholeSeconds } from './preset.js';
import type { PresetParams, VendorPreset } from './preset.js';

const PRESET_ID = 'dataverse-service-protection';

/**
 * Sums the execution time of requests that finished within the last `windowMs`, oldest first.
 * Memory is one entry per request finished in the window.
 */
interface Execution {
  finishedAt: number;
  durationMs: number;
}

class ExecutionTimeWindow {
  private entries: Execution[] = [];
  private head = 0;
  private sum = 0;
  private readonly windowMs: number;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  add(finishedAt: number, durationMs: number): void {
    this.entries.push({ finishedAt, durationMs });
    this.sum += durationMs;
  }

  total(now: number): number {
    while (this.head < this.entries.length) {
      const oldest = this.entries[this.head] as Execution;
      if (oldest.finishedAt + this.windowMs > now) break;
      this.sum -= oldest.durationMs;
      this.head += 1;
    }

    if (this.head > 0 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return this.sum;
  }

  /** Returns the ms until the sum drops to `limitMs` or below, assuming no new requests finish. */
  waitUntilAtMost(now: number, limitMs: number): number {
    let remaining = this.total(now);
    for (let i = this.head; i < this.entries.length && remaining > limitMs; i++) {
      const entry = this.entries[i] as Execution;
      remaining -= entry.durationMs;
      if (remaining <= limitMs) return entry.finishedAt + this.windowMs - now;
    }
    return 0;
  }
}

/**
 * Applies Dataverse's three service protection limits. Checks run in this order and the first that fails
 * decides the error: concurrency, number of requests, combined execution time. A rejected request counts
 * toward none of them.
 *
 * NOTE: Dataverse evaluates the request and execution-time limits lazily and lengthens Retry-After under
 * continued pressure, so a real client may get a few more requests through and then wait longer. This
 * limiter enforces the published figures exactly, with Retry-After the time until the window frees.
 */
export class DataverseLimiter implements VendorLimiter {
  private readonly requests: SlidingWindowLog;
  private readonly concurrency: ConcurrencyLimit;
  private readonly executionTime: ExecutionTimeWindow;
  private readonly baseExecutionLimitMs: number;
  private executionLimitMs: number;
  private readonly windowSeconds: number;
  private readonly startedAt = new Map<number, number>();

  constructor(requests: number, windowSeconds: number, concurrent: number, executionSeconds: number) {
    const windowMs = windowSeconds * 1000;
    this.windowSeconds = windowSeconds;
    this.requests = new SlidingWindowLog(requests, windowMs);
    this.concurrency = new ConcurrencyLimit(concurrent);
    this.executionTime = new ExecutionTimeWindow(windowMs);
    this.baseExecutionLimitMs = executionSeconds * 1000;
    this.executionLimitMs = this.baseExecutionLimitMs;
  }

  admit(now: number, requestId: number, _operation: string): VendorError | null {
    if (this.concurrency.retryAfter(now) > 0) {
      // NOTE: Dataverse sends Retry-After with every service protection error, but the value for a
      // concurrency error is not published. This limiter uses 1 s, the smallest positive header value.
      return {
        status: 429,
        code: '0x80072326',
        message: `Number of concurrent requests exceeded the limit of ${this.concurrency.limit}.`,
        retryAfterMs: 1000,
      };
    }

    const requestWait = this.requests.retryAfter(now);
    if (requestWait > 0) {
      return {
        status: 429,
        code: '0x80072322',
        message: `Number of requests exceeded the limit of ${this.requests.limit} over time window of ${this.windowSeconds} seconds.`,
        retryAfterMs: wholeSeconds(requestWait),
      };
    }

    if (this.executionTime.total(now) > this.executionLimitMs) {
      const limit = this.executionLimitMs.toLocaleString('en-US');
      return {
        status: 429,
        code: '0x80072321',
        message:
          `Combined execution time of incoming requests exceeded limit of ${limit} milliseconds over time window of ${this.windowSeconds} seconds. ` +
          'Decrease number of concurrent requests or reduce the duration of requests and try again later.',
        retryAfterMs: wholeSeconds(this.executionTime.waitUntilAtMost(now, this.executionLimitMs)),
      };
    }

    this.requests.tryAcquire(now);
    this.concurrency.tryAcquire(now);
    this.startedAt.set(requestId, now);
    return null;
  }

  /** Frees the concurrency slot and adds the request's execution time to the window. */
  finish(now: number, requestId: number): void {
    const startedAt = this.startedAt.get(requestId);
    if (startedAt === undefined) throw unknownRequestError(PRESET_ID, requestId);

    this.startedAt.delete(requestId);
    this.concurrency.release();
    this.executionTime.add(now, now - startedAt);
  }

  setFactor(factor: number): void {
    checkFactor(factor);
    this.requests.setFactor(factor);
    this.concurrency.setFactor(factor);
    this.executionLimitMs = this.baseExecutionLimitMs * factor;
  }
}

/** The Dataverse service protection preset. */
export const DATAVERSE_PRESET: VendorPreset = {
  id: PRESET_ID,
  vendor: 'Microsoft',
  title: 'Dataverse service protection limits',
  description:
    'Per user and web server: 6,000 requests and 1,200 s of combined execution time in any 300 s, ' +
    '52 concurrent requests. Over a limit: HTTP 429 with code 0x80072322, 0x80072321 or 0x80072326 and Retry-After.',
  sources: [
    {
      url: 'https://learn.microsoft.com/power-apps/developer/data-platform/api-limits',
      figure:
        '6000 requests within the 5 minute sliding window; 20 minutes (1200 seconds) execution time within the window; 52 or higher concurrent requests',
      date: '2023-01-31',
    },
  ],
  params: {
    requests: {
      default: 6000,
      unit: 'requests',
      description: 'Requests per sliding window',
      min: 1,
      integer: true,
    },
    windowSeconds: {
      default: 300,
      unit: 's',
      description: 'Length of the sliding window',
      min: 1,
      integer: true,
    },
    concurrent: {
      default: 52,
      unit: 'requests',
      description: 'Requests in flight at once',
      min: 1,
      integer: true,
    },
    executionSeconds: {
      default: 1200,
      unit: 's',
      description: 'Combined execution time of the requests finished in the window',
      min: 1,
      integer: false,
    },
  },
  create: (params: PresetParams) =>
    new DataverseLimiter(
      params['requests'] as number,
      params['windowSeconds'] as number,
      params['concurrent'] as number,
      params['executionSeconds'] as number,
    ),
};
