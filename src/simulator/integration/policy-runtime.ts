/**
 * The policies in force during a run: the active policy set, live switches, and the stateful pieces
 * (circuit breakers per system, gateway rate limiters per consumer) that act on calls.
 */
import type { BreakerState, PolicyToggle } from '../api.js';
import { CircuitBreaker } from '../policies/circuit-breaker.js';
import { createRateLimiter, type RateLimiter } from '../policies/rate-limit.js';
import type { BulkheadConfig, HedgeConfig, LoadSheddingConfig, PolicySet, RetryBudgetConfig, RetryPolicy, Scenario, SystemKind } from '../scenario/schema.js';
import type { CircuitState } from '../policies/circuit-breaker.js';
import type { Caller, Link } from './links.js';

/**
 * Timeout of a call when no policy sets one: the caller's socket gives up after 30 s.
 * NOTE: a model default, not a vendor figure; without it an unresponsive system would hold journeys
 * for ever.
 */
export const TRANSPORT_TIMEOUT_MS = 30_000;

/** The policy set used when a scenario defines none: no retries, no breaker, no degraded modes. */
const NO_POLICIES: PolicySet = {
  calls: {},
  provisionalAccrual: false,
  settlementInterval: 60_000,
  settlementBatch: 1_000,
  nestedMiddlewareCalls: false,
};

/** The call policy in force on one link. */
export interface EffectiveCallPolicy {
  timeout: number;
  retry: RetryPolicy | null;
  breaker: CircuitBreaker | null;
  retryBudget: RetryBudgetConfig | null;
  bulkhead: BulkheadConfig | null;
  hedge: HedgeConfig | null;
}

/** Receives each state change of a circuit breaker, with the system it guards. */
export type BreakerChangeListener = (system: SystemKind, from: CircuitState, to: CircuitState, now: number) => void;

const ALL_TOGGLES: readonly PolicyToggle[] = [
  'retry',
  'circuitBreaker',
  'timeout',
  'gatewayRateLimit',
  'provisionalAccrual',
  'idempotency',
  'loadShedding',
  'bulkhead',
  'hedge',
  'retryBudget',
  'deadLetterReplay',
];

/** Policies of one run, switchable while it goes on. */
export class PolicyRuntime {
  private readonly scenario: Scenario;
  private activeName: string | null;
  private active: PolicySet;
  private readonly enabled = new Map<PolicyToggle, boolean>(ALL_TOGGLES.map((toggle) => [toggle, true]));
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly gatewayLimiters = new Map<Caller, RateLimiter>();
  private readonly callPolicies = new Map<string, EffectiveCallPolicy>();
  /** Increases on every switch of policy set, so stateful policies elsewhere start fresh as breakers do. */
  generation = 0;
  /** Called on each breaker state change; set by the call executor to trace and count them. */
  onBreakerChange: BreakerChangeListener | null = null;

  constructor(scenario: Scenario, policyName: string | null) {
    this.scenario = scenario;
    this.activeName = null;
    this.active = NO_POLICIES;
    this.select(policyName ?? scenario.activePolicy ?? firstKey(scenario.policies));
  }

  /** Name of the active policy set, or null when the scenario defines none. */
  get activePolicy(): string | null {
    return this.activeName;
  }

  /** Switches to the named policy set; breakers and limiters start fresh, as on a redeploy. */
  select(name: string | null): void {
    if (name !== null && !this.scenario.policies[name]) {
      const known = Object.keys(this.scenario.policies).join(', ') || 'none';
      throw new Error(`policy set "${name}" is not defined in the scenario (defined: ${known})`);
    }

    this.activeName = name;
    this.active = name === null ? NO_POLICIES : (this.scenario.policies[name] as PolicySet);
    this.breakers.clear();
    this.gatewayLimiters.clear();
    this.callPolicies.clear();
    this.generation++;
  }

  /** The active policy set, for policies that read their own sections of it. */
  get activeSet(): PolicySet {
    return this.active;
  }

  /** Switches one policy on or off over the active set. */
  setEnabled(toggle: PolicyToggle, enabled: boolean): void {
    this.enabled.set(toggle, enabled);
    this.callPolicies.clear();
  }

  /** Returns whether a policy is switched on; it acts only if the active set also configures it. */
  isEnabled(toggle: PolicyToggle): boolean {
    return this.enabled.get(toggle) === true;
  }

