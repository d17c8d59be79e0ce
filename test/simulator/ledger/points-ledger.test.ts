import { describe, expect, it } from 'vitest';
import { PointsLedger } from '../../../src/simulator/ledger/points-ledger.js';

describe('PointsLedger', () => {
  it('accrual in flight is lag, not drift', () => {
    const ledger = new PointsLedger(10);
    const accrual = ledger.create('accrual', 3, 100, 0);
    expect(ledger.figures().driftAbsolute).toBe(0);

    ledger.apply(accrual, 50, false);
    expect(ledger.figures()).toMatchObject({ drift: 0, driftAbsolute: 0, agree: true, firstDisagreedAt: null });
    expect(accrual.appliedAt).toBe(50);
  });

  it('accrual given up is missing points', () => {
    const ledger = new PointsLedger(10);
    const accrual = ledger.create('accrual', 3, 100, 0);
    ledger.giveUp(accrual, 20);
    expect(ledger.figures()).toMatchObject({ drift: 100, driftAbsolute: 100, agree: false, firstDisagreedAt: 20 });
  });

  it('duplicate application over-awards without idempotency', () => {
    const ledger = new PointsLedger(10);
    const accrual = ledger.create('accrual', 1, 40, 0);
    expect(ledger.apply(accrual, 10, false)).toBe(true);
    expect(ledger.apply(accrual, 20, false)).toBe(true);
    expect(ledger.figures()).toMatchObject({ drift: -40, driftAbsolute: 40, duplicateAccruals: 1 });
  });

  it('idempotency drops the duplicate', () => {
    const ledger = new PointsLedger(10);
    const accrual = ledger.create('accrual', 1, 40, 0);
    ledger.apply(accrual, 10, true);
    expect(ledger.apply(accrual, 20, true)).toBe(false);
    expect(ledger.figures()).toMatchObject({ drift: 0, duplicateAccruals: 0, duplicatesSuppressed: 1 });
  });

  it('provisional points settle and ledgers agree', () => {
    const ledger = new PointsLedger(10);
    const accrual = ledger.create('accrual', 2, 70, 0);
    ledger.markProvisional(accrual, 5);
    expect(ledger.figures()).toMatchObject({ drift: 0, provisionalPending: 70, agree: false, firstDisagreedAt: 5 });

    ledger.apply(accrual, 900, true);
    expect(ledger.figures()).toMatchObject({ drift: 0, provisionalPending: 0, agree: true, agreedAt: 900 });
  });

  it('abandoned redemption taken by loyalty drifts until compensated', () => {
    const ledger = new PointsLedger(10);
    const redemption = ledger.create('redemption', 4, -30, 0);
    ledger.apply(redemption, 10, false);
    ledger.cancel(redemption, 12);
    expect(ledger.figures()).toMatchObject({ drift: 30, driftAbsolute: 30 });

    ledger.compensate(redemption, 40);
    expect(ledger.figures()).toMatchObject({ drift: 0, driftAbsolute: 0, agree: true, agreedAt: 40 });
  });

  it('over- and under-award of two customers do not cancel', () => {
    const ledger = new PointsLedger(10);
    const missing = ledger.create('accrual', 1, 50, 0);
    const doubled = ledger.create('accrual', 2, 50, 0);
    ledger.giveUp(missing, 1);
    ledger.apply(doubled, 2, false);
    ledger.apply(doubled, 3, false);
    expect(ledger.figures()).toMatchObject({ drift: 0, driftAbsolute: 100 });
  });
});
