/** A small scenario for runtime tests, as YAML, with overrides merged at the top level. */
import { parseScenario, type Scenario } from '../../../src/simulator/index.js';

export const BASE_SCENARIO = `
schemaVersion: 1
name: runtime test
seed: 7
clock: { duration: 10m, sampleEvery: 30s }
systems:
  erp: { concurrency: 16, errorRate: 0 }
  crm: { concurrency: 16, errorRate: 0 }
  loyalty: { concurrency: 16, errorRate: 0 }
  pos: { concurrency: 16, errorRate: 0 }
  ecommerce: { concurrency: 16, errorRate: 0 }
policies:
  weak:
    calls: { timeout: 5s, retry: { maxAttempts: 3, baseDelay: 100ms, jitter: none } }
  strong:
    calls: { timeout: 2s, retry: { maxAttempts: 3, baseDelay: 200ms }, circuitBreaker: { minimumCalls: 10, windowSize: 20 } }
    provisionalAccrual: true
    settlementInterval: 30s
    idempotency: {}
    deadLetter: { maxAttempts: 5 }
activePolicy: weak
load:
  profile: { kind: constant, rate: 20 }
  channels: { ecommerce: 0.6, pos: 0.4 }
  mix: { onlineCheckout: 5, inStoreCheckout: 3, buyOnlinePickUpInStore: 1, returnInStore: 1, promotionActivation: 0.5, profileEnrichment: 0.5 }
`;

/** Parses YAML into a scenario, failing the test with the issues when it is invalid. */
export function scenarioFrom(yaml: string): Scenario {
  const parsed = parseScenario(yaml, 'test.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.pointer}: ${issue.message}`).join('\n'));
  return parsed.scenario;
}

/** The base scenario with `extra` YAML lines appended (top-level keys the base does not set). */
export function testScenario(extra = ''): Scenario {
  return scenarioFrom(`${BASE_SCENARIO}\n${extra}`);
}
