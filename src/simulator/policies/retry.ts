/**
 * Retry with capped exponential backoff and jitter.
 *
 * The jitter modes follow the names in Marc Brooker's "Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015-03-04 (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/): for a
 * capped backoff d, `full` waits uniform(0, d) and `equal` waits d/2 + uniform(0, d/2).
 */
import type { RandomStream } from '../engine/random.js';
import type { RetryPolicy } from '../scenario/schema.js';

function checkAttempt(attempt: number): void {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new Error(`Invalid attempt number ${attempt}: attempts are counted from 1, the first call.`);
  }
}

/**
 * Returns the capped backoff before the retry that follows failed attempt `attempt`, without jitter:
 * `min(maxDelay, baseDelay * multiplier^(attempt - 1))` in milliseconds.
 *
 * @throws Error when `attempt` is not a whole number of at least 1.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  checkAttempt(attempt);
  return Math.min(policy.maxDelay, policy.baseDelay * policy.multiplier ** (attempt - 1));
}

/**
 * Computes the wait in milliseconds before the retry that follows failed attempt `attempt` (1 is the
 * first call). Jitter draws one number from `stream`, except with jitter `none`, which draws nothing.
 * When the vendor sent a Retry-After, the wait is the larger of the two, so a retry never comes earlier
 * than the vendor asked, even above `maxDelay`.
 *
 * @example retryDelay(2, { ...policy, baseDelay: 100, multiplier: 2, jitter: 'none' }, stream) // 200
 * @throws Error when `attempt` is not a whole number of at least 1.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, stream: RandomStream, retryAfterMs?: number): number {
  const capped = backoffDelay(attempt, policy);

  let delay: number;
  switch (policy.jitter) {
    case 'none':
      delay = capped;
      break;
    case 'full':
      delay = stream.next() * capped;
      break;
    case 'equal':
      delay = capped / 2 + (stream.next() * capped) / 2;
      break;
  }

  return retryAfterMs === undefined ? delay : Math.max(delay, retryAfterMs);
}

/**
 * Returns whether failed attempt `attempt` may be retried: `maxAttempts` counts the first call too, as in
 * Resilience4j, so 3 means the first call and at most two retries.
 *
 * @throws Error when `attempt` is not a whole number of at least 1.
 */
export function shouldRetry(attempt: number, policy: RetryPolicy): boolean {
  checkAttempt(attempt);
  return attempt < policy.maxAttempts;
}
