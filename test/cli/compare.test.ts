import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SCENARIO } from '../simulator/runtime/fixtures.js';
import { runCli } from './run-cli.js';

let dir: string;
let scenarioFile: string;
let otherFile: string;

/** A two-minute run of the runtime test scenario with a loyalty outage, so the policy sets differ. */
const SHORT = `${BASE_SCENARIO.replace('duration: 10m', 'duration: 2m')}
faults:
  - { kind: outage, system: loyalty, at: 30s, duration: 1m }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rrs-compare-'));
  scenarioFile = join(dir, 'short.yaml');
  otherFile = join(dir, 'other.yaml');
  writeFileSync(scenarioFile, SHORT);
  writeFileSync(otherFile, SHORT.replace('name: runtime test', 'name: other landscape').replace('{ kind: outage, system: loyalty, at: 30s, duration: 1m }', '{ kind: outage, system: erp, at: 30s, duration: 1m }'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('rrs compare', () => {
  it('prints table and writes files', async () => {
    const out = join(dir, 'table');

    const result = await runCli(['compare', scenarioFile, '--policies', 'weak,strong', '--seed', '3', '--out', out]);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('runtime test: seed 3, A = weak, B = strong');
    expect(result.stdout).toMatch(/│ Business figure\s+│ A: weak\s+│ B: strong\s+│ B - A\s+│ Better │/);
    expect(result.stdout).toMatch(/│ Orders lost\s+│/);
    const comparisonPath = join(out, 'short.weak-vs-strong.seed-3.compare.json');
    expect(result.stdout).toContain(`Reports written to ${join(out, 'short.weak.seed-3.json')}, ${join(out, 'short.strong.seed-3.json')} and ${comparisonPath}`);
    expect(existsSync(comparisonPath)).toBe(true);
  });

  it('json difference matches reports', async () => {
    const out = join(dir, 'json');

    const result = await runCli(['compare', scenarioFile, '--policies', 'weak,strong', '--out', out, '--json', '--quiet']);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const comparison = JSON.parse(result.stdout);
    expect(comparison.comparisonVersion).toBe(1);
    expect(comparison.seed).toBe(7);
    const reportA = JSON.parse(readFileSync(comparison.a.report, 'utf8'));
    const reportB = JSON.parse(readFileSync(comparison.b.report, 'utf8'));
    expect(reportA.activePolicy).toBe('weak');
    expect(reportB.activePolicy).toBe('strong');
    const lost = comparison.figures.find((figure: { key: string }) => figure.key === 'ordersLost');
    expect(lost.a).toBe(reportA.business.ordersLost);
    expect(lost.b).toBe(reportB.business.ordersLost);
    expect(lost.difference).toBe(reportB.business.ordersLost - reportA.business.ordersLost);
  });

  it('same seed gives same bytes', async () => {
    const first = await runCli(['compare', scenarioFile, '--policies', 'weak,strong', '--out', join(dir, 'det1'), '--json', '--quiet']);
    const second = await runCli(['compare', scenarioFile, '--policies', 'weak,strong', '--out', join(dir, 'det2'), '--json', '--quiet']);
    const strip = (text: string) => text.replaceAll(/det[12]/g, 'det');
    expect(strip(second.stdout)).toBe(strip(first.stdout));
  });

  it('two landscapes use scenario names', async () => {
    const out = join(dir, 'landscapes');

    const result = await runCli(['compare', scenarioFile, otherFile, '--out', out, '--quiet']);

    expect(result.code).toBe(0);
    const path = join(out, 'short-vs-other.seed-7.compare.json');
    expect(result.stdout).toBe(`${path}\n`);
    const comparison = JSON.parse(readFileSync(path, 'utf8'));
    expect(comparison.a.label).toBe('runtime test');
    expect(comparison.b.label).toBe('other landscape');
  });

  it('unknown policy exits with 2', async () => {
    const result = await runCli(['compare', scenarioFile, '--policies', 'weak,nope', '--out', join(dir, 'bad')]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('rrs: unknown policy "nope" for scenario "runtime test". Fix: choose from: weak, strong.\n');
  });

  it('one scenario needs policies', async () => {
    const result = await runCli(['compare', scenarioFile]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rrs: nothing to compare: one scenario needs two policy sets. Fix: pass --policies A,B, or a second scenario file.\n');
  });

  it('malformed policies exits with 2', async () => {
    const result = await runCli(['compare', scenarioFile, '--policies', 'weak']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rrs: --policies needs two policy set names separated by a comma, got "weak". Fix: pass for example --policies weak,strong.\n');
  });
});

describe('policy warnings in CLI', () => {
  it('validate prints warnings, exits 0', async () => {
    const result = await runCli(['validate', scenarioFile]);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${scenarioFile}: valid (runtime test)`);
    expect(lines[1]).toMatch(new RegExp(`^${scenarioFile.replaceAll('.', '\\.')}:\\d+:\\d+: policies\\.weak\\.calls\\.retry: warning: policy set "weak" retries calls up to 3 attempts without idempotency`));
    expect(lines).toHaveLength(2);
  });

  it('run prints warnings of its set', async () => {
    const weak = await runCli(['run', scenarioFile, '--policy', 'weak', '--out', join(dir, 'run')]);
    const strong = await runCli(['run', scenarioFile, '--policy', 'strong', '--out', join(dir, 'run')]);

    expect(weak.code).toBe(0);
    expect(weak.stdout).toContain('policies.weak.calls.retry: warning:');
    expect(strong.code).toBe(0);
    expect(strong.stdout).not.toContain('warning:');
  });
});
