import { describe, expect, it } from 'vitest';
import {
  EVENT_INDEX,
  enumerateJourneyPaths,
  getCompiledJourney,
  type JourneyPath,
} from '../../../src/simulator/journeys/index.js';
import { JOURNEY_KINDS } from '../../../src/simulator/scenario/schema.js';

const keysOf = (path: JourneyPath) => path.states.map((id) => id.slice(id.indexOf('.') + 1));

function outcomeCounts(kind: (typeof JOURNEY_KINDS)[number]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const path of enumerateJourneyPaths(kind)) counts[path.outcome] = (counts[path.outcome] ?? 0) + 1;
  return counts;
}

describe('enumerateJourneyPaths', () => {
  it.each(JOURNEY_KINDS)('paths end in final states for %s', (kind) => {
    const journey = getCompiledJourney(kind);

    for (const path of enumerateJourneyPaths(kind)) {
      const last = journey.states.find((state) => state.id === path.states.at(-1));
      expect(last?.kind).toBe('final');
      expect(last?.outcome).toBe(path.outcome);
      expect(path.states).toHaveLength(path.events.length + 1);
    }
  });

  it.each(JOURNEY_KINDS)('table replays every path of %s', (kind) => {
    const journey = getCompiledJourney(kind);

    for (const path of enumerateJourneyPaths(kind)) {
      let index = journey.initial;
      const visited = [journey.states[index]!.id];
      for (const event of path.events) {
        index = journey.states[index]!.next[EVENT_INDEX[event]]!;
        expect(index, `${path.events.join(' ')} at ${event}`).toBeGreaterThanOrEqual(0);
        visited.push(journey.states[index]!.id);
      }
      expect(visited).toEqual(path.states);
    }
  });

  it('path counts by outcome', () => {
    expect(outcomeCounts('onlineCheckout')).toEqual({ completed: 26, completedDegraded: 106, lost: 217 });
    expect(outcomeCounts('inStoreCheckout')).toEqual({ completed: 6, completedDegraded: 18, lost: 3 });
    expect(outcomeCounts('buyOnlinePickUpInStore')).toEqual({ completed: 6, completedDegraded: 24, lost: 18 });
    expect(outcomeCounts('returnInStore')).toEqual({
      completed: 2,
      completedDegraded: 1,
      lost: 2,
      refundedWithoutReversal: 1,
    });
    expect(outcomeCounts('promotionActivation')).toEqual({ completed: 2, completedDegraded: 10, lost: 4 });
    expect(outcomeCounts('profileEnrichment')).toEqual({ completed: 2, completedDegraded: 10, lost: 3 });
  });
});

