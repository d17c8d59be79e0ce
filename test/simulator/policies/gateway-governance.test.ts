import { describe, expect, it } from 'vitest';
import { resolveVersion } from '../../../src/simulator/policies/api-versions.js';
import { DAY_MS, DailyQuota } from '../../../src/simulator/policies/daily-quota.js';
import { LoadShedder } from '../../../src/simulator/policies/load-shedder.js';

describe('DailyQuota', () => {
  it('rejects request N+1 of the day', () => {
    const quota = new DailyQuota(3);
    expect([1, 2, 3].map((t) => quota.tryAcquire(t))).toEqual([true, true, true]);
    expect(quota.tryAcquire(4)).toBe(false);
    expect(quota.usedAt(5)).toBe(3);
  });

  it('admits again after the day reset', () => {
    const quota = new DailyQuota(2);
    quota.tryAcquire(0);
    quota.tryAcquire(10);
    expect(quota.tryAcquire(DAY_MS - 1)).toBe(false);
    expect(quota.resetIn(DAY_MS - 1)).toBe(1);
    expect(quota.tryAcquire(DAY_MS)).toBe(true);
    expect(quota.usedAt(DAY_MS)).toBe(1);
  });

  it('rejects a zero limit', () => {
    expect(() => new DailyQuota(0)).toThrow(/Invalid daily quota 0/);
  });
});

describe('LoadShedder', () => {
  it('sheds low, then standard, then critical', () => {
    const shedder = new LoadShedder({ low: 2, standard: 3, critical: 4 });
    expect(shedder.tryAdmit('crm', 'low')).toBe(true);
    expect(shedder.tryAdmit('crm', 'low')).toBe(true);
    expect(shedder.tryAdmit('crm', 'low')).toBe(false);
    expect(shedder.tryAdmit('crm', 'standard')).toBe(true);
    expect(shedder.tryAdmit('crm', 'standard')).toBe(false);
    expect(shedder.tryAdmit('crm', 'critical')).toBe(true);
    expect(shedder.tryAdmit('crm', 'critical')).toBe(false);
    expect(shedder.inFlightTo('crm')).toBe(4);
    expect(shedder.shed('crm')).toEqual({ critical: 1, standard: 1, low: 1 });
  });

  it('never sheds critical without threshold', () => {
    const shedder = new LoadShedder({ low: 1 });
    shedder.tryAdmit('erp', 'critical');
    expect(shedder.tryAdmit('erp', 'standard')).toBe(true);
    expect(shedder.tryAdmit('erp', 'low')).toBe(false);
    for (let i = 0; i < 100; i++) expect(shedder.tryAdmit('erp', 'critical')).toBe(true);
  });

  it('admits again after release', () => {
    const shedder = new LoadShedder({ low: 1 });
    shedder.tryAdmit('crm', 'low');
    expect(shedder.tryAdmit('crm', 'low')).toBe(false);
    shedder.release('crm');
    expect(shedder.tryAdmit('crm', 'low')).toBe(true);
  });

  it('keeps backends apart', () => {
    const shedder = new LoadShedder({ low: 1 });
    shedder.tryAdmit('crm', 'low');
    expect(shedder.tryAdmit('loyalty', 'low')).toBe(true);
  });

  it('rejects falling thresholds', () => {
    expect(() => new LoadShedder({ low: 5, standard: 3 })).toThrow(/Invalid load shedding thresholds low=5 standard=3/);
  });

  it('rejects a double release', () => {
    expect(() => new LoadShedder().release('crm')).toThrow(/no request in flight/);
  });
});

describe('resolveVersion', () => {
  const route = { versions: { v1: 'retired', v2: 'deprecated', v3: 'active' } as const, consumers: { pos: 'v1', middleware: 'v2' } };

  it('returns the named version status', () => {
    expect(resolveVersion('crm', route, 'pos')).toEqual({ version: 'v1', status: 'retired' });
    expect(resolveVersion('crm', route, 'middleware')).toEqual({ version: 'v2', status: 'deprecated' });
  });

  it('defaults to the last active version', () => {
    expect(resolveVersion('crm', route, 'ecommerce')).toEqual({ version: 'v3', status: 'active' });
  });

  it('rejects an unlisted version', () => {
    const bad = { versions: { v3: 'active' } as const, consumers: { pos: 'v9' } };
    expect(() => resolveVersion('crm', bad, 'pos')).toThrow('API version "v9" of consumer pos on route crm is not listed');
  });
});
