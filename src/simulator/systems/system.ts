/**
 * One simulated back-end system: a multi-server FIFO queue (M/G/c with a queue limit) behind an
 * optional vendor limiter, with fault controls for outages, slowdowns, errors and limit cuts.
 */
import { createServiceTime } from '../engine/distributions.js';
import type { ServiceTimeSampler } from '../engine/distributions.js';
import type { RandomStream, RandomStreams } from '../engine/random.js';
import { Ring } from '../engine/ring.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { OperationName, SystemKind } from '../scenario/schema.js';
import { SYSTEM_OPERATIONS } from '../scenario/schema.js';
import type { SystemHealth } from '../api.js';
import type { VendorError, VendorLimiter } from '../vendors/limiter.js';
import { defaultLatency } from './catalog.js';
import { validateOptions } from './options.js';
import type { CallOutcome, OutageMode, SystemOptions, SystemStats } from './options.js';

export type { CallOutcome, OutageMode, SystemOptions, SystemStats } from './options.js';

/** Milliseconds a call to a system in an `unavailable` outage takes to fail, the TCP connect time. */
export const CONNECT_TIME_MS = 2;

/** Share of the queue limit at which a system without faults reports itself degraded. */
const DEGRADED_QUEUE_SHARE = 0.5;

/**
 * Simulates one system (ERP, CRM, loyalty, POS or ecommerce) on the run's scheduler.
 *
 * A call passes the vendor limiter, then takes a free server or waits in a FIFO queue. Its service
 * time is drawn from the operation's distribution times the latency factor, and at completion the
 * error rate decides between ok and 500 INTERNAL_ERROR. The limiter's `finish` is called once for
 * every request it admitted. Results are always delivered from a scheduled event, never from inside
 * `call`, so a caller that retries from its callback cannot recurse.
 *
 * During an outage calls are stopped before the limiter, so a down system uses none of its vendor
 * quota. Calls in service when an outage starts complete normally, and queued calls get 503 at once
 * (`unavailable`) or are dropped without a response (`unresponsive`).
 *
 * Random streams: `service:<kind>` for service times and `errors:<kind>` for the error draw.
 */
export class SimSystem {
  readonly kind: SystemKind;
  readonly name: string;

  private readonly scheduler: Scheduler;
  private readonly limiter: VendorLimiter | null;
  private readonly queueLimit: number;
  private readonly baselineErrorRate: number;
  private readonly samplers = new Map<string, ServiceTimeSampler>();
  private readonly serviceStream: RandomStream;
  private readonly errorStream: RandomStream;

  private outage: OutageMode | null = null;
  private latencyFactor = 1;
  private errorRate: number;
  private errorRateOverride = false;
  private limitFactor = 1;
  private nextRequestId = 1;

  // Server slots, as parallel arrays indexed by slot, each with one completion handler made up front
  // so that serving a call allocates no closure.
  private readonly freeSlots: number[] = [];
  private readonly slotRequest: Float64Array;
  private readonly slotArrival: Float64Array;
  private readonly slotWait: Float64Array;
  private readonly slotDone: (((outcome: CallOutcome) => void) | null)[];
  private readonly slotComplete: ((now: number) => void)[];

  // Waiting calls, FIFO, advanced in lockstep.
  private readonly queuedRequest = new Ring<number>();
  private readonly queuedArrival = new Ring<number>();
  private readonly queuedSampler = new Ring<ServiceTimeSampler>();
  private readonly queuedDone = new Ring<(outcome: CallOutcome) => void>();

  // Results waiting for delivery. Every result in one ring has the same delay, and the scheduler runs
  // equal times in insertion order, so each delivery event takes the front of its ring.
  private readonly immediateDone = new Ring<(outcome: CallOutcome) => void>();
  private readonly immediateOutcome = new Ring<CallOutcome>();
  private readonly unavailableDone = new Ring<(outcome: CallOutcome) => void>();
  private readonly deliverImmediate = (): void => {
    this.immediateDone.shift()(this.immediateOutcome.shift());
  };
  private readonly deliverUnavailable = (): void => {
    this.unavailableDone.shift()(this.unavailableOutcome);
  };

  private readonly queueFullError: VendorError;
  private readonly unavailableError: VendorError;
  private readonly internalError: VendorError;
  private readonly unavailableOutcome: CallOutcome;
  private readonly flushedOutcome: CallOutcome;

  private readonly counters: SystemStats = {
    calls: 0,
    completed: 0,
    errors: 0,
    rejections: 0,
    unavailable: 0,
    inFlight: 0,
    queueDepth: 0,
    queueDepthMax: 0,
    busyTime: 0,
    queueTime: 0,
  };
  private integratedUntil: number;

