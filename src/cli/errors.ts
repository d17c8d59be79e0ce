/**
 * Errors the CLI turns into exit codes. Anything else that reaches the top level is a bug in rrs.
 */

/** Exit codes of `rrs`, documented in docs/cli.md and in `rrs --help`. */
export const EXIT = {
  /** The command did what was asked and every input was valid. */
  ok: 0,
  /** A bug in rrs: an unexpected exception. */
  internal: 1,
  /** Invalid input or usage: a bad option, a missing or unreadable file, an invalid scenario. */
  invalid: 2,
} as const;

/** An expected failure caused by the user's input, with a message that already names the fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT.invalid;
}
