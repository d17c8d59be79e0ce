import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('rrs usage', () => {
  it('help lists commands and exit codes', async () => {
    const result = await runCli(['--help']);

    expect(result.code).toBe(0);
    for (const command of ['run', 'validate', 'presets']) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stdout).toMatch(/2 {2}invalid input or usage/);
  });

  it('no arguments exits with 2', async () => {
    const result = await runCli([]);

    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Usage: rrs');
  });

  it('unknown option exits with 2', async () => {
    const result = await runCli(['validate', '--frobnicate', 'x.yaml']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  it('unknown command exits with 2', async () => {
    const result = await runCli(['simulate', 'x.yaml']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'simulate'");
  });

  it('invalid seed exits with 2', async () => {
    const result = await runCli(['run', 'scenarios/any.yaml', '--seed', '-3']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected a whole number');
  });

  it('run without file exits with 2', async () => {
    const result = await runCli(['run']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'scenario'");
  });

  it('presets lists limits and sources', async () => {
    const result = await runCli(['presets']);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Sources:');
    expect(result.stdout).toMatch(/https:\/\/\S+/);
  });
});
