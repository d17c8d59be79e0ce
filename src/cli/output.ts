/**
 * The report folder of `rrs run` and `rrs compare`: created and checked before a run, so a bad
 * `--out` fails at once rather than after minutes of simulation, and written with clear errors.
 */
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.js';

/** Creates `directory` if needed and checks it is writable. */
export function prepareOutput(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    accessSync(directory, constants.W_OK);
  } catch (error) {
    throw new UsageError(`cannot write reports to ${directory}: ${reasonOf(error)}. Fix: pass a writable folder with --out DIR.`);
  }
}

/** Writes `text` to `directory/name` and returns the path. */
export function writeOutput(directory: string, name: string, text: string): string {
  const path = join(directory, name);
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${reasonOf(error)}. Fix: pass a writable folder with --out DIR.`);
  }
  return path;
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
