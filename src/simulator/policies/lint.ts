/**
 * Policy lint: combinations of resilience settings that are valid by the schema but known to hurt.
 *
 * The lint reads a validated scenario and resolves each link's call policy as the running simulation
 * does: the link's own setting over the policy set's `calls`. So a warning names the place in the
 * document where the harmful value is written. Warnings never stop a run.
 */
import type { DocumentPath } from '../scenario/issues.js';
import { formatPointer } from '../scenario/issues.js';
import type { CallPolicy, LinkConfig, OperationName, PolicySet, RetryPolicy, Scenario, SystemKind } from '../scenario/schema.js';
import { SYSTEM_KINDS, SYSTEM_OPERATIONS } from '../scenario/schema.js';
import { TRANSPORT_TIMEOUT_MS } from '../integration/policy-runtime.js';
import { listPresets } from '../vendors/presets.js';
import { unusedSettings } from './lint-unused.js';

/** Stable codes of policy warnings, one per harmful combination. */
export type PolicyWarningCode =
  | 'nested-retries'
  | 'retry-without-idempotency'
  | 'timeout-exceeds-caller'
  | 'retry-without-backoff'
  | 'breaker-minimum-exceeds-window'
  | 'batch-without-batch-style'
  | 'orchestration-without-middleware-style'
  | 'topic-without-events-style'
  | 'replay-without-dead-letter';

/** One harmful combination of policy settings. */
export interface PolicyWarning {
  code: PolicyWarningCode;
  /** Place of the harmful value in the document, as keys and indexes. */
  path: DocumentPath;
  /** The path written as `policies.weak.calls.retry` or `links[2].policy.timeout`. */
  pointer: string;
  /** The policy set the warning applies under, or null when it applies under every set. */
  policy: string | null;
  message: string;
  fix: string;
}

/**
 * Operations that change state on every request, so a retried request may apply twice unless the
 * receiver drops repeats by an idempotency key.
 */
export const NON_IDEMPOTENT_OPERATIONS: readonly OperationName[] = [
  'accrue',
  'redeem',
  'reversePoints',
  'postOrder',
  'postRefund',
  'placeOrder',
  'captureSale',
];

/** A policy set to lint, or the empty set a scenario without policies runs under. */
interface NamedSet {
  name: string | null;
  set: Pick<PolicySet, 'calls' | 'nestedMiddlewareCalls' | 'idempotency'>;
}

/** A link to lint: declared in the document (with its index) or filled in by default. */
interface LintLink {
  config: LinkConfig;
  index: number | null;
  id: string;
}

/**
 * Lints the policy sets and link policies of `scenario` and returns the warnings in document order
 * of the rules: nested retries, retries without idempotency, timeouts, backoff, breakers, then settings
 * that do nothing where they are written (see `unusedSettings`).
 *
 * @example
 * for (const warning of lintPolicies(scenario)) console.warn(`${warning.pointer}: ${warning.message}`);
 */
export function lintPolicies(scenario: Scenario): PolicyWarning[] {
  const sets = namedSets(scenario);
  const links = lintLinks(scenario);

  return [
    ...sets.flatMap((named) => nestedRetries(links, named)),
    ...retriesWithoutIdempotency(scenario, links, sets),
    ...sets.flatMap((named) => nestedTimeouts(links, named)),
    ...retriesWithoutBackoff(scenario, links, sets),
    ...breakersThatNeverOpen(links, sets),
    ...unusedSettings(scenario),
  ];
}

/**
 * Formats a warning as one line: `file:line:column: pointer: warning: message. Fix: fix`.
 *
 * @example formatWarning(warning, 'bf.yaml', { line: 12, column: 7 }) // 'bf.yaml:12:7: policies.weak.calls.retry: warning: ...'
 */
