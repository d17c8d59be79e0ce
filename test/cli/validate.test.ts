import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SCENARIOS = readdirSync('scenarios')
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => join('scenarios', name));

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rrs-validate-'));
  // A misspelt key in an otherwise small document, so the issue names a key and a place.
  writeFileSync(join(dir, 'typo.yaml'), 'schemaVersion: 1\nname: typo\nclokc:\n  duration: 1m\n');
  writeFileSync(join(dir, 'broken.yaml'), 'schemaVersion: 1\nname: [unclosed\n');
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rrs validate', () => {
  it('accepts every shipped scenario', async () => {
    expect(SCENARIOS.length).toBeGreaterThan(0);

    const result = await runCli(['validate', ...SCENARIOS]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of SCENARIOS) expect(result.stdout).toContain(`${file}: valid`);
  });

  it('reports misspelt key with place', async () => {
    const file = join(dir, 'typo.yaml');

    const result = await runCli(['validate', file]);

    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`^${escape(file)}:3:1: .*clokc.*Fix: `, 'm'));
    expect(result.stdout).toContain(`${file}: invalid`);
  });

  it('reports YAML syntax error', async () => {
    const file = join(dir, 'broken.yaml');

    const result = await runCli(['validate', file]);

    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: .*Fix: `, 'm'));
  });

  it('rejects missing file with fix', async () => {
    const result = await runCli(['validate', 'scenarios/no-such-file.yaml']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rrs: file not found: scenarios/no-such-file.yaml. Fix: check the path; scenarios shipped with rrs are in scenarios/.\n');
  });

  it('rejects binary file', async () => {
    const result = await runCli(['validate', join(dir, 'binary.yaml')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a text file');
    expect(result.stderr).not.toContain('    at ');
  });

  it('rejects non-UTF-8 file', async () => {
    const result = await runCli(['validate', join(dir, 'latin1.yaml')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not valid UTF-8');
  });

  it('rejects directory', async () => {
    const result = await runCli(['validate', dir]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`not a file: ${dir} is a directory`);
  });

  it.skipIf(process.getuid?.() === 0)('rejects unreadable file', async () => {
    const file = join(dir, 'locked.yaml');
    writeFileSync(file, 'schemaVersion: 1\n');
    chmodSync(file, 0o000);

    const result = await runCli(['validate', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('permission denied');
  });

  it('checks all files after failure', async () => {
    const good = SCENARIOS[0] as string;

    const result = await runCli(['validate', 'missing.yaml', good]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('file not found: missing.yaml');
    expect(result.stdout).toContain(`${good}: valid`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
