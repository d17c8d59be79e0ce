/**
 * Turns zod's validation issues into scenario issues that name the bad value and the fix.
 */
import type { z } from 'zod';
import { suggestDuration } from './duration.js';
import { describeValue, formatPointer, suggestFix } from './issues.js';
import type { DocumentPath, ScenarioIssueCode } from './issues.js';
import type { LocateTarget } from './locate.js';
import { allowedKeys, describeExpected, isDuration, schemaAt, valueAt } from './schema-walk.js';

/** An issue before the loader adds the file name and the source position. */
export interface IssueDraft {
  code: ScenarioIssueCode;
  path: DocumentPath;
  message: string;
  fix: string;
  /** Whether the position is that of the key (unknown keys) or of the value. */
  target: LocateTarget;
}

type ZodIssue = z.core.$ZodIssue;

/** Names of the things each enum-keyed mapping contains, for messages about its keys. */
const RECORD_NOUNS: Record<string, string> = { systems: 'system kind', mix: 'journey kind', channels: 'channel' };

/**
 * Translates zod issues for `document` into drafts, one or more per zod issue.
 *
 * `schema` is the schema the document was validated against; it supplies the allowed keys and values.
 */
export function translateIssues(issues: readonly ZodIssue[], document: unknown, schema: z.ZodType): IssueDraft[] {
  return issues.flatMap((issue) => translate(issue, document, schema));
}

function translate(issue: ZodIssue, document: unknown, root: z.ZodType): IssueDraft[] {
  const path = issue.path as DocumentPath;
  const value = valueAt(document, path);
  const name = fieldName(path);

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(path, key, schemaAt(root, path, document)));

    case 'invalid_type':
      if (value === undefined) return [missing(path, schemaAt(root, path, document))];
      return [wrongType(path, value, schemaAt(root, path, document))];

    case 'invalid_union':
      return unionIssue(issue, path, value, document, root);

    case 'invalid_value': {
      const options = issue.values.map(String);
      const noun = path.at(-1) === 'system' || path.at(-1) === 'to' ? 'system' : name;
      return [draft('invalid-value', path, `unknown ${noun} ${describeValue(value)}`, suggestFix(String(value), options, noun === 'system' ? 'system kind' : 'value'))];
    }

    case 'too_small':
    case 'too_big':
      return [outOfRange(issue, path, value, name)];

    case 'invalid_format':
      return [
        draft('invalid-value', path, `${name} ${describeValue(value)} is not a valid ${issue.format}`, formatFix(issue.format)),
      ];

    case 'custom': {
      // A rule of the schema's own, such as "longer than 0", names its fix in params.fix.
      const fix = (issue.params as { fix?: string } | undefined)?.fix;
      if (fix !== undefined) return [draft('invalid-value', path, `${name} ${describeValue(value)} ${issue.message}`, fix)];
      if (isDuration(schemaAt(root, path, document))) return [badDuration(path, value)];
      return [draft('invalid-value', path, issue.message, 'correct the value as the message describes')];
    }

    default:
      return [draft('invalid-value', path, `${name} ${describeValue(value)}: ${issue.message}`, 'correct the value')];
  }
}

function draft(code: ScenarioIssueCode, path: DocumentPath, message: string, fix: string, target: LocateTarget = 'value'): IssueDraft {
  return { code, path, message, fix, target };
}

function fieldName(path: DocumentPath): string {
  const last = path.at(-1);
  if (last === undefined) return 'the scenario';
  if (typeof last === 'number') return formatPointer(path.slice(-2));
  return last;
}

function unknownKey(path: DocumentPath, key: string, schema: z.ZodType | null): IssueDraft {
  const parent = path.at(-1);
  const noun = typeof parent === 'string' ? RECORD_NOUNS[parent] ?? 'key' : 'key';
  return draft('unknown-key', [...path, key], `unknown key "${key}"`, suggestFix(key, allowedKeys(schema), noun), 'key');
}

/** Examples for required keys that a fix can show in full. */
const REQUIRED_EXAMPLES: Record<string, string> = {
  name: 'name: "Black Friday peak"',
  clock: 'clock: { duration: 4h }',
  duration: 'duration: 4h',
  systems: 'systems: { crm: {}, loyalty: {} }',
  load: 'load: { profile: { kind: constant, rate: 10 }, channels: { ecommerce: 1 }, mix: { onlineCheckout: 1 } }',
  profile: 'profile: { kind: constant, rate: 10 }',
  at: 'at: 30m',
};

