/**
 * Reads a scenario from YAML or JSON text and validates it.
 *
 * The loader is pure: the CLI and the studio read the file and pass its text, so the same code runs in
 * Node, a worker and the browser. JSON is YAML 1.2, so `.json` files take the same path and their
 * issues get lines and columns too. Bad input does not throw: every problem becomes a `ScenarioIssue`,
 * which tests check by parsing truncated and cut-down files.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { formatPointer } from './issues.js';
import type { ScenarioIssue } from './issues.js';
import { locate } from './locate.js';
import { MIGRATIONS, migrate } from './migrations.js';
import type { Migration } from './migrations.js';
import { listPresetInfo } from './presets.js';
import type { PresetInfo } from './presets.js';
import { checkReferences } from './references.js';
import { SCHEMA_VERSION, scenarioSchema } from './schema.js';
import type { Scenario } from './schema.js';
import { translateIssues } from './translate.js';
import type { IssueDraft } from './translate.js';

/** Result of parsing a scenario: the validated scenario, or every issue found. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Settings that tests and tools may change; the defaults suit normal use. */
export interface ParseOptions {
  /** Migrations to apply to older files, in place of the built-in list. */
  migrations?: readonly Migration[];
  /** Presets a `preset:` may name, in place of the vendor presets of this build. */
  presets?: readonly PresetInfo[];
}

/** A complete scenario in one line, shown when a file is empty. */
const MINIMAL_SCENARIO =
  'schemaVersion: 1, name: Demo, clock: { duration: 1h }, systems: { crm: {} }, ' +
  'load: { profile: { kind: constant, rate: 5 }, channels: { ecommerce: 1 }, mix: { profileEnrichment: 1 } }';

/**
 * Parses and validates a scenario written in YAML or JSON.
 *
 * `file` names the source in issues only. Older schema versions are migrated before validation.
 *
 * @example
 * const result = parseScenario(text, 'scenarios/black-friday-loyalty-outage.yaml');
 * if (!result.ok) for (const issue of result.issues) console.error(formatIssue(issue));
 */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  const place = (drafts: IssueDraft[]): ParseResult => ({ ok: false, issues: placeIssues(drafts, document, counter, file) });

  if (document.errors.length > 0) return { ok: false, issues: syntaxIssues(document.errors, file) };
  if (document.contents === null || (isNullScalar(document.contents) && text.trim().length === 0) || onlyComments(text)) {
    return place([drafted('empty', [], 'the file contains no scenario', `write a scenario, at least: { ${MINIMAL_SCENARIO} }`)]);
  }

  const raw = toPlain(document);
  if (!raw.ok) return place([raw.issue]);
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value)) {
    const found = Array.isArray(raw.value) ? 'a list' : `the value ${JSON.stringify(raw.value)}`;
    const message = `the file contains ${found}, but a scenario is a mapping of keys to values`;
    const fix = `start the file with "schemaVersion: ${SCHEMA_VERSION}" and "name:", then the other sections`;
    return place([drafted('invalid-type', [], message, fix)]);
  }

  const versioned = checkVersion(raw.value as Record<string, unknown>, options.migrations ?? MIGRATIONS);
  if (versioned.fatal) return place(versioned.issues);

  const validation = scenarioSchema.safeParse(versioned.document);
  const drafts = [...versioned.issues];
  if (!validation.success) {
    const schemaDrafts = translateIssues(validation.error.issues, versioned.document, scenarioSchema);
    drafts.push(...schemaDrafts.filter((d) => !(versioned.issues.length > 0 && d.path[0] === 'schemaVersion')));
    return place(drafts);
  }

  drafts.push(...checkReferences(validation.data, options.presets ?? listPresetInfo()));
  if (drafts.length > 0) return place(drafts);
  return { ok: true, scenario: validation.data };
}

function drafted(code: IssueDraft['code'], path: IssueDraft['path'], message: string, fix: string): IssueDraft {
  return { code, path, message, fix, target: 'value' };
}

function isNullScalar(node: unknown): boolean {
  return node !== null && typeof node === 'object' && 'value' in node && (node as { value: unknown }).value === null;
}

function onlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---');
}

