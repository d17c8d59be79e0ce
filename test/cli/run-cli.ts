import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/** The project root, where `bin/rrs.mjs` and `scenarios/` live. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

const BIN = resolve(ROOT, 'bin', 'rrs.mjs');

/** What a finished `rrs` process left behind. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/rrs.mjs ...args` as a user would, with CI set so no progress bar is drawn, and
 * resolves with its exit code and output. Rejects only when node itself cannot start.
 */
export function runCli(args: readonly string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolvePromise({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}
