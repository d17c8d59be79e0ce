/**
 * The API gateway in front of systems reached over links of style `gateway`: per-consumer
 * authentication, API versions per route, rate limits, daily quotas, and load shedding by priority.
 *
 * A request passes the checks in the order a gateway applies them: the route and version first (a
 * retired version gets 410 for every consumer), then the consumer's credentials (401), its rate limit
 * (429 with Retry-After), its daily quota (429 with the time to the reset), and last the backend's load
 * (503 when shed). A consumer is the caller of the link: a sales channel or the middleware.
 */
import type { GatewayBackendSnapshot, GatewayConsumerSnapshot, GatewaySnapshot, ApiVersionSnapshot } from '../api.js';
import type { RandomStream } from '../engine/random.js';
import type { StepPriority } from '../journeys/conventions.js';
import { resolveVersion, type ResolvedVersion } from '../policies/api-versions.js';
import { DailyQuota } from '../policies/daily-quota.js';
import { LoadShedder } from '../policies/load-shedder.js';
import { createRateLimiter, type RateLimiter } from '../policies/rate-limit.js';
import type { GatewayConfig, LoadSheddingConfig, SystemKind } from '../scenario/schema.js';
import type { VendorError } from '../vendors/limiter.js';
import type { Caller, Link } from './links.js';
import type { PolicyRuntime } from './policy-runtime.js';

/** Reason the gateway rejected a request. */
export type GatewayFailure = 'unauthorized' | 'versionRetired' | 'rateLimited' | 'quotaExceeded' | 'shed';

/** A request the gateway rejected, with the error it returned. */
export interface GatewayRejection {
  failure: GatewayFailure;
  error: VendorError;
}

/** Verdict of the gateway on a request: rejected, or forwarded with an optional trace note. */
export type GatewayVerdict = { admitted: false; rejection: GatewayRejection } | { admitted: true; note: string | null };

const RATE_LIMITED: VendorError = { status: 429, code: 'GATEWAY_RATE_LIMITED', message: 'rate limit of the API gateway exceeded' };
const NO_CONFIG: GatewayConfig = { consumers: {}, routes: {} };
const CONSUMERS: readonly Caller[] = ['ecommerce', 'pos', 'middleware'];

/** Counters of one consumer. */
interface ConsumerFigures {
  requests: number;
  admitted: number;
  unauthorized: number;
  rateLimited: number;
  quotaExceeded: number;
  shed: number;
  versionRetired: number;
}

/** The gateway of one run, reading its configuration from the active policy set. */
export class Gateway {
  private readonly policies: PolicyRuntime;
  private readonly auth: RandomStream;
  private readonly shedder = new LoadShedder();
  private readonly figures = new Map<Caller, ConsumerFigures>();
  /** Quotas outlive a switch of policy set: the gateway's counters are not redeployed with it. */
  private readonly quotas = new Map<Caller, DailyQuota>();
  private readonly limiters = new Map<Caller, RateLimiter>();
  private readonly versions = new Map<string, ResolvedVersion | null>();
  private readonly versionCalls = new Map<string, ApiVersionSnapshot>();
  private generation = -1;
  private config: GatewayConfig = NO_CONFIG;
  /** Thresholds the shedder was last configured with; undefined before the first request. */
  private shedding: LoadSheddingConfig | null | undefined = undefined;

  /** `auth` draws which requests carry bad credentials; it is drawn only for consumers with a failure rate. */
  constructor(policies: PolicyRuntime, auth: RandomStream) {
    this.policies = policies;
    this.auth = auth;
  }

  /**
   * Checks one request of `priority` over `link` at `now`. An admitted request counts as in flight to
   * its backend until `release` is called for it.
   */
  admit(link: Link, priority: StepPriority, now: number): GatewayVerdict {
    this.refresh();
    this.syncShedding();
    const consumer = link.from;
    const figures = this.consumerFigures(consumer);
    figures.requests++;

    const version = this.version(link.to, consumer);
    if (version) this.countVersion(link.to, version);
    if (version?.status === 'retired') {
      figures.versionRetired++;
      return reject('versionRetired', {
        status: 410,
        code: 'API_VERSION_RETIRED',
        message: `API version ${version.version} of route ${link.to} is retired; move consumer ${consumer} to an active version`,
      });
    }

    const own = this.config.consumers[consumer];
    if (own && own.authFailureRate > 0 && this.auth.chance(own.authFailureRate)) {
      figures.unauthorized++;
      return reject('unauthorized', {
        status: 401,
        code: 'UNAUTHORIZED',
        message: `the API gateway rejected the credentials of consumer ${consumer}`,
      });
    }

    const retryAfter = this.rateLimit(consumer, now);
    if (retryAfter !== null) {
      figures.rateLimited++;
      return reject('rateLimited', { ...RATE_LIMITED, retryAfterMs: retryAfter });
    }

    const quota = this.quota(consumer);
    if (quota && !quota.tryAcquire(now)) {
      figures.quotaExceeded++;
      return reject('quotaExceeded', {
        status: 429,
        code: 'QUOTA_EXCEEDED',
        message: `daily quota of ${quota.limit} requests of consumer ${consumer} is used up until the next day start`,
        retryAfterMs: quota.resetIn(now),
      });
    }

    if (!this.shedder.tryAdmit(link.to, priority)) {
      figures.shed++;
      return reject('shed', {
        status: 503,
        code: 'LOAD_SHED',
        message: `the API gateway shed a ${priority} request to ${link.to}, which is over its in-flight threshold`,
      });
    }

    figures.admitted++;
    const note = version?.status === 'deprecated' ? `deprecated API ${version.version}` : null;
    return { admitted: true, note };
  }

