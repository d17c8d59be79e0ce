/**
 * API versions of gateway routes: the version each consumer calls and that version's status.
 *
 * A deprecated version still works; the gateway counts its calls so the consumers still on it can be
 * found before retirement. A retired version gets 410 Gone, the HTTP status for a resource that is no
 * longer available and will not be again.
 */
import type { Caller } from '../integration/links.js';
import type { ApiRouteConfig, SystemKind } from '../scenario/schema.js';

/** Status of one API version. */
export type ApiVersionStatus = 'active' | 'deprecated' | 'retired';

/** The version a consumer calls on a route, and its status. */
export interface ResolvedVersion {
  version: string;
  status: ApiVersionStatus;
}

/**
 * Returns the version `consumer` calls on `route` of `system`: its own from `consumers`, or else the
 * last active version listed.
 *
 * @throws Error when the consumer's version is not listed, or the route lists no active version for a
 *   consumer that names none.
 */
export function resolveVersion(system: SystemKind, route: ApiRouteConfig, consumer: Caller): ResolvedVersion {
  const named = route.consumers[consumer];
  if (named !== undefined) {
    const status = route.versions[named];
    if (!status) {
      const listed = Object.keys(route.versions).join(', ') || 'none';
      throw new Error(
        `API version "${named}" of consumer ${consumer} on route ${system} is not listed in the route's versions (listed: ${listed}); add it or pick a listed one.`,
      );
    }
    return { version: named, status };
  }

  const active = Object.entries(route.versions).filter(([, status]) => status === 'active');
  const last = active[active.length - 1];
  if (!last) {
    throw new Error(
      `Route ${system} lists no active API version, and consumer ${consumer} names none; mark one version active or set consumers.${consumer}.`,
    );
  }
  return { version: last[0], status: 'active' };
}