export function formatWarning(warning: PolicyWarning, file: string, position: { line: number | null; column: number | null } = { line: null, column: null }): string {
  let place = file;
  if (position.line !== null) {
    place += `:${position.line}`;
    if (position.column !== null) place += `:${position.column}`;
  }
  return `${place}: ${warning.pointer}: warning: ${warning.message}. Fix: ${warning.fix}`;
}

function namedSets(scenario: Scenario): NamedSet[] {
  const entries = Object.entries(scenario.policies);
  if (entries.length === 0) return [{ name: null, set: { calls: {}, nestedMiddlewareCalls: false } }];
  return entries.map(([name, set]) => ({ name, set }));
}

/** Lists declared links, then the default link of every other caller and declared system. */
function lintLinks(scenario: Scenario): LintLink[] {
  const links: LintLink[] = scenario.links.map((config, index) => ({ config, index, id: `${config.from}->${config.to}` }));
  const declared = new Set(links.map((link) => link.id));

  for (const from of ['ecommerce', 'pos', 'middleware'] as const) {
    for (const to of SYSTEM_KINDS) {
      const id = `${from}->${to}`;
      if (!scenario.systems[to] || declared.has(id)) continue;
      // The same defaults as the running simulation's link table: a channel reaches its own system directly.
      const style = from === 'middleware' || from === to ? 'direct' : 'gateway';
      links.push({ config: { from, to, style }, index: null, id });
    }
  }
  return links;
}

/** Returns the link's value of `key` with the document path it is written at, or null when unset. */
function resolve<K extends keyof CallPolicy>(link: LintLink, named: NamedSet, key: K): { value: NonNullable<CallPolicy[K]>; path: DocumentPath; own: boolean } | null {
  const own = link.config.policy?.[key];
  if (own !== undefined && link.index !== null) return { value: own as NonNullable<CallPolicy[K]>, path: ['links', link.index, 'policy', key], own: true };

  const inherited = named.set.calls[key];
  if (inherited === undefined || named.name === null) return null;
  return { value: inherited as NonNullable<CallPolicy[K]>, path: ['policies', named.name, 'calls', key], own: false };
}

function warning(code: PolicyWarningCode, path: DocumentPath, policy: string | null, message: string, fix: string): PolicyWarning {
  return { code, path, pointer: formatPointer(path), policy, message, fix };
}

function underSet(named: NamedSet): string {
  return named.name === null ? '' : ` under policy set "${named.name}"`;
}

function retries(retry: RetryPolicy | undefined): boolean {
  return retry !== undefined && retry.maxAttempts > 1;
}

/** Finds the inner link a middleware-style link calls through when the set nests middleware calls. */
function innerLink(links: readonly LintLink[], to: SystemKind): LintLink | undefined {
  return links.find((link) => link.config.from === 'middleware' && link.config.to === to);
}

/**
 * Warns of a caller that retries through middleware that retries too. The attempts reaching the system
 * multiply, because each outer attempt starts a full inner call with all its retries.
 */
function nestedRetries(links: readonly LintLink[], named: NamedSet): PolicyWarning[] {
  if (!named.set.nestedMiddlewareCalls) return [];

  const found: PolicyWarning[] = [];
  for (const outer of links) {
    if (outer.config.style !== 'middleware') continue;
    const inner = innerLink(links, outer.config.to);
    if (inner === undefined) continue;

    const outerRetry = resolve(outer, named, 'retry');
    const innerRetry = resolve(inner, named, 'retry');
    if (!outerRetry || !innerRetry || !retries(outerRetry.value) || !retries(innerRetry.value)) continue;

    const outerAttempts = outerRetry.value.maxAttempts;
    const innerAttempts = innerRetry.value.maxAttempts;
    found.push(
      warning(
        'nested-retries',
        outerRetry.path,
        named.name,
        `${outer.id} makes up to ${outerAttempts} attempts${underSet(named)} and each goes through ${inner.id}, which makes up to ` +
          `${innerAttempts} attempts itself, so one call can reach ${outer.config.to} ${outerAttempts * innerAttempts} times ` +
          `(${outerAttempts} x ${innerAttempts})`,
        `retry in one layer only: set retry.maxAttempts to 1 on ${outer.id} (a link policy) or on ${inner.id}, and guard the retrying layer with a circuitBreaker`,
      ),
    );
  }
  return found;
}