  /** Ends one admitted request to `backend`: its response arrived or its caller stopped waiting. */
  release(backend: SystemKind): void {
    this.shedder.release(backend);
  }

  /** Returns the gateway's figures at `now`. */
  snapshot(now: number): GatewaySnapshot {
    this.refresh();
    const consumers: GatewayConsumerSnapshot[] = [];
    for (const consumer of CONSUMERS) {
      const figures = this.figures.get(consumer);
      if (!figures) continue;
      const quota = this.quota(consumer);
      consumers.push({
        consumer,
        ...figures,
        quotaUsed: quota ? quota.usedAt(now) : 0,
        quotaLimit: quota ? quota.limit : null,
        quotaResetIn: quota ? quota.resetIn(now) : null,
      });
    }

    const backends: GatewayBackendSnapshot[] = this.shedder
      .backends()
      .map((system) => ({ system, inFlight: this.shedder.inFlightTo(system), shed: this.shedder.shed(system) }));
    const versions = [...this.versionCalls.values()].map((entry) => ({ ...entry }));
    return { consumers, backends, versions };
  }

  /** Picks up the active policy set's gateway section after a switch of policy set. */
  private refresh(): void {
    if (this.generation === this.policies.generation) return;

    this.generation = this.policies.generation;
    this.config = this.policies.activeSet.gateway ?? NO_CONFIG;
    this.limiters.clear();
    this.versions.clear();
  }

  /** Configures the shedder when the thresholds in force changed: a switch of policy set or of the toggle. */
  private syncShedding(): void {
    const config = this.policies.loadShedding;
    if (config === this.shedding) return;
    this.shedding = config;
    this.shedder.configure(config);
  }

  /** Returns the Retry-After in ms when the consumer's rate limit rejects the request, else null. */
  private rateLimit(consumer: Caller, now: number): number | null {
    const own = this.config.consumers[consumer]?.rateLimit;
    // Without its own limit a consumer gets the policy set's `gatewayRateLimit`, kept by the runtime.
    if (!own) return this.policies.gatewayAdmit(consumer, now);
    if (!this.policies.isEnabled('gatewayRateLimit')) return null;

    let limiter = this.limiters.get(consumer);
    if (!limiter) {
      limiter = createRateLimiter(own);
      this.limiters.set(consumer, limiter);
    }
    return limiter.tryAcquire(now) ? null : Math.max(1, limiter.retryAfter(now));
  }

  private quota(consumer: Caller): DailyQuota | null {
    const limit = this.config.consumers[consumer]?.dailyQuota ?? this.config.dailyQuota;
    if (limit === undefined || !this.policies.isEnabled('gatewayRateLimit')) return null;

    let quota = this.quotas.get(consumer);
    // NOTE: a policy set with another quota starts the day's count again for that consumer.
    if (!quota || quota.limit !== limit) {
      quota = new DailyQuota(limit);
      this.quotas.set(consumer, quota);
    }
    return quota;
  }

  private version(system: SystemKind, consumer: Caller): ResolvedVersion | null {
    const key = `${consumer}->${system}`;
    let version = this.versions.get(key);
    if (version === undefined) {
      const route = this.config.routes[system];
      version = route ? resolveVersion(system, route, consumer) : null;
      this.versions.set(key, version);
    }
    return version;
  }

  private countVersion(system: SystemKind, version: ResolvedVersion): void {
    const key = `${system}:${version.version}`;
    let entry = this.versionCalls.get(key);
    if (!entry) {
      entry = { system, version: version.version, status: version.status, calls: 0 };
      this.versionCalls.set(key, entry);
    }
    entry.status = version.status;
    entry.calls++;
  }

  private consumerFigures(consumer: Caller): ConsumerFigures {
    let figures = this.figures.get(consumer);
    if (!figures) {
      figures = { requests: 0, admitted: 0, unauthorized: 0, rateLimited: 0, quotaExceeded: 0, shed: 0, versionRetired: 0 };
      this.figures.set(consumer, figures);
    }
    return figures;
  }
}

function reject(failure: GatewayFailure, error: VendorError): GatewayVerdict {
  return { admitted: false, rejection: { failure, error } };
}
