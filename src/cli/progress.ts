/**
 * The progress bar of `rrs run`, drawn on stderr only for a person watching a terminal.
 */
import { SingleBar } from 'cli-progress';

/** Receives simulated progress; `finish` clears the bar before the tables print. */
export interface Progress {
  update(now: number, end: number): void;
  finish(): void;
}

const NO_PROGRESS: Progress = { update: () => {}, finish: () => {} };

/**
 * Creates a progress bar when stderr is a terminal and CI is unset, or a silent stand-in otherwise,
 * so logs and pipes get no control characters.
 */
export function createProgress(
  quiet: boolean,
  env: NodeJS.ProcessEnv = process.env,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (quiet || stream.isTTY !== true || isCi(env)) return NO_PROGRESS;

  const bar = new SingleBar({
    stream,
    format: 'Simulating |{bar}| {percentage}% | {value}/{total} simulated s',
    hideCursor: true,
    clearOnComplete: true,
    // Redraw at most 10 times a second (the option is in ms) so drawing does not slow the run.
    fps: 10,
  });
  let started = false;

  return {
    update(now, end) {
      const total = Math.max(1, Math.round(end / 1000));
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(Math.min(total, Math.round(now / 1000)));
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

/** Tells whether CI is set to anything but an explicit off value, as CI services do. */
function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
