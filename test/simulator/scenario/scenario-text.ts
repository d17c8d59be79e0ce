/**
 * A small valid scenario, one key per line so tests can point at exact lines, and helpers to edit it.
 */
import { expect } from 'vitest';
import { parseScenario } from '../../../src/simulator/scenario/load.js';
import type { ParseOptions } from '../../../src/simulator/scenario/load.js';
import type { ScenarioIssue } from '../../../src/simulator/scenario/issues.js';

export const VALID_SCENARIO = `schemaVersion: 1
name: Test
clock:
  duration: 1h
systems:
  crm: {}
  loyalty: {}
  erp: {}
policies:
  strong: {}
activePolicy: strong
load:
  profile: { kind: constant, rate: 5 }
  channels: { ecommerce: 1, pos: 0 }
  mix: { onlineCheckout: 0, inStoreCheckout: 0, buyOnlinePickUpInStore: 0, returnInStore: 0, promotionActivation: 1, profileEnrichment: 1 }
faults:
  - { kind: outage, system: loyalty, at: 10m, duration: 5m }
`;

/** Returns the valid scenario with one exact piece of text replaced; fails when the text is absent. */
export function withChange(from: string, to: string): string {
  expect(VALID_SCENARIO).toContain(from);
  return VALID_SCENARIO.replace(from, to);
}

/** Parses text that must fail and returns its issues. */
export function issuesOf(text: string, options: ParseOptions = {}): ScenarioIssue[] {
  const result = parseScenario(text, 'bad.yaml', options);
  if (result.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  return result.issues;
}

/** Parses text that must fail with exactly one issue and returns it. */
export function onlyIssue(text: string, options?: ParseOptions): ScenarioIssue {
  const issues = issuesOf(text, options);
  expect(issues.map((issue) => issue.message)).toHaveLength(1);
  return issues[0] as ScenarioIssue;
}
