import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatMoney, formatPercentiles } from '../../src/cli/format.js';
import { describeLedgerAgreement } from '../../src/cli/tables.js';
import { reportFileName } from '../../src/cli/commands/run.js';
import type { BusinessFigures } from '../../src/simulator/api.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [999.6, '1,000 ms'],
    [1_000, '1 s'],
    [12_345, '12.3 s'],
    [60_000, '1m 00s'],
    [245_000, '4m 05s'],
    [3_723_000, '1h 02m 03s'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('formats %d ms', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('number formats', () => {
  it('groups counts by thousands', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('prints money with two decimals', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50');
  });

  it('joins three percentiles', () => {
    expect(formatPercentiles(120, 480, 1_200)).toBe('120 ms / 480 ms / 1.2 s');
  });
});

describe('describeLedgerAgreement', () => {
  const agreed = { ledgersAgree: true, ledgersAgreedAt: null, ledgersDisagreedAt: null } as BusinessFigures;
  const outage = {
    at: 3_600_000,
    until: 5_400_000,
    label: 'loyalty down',
    origin: 'scenario' as const,
    action: { kind: 'systemDown' as const, system: 'loyalty' as const },
  };

  it('times agreement after last fault', () => {
    const business = { ...agreed, ledgersDisagreedAt: 3_600_000, ledgersAgreedAt: 6_120_000 };
    expect(describeLedgerAgreement({ business, faults: [outage] })).toBe('at 1h 42m 00s into the run, 12m 00s after the last fault ended');
  });

  it('times agreement without faults', () => {
    const business = { ...agreed, ledgersDisagreedAt: 60_000, ledgersAgreedAt: 120_000 };
    expect(describeLedgerAgreement({ business, faults: [] })).toBe('at 2m 00s into the run');
  });

  it('reports ledgers never disagreed', () => {
    expect(describeLedgerAgreement({ business: agreed, faults: [] })).toBe('never disagreed');
  });

  it('reports disagreement at end', () => {
    const business = { ...agreed, ledgersAgree: false, ledgersDisagreedAt: 3_600_000 };
    expect(describeLedgerAgreement({ business, faults: [outage] })).toBe('no: they disagree since 1h 00m 00s to the end of the run');
  });
});

describe('reportFileName', () => {
  it('names report after file', () => {
    expect(reportFileName('scenarios/black-friday-loyalty-outage.yaml', 7)).toBe('black-friday-loyalty-outage.seed-7.json');
  });

  it('adds the policy set', () => {
    expect(reportFileName('scenarios/black-friday.yaml', 7, 'strong')).toBe('black-friday.strong.seed-7.json');
  });

  it('keeps dots inside the stem', () => {
    expect(reportFileName('/tmp/v1.2.json', 0)).toBe('v1.2.seed-0.json');
  });
});
