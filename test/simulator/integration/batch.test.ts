import { describe, expect, it } from 'vitest';
import { BatchTransfers, firstDelivery, startTimeOfDay } from '../../../src/simulator/integration/batch.js';
import { scenarioFrom } from '../runtime/fixtures.js';
import { singleSystemRig } from './harness.js';

const HOUR = 3_600_000;

/** Builds a POS-to-loyalty batch link with the given schedule. Loyalty imports a record in 10 ms. */
function batchSetup(schedule: string, start = '2025-11-28T22:00:00-05:00') {
  const scenario = scenarioFrom(`
schemaVersion: 1
name: batch test
clock: { start: '${start}', duration: 2d }
systems:
  loyalty: { concurrency: 4, errorRate: 0, latency: { accrue: { p50: 10ms, p99: 10ms } } }
  pos: {}
  erp: {}
links:
  - { from: pos, to: loyalty, style: batch, batch: ${schedule} }
load:
  profile: { kind: constant, rate: 0 }
  channels: { pos: 1 }
  mix: { inStoreCheckout: 1 }
`);
  const { scheduler, system: loyalty, executor, links } = singleSystemRig(scenario, 'loyalty', null);
  const transfers = new BatchTransfers(links, scheduler, executor, scenario.clock.start);
  const link = links.get('pos', 'loyalty');
  const applied: number[] = [];
  const write = (at: number): void =>
    scheduler.at(at, (now) =>
      transfers.get(link).write({
        operation: 'accrue',
        effect: (outcome, time) => {
          if (outcome.status === 'ok') applied.push(time);
        },
        note: null,
        writtenAt: now,
      }),
    );
  return { scheduler, transfers, link, loyalty, applied, write };
}

describe('batch schedule', () => {
  it('reads local time of day', () => {
    expect(startTimeOfDay('2025-11-28T22:30:15-05:00')).toBe(22 * HOUR + 30 * 60_000 + 15_000);
    expect(startTimeOfDay(undefined)).toBe(0);
    expect(() => startTimeOfDay('2025-11-28')).toThrow('Invalid clock.start "2025-11-28"');
  });

  it('first nightly delivery at 02:00', () => {
    const nightly = { at: '02:00', every: 24 * HOUR, recordsPerSecond: 10 };
    expect(firstDelivery(nightly, 22 * HOUR)).toBe(4 * HOUR);
    expect(firstDelivery(nightly, 1 * HOUR)).toBe(1 * HOUR);
    expect(firstDelivery(nightly, 2 * HOUR)).toBe(0);
  });

  it('without time of day waits one period', () => {
    expect(firstDelivery({ every: 6 * HOUR, recordsPerSecond: 10 }, 22 * HOUR)).toBe(6 * HOUR);
  });
});

describe('BatchTransfer', () => {
  it('delivers at scheduled time, not before', () => {
    const setup = batchSetup(`{ at: '02:00', recordsPerSecond: 2 }`);
    setup.write(1_000);
    setup.write(2_000);
    setup.write(3_000);

    setup.scheduler.runUntil(4 * HOUR - 1);
    expect(setup.applied).toEqual([]);
    expect(setup.transfers.get(setup.link).recordsBuffered).toBe(3);
    expect(setup.loyalty.stats.calls).toBe(0);

    setup.scheduler.runUntil(4 * HOUR + 10_000);
    // Two records per second: imports start at 0, 500 and 1,000 ms after delivery and take 10 ms each.
    expect(setup.applied).toEqual([4 * HOUR + 10, 4 * HOUR + 510, 4 * HOUR + 1_010]);
    expect(setup.transfers.get(setup.link).snapshot()).toEqual({
      link: 'pos->loyalty',
      from: 'pos',
      to: 'loyalty',
      recordsBuffered: 0,
      recordsProcessing: 0,
      nextDeliveryAt: 28 * HOUR,
      lastDeliveredAt: 4 * HOUR,
      filesDelivered: 1,
      recordsDelivered: 3,
      recordsCarriedOver: 0,
      recordsPerSecond: 2,
    });
  });

  it('cut link keeps file for next delivery', () => {
    const setup = batchSetup(`{ every: 1h, recordsPerSecond: 100 }`);
    setup.write(1_000);
    setup.scheduler.at(HOUR - 1, () => {
      setup.link.cut = true;
    });
    setup.scheduler.at(HOUR + 1, () => {
      setup.link.cut = false;
    });

    setup.scheduler.runUntil(2 * HOUR - 1);
    expect(setup.applied).toEqual([]);
    setup.scheduler.runUntil(2 * HOUR + 1_000);
    expect(setup.applied).toEqual([2 * HOUR + 10]);
  });

  it('carries rejected records to next file', () => {
    const setup = batchSetup(`{ every: 1h, recordsPerSecond: 100 }`);
    setup.write(1_000);
    setup.scheduler.at(HOUR - 1, () => setup.loyalty.setOutage('unavailable'));
    setup.scheduler.at(HOUR + 60_000, () => setup.loyalty.setOutage(null));

    setup.scheduler.runUntil(HOUR + 60_000);
    const transfer = setup.transfers.get(setup.link);
    expect(transfer.recordsCarriedOver).toBe(1);
    expect(transfer.recordsBuffered).toBe(1);

    setup.scheduler.runUntil(2 * HOUR + 1_000);
    expect(setup.applied).toEqual([2 * HOUR + 10]);
  });
});