  /** Returns the call policy on `link`: the link's own settings over the policy set's defaults. */
  callPolicy(link: Link): EffectiveCallPolicy {
    const cached = this.callPolicies.get(link.id);
    if (cached) return cached;

    const calls = this.active.calls;
    const own = link.policy ?? {};
    const timeout = this.isEnabled('timeout') ? (own.timeout ?? calls.timeout ?? TRANSPORT_TIMEOUT_MS) : TRANSPORT_TIMEOUT_MS;
    const retry = this.isEnabled('retry') ? (own.retry ?? calls.retry ?? null) : null;
    const breakerConfig = this.isEnabled('circuitBreaker') ? (own.circuitBreaker ?? calls.circuitBreaker ?? null) : null;

    let breaker: CircuitBreaker | null = null;
    if (breakerConfig) {
      const system = link.to;
      breaker =
        this.breakers.get(system) ??
        new CircuitBreaker(breakerConfig, { onStateChange: (from, to, now) => this.onBreakerChange?.(system, from, to, now) });
      this.breakers.set(link.to, breaker);
    }

    const retryBudget = this.isEnabled('retryBudget') ? (own.retryBudget ?? calls.retryBudget ?? null) : null;
    const bulkhead = this.isEnabled('bulkhead') ? (own.bulkhead ?? calls.bulkhead ?? null) : null;
    const hedge = this.isEnabled('hedge') ? (own.hedge ?? calls.hedge ?? null) : null;
    const policy = { timeout, retry, breaker, retryBudget, bulkhead, hedge };
    this.callPolicies.set(link.id, policy);
    return policy;
  }

  /** Admits a call at the gateway, or returns the Retry-After in ms of the 429 it rejects it with. */
  gatewayAdmit(caller: Caller, now: number): number | null {
    const config = this.active.gatewayRateLimit;
    if (!config || !this.isEnabled('gatewayRateLimit')) return null;

    let limiter = this.gatewayLimiters.get(caller);
    if (!limiter) {
      limiter = createRateLimiter(config);
      this.gatewayLimiters.set(caller, limiter);
    }
    return limiter.tryAcquire(now) ? null : Math.max(1, limiter.retryAfter(now));
  }

  /** Returns the breaker state for calls to `system`. */
  breakerState(system: SystemKind, now: number): BreakerState {
    // A breaker switched off guards no call, whatever state it was left in.
    const breaker = this.isEnabled('circuitBreaker') ? this.breakers.get(system) : undefined;
    return breaker ? breaker.state(now) : 'none';
  }

  /** Whether loyalty accruals are recorded provisionally while loyalty is unreachable. */
  get provisionalAccrual(): boolean {
    return this.active.provisionalAccrual && this.isEnabled('provisionalAccrual');
  }

  /** How often provisional accruals are settled, in ms. */
  get settlementInterval(): number {
    return this.active.settlementInterval;
  }

  /** Provisional accruals settled per interval at most. */
  get settlementBatch(): number {
    return this.active.settlementBatch;
  }

  /** Whether loyalty drops a repeated request by its idempotency key. */
  get idempotency(): boolean {
    return this.active.idempotency !== undefined && this.isEnabled('idempotency');
  }

  /** Retention in ms of the idempotency keys at receiving systems, or null while idempotency is off. */
  get idempotencyRetention(): number | null {
    return this.idempotency ? (this.active.idempotency?.retention ?? null) : null;
  }

  /** Delivery attempts of a message before it goes to the dead-letter queue, or null for no limit. */
  get deadLetterAttempts(): number | null {
    return this.active.deadLetter?.maxAttempts ?? null;
  }

  /** Whether a malformed message is set aside in the poison queue after its first failed attempt. */
  get poisonQueue(): boolean {
    return this.active.deadLetter?.poisonQueue ?? false;
  }

  /**
   * The scheduled replay of the dead-letter queue, or null when the active set schedules none or it is
   * switched off. NOTE: a replay by hand takes its default rate from here, so while the scheduled replay
   * is switched off it runs at the backbone's default rate unless the action names one.
   */
  get replay(): PolicySet['replay'] | null {
    return this.isEnabled('deadLetterReplay') ? (this.active.replay ?? null) : null;
  }

  /** The gateway's load shedding thresholds, or null when the active set has none or shedding is switched off. */
  get loadShedding(): LoadSheddingConfig | null {
    return this.isEnabled('loadShedding') ? (this.active.gateway?.loadShedding ?? null) : null;
  }
}

function firstKey(record: Record<string, unknown>): string | null {
  const keys = Object.keys(record);
  return keys.length > 0 ? (keys[0] as string) : null;
}
