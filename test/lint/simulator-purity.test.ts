import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints in-memory sources at made-up paths with the project's own eslint.config.js, so a rule that
// disappears from the config fails here instead of letting impure code through.
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

interface Finding {
  ruleId: string | null;
  message: string;
}

async function lint(code: string, filePath: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);

  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

/** Lints one statement and returns the single finding it must produce. */
async function lintOne(code: string, filePath = 'src/simulator/engine/purity-probe.ts'): Promise<Finding> {
  const findings = await lint(code, filePath);
  expect(findings, `findings for: ${code}`).toHaveLength(1);

  return findings[0] as Finding;
}

describe('simulator purity rules', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'may not import Node built-ins'],
    ["import { readFileSync } from 'fs';", 'may not import Node built-ins'],
    ["import { join } from 'path';", 'may not import Node built-ins'],
    ["import { cpus } from 'os';", 'may not import Node built-ins'],
    ["import { Worker } from 'worker_threads';", 'may not import Node built-ins'],
    ["import { readFile } from 'fs/promises';", 'may not import Node built-ins'],
    ["import { ipcMain } from 'electron';", 'may not import electron'],
    ["import { useState } from 'react';", 'may not import react'],
    ["import { createRoot } from 'react-dom/client';", 'may not import electron or react'],
    ["import { app } from '../../main/index.js';", 'may not import src/main'],
    ["import { api } from '../../preload/index.js';", 'may not import src/main, src/preload'],
    ["import { App } from '../../renderer/App.js';", 'src/renderer'],
    ["import { main } from '../../cli/main.js';", 'src/cli'],
  ])('rejects %s', async (code, expected) => {
    const finding = await lintOne(`${code}\nexport const probe = [${code.match(/\{ (\w+) \}/)?.[1]}];\n`);

    expect(finding.ruleId).toBe('no-restricted-imports');
    expect(finding.message).toContain(expected);
  });

  it.each([
    ['window.innerWidth', 'may not touch the DOM'],
    ['document.title', 'may not touch the DOM'],
    ['navigator.userAgent', 'may not touch the DOM'],
    ["localStorage.getItem('k')", 'may not touch the DOM'],
    ['setTimeout(() => 1, 5)', 'Schedule an event on the simulation clock'],
    ['setInterval(() => 1, 5)', 'Schedule an event on the simulation clock'],
    ['setImmediate(() => 1)', 'Schedule an event on the simulation clock'],
    ['requestAnimationFrame(() => 1)', 'Schedule an event on the simulation clock'],
    ['performance.now()', 'Use the simulation clock'],
    ['process.env.HOME', 'may not use process'],
  ])('rejects global %s', async (expression, expected) => {
    const finding = await lintOne(`export const probe = ${expression};\n`);

    expect(finding.ruleId).toBe('no-restricted-globals');
    expect(finding.message).toContain(expected);
  });

  it('rejects Math.random with replacement', async () => {
    const finding = await lintOne('export const probe = Math.random();\n');

    expect(finding.ruleId).toBe('no-restricted-properties');
    expect(finding.message).toContain('Use a RandomStream from engine/random.ts');
  });

  it('rejects Date.now with replacement', async () => {
    const finding = await lintOne('export const probe = Date.now();\n');

    expect(finding.ruleId).toBe('no-restricted-properties');
    expect(finding.message).toContain('Use the simulation clock');
  });

  it('rejects globalThis.setTimeout', async () => {
    const finding = await lintOne('export const probe = globalThis.setTimeout(() => 1, 5);\n');

    expect(finding.ruleId).toBe('no-restricted-properties');
    expect(finding.message).toContain('Schedule an event on the simulation clock');
  });

  it.each(['new Date()', 'new Date(0)', 'Date()'])('rejects wall clock %s', async (expression) => {
    const finding = await lintOne(`export const probe = ${expression};\n`);

    expect(finding.ruleId).toBe('no-restricted-syntax');
    expect(finding.message).toContain('Use the simulation clock');
  });

  it('accepts pure simulator code', async () => {
    const code = [
      "import type { Scenario } from '../scenario/schema.js';",
      "import { RandomStream } from './random.js';",
      'export function draw(scenario: Scenario): number {',
      '  return new RandomStream(scenario.name, scenario.seed).next() + Math.max(1, 2);',
      '}',
      '',
    ].join('\n');

    expect(await lint(code, 'src/simulator/engine/purity-probe.ts')).toEqual([]);
  });
});

describe('layer import rules', () => {
  it('rejects fs in renderer', async () => {
    const finding = await lintOne("import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n", 'src/renderer/probe.tsx');

    expect(finding.ruleId).toBe('no-restricted-imports');
    expect(finding.message).toContain('may not import Node built-ins');
  });

  it('rejects electron in shared', async () => {
    const finding = await lintOne("import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;\n", 'src/shared/probe.ts');

    expect(finding.ruleId).toBe('no-restricted-imports');
    expect(finding.message).toContain('may not import electron');
  });

  it('allows renderer browser globals', async () => {
    expect(await lint('export const probe = window.innerWidth + document.title.length;\n', 'src/renderer/probe.tsx')).toEqual([]);
  });

  it.each([
    "import { join } from 'node:path';",
    "import { create } from 'zustand';",
    "import { createSimulation } from '../simulator/index.js';",
    "import { main } from '../main/index.js';",
  ])('rejects in preload: %s', async (code) => {
    const name = code.match(/\{ (\w+) \}/)?.[1];
    const finding = await lintOne(`${code}\nexport const probe = ${name};\n`, 'src/preload/probe.ts');

    expect(finding.ruleId).toBe('no-restricted-imports');
    expect(finding.message).toContain('may import only electron and src/shared');
  });

  it('allows preload electron and shared', async () => {
    const code = [
      "import { contextBridge } from 'electron';",
      "import type { StudioApi } from '../shared/ipc.js';",
      'export const probe: Partial<StudioApi> = { bridge: contextBridge };',
      '',
    ].join('\n');

    expect(await lint(code, 'src/preload/probe.ts')).toEqual([]);
  });
});
