import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/simulator/scenario/issues.js';
import { generateScenarioJsonSchema } from '../../../src/simulator/scenario/json-schema.js';
import { parseScenario } from '../../../src/simulator/scenario/load.js';
import { migrate } from '../../../src/simulator/scenario/migrations.js';
import type { Migration } from '../../../src/simulator/scenario/migrations.js';
import { suggestDuration } from '../../../src/simulator/scenario/duration.js';
import { VALID_SCENARIO, onlyIssue, withChange } from './scenario-text.js';

const ROOT = new URL('../../../', import.meta.url);
const SCENARIO_DIR = new URL('scenarios/', ROOT);
const SHIPPED = readdirSync(SCENARIO_DIR).filter((name) => name.endsWith('.yaml'));

describe('parseScenario valid input', () => {
  it('fills defaults and durations', () => {
    const result = parseScenario(VALID_SCENARIO, 'good.yaml');
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));

    expect(result.scenario.clock.duration).toBe(3_600_000);
    expect(result.scenario.clock.sampleEvery).toBe(10_000);
    expect(result.scenario.faults[0]).toMatchObject({ kind: 'outage', at: 600_000, duration: 300_000, mode: 'unavailable' });
    expect(result.scenario.population.customers).toBe(10_000);
    expect(result.scenario.systems.crm?.concurrency).toBe(32);
  });
});

describe('formatIssue', () => {
  it('one line with place', () => {
    const issue = onlyIssue(withChange('  loyalty: {}', '  loyality: {}'));
    expect(formatIssue(issue)).toBe('bad.yaml:7:3: systems.loyality: unknown key "loyality". Fix: did you mean "loyalty"?');
  });

  it('file only without place', () => {
    const line = formatIssue(onlyIssue(''));
    expect(line.startsWith('bad.yaml: the file contains no scenario. Fix: write a scenario')).toBe(true);
  });
});

describe('migrations', () => {
  const renameTitle: Migration = {
    from: 0,
    to: 1,
    migrate: (document) => {
      const { title, ...rest } = document;
      return { ...rest, name: title };
    },
  };

  it('version 0 migrated then validated', () => {
    const old = withChange('schemaVersion: 1', 'schemaVersion: 0').replace('name: Test', 'title: Old name');
    const result = parseScenario(old, 'old.yaml', { migrations: [renameTitle] });
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.scenario.name).toBe('Old name');
    expect(result.scenario.schemaVersion).toBe(1);
  });

  it('version without migration rejected', () => {
    const issue = onlyIssue(withChange('schemaVersion: 1', 'schemaVersion: 0'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('schemaVersion');
    expect(issue.message).toBe('schemaVersion 0 is unknown: no migration leads from version 0 to 1');
  });

  it('migrate chains steps in order', () => {
    const steps: Migration[] = [
      { from: 1, to: 2, migrate: (d) => ({ ...d, trail: `${String(d.trail)}>2` }) },
      { from: 0, to: 1, migrate: (d) => ({ ...d, trail: 'v1' }) },
    ];
    const result = migrate({ schemaVersion: 0 }, 0, 2, steps);
    expect(result).toEqual({ ok: true, document: { schemaVersion: 2, trail: 'v1>2' }, applied: [0, 1] });
  });

  it('migrate reports missing step', () => {
    expect(migrate({ schemaVersion: 0 }, 0, 3, [{ from: 0, to: 1, migrate: (d) => d }])).toEqual({ ok: false, stuckAt: 1 });
  });
});

describe('suggestDuration', () => {
  it('rewrites words as units', () => {
    expect(suggestDuration('30 mins')).toBe('30m');
    expect(suggestDuration('1 hour 30 minutes')).toBe('1h30m');
    expect(suggestDuration('2 days and 3 hrs')).toBe('2d3h');
    expect(suggestDuration('250 msec')).toBe('250ms');
  });

  it('gives up on unknown words', () => {
    expect(suggestDuration('10 fortnights')).toBeNull();
    expect(suggestDuration('soon')).toBeNull();
  });
});

describe('shipped scenarios', () => {
  it('at least four shipped', () => {
    expect(SHIPPED.length).toBeGreaterThanOrEqual(4);
  });

  it.each(SHIPPED)('%s parses without issues', (name) => {
    const text = readFileSync(new URL(name, SCENARIO_DIR), 'utf8');
    const result = parseScenario(text, `scenarios/${name}`);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it.each(SHIPPED)('%s names the JSON Schema', (name) => {
    const text = readFileSync(new URL(name, SCENARIO_DIR), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
  });

  it.each(SHIPPED)('%s cites its sources', (name) => {
    const result = parseScenario(readFileSync(new URL(name, SCENARIO_DIR), 'utf8'), name);
    if (!result.ok) throw new Error(`${name} does not parse`);
    expect(result.scenario.sources.length).toBeGreaterThanOrEqual(3);
    for (const source of result.scenario.sources) expect(source.url).toMatch(/^https?:\/\//);
  });
});

describe('scenario JSON Schema', () => {
  it('committed file is up to date', () => {
    const committed = readFileSync(new URL('schema/scenario.schema.json', ROOT), 'utf8');
    const fresh = generateScenarioJsonSchema();
    expect(committed === fresh, 'schema/scenario.schema.json is stale: run npx tsx scripts/generate-schema.ts').toBe(true);
  });

  it('durations accept numbers and strings', () => {
    const schema = JSON.parse(generateScenarioJsonSchema()) as { properties: { clock: { properties: { duration: { anyOf: { type: string }[] } } } } };
    const types = schema.properties.clock.properties.duration.anyOf.map((option) => option.type);
    expect(types).toEqual(['number', 'string']);
  });
});
