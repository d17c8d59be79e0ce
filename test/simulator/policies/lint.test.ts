import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/simulator/index.js';
import { formatWarning, lintPolicies } from '../../../src/simulator/policies/lint.js';
import { lintScenarioSource } from '../../../src/simulator/policies/lint-source.js';

/** Builds a minimal scenario: the five systems, one journey kind, and the lines of `extra` appended. */
function yamlWith(extra: string): string {
  return `schemaVersion: 1
name: lint case
clock: { duration: 1m }
systems:
  erp: {}
  crm: {}
  loyalty: {}
  pos: {}
  ecommerce: {}
load:
  profile: { kind: constant, rate: 1 }
  channels: { ecommerce: 1 }
  mix: { onlineCheckout: 1 }
${extra}`;
}

function scenario(extra: string): Scenario {
  const parsed = parseScenario(yamlWith(extra), 'lint.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.pointer}: ${issue.message}`).join('\n'));
  return parsed.scenario;
}

function codes(extra: string): string[] {
  return lintPolicies(scenario(extra)).map((warning) => `${warning.code} ${warning.pointer}`);
}

describe('lintPolicies', () => {
  it('quiet on a sound policy set', () => {
    const extra = `
policies:
  sound:
    calls: { timeout: 2s, retry: { maxAttempts: 3, baseDelay: 200ms }, circuitBreaker: { windowSize: 20, minimumCalls: 10 } }
    idempotency: {}
`;
    expect(lintPolicies(scenario(extra))).toEqual([]);
  });

  it('quiet without any policies', () => {
    expect(lintPolicies(scenario(''))).toEqual([]);
  });

  it('nested retries state the factor', () => {
    const extra = `
links:
  - { from: ecommerce, to: erp, style: middleware, policy: { retry: { maxAttempts: 3 } } }
  - { from: middleware, to: erp, style: direct, policy: { retry: { maxAttempts: 4 } } }
policies:
  nested: { nestedMiddlewareCalls: true, idempotency: {} }
`;
    const warnings = lintPolicies(scenario(extra));

    expect(warnings.map((warning) => warning.code)).toEqual(['nested-retries']);
    const [nested] = warnings;
    expect(nested?.pointer).toBe('links[0].policy.retry');
    expect(nested?.policy).toBe('nested');
    expect(nested?.message).toBe(
      'ecommerce->erp makes up to 3 attempts under policy set "nested" and each goes through middleware->erp, ' +
        'which makes up to 4 attempts itself, so one call can reach erp 12 times (3 x 4)',
    );
  });

  it('nested retries quiet without nesting', () => {
    const extra = `
links:
  - { from: ecommerce, to: erp, style: middleware, policy: { retry: { maxAttempts: 3 } } }
  - { from: middleware, to: erp, style: direct, policy: { retry: { maxAttempts: 4 } } }
policies:
  flat: { idempotency: {} }
`;
    expect(codes(extra)).toEqual([]);
  });

  it('nested retries quiet with one layer', () => {
    const extra = `
links:
  - { from: ecommerce, to: erp, style: middleware, policy: { retry: { maxAttempts: 1 } } }
policies:
  nested: { nestedMiddlewareCalls: true, idempotency: {}, calls: { retry: { maxAttempts: 3 } } }
`;
    expect(codes(extra)).toEqual([]);
  });

  it('set retries without idempotency', () => {
    const warnings = lintPolicies(scenario('policies:\n  weak: { calls: { retry: { maxAttempts: 3 } } }\n'));

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('retry-without-idempotency');
    expect(warnings[0]?.pointer).toBe('policies.weak.calls.retry');
    expect(warnings[0]?.message).toBe(
      'policy set "weak" retries calls up to 3 attempts without idempotency, so a retried postOrder, postRefund, accrue, redeem, reversePoints, captureSale, placeOrder that had already been applied is applied again',
    );
  });

  it('link retries without idempotency', () => {
    const extra = `
links:
  - { from: pos, to: loyalty, style: gateway, policy: { retry: { maxAttempts: 2 } } }
policies:
  keyed: { idempotency: {} }
  plain: {}
`;
    const warnings = lintPolicies(scenario(extra));

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer} ${warning.policy}`)).toEqual([
      'retry-without-idempotency links[0].policy.retry plain',
    ]);
    expect(warnings[0]?.message).toContain('accrue, redeem, reversePoints');
  });

  it('link retries to read-only system', () => {
    const text = yamlWith('links:\n  - { from: pos, to: crm, policy: { retry: { maxAttempts: 2 } } }\n');
    const parsed = parseScenario(text, 'lint.yaml');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(lintPolicies(parsed.scenario)).toEqual([]);
  });

  it('inner timeout longer than caller', () => {
    const extra = `
links:
  - { from: ecommerce, to: erp, style: middleware, policy: { timeout: 2s } }
  - { from: middleware, to: erp, style: direct, policy: { timeout: 5s } }
policies:
  nested: { nestedMiddlewareCalls: true }
`;
    const warnings = lintPolicies(scenario(extra));

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer}`)).toEqual(['timeout-exceeds-caller links[1].policy.timeout']);
    expect(warnings[0]?.message).toBe(
      'middleware->erp waits 5000 ms for an answer under policy set "nested", longer than the 2000 ms its caller ecommerce->erp waits, ' +
        'so ecommerce->erp gives up while the middleware is still waiting',
    );
    expect(warnings[0]?.fix).toBe('set the timeout of middleware->erp below 2000 ms, or raise the timeout of ecommerce->erp above 5000 ms');
  });

  it('inner timeout shorter stays quiet', () => {
    const extra = `
links:
  - { from: ecommerce, to: erp, style: middleware, policy: { timeout: 5s } }
  - { from: middleware, to: erp, style: direct, policy: { timeout: 2s } }
policies:
  nested: { nestedMiddlewareCalls: true }
`;
    expect(codes(extra)).toEqual([]);
  });

  it('zero backoff against 429 preset', () => {
    const extra = `
policies:
  eager: { idempotency: {}, calls: { retry: { maxAttempts: 3, baseDelay: 0 } } }
`;
    const text = yamlWith(extra).replace('  loyalty: {}', '  loyalty: { preset: talon-one-management }');
    const parsed = parseScenario(text, 'lint.yaml');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);

    const warnings = lintPolicies(parsed.scenario);

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer}`)).toEqual(['retry-without-backoff policies.eager.calls.retry.baseDelay']);
    expect(warnings[0]?.message).toBe(
      'ecommerce->loyalty retries with baseDelay 0 against loyalty (preset talon-one-management), which returns HTTP 429 over its limit; ' +
        'the vendor sends no Retry-After, so retries follow at once',
    );
  });

  it('zero backoff against 400 preset', () => {
    const text = yamlWith('policies:\n  eager: { idempotency: {}, calls: { retry: { maxAttempts: 3, baseDelay: 0 } } }\n').replace(
      '  erp: {}',
      '  erp: { preset: netsuite-concurrency }',
    );
    const parsed = parseScenario(text, 'lint.yaml');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(lintPolicies(parsed.scenario)).toEqual([]);
  });

  it('backoff against 429 stays quiet', () => {
    const text = yamlWith('policies:\n  calm: { idempotency: {}, calls: { retry: { maxAttempts: 3, baseDelay: 100ms } } }\n').replace(
      '  loyalty: {}',
      '  loyalty: { preset: talon-one-management }',
    );
    const parsed = parseScenario(text, 'lint.yaml');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(lintPolicies(parsed.scenario)).toEqual([]);
  });

  it('breaker minimum above window', () => {
    const warnings = lintPolicies(scenario('policies:\n  small: { calls: { circuitBreaker: { windowSize: 10, minimumCalls: 30 } } }\n'));

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer}`)).toEqual(['breaker-minimum-exceeds-window policies.small.calls.circuitBreaker.minimumCalls']);
    expect(warnings[0]?.message).toBe(
      'minimumCalls 30 exceeds the count window of 10 calls, so the breaker uses 10 as its minimum and may open after 10 calls instead of 30',
    );
    expect(warnings[0]?.fix).toBe('set minimumCalls to at most 10, or raise windowSize to at least 30');
  });

  it('breaker time window stays quiet', () => {
    expect(codes('policies:\n  timed: { calls: { circuitBreaker: { window: time, windowSize: 10, minimumCalls: 30 } } }\n')).toEqual([]);
  });

  it('breaker minimum on link', () => {
    const extra = 'links:\n  - { from: pos, to: erp, policy: { circuitBreaker: { windowSize: 5, minimumCalls: 6 } } }\n';
    expect(codes(extra)).toEqual(['breaker-minimum-exceeds-window links[0].policy.circuitBreaker.minimumCalls']);
  });
});

