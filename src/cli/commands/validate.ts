/**
 * `rrs validate <files...>`: checks scenario files without running them.
 */
import { EXIT, UsageError } from '../errors.js';
import { loadScenarioFile } from '../load.js';
import { policyWarningLines } from '../warnings.js';

/**
 * Validates each file, printing `PATH: valid` with its policy warnings or one issue per line, and
 * returns the exit code (warnings leave it unchanged):
 * 0 when every file is valid, 2 when any is invalid or unreadable. Every file is checked even after
 * a failure, so one call lists all problems.
 */
export function validateCommand(files: readonly string[]): number {
  let exitCode: number = EXIT.ok;

  for (const file of files) {
    try {
      const loaded = loadScenarioFile(file);
      if (loaded.ok) {
        process.stdout.write(`${file}: valid (${loaded.scenario.name})\n`);
        for (const line of policyWarningLines(file, loaded.scenario)) process.stdout.write(`${line}\n`);
        continue;
      }

      for (const issue of loaded.issues) process.stdout.write(`${issue}\n`);
      process.stdout.write(`${file}: invalid, ${loaded.issues.length} ${loaded.issues.length === 1 ? 'issue' : 'issues'}\n`);
      exitCode = EXIT.invalid;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`rrs: ${error.message}\n`);
      exitCode = EXIT.invalid;
    }
  }

  return exitCode;
}
