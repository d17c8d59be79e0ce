/**
 * Lookups of the part of the scenario schema that describes a path in a document, so messages can
 * list the keys or values allowed there and name the kind of value expected.
 */
import { z } from 'zod';
import type { DocumentPath } from './issues.js';

/** Returns the value at `path` in a plain document, or undefined when the path leaves it. */
export function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  let value = document;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** Removes optional, default and metadata wrappers around a schema. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

/**
 * Returns the schema describing `path`, or null when the path leaves the schema.
 *
 * Discriminated unions pick their branch by the discriminator found in `document`, so the keys of
 * `faults[0]` are those of the fault kind written there.
 */
export function schemaAt(root: z.ZodType, path: DocumentPath, document: unknown): z.ZodType | null {
  let schema: z.ZodType | null = unwrap(root);
  for (let i = 0; i < path.length && schema !== null; i++) {
    schema = childSchema(schema, path[i] as string | number, valueAt(document, path.slice(0, i)));
    if (schema !== null) schema = unwrap(schema);
  }
  return schema === null ? null : branchFor(schema, valueAt(document, path));
}

function childSchema(schema: z.ZodType, segment: string | number, value: unknown): z.ZodType | null {
  const branch = branchFor(schema, value);
  if (branch instanceof z.ZodObject) return (branch.shape as Record<string, z.ZodType>)[String(segment)] ?? null;
  if (branch instanceof z.ZodRecord) return branch.valueType as z.ZodType;
  if (branch instanceof z.ZodArray) return branch.element as z.ZodType;
  return null;
}

/** Picks the branch of a discriminated union that matches the value's discriminator, if any. */
function branchFor(schema: z.ZodType, value: unknown): z.ZodType {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return schema;

  const key = schema.def.discriminator;
  const tag = valueAt(value, [key]);
  for (const option of schema.options as z.ZodType[]) {
    if (option instanceof z.ZodObject && literalValues(option.shape[key] as z.ZodType).includes(tag)) return option;
  }
  return schema;
}

function literalValues(schema: z.ZodType | undefined): unknown[] {
  if (schema instanceof z.ZodLiteral) return [...schema.values];
  return [];
}

/** Lists the keys a mapping may hold: an object's fields or a record's enum keys; empty when any key goes. */
export function allowedKeys(schema: z.ZodType | null): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) {
    return (schema.keyType.options as (string | number)[]).map(String);
  }
  return [];
}

/** Lists the values of a discriminated union's discriminator, such as the fault kinds. */
export function discriminatorValues(schema: z.ZodType | null): string[] {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return [];

  const key = schema.def.discriminator;
  return (schema.options as z.ZodType[]).flatMap((option) =>
    option instanceof z.ZodObject ? literalValues(option.shape[key] as z.ZodType).map(String) : [],
  );
}

/** Tells whether a schema is a duration: the only transforms in the scenario schema are durations. */
export function isDuration(schema: z.ZodType | null): boolean {
  return schema instanceof z.ZodPipe;
}

/** Describes the expected value of a schema for a message, such as `a number` or `a duration such as 30s`. */
export function describeExpected(schema: z.ZodType | null): string {
  const inner = schema === null ? null : unwrap(schema);
  if (inner === null) return 'a value';
  if (isDuration(inner)) return 'a duration such as 250ms, 30s, 5m or 1h30m, or a number of milliseconds';
  if (inner instanceof z.ZodString || inner instanceof z.ZodURL) return 'text';
  if (inner instanceof z.ZodNumber) return inner.format === 'safeint' ? 'a whole number' : 'a number';
  if (inner instanceof z.ZodBoolean) return 'true or false';
  if (inner instanceof z.ZodArray) return 'a list';
  if (inner instanceof z.ZodEnum) return `one of ${(inner.options as string[]).map((o) => `"${o}"`).join(', ')}`;
  if (inner instanceof z.ZodLiteral) return `${[...inner.values].map((v) => JSON.stringify(v)).join(' or ')}`;
  if (inner instanceof z.ZodDiscriminatedUnion) return `a mapping with kind: ${discriminatorValues(inner).join(', ')}`;
  if (inner instanceof z.ZodObject || inner instanceof z.ZodRecord) return 'a mapping of keys to values';
  return 'a value';
}