  /**
   * Creates the system and resolves each operation's service time.
   *
   * @throws RangeError when concurrency, queueLimit or errorRate is out of range, an operation in
   *   `latency` is not one this kind offers, or a service time is invalid.
   */
  constructor(options: SystemOptions, scheduler: Scheduler, random: RandomStreams) {
    validateOptions(options);

    this.kind = options.kind;
    this.name = options.name;
    this.scheduler = scheduler;
    this.limiter = options.limiter;
    this.queueLimit = options.queueLimit;
    this.baselineErrorRate = options.errorRate;
    this.errorRate = options.errorRate;
    this.serviceStream = random.stream(`service:${options.kind}`);
    this.errorStream = random.stream(`errors:${options.kind}`);
    this.integratedUntil = scheduler.now;

    for (const operation of SYSTEM_OPERATIONS[options.kind]) {
      const spec = options.latency[operation] ?? defaultLatency(options.kind, operation);
      if (!spec) throw new RangeError(`bug: the catalog has no default service time for ${options.kind}.${operation}`);
      this.samplers.set(operation, createServiceTime(spec));
    }

    const slots = options.concurrency;
    this.slotRequest = new Float64Array(slots);
    this.slotArrival = new Float64Array(slots);
    this.slotWait = new Float64Array(slots);
    this.slotDone = new Array<((outcome: CallOutcome) => void) | null>(slots).fill(null);
    this.slotComplete = [];
    for (let slot = slots - 1; slot >= 0; slot--) this.freeSlots.push(slot);
    for (let slot = 0; slot < slots; slot++) this.slotComplete.push((now) => this.complete(slot, now));

    this.queueFullError = {
      status: 503,
      code: 'QUEUE_FULL',
      message: `${this.name} rejected the call: its queue is full (${this.queueLimit} calls waiting)`,
    };
    this.unavailableError = {
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: `${this.name} is unavailable`,
    };
    this.internalError = {
      status: 500,
      code: 'INTERNAL_ERROR',
      message: `${this.name} failed to process the call`,
    };
    this.unavailableOutcome = { status: 'unavailable', latency: CONNECT_TIME_MS, wait: 0, error: this.unavailableError };
    this.flushedOutcome = { status: 'unavailable', latency: 0, wait: 0, error: this.unavailableError };
  }

  /**
   * Sends one call for `operation`. `done` receives the result from a scheduled event, or never when
   * the system is unresponsive.
   *
   * @throws RangeError when this system kind does not offer `operation`.
   */
  call(operation: OperationName, done: (outcome: CallOutcome) => void): void {
    const sampler = this.samplers.get(operation);
    if (!sampler) {
      throw new RangeError(
        `${this.name} (${this.kind}) does not offer operation "${operation}"; ` +
          `use one of: ${SYSTEM_OPERATIONS[this.kind].join(', ')}.`,
      );
    }

    const now = this.scheduler.now;
    this.counters.calls++;

    if (this.outage === 'unresponsive') return;
    if (this.outage === 'unavailable') {
      this.counters.unavailable++;
      this.unavailableDone.push(done);
      this.scheduler.after(CONNECT_TIME_MS, this.deliverUnavailable);
      return;
    }

    const requestId = this.nextRequestId++;
    if (this.limiter) {
      const rejection = this.limiter.admit(now, requestId, operation);
      if (rejection) {
        this.reject(rejection, done);
        return;
      }
    }

    this.integrate(now);
    const slot = this.freeSlots.pop();
    if (slot !== undefined) {
      this.startService(slot, requestId, now, now, sampler, done);
      return;
    }

    if (this.counters.queueDepth >= this.queueLimit) {
      this.limiter?.finish(now, requestId);
      this.reject(this.queueFullError, done);
      return;
    }

    this.queuedRequest.push(requestId);
    this.queuedArrival.push(now);
    this.queuedSampler.push(sampler);
    this.queuedDone.push(done);
    const depth = ++this.counters.queueDepth;
    if (depth > this.counters.queueDepthMax) this.counters.queueDepthMax = depth;
  }

  /**
   * Starts an outage in `mode`, or ends it with null. Calls in service complete normally; queued
   * calls get 503 at once (`unavailable`) or are dropped without a response (`unresponsive`).
   */
  setOutage(mode: OutageMode | null): void {
    this.outage = mode;
    if (mode === null || this.counters.queueDepth === 0) return;

    const now = this.scheduler.now;
    this.integrate(now);
    while (this.queuedDone.length > 0) {
      const requestId = this.queuedRequest.shift();
      const arrival = this.queuedArrival.shift();
      this.queuedSampler.shift();
      const done = this.queuedDone.shift();
      this.counters.queueDepth--;
      this.limiter?.finish(now, requestId);

      if (mode === 'unavailable') {
        this.counters.unavailable++;
        const waited = now - arrival;
        const outcome = waited === 0 ? this.flushedOutcome : { ...this.flushedOutcome, latency: waited, wait: waited };
        this.deliverNow(outcome, done);
      }
    }
  }