describe('journey business rules', () => {
  it('failed redemption loses the checkout', () => {
    const paths = enumerateJourneyPaths('onlineCheckout').filter((path) => {
      const keys = keysOf(path);
      return path.events[keys.indexOf('redeem')] === 'FAILED';
    });

    // Price and profile may each come from the cache, and the balance may be deferred: 2 x 2 x 2 paths.
    expect(paths.length).toBe(8);
    for (const path of paths) expect(path.outcome).toBe('lost');
  });

  it('redeemed points reversed on failure', () => {
    for (const path of enumerateJourneyPaths('onlineCheckout')) {
      const keys = keysOf(path);
      const redeemed = keys.includes('redeem') && path.events[keys.indexOf('redeem')] === 'OK';
      const failedAfter = ['reserveInventory', 'placeOrder'].some(
        (key) => keys.includes(key) && path.events[keys.indexOf(key)] === 'FAILED',
      );
      if (!redeemed || !failedAfter) continue;

      expect(keys).toContain('reversePoints');
      expect(path.outcome).toBe('lost');
    }
  });

  it('placed order is never lost', () => {
    for (const kind of ['onlineCheckout', 'buyOnlinePickUpInStore'] as const) {
      for (const path of enumerateJourneyPaths(kind)) {
        const keys = keysOf(path);
        const placed = keys.findIndex((key, i) => key.endsWith('laceOrder') && path.events[i] === 'OK');
        if (placed >= 0) expect(path.outcome, keys.join(' > ')).not.toBe('lost');
      }
    }
  });

  it('guest checkout skips loyalty calls', () => {
    const journey = getCompiledJourney('onlineCheckout');
    const guestPaths = enumerateJourneyPaths('onlineCheckout').filter(
      (path) => keysOf(path).includes('getCustomer') && path.events[keysOf(path).indexOf('getCustomer')] === 'FAILED',
    );

    expect(guestPaths.length).toBe(16);
    for (const path of guestPaths) {
      const systems = path.states.map((id) => journey.states.find((state) => state.id === id)!.step?.system);
      expect(systems).not.toContain('loyalty');
    }
  });

  it('drops paths no runner produces', () => {
    for (const path of enumerateJourneyPaths('onlineCheckout')) {
      const keys = keysOf(path);
      const redeemed = keys.includes('redeem') && path.events[keys.indexOf('redeem')] === 'OK';
      const compensate = keys.indexOf('compensate');
      if (compensate < 0) continue;

      expect(path.events[compensate], keys.join(' > ')).toBe(redeemed ? 'YES' : 'NO');
    }
  });

  it('failed reversal keeps refund', () => {
    const path = enumerateJourneyPaths('returnInStore').find((p) => p.events.join() === 'OK,OK,YES,FAILED');

    expect(path?.outcome).toBe('refundedWithoutReversal');
  });

  it('degraded accrual completes degraded', () => {
    for (const kind of ['onlineCheckout', 'inStoreCheckout', 'buyOnlinePickUpInStore'] as const) {
      for (const path of enumerateJourneyPaths(kind)) {
        const keys = keysOf(path);
        const degradedAccrual = keys.some((key, i) => key.startsWith('accrue') && path.events[i] === 'DEGRADED');
        if (degradedAccrual) expect(path.outcome, kind).toBe('completedDegraded');
      }
    }
  });

  it('failed order releases stock first', () => {
    for (const kind of ['onlineCheckout', 'buyOnlinePickUpInStore'] as const) {
      for (const path of enumerateJourneyPaths(kind)) {
        const keys = keysOf(path);
        const failed = keys.findIndex((key, i) => key.endsWith('laceOrder') && path.events[i] === 'FAILED');
        if (failed < 0) continue;

        expect(keys.slice(failed + 1, failed + 3), keys.join(' > ')).toEqual(['voidPayment', 'releaseInventory']);
        expect(path.outcome).toBe('lost');
      }
    }
  });

  it('failed reservation releases stock', () => {
    for (const path of enumerateJourneyPaths('onlineCheckout')) {
      const keys = keysOf(path);
      const failed = keys.findIndex((key, i) => key.endsWith('eserveInventory') && path.events[i] === 'FAILED');
      if (failed >= 0) expect(keys[failed + 1], keys.join(' > ')).toBe('releaseInventory');
    }
  });

  it('queued profile write completes degraded', () => {
    for (const kind of ['promotionActivation', 'profileEnrichment'] as const) {
      for (const path of enumerateJourneyPaths(kind)) {
        const keys = keysOf(path);
        if (path.events[keys.indexOf('upsertCustomer')] === 'DEGRADED') expect(path.outcome, kind).toBe('completedDegraded');
      }
    }
  });

  it('priorities follow shedding order', () => {
    const priorities = (kind: (typeof JOURNEY_KINDS)[number]) =>
      Object.fromEntries(
        getCompiledJourney(kind)
          .states.filter((state) => state.step !== null)
          .map((state) => [state.key, state.step!.priority]),
      );

    expect(priorities('onlineCheckout')).toMatchObject({
      lookupPrice: 'critical',
      getCustomer: 'standard',
      getBalance: 'critical',
      redeem: 'critical',
      reserveInventory: 'critical',
      placeOrder: 'critical',
      postOrder: 'standard',
      accrue: 'standard',
    });
    expect(priorities('inStoreCheckout')).toMatchObject({ lookupPrice: 'standard', captureSale: 'critical' });
    expect(new Set(Object.values(priorities('profileEnrichment')))).toEqual(new Set(['low']));
  });
});
