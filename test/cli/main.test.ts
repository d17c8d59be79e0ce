import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

// A command that throws anything but a UsageError plays the part of a bug inside rrs.
vi.mock('../../src/cli/commands/presets.js', () => ({
  presetsCommand: () => {
    throw new TypeError('preset table is undefined');
  },
}));

afterEach(() => {
  vi.restoreAllMocks();
});

function captureStderr(): () => string {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe('main error handling', () => {
  it('bug exits with 1 and asks for report', async () => {
    const stderr = captureStderr();

    const code = await main(['presets']);

    expect(code).toBe(1);
    expect(stderr()).toContain('rrs: internal error, a bug in rrs: TypeError: preset table is undefined');
    expect(stderr()).toContain('Please report it with the command line you ran and the scenario file.');
  });

  it('usage error exits with 2 without stack', async () => {
    const stderr = captureStderr();

    const code = await main(['validate', 'no/such/dir/file.yaml']);

    expect(code).toBe(2);
    expect(stderr()).toBe('rrs: file not found: no/such/dir/file.yaml. Fix: check the path; scenarios shipped with rrs are in scenarios/.\n');
  });
});
