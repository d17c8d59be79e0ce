/**
 * The settings, results and figures of a simulated system, and the check of its settings.
 */
import type { ServiceTimeSpec } from '../engine/distributions.js';
import type { SystemKind } from '../scenario/schema.js';
import { SYSTEM_OPERATIONS } from '../scenario/schema.js';
import type { VendorError, VendorLimiter } from '../vendors/limiter.js';

/**
 * Result a system returns for one call. Treat it as read-only, because the system may pass one shared
 * object to several callers.
 */
export interface CallOutcome {
  status: 'ok' | 'error' | 'rejected' | 'unavailable';
  /** Milliseconds from the call to its result: queue wait plus service time. */
  latency: number;
  /** Milliseconds the call spent queued for a free server. */
  wait: number;
  /** Error the system returned, or null when the status is ok. */
  error: VendorError | null;
}

/** Settings of one simulated system. */
export interface SystemOptions {
  kind: SystemKind;
  name: string;
  /** Calls served at once (servers, c in M/M/c); the rest wait in the queue. */
  concurrency: number;
  /** Calls that may wait at once, or Infinity. A call beyond it is rejected with 503 QUEUE_FULL. */
  queueLimit: number;
  /** Baseline share of completed calls that fail with 500 INTERNAL_ERROR, from 0 to 1. */
  errorRate: number;
  /** Service time per operation in milliseconds; an operation left out takes the catalog default. */
  latency: Partial<Record<string, ServiceTimeSpec>>;
  /** The vendor's published limit in front of the system, or null for none. */
  limiter: VendorLimiter | null;
}

/** Cumulative figures of one system since the run start. */
export interface SystemStats {
  /** Calls received, whatever their outcome. */
  calls: number;
  /** Calls that finished service, with status ok or error. */
  completed: number;
  /** Completed calls that failed with 500 INTERNAL_ERROR. */
  errors: number;
  /** Calls rejected by the vendor limiter or a full queue. */
  rejections: number;
  /** Calls that got 503 SERVICE_UNAVAILABLE during an outage. */
  unavailable: number;
  /** Calls holding a server now. */
  inFlight: number;
  /** Calls waiting for a server now. */
  queueDepth: number;
  queueDepthMax: number;
  /** Integral of busy servers over time, in server-milliseconds. */
  busyTime: number;
  /** Integral of the queue depth over time, in call-milliseconds. */
  queueTime: number;
}

/** Mode of an outage: 503 after the connect time, or connections accepted and never responded to. */
export type OutageMode = 'unavailable' | 'unresponsive';

/**
 * Checks the settings a system is built from.
 *
 * @throws RangeError naming the system, the invalid value and the accepted range.
 */
export function validateOptions(options: SystemOptions): void {
  const { kind, name, concurrency, queueLimit, errorRate, latency } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`${name} (${kind}): concurrency ${concurrency} must be a positive integer.`);
  }
  if (!(Number.isInteger(queueLimit) && queueLimit >= 0) && queueLimit !== Infinity) {
    throw new RangeError(`${name} (${kind}): queueLimit ${queueLimit} must be an integer of 0 or more, or Infinity.`);
  }
  if (!(errorRate >= 0 && errorRate <= 1)) {
    throw new RangeError(`${name} (${kind}): errorRate ${errorRate} must be between 0 and 1.`);
  }

  const offered: readonly string[] = SYSTEM_OPERATIONS[kind];
  for (const operation of Object.keys(latency)) {
    if (!offered.includes(operation)) {
      throw new RangeError(
        `${name} (${kind}): latency is set for unknown operation "${operation}"; ` +
          `use one of: ${offered.join(', ')}.`,
      );
    }
  }
}
