import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulator/index.js';
import { callerChips, systemChips } from '../../src/renderer/views/landscape/policy-chips.js';
import { testScenario } from '../simulator/runtime/fixtures.js';

describe('landscape policy chips', () => {
  it('quiet run shows no chips', () => {
    const simulation = createSimulation(testScenario(), { policy: 'strong' });
    simulation.advanceTo(60_000);
    expect(systemChips(simulation.snapshot(), 'crm')).toEqual([]);
    expect(callerChips(simulation.snapshot(), 'middleware')).toEqual([]);
  });

  it('retries during an outage show amplification', () => {
    const simulation = createSimulation(testScenario('faults:\n  - { kind: outage, system: loyalty, at: 1m, duration: 5m }'), { policy: 'weak' });
    simulation.advanceTo(6 * 60_000);
    const chips = systemChips(simulation.snapshot(), 'loyalty');
    expect(chips.map((chip) => chip.key)).toContain('amplification');
  });

  it('outage on an event link shows dead letters', () => {
    const simulation = createSimulation(
      testScenario(`
links:
  - { from: pos, to: loyalty, style: events }
faults:
  - { kind: outage, system: loyalty, at: 1m, duration: 5m }
`),
      { policy: 'strong' },
    );
    simulation.advanceTo(6 * 60_000);
    const snapshot = simulation.snapshot();

    const middleware = callerChips(snapshot, 'middleware');
    expect(middleware.map((chip) => chip.key)).toContain('dlq');
    expect(middleware.find((chip) => chip.key === 'dlq')?.tone).toBe('warn');
  });

  it('no snapshot gives no chips', () => {
    expect(systemChips(null, 'erp')).toEqual([]);
    expect(callerChips(null, 'pos')).toEqual([]);
  });
});
