/**
 * Policy lint warnings as `rrs validate` and `rrs run` print them: one line each, after the file's
 * verdict. Warnings never change the exit code.
 */
import { lintScenarioSource } from '../simulator/index.js';
import type { Scenario } from '../simulator/scenario/schema.js';
import { readTextFile } from './files.js';

/**
 * Returns the policy warnings of a valid scenario file, one line each. With `policy` set, only the
 * warnings that apply under that policy set are returned, since a run uses one set.
 *
 * @throws UsageError when the file can no longer be read.
 */
export function policyWarningLines(file: string, scenario: Scenario, policy?: string | null): string[] {
  const warnings = lintScenarioSource(readTextFile(file), scenario, file);
  return warnings.filter((warning) => policy === undefined || warning.policy === null || warning.policy === policy).map((warning) => warning.text);
}