/** Non-idempotent operations of `system`, which a retry may apply twice. */
function unsafeOperations(system: SystemKind): OperationName[] {
  const offered: readonly string[] = SYSTEM_OPERATIONS[system];
  return NON_IDEMPOTENT_OPERATIONS.filter((operation) => offered.includes(operation));
}

/**
 * Warns of retries of state-changing operations without an idempotency key at the receiver. A request
 * that timed out may still have been applied, so its retry applies it again.
 */
function retriesWithoutIdempotency(scenario: Scenario, links: readonly LintLink[], sets: readonly NamedSet[]): PolicyWarning[] {
  const found: PolicyWarning[] = [];
  const unprotected = sets.filter((named) => named.set.idempotency === undefined);
  const declaredSystems = SYSTEM_KINDS.filter((kind) => scenario.systems[kind] !== undefined);
  const fix = 'turn on idempotency in the policy set (idempotency: { retention: 24h }), or set retry.maxAttempts to 1 for these operations';

  for (const named of unprotected) {
    const retry = named.set.calls.retry;
    if (named.name === null || !retries(retry)) continue;
    const operations = declaredSystems.flatMap(unsafeOperations);
    if (operations.length === 0) continue;
    found.push(
      warning(
        'retry-without-idempotency',
        ['policies', named.name, 'calls', 'retry'],
        named.name,
        `policy set "${named.name}" retries calls up to ${retry?.maxAttempts} attempts without idempotency, so a retried ` +
          `${operations.join(', ')} that had already been applied is applied again`,
        fix,
      ),
    );
  }

  for (const link of links) {
    const retry = link.config.policy?.retry;
    const operations = unsafeOperations(link.config.to);
    if (link.index === null || !retries(retry) || operations.length === 0 || unprotected.length === 0) continue;
    const names = unprotected.map((named) => named.name).filter((name): name is string => name !== null);
    const under = names.length === 0 ? 'no policy set turns on idempotency' : `policy sets without idempotency: ${names.join(', ')}`;
    found.push(
      warning(
        'retry-without-idempotency',
        ['links', link.index, 'policy', 'retry'],
        names.length === sets.length ? null : (names[0] ?? null),
        `${link.id} retries up to ${retry?.maxAttempts} attempts (${under}), so a retried ${operations.join(', ')} that had already been applied is applied again`,
        fix,
      ),
    );
  }
  return found;
}

/**
 * Warns of an inner timeout longer than its caller's. The caller gives up and retries while the inner
 * call is still waiting, so the inner work is wasted and overlaps the retry.
 */
function nestedTimeouts(links: readonly LintLink[], named: NamedSet): PolicyWarning[] {
  if (!named.set.nestedMiddlewareCalls) return [];

  const found: PolicyWarning[] = [];
  for (const outer of links) {
    if (outer.config.style !== 'middleware') continue;
    const inner = innerLink(links, outer.config.to);
    if (inner === undefined) continue;

    const outerTimeout = resolve(outer, named, 'timeout');
    const innerTimeout = resolve(inner, named, 'timeout');
    const outerMs = outerTimeout?.value ?? TRANSPORT_TIMEOUT_MS;
    const innerMs = innerTimeout?.value ?? TRANSPORT_TIMEOUT_MS;
    if (innerTimeout === null || innerMs <= outerMs) continue;

    found.push(
      warning(
        'timeout-exceeds-caller',
        innerTimeout.path,
        named.name,
        `${inner.id} waits ${innerMs} ms for an answer${underSet(named)}, longer than the ${outerMs} ms its caller ${outer.id} waits, ` +
          `so ${outer.id} gives up while the middleware is still waiting`,
        `set the timeout of ${inner.id} below ${outerMs} ms, or raise the timeout of ${outer.id} above ${innerMs} ms`,
      ),
    );
  }
  return found;
}

