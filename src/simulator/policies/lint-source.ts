/**
 * Policy warnings placed in the scenario's source text, for the CLI's `file:line:column` lines and the
 * studio's editor.
 */
import { LineCounter, parseDocument } from 'yaml';
import { locate, type SourcePosition } from '../scenario/locate.js';
import type { Scenario } from '../scenario/schema.js';
import { formatWarning, lintPolicies, type PolicyWarning } from './lint.js';

/** A policy warning with its 1-based line and column in the source, where the path has a place there. */
export interface PlacedWarning extends PolicyWarning, SourcePosition {
  /** The one-line form `file:line:col: pointer: warning: message. Fix: fix`. */
  text: string;
}

/**
 * Lints `scenario`, which was parsed from `text`, and places each warning at its path in `text`.
 * A path that leaves the document (a value filled in by a default) points at its deepest written entry.
 *
 * @example lintScenarioSource(text, parsed.scenario, 'bf.yaml')[0]?.text // 'bf.yaml:14:7: policies.weak.calls.retry: warning: ...'
 */
export function lintScenarioSource(text: string, scenario: Scenario, file: string): PlacedWarning[] {
  const warnings = lintPolicies(scenario);
  if (warnings.length === 0) return [];

  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  return warnings.map((warning) => {
    const position = locate(document, counter, warning.path);
    return { ...warning, ...position, text: formatWarning(warning, file, position) };
  });
}