function missing(path: DocumentPath, schema: z.ZodType | null): IssueDraft {
  const key = String(path.at(-1));
  const example = REQUIRED_EXAMPLES[key];
  const fix = example ? `add it, for example ${example}` : `add "${key}:" with ${describeExpected(schema)}`;
  return draft('missing', path, `missing required key "${key}"`, fix);
}

function wrongType(path: DocumentPath, value: unknown, schema: z.ZodType | null): IssueDraft {
  const expected = describeExpected(schema);
  const message = `must be ${expected}, not ${describeValue(value)}`;
  if (value === null) return draft('invalid-type', path, message, 'write a value after the colon, or remove the key');
  if (expected === 'text') return draft('invalid-type', path, message, 'write text, in quotes if YAML would read it as a number or true/false');
  if (isDuration(schema)) return draft('invalid-type', path, message, 'write a duration such as 30s or 5m');
  return draft('invalid-type', path, message, `write ${expected}`);
}

function unionIssue(
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  path: DocumentPath,
  value: unknown,
  document: unknown,
  root: z.ZodType,
): IssueDraft[] {
  if ('discriminator' in issue && issue.discriminator !== undefined) {
    const options = (issue as { options?: unknown[] }).options?.map(String) ?? [];
    const kindNoun = path.includes('faults') ? 'fault kind' : path.includes('profile') ? 'profile kind' : 'kind';
    if (value === undefined) {
      return [draft('missing', path, 'missing required key "kind"', `add "kind:" with one of: ${options.join(', ')}`)];
    }
    return [draft('invalid-value', path, `unknown ${kindNoun} ${describeValue(value)}`, suggestFix(String(value), options, kindNoun))];
  }

  // The only plain unions are durations (a number or a string), so a string here is a bad duration.
  const schema = schemaAt(root, path, document);
  if (isDuration(schema) && typeof value === 'string') return [badDuration(path, value)];
  return [wrongType(path, value, schema)];
}

function outOfRange(
  issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>,
  path: DocumentPath,
  value: unknown,
  name: string,
): IssueDraft {
  const small = issue.code === 'too_small';
  const bound = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);

  if (issue.origin === 'string') return draft('invalid-value', path, `${name} is empty`, `write a non-empty ${name}`);
  if (issue.origin === 'array') {
    const count = Array.isArray(value) ? value.length : 0;
    let expected = small ? `at least ${bound}` : `at most ${bound}`;
    if (issue.exact) expected = `exactly ${bound}`;
    return draft('invalid-value', path, `${name} has ${count} entries, but it needs ${expected}`, `write ${expected} entries`);
  }

  let relation: string;
  if (small) relation = issue.inclusive ? 'below' : 'not above';
  else relation = issue.inclusive ? 'above' : 'not below';
  return draft('invalid-value', path, `${name} ${describeValue(value)} is ${relation} ${bound}`, rangeFix(issue, name, bound));
}

function rangeFix(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>, name: string, bound: number): string {
  if (issue.code === 'too_big' && bound === 1) return `set ${name} to a probability between 0 and 1, where 0.05 means 5 %`;
  if (issue.code === 'too_big' && bound === 100) return `set ${name} to a percentage above 0 and at most 100`;
  if (issue.code === 'too_big') return `set ${name} to ${bound} or less`;
  if (issue.inclusive) return `set ${name} to ${bound} or more`;
  return `set ${name} to a number above ${bound}`;
}

function badDuration(path: DocumentPath, value: unknown): IssueDraft {
  const text = String(value);
  const message = `duration ${describeValue(value)} is invalid`;
  const suggestion = typeof value === 'string' ? suggestDuration(text) : null;
  if (suggestion !== null) return draft('invalid-value', path, message, `write "${suggestion}"`);
  if (/^\d+(\.\d+)?$/.test(text.trim())) {
    return draft('invalid-value', path, message, `write ${text.trim()}ms, or ${text.trim()} without quotes for milliseconds`);
  }
  return draft('invalid-value', path, message, 'write it as 250ms, 30s, 5m, 1h30m or 2d, or as a number of milliseconds');
}

function formatFix(format: string): string {
  if (format === 'url') return 'write a full URL starting with https://';
  return `write a valid ${format}`;
}
