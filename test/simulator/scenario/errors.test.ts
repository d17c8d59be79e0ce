import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/simulator/scenario/load.js';
import type { ParseOptions } from '../../../src/simulator/scenario/load.js';
import { VALID_SCENARIO, issuesOf, onlyIssue, withChange } from './scenario-text.js';

const PRESETS: ParseOptions = {
  presets: [
    { id: 'netsuite-concurrency', params: { licences: { min: 0, integer: true, unit: 'licences' } } },
    { id: 'shopify-rest-plus', params: {} },
  ],
};

describe('parseScenario bad input', () => {
  it('valid base scenario parses', () => {
    const result = parseScenario(VALID_SCENARIO, 'good.yaml', PRESETS);
    expect(result.ok).toBe(true);
  });

  it('rate limit period of zero', () => {
    const issue = onlyIssue(withChange('  strong: {}', '  strong: { gatewayRateLimit: { limit: 5, per: 0 } }'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('policies.strong.gatewayRateLimit.per');
    expect(issue.message).toBe('per 0 is too short');
    expect(issue.fix).toBe('write a period longer than 0, such as 1s or 1m');
  });

  it('number where text belongs', () => {
    const issue = onlyIssue(withChange('name: Test', 'name: 5'));
    expect(issue.code).toBe('invalid-type');
    expect(issue.pointer).toBe('name');
    expect([issue.line, issue.column]).toEqual([2, 7]);
    expect(issue.message).toBe('must be text, not 5');
    expect(issue.fix).toBe('write text, in quotes if YAML would read it as a number or true/false');
  });

  it('mapping where a number belongs', () => {
    const issue = onlyIssue(withChange('rate: 5', 'rate: { per: 5 }'));
    expect(issue.code).toBe('invalid-type');
    expect(issue.pointer).toBe('load.profile.rate');
    expect([issue.line, issue.column]).toEqual([13, 36]);
    expect(issue.fix).toBe('write a number');
  });

  it('unknown system kind lists kinds', () => {
    const issue = onlyIssue(withChange('  erp: {}', '  warehouse: {}'));
    expect(issue.code).toBe('unknown-key');
    expect(issue.pointer).toBe('systems.warehouse');
    expect([issue.line, issue.column]).toEqual([8, 3]);
    expect(issue.fix).toBe('use one of the system kinds: "erp", "crm", "loyalty", "pos", "ecommerce"');
  });

  it('unknown system in a fault', () => {
    const issue = onlyIssue(withChange('system: loyalty', 'system: wms'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('faults[0].system');
    expect([issue.line, issue.column]).toEqual([17, 29]);
    expect(issue.message).toBe('unknown system "wms"');
  });

  it('fault on an undeclared system', () => {
    const issue = onlyIssue(withChange('system: loyalty', 'system: pos'));
    expect(issue.code).toBe('unknown-reference');
    expect(issue.pointer).toBe('faults[0].system');
    expect([issue.line, issue.column]).toEqual([17, 29]);
    expect(issue.fix).toBe('add "pos:" under systems, or refer to a declared system');
  });

  it('misspelt system key suggests', () => {
    const issue = onlyIssue(withChange('  loyalty: {}', '  loyality: {}'));
    expect(issue.code).toBe('unknown-key');
    expect(issue.pointer).toBe('systems.loyality');
    expect([issue.line, issue.column]).toEqual([7, 3]);
    expect(issue.fix).toBe('did you mean "loyalty"?');
  });

  it('misspelt top-level key suggests', () => {
    const issue = onlyIssue(withChange('activePolicy: strong', 'activPolicy: strong'));
    expect(issue.code).toBe('unknown-key');
    expect(issue.pointer).toBe('activPolicy');
    expect([issue.line, issue.column]).toEqual([11, 1]);
    expect(issue.fix).toBe('did you mean "activePolicy"?');
  });

  it('misspelt fault kind suggests', () => {
    const issue = onlyIssue(withChange('kind: outage', 'kind: outge'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('faults[0].kind');
    expect([issue.line, issue.column]).toEqual([17, 13]);
    expect(issue.fix).toBe('did you mean "outage"?');
  });

  it('negative rate', () => {
    const issue = onlyIssue(withChange('rate: 5', 'rate: -5'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('load.profile.rate');
    expect([issue.line, issue.column]).toEqual([13, 36]);
    expect(issue.message).toBe('rate -5 is below 0');
    expect(issue.fix).toBe('set rate to 0 or more');
  });

  it('probability above one', () => {
    const issue = onlyIssue(withChange('  crm: {}', '  crm: { errorRate: 1.5 }'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('systems.crm.errorRate');
    expect([issue.line, issue.column]).toEqual([6, 21]);
    expect(issue.fix).toBe('set errorRate to a probability between 0 and 1, where 0.05 means 5 %');
  });

  it('empty file', () => {
    const issue = onlyIssue('');
    expect(issue.code).toBe('empty');
    expect(issue.pointer).toBe('');
    expect([issue.line, issue.column]).toEqual([null, null]);
    expect(issue.fix).toContain('schemaVersion: 1, name: Demo');
  });

  it('file of comments only', () => {
    const issue = onlyIssue('# a scenario comes here\n\n# later\n');
    expect(issue.code).toBe('empty');
    expect(issue.line).toBeNull();
  });

  it('minimal scenario in empty fix parses', () => {
    const fix = onlyIssue('').fix;
    const example = fix.slice(fix.indexOf('{'));
    expect(parseScenario(example, 'example.yaml').ok).toBe(true);
  });

  it('YAML syntax error position', () => {
    const issue = onlyIssue(withChange('clock:\n  duration: 1h', 'clock:\n  duration: 1h\n   sampleEvery: 5s'));
    expect(issue.code).toBe('syntax');
    expect(issue.pointer).toBe('');
    expect([issue.line, issue.column]).toEqual([4, 13]);
    expect(issue.message).toBe('invalid YAML: nested mappings are not allowed in compact mappings');
    expect(issue.fix).toContain('check the indentation');
  });

  it('YAML duplicate key', () => {
    const issue = onlyIssue(withChange('name: Test', 'name: Test\nname: Again'));
    expect(issue.code).toBe('syntax');
    expect([issue.line, issue.column]).toEqual([3, 1]);
    expect(issue.message).toBe('invalid YAML: map keys must be unique');
    expect(issue.fix).toBe('remove or rename one of the two entries with this key');
  });

  it('tab indentation', () => {
    const issue = onlyIssue(withChange('  duration: 1h', '\tduration: 1h'));
    expect(issue.code).toBe('syntax');
    expect(issue.line).toBe(4);
    expect(issue.fix).toBe('indent with spaces; YAML does not allow tabs for indentation');
  });

  it('unknown preset suggests', () => {
    const issue = onlyIssue(withChange('  erp: {}', '  erp: { preset: netsuit-concurrency }'), PRESETS);
    expect(issue.code).toBe('unknown-reference');
    expect(issue.pointer).toBe('systems.erp.preset');
    expect([issue.line, issue.column]).toEqual([8, 18]);
    expect(issue.fix).toBe('did you mean "netsuite-concurrency"?');
  });

  it('unknown preset parameter suggests', () => {
    const issue = onlyIssue(withChange('  erp: {}', '  erp: { preset: netsuite-concurrency, presetParams: { licenses: 2 } }'), PRESETS);
    expect(issue.code).toBe('unknown-key');
    expect(issue.pointer).toBe('systems.erp.presetParams.licenses');
    expect([issue.line, issue.column]).toEqual([8, 56]);
    expect(issue.fix).toBe('did you mean "licences"?');
  });

  it('fractional preset parameter', () => {
    const issue = onlyIssue(withChange('  erp: {}', '  erp: { preset: netsuite-concurrency, presetParams: { licences: 1.5 } }'), PRESETS);
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('systems.erp.presetParams.licences');
    expect(issue.fix).toBe('set licences to a whole number of at least 0 (licences)');
  });

  it('shipped presets checked by default', () => {
    const issue = onlyIssue(withChange('  erp: {}', '  erp: { preset: netsuite-concurency }'), {});
    expect(issue.code).toBe('unknown-reference');
    expect(issue.fix).toBe('did you mean "netsuite-concurrency"?');
  });

  it('unknown activePolicy suggests', () => {
    const issue = onlyIssue(withChange('activePolicy: strong', 'activePolicy: strnog'));
    expect(issue.code).toBe('unknown-reference');
    expect(issue.pointer).toBe('activePolicy');
    expect([issue.line, issue.column]).toEqual([11, 15]);
    expect(issue.message).toBe('policy set "strnog" is not defined under policies');
    expect(issue.fix).toBe('did you mean "strong"?');
  });

  it('version newer than supported', () => {
    const issue = onlyIssue(withChange('schemaVersion: 1', 'schemaVersion: 2'));
    expect(issue.code).toBe('unsupported-version');
    expect(issue.pointer).toBe('schemaVersion');
    expect([issue.line, issue.column]).toEqual([1, 16]);
    expect(issue.fix).toBe('open the file with a newer Retail Resilience Studio');
  });

  it('missing schemaVersion', () => {
    const issue = onlyIssue(withChange('schemaVersion: 1\n', ''));
    expect(issue.code).toBe('missing');
    expect(issue.pointer).toBe('schemaVersion');
    expect([issue.line, issue.column]).toEqual([1, 1]);
    expect(issue.fix).toBe('add "schemaVersion: 1" at the top');
  });

  it('duration written in words', () => {
    const issue = onlyIssue(withChange('duration: 1h', 'duration: 30 mins'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('clock.duration');
    expect([issue.line, issue.column]).toEqual([4, 13]);
    expect(issue.message).toBe('duration "30 mins" is invalid');
    expect(issue.fix).toBe('write "30m"');
  });

  it('duration with unknown unit', () => {
    const issue = onlyIssue(withChange('at: 10m', 'at: 10 fortnights'));
    expect(issue.pointer).toBe('faults[0].at');
    expect(issue.fix).toBe('write it as 250ms, 30s, 5m, 1h30m or 2d, or as a number of milliseconds');
  });

  it('fault after the run ends', () => {
    const issue = onlyIssue(withChange('at: 10m', 'at: 2h'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('faults[0].at');
    expect([issue.line, issue.column]).toEqual([17, 42]);
    expect(issue.fix).toBe('start the fault before 1h, or lengthen clock.duration');
  });

  it('journey needs undeclared system', () => {
    const issue = onlyIssue(withChange('  erp: {}\n', ''));
    expect(issue.code).toBe('unknown-reference');
    expect(issue.pointer).toBe('load.mix.promotionActivation');
    expect([issue.line, issue.column]).toEqual([14, 115]);
    expect(issue.fix).toBe('declare erp under systems, or set load.mix.promotionActivation to 0');
  });

  it('journey mix totalling zero', () => {
    const issue = onlyIssue(withChange('promotionActivation: 1, profileEnrichment: 1', 'promotionActivation: 0, profileEnrichment: 0'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('load.mix');
    expect(issue.fix).toBe('give at least one journey kind a weight above 0');
  });

  it('mix kinds left out allowed', () => {
    const result = parseScenario(withChange('onlineCheckout: 0, inStoreCheckout: 0, ', ''), 'short.yaml');
    expect(result.ok).toBe(true);
  });

  it('no channel share for promotions', () => {
    const issue = onlyIssue(withChange('channels: { ecommerce: 1, pos: 0 }', 'channels: { pos: 0 }'));
    expect(issue.code).toBe('invalid-value');
    expect(issue.pointer).toBe('load.channels');
    expect([issue.line, issue.column]).toEqual([14, 13]);
    expect(issue.fix).toBe('give ecommerce or pos a share above 0');
  });

  it('list instead of a mapping', () => {
    const issue = onlyIssue('- one\n- two\n');
    expect(issue.code).toBe('invalid-type');
    expect([issue.line, issue.column]).toEqual([1, 1]);
  });

  it('JSON source with positions', () => {
    const issues = issuesOf('{\n  "schemaVersion": 1,\n  "name": "J",\n  "clock": { "duration": "1 hour" },\n  "systems": {}\n}');
    expect(issues.map((issue) => issue.pointer)).toEqual(['load', 'clock.duration']);
    expect([issues[1]?.line, issues[1]?.column]).toEqual([4, 26]);
    expect(issues[1]?.fix).toBe('write "1h"');
  });

  it('JSON wrong value located', () => {
    const json = JSON.stringify(parseYamlAsPlain(), null, 2).replace('"rate": 5', '"rate": -1');
    const issue = onlyIssue(json);
    expect(issue.pointer).toBe('load.profile.rate');
    expect(issue.line).toBe(json.split('\n').findIndex((line) => line.includes('"rate": -1')) + 1);
    expect(issue.column).toBe(15);
  });

  it('several problems all reported', () => {
    const text = withChange('name: Test', 'name: 5').replace('rate: 5', 'rate: -5').replace('  loyalty: {}', '  loyality: {}');
    const issues = issuesOf(text);
    expect(issues.map((issue) => issue.pointer)).toEqual(['name', 'systems.loyality', 'load.profile.rate']);
  });
});

/** Returns the valid scenario as plain data, written by hand to keep this file free of the YAML parser. */
function parseYamlAsPlain(): unknown {
  return {
    schemaVersion: 1,
    name: 'Test',
    clock: { duration: '1h' },
    systems: { crm: {}, loyalty: {}, erp: {} },
    load: {
      profile: { kind: 'constant', rate: 5 },
      channels: { ecommerce: 1, pos: 0 },
      mix: { onlineCheckout: 0, inStoreCheckout: 0, buyOnlinePickUpInStore: 0, returnInStore: 0, promotionActivation: 1, profileEnrichment: 1 },
    },
  };
}

describe('parseScenario never throws', () => {
  it('every line deleted in turn', () => {
    const lines = VALID_SCENARIO.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      expect(() => parseScenario(text, 'cut.yaml')).not.toThrow();
    }
  });

  it('every prefix of the file', () => {
    for (let end = 0; end <= VALID_SCENARIO.length; end += 7) {
      const result = parseScenario(VALID_SCENARIO.slice(0, end), 'prefix.yaml');
      if (!result.ok) for (const issue of result.issues) expect(issue.fix.length).toBeGreaterThan(0);
    }
  });

  it('odd documents', () => {
    for (const text of ['~', '42', '"text"', '[]', '{}', '&a [*a]', 'a: *missing', '--- 1\n--- 2', 'schemaVersion: "1"', 'schemaVersion: 0', '\u0000']) {
      const result = parseScenario(text, 'odd.yaml');
      expect(result.ok).toBe(false);
    }
  });
});
