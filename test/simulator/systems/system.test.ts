import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../src/simulator/engine/random.js';
import { Scheduler } from '../../../src/simulator/engine/scheduler.js';
import type { OperationName } from '../../../src/simulator/scenario/schema.js';
import { DEFAULT_LATENCY } from '../../../src/simulator/systems/catalog.js';
import { SimSystem } from '../../../src/simulator/systems/system.js';
import type { CallOutcome, SystemOptions } from '../../../src/simulator/systems/system.js';
import type { VendorError, VendorLimiter } from '../../../src/simulator/vendors/limiter.js';

/** Admits at most `limit` requests at once and records every admit and finish. */
class ConcurrencyLimiter implements VendorLimiter {
  readonly log: string[] = [];
  factor = 1;
  private active = 0;

  constructor(private readonly limit: number) {}

  admit(now: number, requestId: number, operation: string): VendorError | null {
    if (this.active >= Math.floor(this.limit * this.factor)) {
      this.log.push(`reject ${requestId} ${operation}@${now}`);
      return { status: 429, code: 'TEST_LIMIT', message: 'over the test limit', retryAfterMs: 1_000 };
    }
    this.active++;
    this.log.push(`admit ${requestId} ${operation}@${now}`);
    return null;
  }

  finish(now: number, requestId: number): void {
    this.active--;
    this.log.push(`finish ${requestId}@${now}`);
  }

  setFactor(factor: number): void {
    this.factor = factor;
  }
}

interface Answer extends CallOutcome {
  id: string;
  at: number;
}

/** Builds an ERP system whose reserveInventory always takes exactly 100 ms. */
function setup(overrides: Partial<SystemOptions> = {}) {
  const scheduler = new Scheduler();
  const system = new SimSystem(
    {
      kind: 'erp',
      name: 'Test ERP',
      concurrency: 1,
      queueLimit: 10,
      errorRate: 0,
      latency: { reserveInventory: { p50: 100, p99: 100 } },
      limiter: null,
      ...overrides,
    },
    scheduler,
    new RandomStreams(1),
  );
  const answers: Answer[] = [];
  const send = (id: string, operation: OperationName = 'reserveInventory') =>
    system.call(operation, (outcome) => answers.push({ id, at: scheduler.now, ...outcome }));
  return { scheduler, system, answers, send };
}

