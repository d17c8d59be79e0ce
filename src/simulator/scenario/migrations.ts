/**
 * Numbered migrations that bring an older scenario document up to the current schema version.
 *
 * Each migration takes the plain document of version `from` and returns one of version `to`. The
 * loader runs them in order before validation, so the schema only describes the newest version.
 * Version 1 is the first version, so no migration exists yet.
 */

/** One step from a schema version to the next. */
export interface Migration {
  from: number;
  to: number;
  /** Returns the document rewritten for version `to`; it may change the input in place. */
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/** The migrations this build applies, ordered by `from`. */
export const MIGRATIONS: readonly Migration[] = [];

/** Result of migrating: the document at the target version, or the version no migration starts from. */
export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; applied: number[] }
  | { ok: false; stuckAt: number };

/**
 * Applies migrations from the document's `version` up to `target`.
 *
 * Returns `applied` as the list of `from` versions run, and fails with `stuckAt` when no migration
 * starts at a version below the target.
 *
 * @example migrate({ schemaVersion: 0, ... }, 0, 1, [{ from: 0, to: 1, migrate: (d) => ({ ...d, schemaVersion: 1 }) }])
 */
export function migrate(
  document: Record<string, unknown>,
  version: number,
  target: number,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  let current = document;
  let at = version;
  const applied: number[] = [];

  while (at < target) {
    const step = migrations.find((m) => m.from === at);
    if (!step || step.to <= at) return { ok: false, stuckAt: at };

    current = step.migrate(current);
    current.schemaVersion = step.to;
    applied.push(step.from);
    at = step.to;
  }
  return { ok: true, document: current, applied };
}
