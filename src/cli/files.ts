/**
 * Reading scenario files with errors a user can act on instead of stack traces.
 */
import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './errors.js';

/** Larger files are surely not scenarios; reading them whole would only stall the CLI. In bytes. */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a scenario file as UTF-8 text.
 *
 * @throws UsageError when the file is missing, a directory, unreadable, too large or binary.
 */
export function readTextFile(path: string): string {
  const bytes = readBytes(path);

  if (bytes.includes(0)) {
    throw new UsageError(`not a text file: ${path} contains NUL bytes. Fix: pass a YAML or JSON scenario file.`);
  }

  try {
    return utf8.decode(bytes);
  } catch {
    throw new UsageError(`not a text file: ${path} is not valid UTF-8. Fix: save the scenario as UTF-8 YAML or JSON.`);
  }
}

function readBytes(path: string): Uint8Array {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      throw new UsageError(`not a file: ${path} is a directory. Fix: pass a scenario file, for example ${path}/*.yaml.`);
    }
    if (stats.size > MAX_SCENARIO_BYTES) {
      throw new UsageError(
        `file too large: ${path} has ${stats.size} bytes, more than the ${MAX_SCENARIO_BYTES} a scenario may have. ` +
          'Fix: pass the scenario file itself.',
      );
    }

    return readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw describeReadError(path, error);
  }
}

/** Words a failed read by its error code; unknown codes keep the system message. */
function describeReadError(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;

  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UsageError(`file not found: ${path}. Fix: check the path; scenarios shipped with rrs are in scenarios/.`);
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`cannot read ${path}: permission denied. Fix: make the file readable (chmod +r) or copy it.`);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new UsageError(`cannot read ${path}: ${reason}. Fix: check that the path names a readable file.`);
    }
  }
}
