import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, type CliResult } from './run-cli.js';

const SCENARIOS = readdirSync('scenarios')
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => join('scenarios', name));

// The smallest file serves as the quick run wherever any scenario would do.
const QUICK = [...SCENARIOS].sort((a, b) => statSync(a).size - statSync(b).size)[0] as string;

function scenarioSeed(file: string): number {
  const document = parse(readFileSync(file, 'utf8')) as { seed?: number };
  return document.seed ?? 1;
}

function scenarioPolicy(file: string): string | null {
  const document = parse(readFileSync(file, 'utf8')) as { activePolicy?: string; policies?: Record<string, unknown> };
  return document.activePolicy ?? Object.keys(document.policies ?? {})[0] ?? null;
}

function reportPath(out: string, file: string, seed: number): string {
  const policy = scenarioPolicy(file);
  return join(out, `${basename(file, extname(file))}${policy === null ? '' : `.${policy}`}.seed-${seed}.json`);
}

let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'rrs-run-'));
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('rrs run', () => {
  // Concurrent, because each run spends most of its wall time in its own process.
  it.concurrent.for(SCENARIOS)('runs %s end to end', async (file, { expect }) => {
    const dir = join(out, 'all');

    const result = await runCli(['run', file, '--out', dir]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const path = reportPath(dir, file, scenarioSeed(file));
    expect(result.stdout).toContain(`Report written to ${path}`);
    expect(result.stdout).toContain('Orders completed');
    expect(result.stdout).toContain('Ledgers agree again');
    expect(existsSync(path)).toBe(true);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    expect(report.reportVersion).toBe(1);
    expect(report.seed).toBe(scenarioSeed(file));
    expect(report.eventsProcessed).toBeGreaterThan(0);
  });

});

describe('rrs run seeds', () => {
  // One batch of three runs serves the seed tests, because each run costs seconds on a small machine.
  let quiet7: CliResult;
  let json7: CliResult;
  let quiet8: CliResult;
  let quietDir: string;
  let jsonDir: string;

  beforeAll(async () => {
    quietDir = join(out, 'seeds');
    jsonDir = join(out, 'json');

    [quiet7, json7, quiet8] = await Promise.all([
      runCli(['run', QUICK, '--seed', '7', '--out', quietDir, '--quiet']),
      runCli(['run', QUICK, '--seed', '7', '--out', jsonDir, '--json']),
      runCli(['run', QUICK, '--seed', '8', '--out', quietDir, '--quiet']),
    ]);
  }, 180_000);

  it('quiet prints only the path', () => {
    expect(quiet7.code).toBe(0);
    expect(quiet7.stderr).toBe('');
    expect(quiet7.stdout).toBe(`${reportPath(quietDir, QUICK, 7)}\n`);
  });

  it('same seed gives same bytes', () => {
    const a = readFileSync(reportPath(quietDir, QUICK, 7));
    const b = readFileSync(reportPath(jsonDir, QUICK, 7));

    expect(a.equals(b)).toBe(true);
  });

  it('other seed gives other report', () => {
    expect(quiet8.code).toBe(0);
    const seven = readFileSync(reportPath(quietDir, QUICK, 7), 'utf8');
    const eight = readFileSync(reportPath(quietDir, QUICK, 8), 'utf8');

    expect(JSON.parse(seven).seed).toBe(7);
    expect(JSON.parse(eight).seed).toBe(8);
    expect(seven).not.toBe(eight);
  });

  it('json flag prints the report', () => {
    expect(json7.code).toBe(0);
    const written = readFileSync(reportPath(jsonDir, QUICK, 7), 'utf8');

    expect(json7.stdout.trimEnd()).toBe(written.trimEnd());
    expect(json7.stderr).toBe(`Report written to ${reportPath(jsonDir, QUICK, 7)}\n`);
  });
});

describe('rrs run errors', () => {
  it('invalid scenario exits with 2', async () => {
    const file = join(out, 'invalid.yaml');
    writeFileSync(file, 'schemaVersion: 1\nname: 5\n');

    const result = await runCli(['run', file, '--out', join(out, 'invalid')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`rrs: ${file} is invalid, so it was not run.`);
    expect(existsSync(join(out, 'invalid'))).toBe(false);
  });

  it('missing file exits with 2', async () => {
    const result = await runCli(['run', 'scenarios/missing.yaml']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rrs: file not found: scenarios/missing.yaml. Fix: check the path; scenarios shipped with rrs are in scenarios/.\n');
  });

  it('unknown policy exits with 2', async () => {
    const result = await runCli(['run', QUICK, '--policy', 'no-such-policy', '--out', join(out, 'policy')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rrs: unknown policy "no-such-policy" for scenario ".+"\. Fix: /);
  });
});