describe('lintScenarioSource', () => {
  it('places warning at its line', () => {
    const text = yamlWith('policies:\n  weak:\n    calls:\n      retry: { maxAttempts: 3 }\n');
    const parsed = parseScenario(text, 'lint.yaml');
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);

    const [placed] = lintScenarioSource(text, parsed.scenario, 'lint.yaml');

    expect(placed?.line).toBe(17);
    expect(placed?.column).toBe(14);
    expect(placed?.text.startsWith('lint.yaml:17:14: policies.weak.calls.retry: warning: policy set "weak" retries')).toBe(true);
    expect(placed?.text.endsWith('. Fix: turn on idempotency in the policy set (idempotency: { retention: 24h }), or set retry.maxAttempts to 1 for these operations')).toBe(
      true,
    );
  });

  it('formats warning without position', () => {
    const [warning] = lintPolicies(scenario('policies:\n  weak: { calls: { retry: { maxAttempts: 2 } } }\n'));
    if (!warning) throw new Error('expected one warning');
    expect(formatWarning(warning, 'x.yaml')).toMatch(/^x\.yaml: policies\.weak\.calls\.retry: warning: policy set "weak" retries calls up to 2 attempts/);
  });
});

describe('lintPolicies settings that do nothing', () => {
  it('batch on gateway link warns', () => {
    const warnings = lintPolicies(scenario(`
links:
  - { from: pos, to: loyalty, style: gateway, batch: { every: 1h } }
`));

    expect(warnings).toEqual([
      {
        code: 'batch-without-batch-style',
        path: ['links', 0, 'batch'],
        pointer: 'links[0].batch',
        policy: null,
        message: 'pos->loyalty sets a batch file schedule (batch), but its style is gateway; only links of style batch read batch, so it is ignored',
        fix: 'set style: batch on pos->loyalty if it should use batch, or remove batch from the link',
      },
    ]);
  });

  it('batch on batch link quiet', () => {
    expect(codes('links:\n  - { from: pos, to: loyalty, style: batch, batch: { every: 1h } }\n')).toEqual([]);
  });

  it('orchestration on direct link warns', () => {
    const warnings = lintPolicies(scenario(`
links:
  - { from: ecommerce, to: erp, style: direct, orchestration: { hop: 30ms } }
`));

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer} ${warning.policy}`)).toEqual([
      'orchestration-without-middleware-style links[0].orchestration null',
    ]);
    expect(warnings[0]?.message).toBe(
      'ecommerce->erp sets a middleware orchestration (orchestration), but its style is direct; only links of style middleware read orchestration, so it is ignored',
    );
    expect(warnings[0]?.fix).toBe('set style: middleware on ecommerce->erp if it should use orchestration, or remove orchestration from the link');
  });

  it('orchestration on middleware link quiet', () => {
    expect(codes('links:\n  - { from: ecommerce, to: erp, style: middleware, orchestration: { hop: 30ms } }\n')).toEqual([]);
  });

  it('topic on middleware link warns', () => {
    const warnings = lintPolicies(scenario(`
links:
  - { from: pos, to: loyalty, style: middleware, topic: accruals }
`));

    expect(warnings.map((warning) => `${warning.code} ${warning.pointer}`)).toEqual(['topic-without-events-style links[0].topic']);
    expect(warnings[0]?.message).toBe(
      'pos->loyalty sets an event topic (topic), but its style is middleware; only links of style events read topic, so it is ignored',
    );
    expect(warnings[0]?.fix).toBe('set style: events on pos->loyalty if it should use topic, or remove topic from the link');
  });

  it('topic on events link quiet', () => {
    expect(codes('links:\n  - { from: pos, to: loyalty, style: events, topic: accruals }\n')).toEqual([]);
  });

  it('link with two unused options warns twice', () => {
    expect(codes('links:\n  - { from: pos, to: loyalty, style: events, topic: accruals }\n  - { from: ecommerce, to: loyalty, topic: a, batch: {} }\n')).toEqual([
      'batch-without-batch-style links[1].batch',
      'topic-without-events-style links[1].topic',
    ]);
  });

  it('replay without dead letter warns', () => {
    const warnings = lintPolicies(scenario(`
policies:
  replaying: { replay: { every: 15m, ratePerSecond: 10 } }
`));

    expect(warnings).toEqual([
      {
        code: 'replay-without-dead-letter',
        path: ['policies', 'replaying', 'replay'],
        pointer: 'policies.replaying.replay',
        policy: 'replaying',
        message:
          'policy set "replaying" schedules a replay of the dead-letter queue but sets no deadLetter, so messages are redelivered ' +
          'without limit, none is ever dead-lettered, and every replay finds the queue empty',
        fix: 'add deadLetter: { maxAttempts: 5 } to policy set "replaying" so failed messages are set aside for the replay, or remove replay',
      },
    ]);
  });

  it('replay with dead letter quiet', () => {
    expect(codes('policies:\n  replaying: { deadLetter: { maxAttempts: 5 }, replay: { every: 15m, ratePerSecond: 10 } }\n')).toEqual([]);
  });
});
