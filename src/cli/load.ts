/**
 * Reading and validating a scenario file, shared by `rrs run` and `rrs validate`.
 */
import type { Scenario } from '../simulator/scenario/schema.js';
import { formatIssue, parseScenario } from '../simulator/index.js';
import { readTextFile } from './files.js';

/** A scenario file after validation: the scenario, or its issues worded one per line. */
export type LoadedScenario = { ok: true; scenario: Scenario } | { ok: false; issues: string[] };

/**
 * Reads and validates a scenario file.
 *
 * @throws UsageError when the file cannot be read as text. Invalid content is a result, not an error.
 */
export function loadScenarioFile(path: string): LoadedScenario {
  const text = readTextFile(path);
  const result = parseScenario(text, path);

  if (!result.ok) return { ok: false, issues: result.issues.map(formatIssue) };
  return { ok: true, scenario: result.scenario };
}
