/**
 * Problems found in a scenario file, as structured data the CLI and the studio word for their users.
 *
 * The loader returns each problem in its input as one `ScenarioIssue` instead of throwing. An issue has
 * a stable code, the place in the document, the bad value in the message and a concrete fix.
 */
import { distance } from 'fastest-levenshtein';

/** Stable codes of scenario problems, one per kind of mistake. */
export type ScenarioIssueCode =
  | 'syntax'
  | 'empty'
  | 'invalid-type'
  | 'unknown-key'
  | 'invalid-value'
  | 'missing'
  | 'unknown-reference'
  | 'unsupported-version';

/** A path into the scenario document: object keys and array indexes. */
export type DocumentPath = (string | number)[];

/** One problem in a scenario file. */
export interface ScenarioIssue {
  code: ScenarioIssueCode;
  /** The file name as the caller passed it, used only in messages. */
  file: string;
  path: DocumentPath;
  /** The path written as `systems.loyalty` or `faults[2].at`; empty for the whole document. */
  pointer: string;
  /** 1-based line in the source, or null when the value has no place in the source. */
  line: number | null;
  /** 1-based column in the source, or null when the value has no place in the source. */
  column: number | null;
  /** Description of the problem, with the bad value. */
  message: string;
  /** Action that resolves the problem. */
  fix: string;
}

/**
 * Writes a document path as a pointer such as `faults[2].at`.
 *
 * @example formatPointer(['faults', 2, 'at']) // 'faults[2].at'
 */
export function formatPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path) {
    if (typeof segment === 'number') pointer += `[${segment}]`;
    else pointer += pointer === '' ? segment : `.${segment}`;
  }
  return pointer;
}

/**
 * Formats an issue as one line: `file:line:column: pointer: message. Fix: fix`.
 *
 * @example formatIssue(issue) // 'scenarios/bf.yaml:12:5: systems.loyality: unknown key "loyality". Fix: did you mean "loyalty"?'
 */
export function formatIssue(issue: ScenarioIssue): string {
  let place = issue.file;
  if (issue.line !== null) {
    place += `:${issue.line}`;
    if (issue.column !== null) place += `:${issue.column}`;
  }

  const where = issue.pointer === '' ? '' : `${issue.pointer}: `;
  return `${place}: ${where}${issue.message}. Fix: ${issue.fix}`;
}

/**
 * Finds the candidate closest to `value` by edit distance, or null when none is close enough.
 *
 * A candidate counts as close at an edit distance of at most a third of the value's length (at least 1),
 * so `loyality` finds `loyalty` while `foo` and `warehouse` find nothing among the system kinds.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | null {
  const limit = Math.max(1, Math.floor(value.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** Writes a fix that suggests the closest candidate, or lists them all when none is close. */
export function suggestFix(value: string, candidates: readonly string[], noun: string): string {
  const match = closestMatch(value, candidates);
  if (match !== null) return `did you mean "${match}"?`;
  if (candidates.length === 0) return `remove it: no ${noun} is defined here`;
  return `use one of the ${noun}s: ${candidates.map((c) => `"${c}"`).join(', ')}`;
}

/** Describes a value from the document for a message, such as `"30 mins"`, `-5` or `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