/** Lists the vendor presets that return HTTP 429 over their limit, by id, with whether they send Retry-After. */
function presetsAnswering429(): Map<string, { retryAfter: boolean }> {
  // NOTE: read from each preset's description, which states the status a request over the limit gets.
  const found = new Map<string, { retryAfter: boolean }>();
  for (const preset of listPresets()) {
    if (/\b429\b/.test(preset.description)) found.set(preset.id, { retryAfter: /Retry-After/.test(preset.description) });
  }
  return found;
}

/**
 * Warns of retries with no backoff against a vendor limit that returns 429. The retry lands in the
 * window that is already full, and each rejected retry adds load the limit must reject again.
 */
function retriesWithoutBackoff(scenario: Scenario, links: readonly LintLink[], sets: readonly NamedSet[]): PolicyWarning[] {
  const limited = presetsAnswering429();
  const found: PolicyWarning[] = [];
  const seen = new Set<string>();

  for (const named of sets) {
    for (const link of links) {
      if (link.config.style === 'events' || link.config.style === 'batch') continue;
      const preset = scenario.systems[link.config.to]?.preset;
      const vendor = preset === undefined ? undefined : limited.get(preset);
      const retry = resolve(link, named, 'retry');
      if (vendor === undefined || !retry || !retries(retry.value) || retry.value.baseDelay > 0) continue;

      const path = [...retry.path, 'baseDelay'];
      const key = `${formatPointer(path)} ${link.config.to}`;
      if (seen.has(key)) continue;
      seen.add(key);

      const spacing = vendor.retryAfter ? 'only the Retry-After header spaces the retries' : 'the vendor sends no Retry-After, so retries follow at once';
      found.push(
        warning(
          'retry-without-backoff',
          path,
          retry.own ? null : named.name,
          `${link.id} retries with baseDelay 0 against ${link.config.to} (preset ${preset}), which returns HTTP 429 over its limit; ${spacing}`,
          'set retry.baseDelay to at least 100ms with jitter: full, so retries spread out after the limit frees',
        ),
      );
    }
  }
  return found;
}

/**
 * Warns of a count-window breaker whose minimumCalls exceeds its window. The window can never hold that
 * many calls, so the breaker takes the window size as its minimum (as Resilience4j does) and may open
 * on a smaller sample than the author wrote.
 */
function breakersThatNeverOpen(links: readonly LintLink[], sets: readonly NamedSet[]): PolicyWarning[] {
  const found: PolicyWarning[] = [];
  const places: { path: DocumentPath; policy: string | null; config: CallPolicy['circuitBreaker'] }[] = [];

  for (const named of sets) {
    if (named.name !== null) places.push({ path: ['policies', named.name, 'calls', 'circuitBreaker'], policy: named.name, config: named.set.calls.circuitBreaker });
  }
  for (const link of links) {
    if (link.index !== null) places.push({ path: ['links', link.index, 'policy', 'circuitBreaker'], policy: null, config: link.config.policy?.circuitBreaker });
  }

  for (const { path, policy, config } of places) {
    if (config === undefined || config.window !== 'count' || config.minimumCalls <= config.windowSize) continue;
    found.push(
      warning(
        'breaker-minimum-exceeds-window',
        [...path, 'minimumCalls'],
        policy,
        `minimumCalls ${config.minimumCalls} exceeds the count window of ${config.windowSize} calls, so the breaker uses ${config.windowSize} ` +
          `as its minimum and may open after ${config.windowSize} calls instead of ${config.minimumCalls}`,
        `set minimumCalls to at most ${config.windowSize}, or raise windowSize to at least ${config.minimumCalls}`,
      ),
    );
  }
  return found;
}