function toPlain(document: Document): { ok: true; value: unknown } | { ok: false; issue: IssueDraft } {
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: 1_000 }) };
  } catch (error) {
    // toJS throws only for alias misuse, such as an alias expanded past the limit above.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `the YAML aliases could not be expanded: ${reason}`;
    return { ok: false, issue: drafted('syntax', [], message, 'write the values out in place of the aliases') };
  }
}

interface VersionCheck {
  fatal: boolean;
  document: Record<string, unknown>;
  issues: IssueDraft[];
}

/** Checks `schemaVersion` and migrates older documents; a missing version is read as the current one. */
function checkVersion(document: Record<string, unknown>, migrations: readonly Migration[]): VersionCheck {
  const version = document.schemaVersion;
  const path = ['schemaVersion'];

  if (version === undefined) {
    const issue = drafted('missing', path, 'missing required key "schemaVersion"', `add "schemaVersion: ${SCHEMA_VERSION}" at the top`);
    return { fatal: false, document: { ...document, schemaVersion: SCHEMA_VERSION }, issues: [issue] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const message = `schemaVersion is ${JSON.stringify(version)}, but it must be a whole number`;
    const issue = drafted('invalid-type', path, message, `write "schemaVersion: ${SCHEMA_VERSION}"`);
    return { fatal: true, document, issues: [issue] };
  }
  if (version > SCHEMA_VERSION) {
    const message = `schemaVersion ${version} is newer than this build reads (${SCHEMA_VERSION})`;
    const issue = drafted('unsupported-version', path, message, 'open the file with a newer Retail Resilience Studio');
    return { fatal: true, document, issues: [issue] };
  }

  const migrated = migrate(structuredClone(document), version, SCHEMA_VERSION, migrations);
  if (!migrated.ok) {
    const message = `schemaVersion ${version} is unknown: no migration leads from version ${migrated.stuckAt} to ${SCHEMA_VERSION}`;
    const fix = `write "schemaVersion: ${SCHEMA_VERSION}" and check the file against the current format`;
    const issue = drafted('invalid-value', path, message, fix);
    return { fatal: true, document, issues: [issue] };
  }
  return { fatal: false, document: migrated.document, issues: [] };
}

function placeIssues(drafts: IssueDraft[], document: Document, counter: LineCounter, file: string): ScenarioIssue[] {
  const issues = drafts.map((draft): ScenarioIssue => {
    const { line, column } = locate(document, counter, draft.path, draft.target);
    return { code: draft.code, file, path: draft.path, pointer: formatPointer(draft.path), line, column, message: draft.message, fix: draft.fix };
  });

  // Order by place in the file, so a reader fixes them top to bottom; issues without a place go last.
  return issues.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
}

/** Fixes for the YAML parser's error codes, in words a scenario author can act on. */
const SYNTAX_FIXES: Record<string, string> = {
  BAD_INDENT: 'indent the entries of one mapping or list by the same number of spaces',
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  DUPLICATE_KEY: 'remove or rename one of the two entries with this key',
  MISSING_CHAR: 'add the missing character, such as a closing quote or bracket',
  MULTIPLE_DOCS: 'keep one scenario per file and remove the extra "---" document',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation: entries of one mapping start in the same column, and nested entries go on new lines indented under their key',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, and put each key and its colon on one line',
  UNEXPECTED_TOKEN: 'remove the unexpected character or quote the value',
  BAD_SCALAR_START: 'quote the value, because it starts with a character that YAML reserves',
};

function syntaxIssues(errors: readonly YAMLError[], file: string): ScenarioIssue[] {
  // One mistake often yields several errors at the same place; the first states the cause best.
  const seen = new Set<string>();
  const distinct = errors.filter((error) => {
    const key = `${error.linePos?.[0]?.line}:${error.linePos?.[0]?.col}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  return distinct.slice(0, 5).map((error): ScenarioIssue => {
    const position = error.linePos?.[0];
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return {
      code: 'syntax',
      file,
      path: [],
      pointer: '',
      line: position?.line ?? null,
      column: position?.col ?? null,
      message: `invalid YAML: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
      fix: SYNTAX_FIXES[error.code] ?? 'correct the YAML at this place; entries are written "key: value", nested ones indented with spaces',
    };
  });
}