describe('SimSystem', () => {
  it('serves a call in service time', () => {
    const { scheduler, answers, send } = setup();
    send('a');

    scheduler.runUntil(1_000);

    expect(answers).toEqual([{ id: 'a', at: 100, status: 'ok', latency: 100, wait: 0, error: null }]);
  });

  it('queues calls in FIFO order', () => {
    const { scheduler, system, answers, send } = setup();
    send('a');
    send('b');
    send('c');

    expect(system.stats.queueDepth).toBe(2);
    scheduler.runUntil(1_000);

    expect(answers.map(({ id, at, wait, latency }) => ({ id, at, wait, latency }))).toEqual([
      { id: 'a', at: 100, wait: 0, latency: 100 },
      { id: 'b', at: 200, wait: 100, latency: 200 },
      { id: 'c', at: 300, wait: 200, latency: 300 },
    ]);
    expect(system.stats.queueDepthMax).toBe(2);
  });

  it('serves concurrency calls in parallel', () => {
    const { scheduler, answers, send } = setup({ concurrency: 3 });
    for (const id of ['a', 'b', 'c', 'd']) send(id);

    scheduler.runUntil(1_000);

    expect(answers.map(({ id, at }) => `${id}@${at}`)).toEqual(['a@100', 'b@100', 'c@100', 'd@200']);
  });

  it('rejects calls over queue limit', () => {
    const { scheduler, system, answers, send } = setup({ queueLimit: 1 });
    send('a');
    send('b');
    send('c');

    expect(answers).toEqual([]);
    scheduler.runUntil(0);

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ id: 'c', at: 0, status: 'rejected', latency: 0, wait: 0 });
    expect(answers[0]?.error).toMatchObject({ status: 503, code: 'QUEUE_FULL' });
    expect(system.stats.rejections).toBe(1);
  });

  it('limiter rejection answers at once', () => {
    const limiter = new ConcurrencyLimiter(1);
    const { scheduler, answers, send } = setup({ limiter });
    send('a');
    send('b');

    scheduler.runUntil(1_000);

    expect(answers.map(({ id, at, status }) => `${id} ${status}@${at}`)).toEqual(['b rejected@0', 'a ok@100']);
    expect(answers[0]?.error).toEqual({
      status: 429,
      code: 'TEST_LIMIT',
      message: 'over the test limit',
      retryAfterMs: 1_000,
    });
    expect(limiter.log).toEqual(['admit 1 reserveInventory@0', 'reject 2 reserveInventory@0', 'finish 1@100']);
  });

  it('limiter finish follows every admission', () => {
    const limiter = new ConcurrencyLimiter(10);
    const { scheduler, send } = setup({ limiter, queueLimit: 1, errorRate: 1 });
    send('a');
    send('b');
    send('c');

    scheduler.runUntil(1_000);

    expect(limiter.log).toEqual([
      'admit 1 reserveInventory@0',
      'admit 2 reserveInventory@0',
      'admit 3 reserveInventory@0',
      'finish 3@0',
      'finish 1@100',
      'finish 2@200',
    ]);
  });

  it('error rate one fails calls', () => {
    const { scheduler, system, answers, send } = setup({ errorRate: 1 });
    send('a');
    scheduler.runUntil(1_000);
    system.setErrorRate(0);
    send('b');
    scheduler.runUntil(2_000);

    expect(answers[0]).toMatchObject({ status: 'error', latency: 100 });
    expect(answers[0]?.error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(answers[1]).toMatchObject({ status: 'ok', error: null });
    expect(system.stats).toMatchObject({ completed: 2, errors: 1 });
  });

  it('null error rate restores baseline', () => {
    const { scheduler, answers, system, send } = setup({ errorRate: 1 });
    system.setErrorRate(0);
    system.setErrorRate(null);
    send('a');

    scheduler.runUntil(1_000);

    expect(answers[0]?.status).toBe('error');
  });

  it('unavailable outage answers after connect', () => {
    const limiter = new ConcurrencyLimiter(10);
    const { scheduler, system, answers, send } = setup({ limiter });
    send('in-service');
    scheduler.runUntil(50);
    system.setOutage('unavailable');
    send('refused');

    scheduler.runUntil(1_000);

    expect(answers.map(({ id, at, status, latency }) => `${id} ${status} ${latency}@${at}`)).toEqual([
      'refused unavailable 2@52',
      'in-service ok 100@100',
    ]);
    expect(answers[0]?.error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(limiter.log).toEqual(['admit 1 reserveInventory@0', 'finish 1@100']);
    expect(system.stats).toMatchObject({ calls: 2, unavailable: 1, completed: 1 });
  });

  it('unresponsive outage never answers', () => {
    const { scheduler, system, answers, send } = setup();
    system.setOutage('unresponsive');
    send('lost');
    scheduler.runUntil(10_000);

    expect(answers).toEqual([]);
    expect(system.stats).toMatchObject({ calls: 1, inFlight: 0, queueDepth: 0 });

    system.setOutage(null);
    send('after');
    scheduler.runUntil(20_000);

    expect(answers.map(({ id, at, wait }) => `${id} wait ${wait}@${at}`)).toEqual(['after wait 0@10100']);
  });

  it('outage flushes queued calls', () => {
    const limiter = new ConcurrencyLimiter(10);
    const { scheduler, system, answers, send } = setup({ limiter });
    send('a');
    send('b');
    send('c');
    scheduler.runUntil(30);
    system.setOutage('unavailable');

    scheduler.runUntil(1_000);

    expect(answers.map(({ id, status, latency, wait }) => `${id} ${status} ${latency}/${wait}`)).toEqual([
      'b unavailable 30/30',
      'c unavailable 30/30',
      'a ok 100/0',
    ]);
    expect(limiter.log.slice(3)).toEqual(['finish 2@30', 'finish 3@30', 'finish 1@100']);
    expect(system.stats.queueDepth).toBe(0);
  });

  it('unresponsive outage drops queued calls', () => {
    const { scheduler, system, answers, send } = setup();
    send('a');
    send('b');
    system.setOutage('unresponsive');

    scheduler.runUntil(1_000);

    expect(answers.map(({ id }) => id)).toEqual(['a']);
    expect(system.stats).toMatchObject({ queueDepth: 0, inFlight: 0 });
  });

  it('latency factor scales new calls', () => {
    const { scheduler, system, answers, send } = setup({ concurrency: 2 });
    send('before');
    system.setLatencyFactor(3);
    send('after');

    scheduler.runUntil(1_000);

    expect(answers.map(({ id, latency }) => `${id} ${latency}`)).toEqual(['before 100', 'after 300']);
  });

  it('limit factor reaches limiter', () => {
    const limiter = new ConcurrencyLimiter(4);
    const { system } = setup({ limiter });

    system.setLimitFactor(0.5);

    expect(limiter.factor).toBe(0.5);
    expect(system.health).toBe('degraded');
  });

  it('stats integrate busy and queue time', () => {
    const { scheduler, system, send } = setup({ concurrency: 2 });
    send('a');
    send('b');
    send('c');

    scheduler.runUntil(250);

    expect(system.stats).toEqual({
      calls: 3,
      completed: 3,
      errors: 0,
      rejections: 0,
      unavailable: 0,
      inFlight: 0,
      queueDepth: 0,
      queueDepthMax: 1,
      busyTime: 300,
      queueTime: 100,
    });
  });

  it('health follows faults and queue', () => {
    const { system, send } = setup({ queueLimit: 4 });
    expect(system.health).toBe('up');

    system.setLatencyFactor(2);
    expect(system.health).toBe('degraded');
    system.setLatencyFactor(1);
    system.setErrorRate(0.5);
    expect(system.health).toBe('degraded');
    system.setErrorRate(null);
    expect(system.health).toBe('up');

    for (const id of ['a', 'b', 'c']) send(id);
    expect(system.health).toBe('degraded');

    system.setOutage('unavailable');
    expect(system.health).toBe('down');
  });

  it('missing latency uses catalog default', () => {
    const run = (latency: SystemOptions['latency']) => {
      const { scheduler, answers, send } = setup({ concurrency: 8, latency });
      for (let i = 0; i < 20; i++) send(`c${i}`, 'postOrder');
      scheduler.runUntil(100_000);
      return answers.map((answer) => answer.latency);
    };

    const defaults = run({});
    expect(defaults).toEqual(run({ postOrder: DEFAULT_LATENCY.erp.postOrder }));
    expect(defaults).not.toEqual(run({ postOrder: { p50: 120, p99: 901 } }));
  });

  it('same seed replays same latencies', () => {
    const run = () => {
      const { scheduler, answers, send } = setup({ concurrency: 4, latency: {}, errorRate: 0.2 });
      for (let i = 0; i < 50; i++) send(`c${i}`, i % 2 === 0 ? 'lookupPrice' : 'postOrder');
      scheduler.runUntil(100_000);
      return answers.map(({ id, latency, status }) => `${id} ${status} ${latency}`);
    };

    expect(run()).toEqual(run());
  });

  it('error rate leaves latencies unchanged', () => {
    const run = (errorRate: number) => {
      const { scheduler, answers, send } = setup({ concurrency: 4, latency: {}, errorRate });
      for (let i = 0; i < 50; i++) send(`c${i}`, 'postOrder');
      scheduler.runUntil(100_000);
      return answers.map(({ id, latency }) => `${id} ${latency}`);
    };

    expect(run(0.5)).toEqual(run(0));
  });

  it('kinds draw from separate streams', () => {
    const run = (withCrmTraffic: boolean) => {
      const scheduler = new Scheduler();
      const random = new RandomStreams(9);
      const base = { concurrency: 4, queueLimit: 100, errorRate: 0, latency: {}, limiter: null };
      const erp = new SimSystem({ ...base, kind: 'erp', name: 'ERP' }, scheduler, random);
      const crm = new SimSystem({ ...base, kind: 'crm', name: 'CRM' }, scheduler, random);
      const latencies: number[] = [];
      for (let i = 0; i < 20; i++) {
        if (withCrmTraffic) crm.call('getCustomer', () => {});
        erp.call('lookupPrice', (outcome) => latencies.push(outcome.latency));
      }
      scheduler.runUntil(100_000);
      return latencies;
    };

    expect(run(true)).toEqual(run(false));
  });

  it('rejects unknown operation', () => {
    const { system } = setup();

    expect(() => system.call('accrue', () => {})).toThrow(/does not offer operation "accrue"/);
  });

  it('rejects invalid options', () => {
    expect(() => setup({ concurrency: 0 })).toThrow(/concurrency 0 must be a positive integer/);
    expect(() => setup({ queueLimit: -1 })).toThrow(/queueLimit -1/);
    expect(() => setup({ errorRate: 2 })).toThrow(/errorRate 2 must be between 0 and 1/);
    expect(() => setup({ latency: { accrue: { p50: 1, p99: 2 } } })).toThrow(/unknown operation "accrue"/);
    expect(() => setup({ latency: { postOrder: { p50: 10, p99: 5 } } })).toThrow(/p99 5 ms is below p50 10 ms/);
  });

  it('rejects invalid fault values', () => {
    const { system } = setup();

    expect(() => system.setLatencyFactor(0)).toThrow(/latency factor 0/);
    expect(() => system.setErrorRate(1.5)).toThrow(/error rate 1.5/);
    expect(() => system.setLimitFactor(-1)).toThrow(/limit factor -1/);
  });
});
