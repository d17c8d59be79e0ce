/**
 * The contract between a simulated system and the vendor limit in front of it.
 *
 * A system calls its limiter to admit each request as it arrives, before it queues, and reports to the
 * limiter when an admitted request finishes, whatever its outcome. Times are simulated milliseconds.
 */

/** An error as the vendor returns it when a request is over its limit. */
export interface VendorError {
  /** HTTP status the vendor returns, such as 429. */
  status: number;
  /** The vendor's own error code, such as `SSS_REQUEST_LIMIT_EXCEEDED`. */
  code: string;
  message: string;
  /** Value of the Retry-After header in milliseconds, where the vendor sends one. */
  retryAfterMs?: number;
}

/** A vendor's published limit, applied to the requests of one simulated system. */
export interface VendorLimiter {
  /** Admits the request, or returns the error the vendor returns for it. */
  admit(now: number, requestId: number, operation: string): VendorError | null;
  /** Records that an admitted request finished. */
  finish(now: number, requestId: number): void;
  /** Scales the published limit, as a vendor does when it lowers limits temporarily; 1 restores it. */
  setFactor(factor: number): void;
}
