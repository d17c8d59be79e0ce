import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

/** Creates a stand-in for stderr on a terminal that counts the writes drawn on it. */
function fakeTerminal(isTTY = true): { stream: NodeJS.WriteStream; writes: () => number } {
  let count = 0;
  const stream = {
    isTTY,
    columns: 100,
    write: () => {
      count += 1;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    clearScreenDown: () => true,
  } as unknown as NodeJS.WriteStream;

  return { stream, writes: () => count };
}

describe('createProgress', () => {
  it.each(['true', '1', 'yes'])('draws nothing with CI=%s', (value) => {
    const terminal = fakeTerminal();
    const progress = createProgress(false, { CI: value }, terminal.stream);

    progress.update(30_000, 60_000);
    progress.finish();

    expect(terminal.writes()).toBe(0);
  });

  it('draws nothing when quiet', () => {
    const terminal = fakeTerminal();
    const progress = createProgress(true, {}, terminal.stream);

    progress.update(30_000, 60_000);
    progress.finish();

    expect(terminal.writes()).toBe(0);
  });

  it('draws nothing into a pipe', () => {
    const pipe = fakeTerminal(false);
    const progress = createProgress(false, {}, pipe.stream);

    progress.update(30_000, 60_000);
    progress.finish();

    expect(pipe.writes()).toBe(0);
  });

  it('draws bar on a terminal', () => {
    const terminal = fakeTerminal();
    const progress = createProgress(false, { CI: 'false' }, terminal.stream);

    progress.update(30_000, 60_000);
    progress.finish();

    expect(terminal.writes()).toBeGreaterThan(0);
  });
});
