import { describe, expect, it } from 'vitest';
import { SYSTEM_KINDS, SYSTEM_OPERATIONS } from '../../../src/simulator/scenario/schema.js';
import { DEFAULT_LATENCY, SYSTEM_DISPLAY_NAMES, defaultLatency } from '../../../src/simulator/systems/catalog.js';

describe('system catalog', () => {
  it('covers every operation of every kind', () => {
    for (const kind of SYSTEM_KINDS) {
      expect(Object.keys(DEFAULT_LATENCY[kind]).sort()).toEqual([...SYSTEM_OPERATIONS[kind]].sort());
      expect(SYSTEM_DISPLAY_NAMES[kind]).not.toBe('');
    }
  });

  it('defaults have p99 above p50', () => {
    for (const kind of SYSTEM_KINDS) {
      for (const latency of Object.values(DEFAULT_LATENCY[kind])) {
        expect(latency.p99).toBeGreaterThan(latency.p50);
      }
    }
  });

  it('looks up defaults by operation', () => {
    expect(defaultLatency('erp', 'reserveInventory')).toEqual({ p50: 80, p99: 600 });
    expect(defaultLatency('loyalty', 'accrue')).toEqual({ p50: 40, p99: 250 });
    expect(defaultLatency('erp', 'accrue')).toBeUndefined();
    expect(defaultLatency('erp', 'toString')).toBeUndefined();
  });
});
