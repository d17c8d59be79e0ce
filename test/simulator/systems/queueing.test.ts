import { beforeAll, describe, expect, it } from 'vitest';
import { erlangC } from '../../../src/simulator/engine/distributions.js';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { Scheduler } from '../../../src/simulator/engine/scheduler.js';
import { SimSystem } from '../../../src/simulator/systems/system.js';
import type { CallOutcome } from '../../../src/simulator/systems/system.js';

const SERVERS = 4;
const MEAN_SERVICE_MS = 100;
const UTILISATION = 0.9;
const ARRIVAL_RATE = (UTILISATION * SERVERS) / MEAN_SERVICE_MS; // calls per ms
const SEED = 1;

// About 12.6 million arrivals. Across seeds 1 to 8, runs of 16 million calls put the mean wait
// within 1 % of Erlang C (standard deviation about 0.55 %), so 2 % leaves more than three standard
// deviations at this length. Runs of 1 million calls spread by about 3 %, too wide for the bound.
const HORIZON_MS = 350_000_000;

interface RunFigures {
  horizon: number;
  arrivals: number;
  completed: number;
  waitSum: number;
  latencySum: number;
  busyTime: number;
  queueTime: number;
}

/** Drives an M/M/c system with Poisson arrivals up to the horizon and returns what it measured. */
function runMMc(): RunFigures {
  const scheduler = new Scheduler();
  const random = new RandomStreams(SEED);
  const system = new SimSystem(
    {
      kind: 'erp',
      name: 'M/M/4 check',
      concurrency: SERVERS,
      queueLimit: Infinity,
      errorRate: 0,
      latency: { reserveInventory: { kind: 'exponential', mean: MEAN_SERVICE_MS } },
      limiter: null,
    },
    scheduler,
    random,
  );
  const arrivalStream = random.stream('arrivals');
  const figures = { arrivals: 0, completed: 0, waitSum: 0, latencySum: 0 };

  const onAnswer = (outcome: CallOutcome): void => {
    figures.completed++;
    figures.waitSum += outcome.wait;
    figures.latencySum += outcome.latency;
  };
  const arrive = (): void => {
    figures.arrivals++;
    system.call('reserveInventory', onAnswer);
    scheduler.after(arrivalStream.exponential(1 / ARRIVAL_RATE), arrive);
  };
  scheduler.after(arrivalStream.exponential(1 / ARRIVAL_RATE), arrive);

  scheduler.runUntil(HORIZON_MS);

  const { busyTime, queueTime } = system.stats;
  return { horizon: scheduler.now, ...figures, busyTime, queueTime };
}

describe('SimSystem as M/M/c queue', () => {
  let run: RunFigures;
  // About 4 s on an idle 2-core machine; the hook timeout leaves room for a loaded one.
  beforeAll(() => {
    run = runMMc();
  }, 60_000);

  it('ran the full horizon', () => {
    expect(run.horizon).toBe(HORIZON_MS);
    expect(run.arrivals).toBeGreaterThan(12_000_000);
  });

  it('mean wait matches Erlang C', () => {
    const expected = erlangC(SERVERS, ARRIVAL_RATE, 1 / MEAN_SERVICE_MS).meanWait;
    const measured = run.waitSum / run.completed;

    expect(Math.abs(measured / expected - 1)).toBeLessThan(0.02);
  });

  it('number in system obeys Little', () => {
    const timeAverageInSystem = (run.busyTime + run.queueTime) / run.horizon;
    const arrivalRate = run.arrivals / run.horizon;
    const meanTimeInSystem = run.latencySum / run.completed;

    expect(Math.abs(timeAverageInSystem / (arrivalRate * meanTimeInSystem) - 1)).toBeLessThan(0.01);
  });

  it('queue length obeys Little', () => {
    const timeAverageQueue = run.queueTime / run.horizon;
    const arrivalRate = run.arrivals / run.horizon;
    const meanWait = run.waitSum / run.completed;

    expect(Math.abs(timeAverageQueue / (arrivalRate * meanWait) - 1)).toBeLessThan(0.01);
  });

  it('server utilisation near offered load', () => {
    const utilisation = run.busyTime / (SERVERS * run.horizon);

    expect(Math.abs(utilisation / UTILISATION - 1)).toBeLessThan(0.01);
  });
});