  /**
   * Multiplies service times drawn from now on by `factor` (3 makes calls three times slower); 1
   * restores them. Calls already in service keep their drawn time.
   *
   * @throws RangeError when `factor` is not a positive finite number.
   */
  setLatencyFactor(factor: number): void {
    if (!(factor > 0) || !Number.isFinite(factor)) {
      throw new RangeError(`${this.name}: latency factor ${factor} must be a positive finite number.`);
    }
    this.latencyFactor = factor;
  }

  /**
   * Sets the share of completed calls that fail, from 0 to 1; null restores the baseline.
   *
   * @throws RangeError when `rate` is outside 0 to 1.
   */
  setErrorRate(rate: number | null): void {
    if (rate === null) {
      this.errorRate = this.baselineErrorRate;
      this.errorRateOverride = false;
      return;
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new RangeError(`${this.name}: error rate ${rate} must be between 0 and 1.`);
    }
    this.errorRate = rate;
    this.errorRateOverride = true;
  }

  /**
   * Scales the vendor limit by `factor` (0.5 halves it); 1 restores it. Without a limiter only the
   * health changes.
   *
   * @throws RangeError when `factor` is not a positive finite number.
   */
  setLimitFactor(factor: number): void {
    if (!(factor > 0) || !Number.isFinite(factor)) {
      throw new RangeError(`${this.name}: limit factor ${factor} must be a positive finite number.`);
    }
    this.limitFactor = factor;
    this.limiter?.setFactor(factor);
  }

  /** Returns a copy of the cumulative figures, with the time integrals brought up to now. */
  get stats(): SystemStats {
    this.integrate(this.scheduler.now);
    return { ...this.counters };
  }

  /**
   * Returns `down` during an outage, `degraded` while a fault is in force (latency factor, raised
   * error rate, limit cut) or the queue is at least half full, and `up` otherwise.
   */
  get health(): SystemHealth {
    if (this.outage !== null) return 'down';

    const faulted =
      this.latencyFactor !== 1 ||
      (this.errorRateOverride && this.errorRate > this.baselineErrorRate) ||
      this.limitFactor < 1;
    const congested = this.queueLimit > 0 && this.counters.queueDepth >= this.queueLimit * DEGRADED_QUEUE_SHARE;
    return faulted || congested ? 'degraded' : 'up';
  }

  private startService(
    slot: number,
    requestId: number,
    arrival: number,
    now: number,
    sampler: ServiceTimeSampler,
    done: (outcome: CallOutcome) => void,
  ): void {
    this.slotRequest[slot] = requestId;
    this.slotArrival[slot] = arrival;
    this.slotWait[slot] = now - arrival;
    this.slotDone[slot] = done;
    this.counters.inFlight++;

    const serviceTime = sampler.sample(this.serviceStream, this.latencyFactor);
    this.scheduler.after(serviceTime, this.slotComplete[slot] as (now: number) => void);
  }

  private complete(slot: number, now: number): void {
    const requestId = this.slotRequest[slot] as number;
    const latency = now - (this.slotArrival[slot] as number);
    const wait = this.slotWait[slot] as number;
    const done = this.slotDone[slot] as (outcome: CallOutcome) => void;
    this.slotDone[slot] = null;

    this.integrate(now);
    this.counters.inFlight--;
    this.counters.completed++;
    this.limiter?.finish(now, requestId);

    // One draw per completion whatever the rate, so an error-rate fault does not shift later draws.
    const failed = this.errorStream.next() < this.errorRate;
    if (failed) this.counters.errors++;

    // Hand the slot to the next waiting call before calling `done`, so a call made from `done` queues
    // behind the calls already waiting.
    if (this.queuedDone.length > 0) {
      this.counters.queueDepth--;
      this.startService(
        slot,
        this.queuedRequest.shift(),
        this.queuedArrival.shift(),
        now,
        this.queuedSampler.shift(),
        this.queuedDone.shift(),
      );
    } else {
      this.freeSlots.push(slot);
    }

    done(
      failed
        ? { status: 'error', latency, wait, error: this.internalError }
        : { status: 'ok', latency, wait, error: null },
    );
  }

  private reject(error: VendorError, done: (outcome: CallOutcome) => void): void {
    this.counters.rejections++;
    this.deliverNow({ status: 'rejected', latency: 0, wait: 0, error }, done);
  }

  private deliverNow(outcome: CallOutcome, done: (outcome: CallOutcome) => void): void {
    this.immediateDone.push(done);
    this.immediateOutcome.push(outcome);
    this.scheduler.after(0, this.deliverImmediate);
  }

  /** Adds the busy-server and queue-depth areas since the last change up to `now`. */
  private integrate(now: number): void {
    const elapsed = now - this.integratedUntil;
    if (elapsed <= 0) return;
    this.counters.busyTime += this.counters.inFlight * elapsed;
    this.counters.queueTime += this.counters.queueDepth * elapsed;
    this.integratedUntil = now;
  }
}

