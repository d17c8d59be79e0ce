/**
 * Orchestration by the integration middleware, for links with style `middleware` that set
 * `orchestration`: the channel hands the request to the middleware, which calls the system over its
 * own link (middleware -> system) with that link's policies, and relays the response back.
 *
 * Compared with a direct call this adds one hop of latency each way and replaces the channel's
 * timeout and retries by the middleware's, so a middleware with retries hides short failures from the
 * channel at the price of a longer wait. A link with style `middleware` but no `orchestration` behaves
 * as before, as a plain call.
 * NOTE: the middleware calls its link to the system even when that link's style is `events`; only a
 * notify step on the channel's own link becomes a message.
 */
import type { StepPriority } from '../journeys/conventions.js';
import type { OperationName } from '../scenario/schema.js';
import type { CallExecutor, CallResult, SystemEffect } from './call.js';
import type { Link, LinkTable } from './links.js';

/** Returns whether calls over `link` go through the middleware's orchestration. */
export function isOrchestrated(link: Link): boolean {
  return link.style === 'middleware' && link.orchestration !== null;
}

/**
 * Calls `operation` through the middleware: after one hop the middleware calls the system over its
 * own link, and `done` gets the middleware's result one hop later, with both hops in its latency.
 * A cut channel link loses the request, which fails as unavailable after the hop.
 */
export function orchestrate(
  executor: CallExecutor,
  links: LinkTable,
  link: Link,
  operation: OperationName,
  effect: SystemEffect | null,
  done: (result: CallResult) => void,
  priority: StepPriority,
): void {
  const hop = link.orchestration?.hop ?? 0;
  const scheduler = executor.scheduler;
  const relay = links.get('middleware', link.to);
  link.sent++;

  scheduler.after(hop, () => {
    if (link.cut) {
      done({ ok: false, failure: 'unavailable', latency: hop, attempts: 1, error: null, note: 'middleware unreachable' });
      return;
    }

    executor.call(
      relay,
      operation,
      effect,
      (result) => {
        scheduler.after(hop, () => {
          const note = `via middleware: ${result.attempts} attempt${result.attempts === 1 ? '' : 's'} by the middleware, ${hop} ms hop each way`;
          done({ ...result, latency: result.latency + 2 * hop, note: result.note ? `${result.note}; ${note}` : note });
        });
      },
      priority,
    );
  });
}
