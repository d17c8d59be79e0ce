/**
 * A run of one scenario with one seed: the landscape wired together, arrivals, settlement of
 * provisional points, sampling of figures, live controls and queries.
 *
 * The same scenario, seed and sequence of live actions give the same run, event for event: time is
 * the scheduler's, chance comes from named random streams, and nothing reads the wall clock.
 */
import type {
  ControlAction,
  JourneyQuery,
  JourneySummary,
  JourneyTrace,
  LiveSnapshot,
  RunReport,
  SeriesPoint,
} from './api.js';
import { RandomStreams } from './engine/random.js';
import { Scheduler } from './engine/scheduler.js';
import { EventBackbone } from './integration/backbone.js';
import { BatchTransfers } from './integration/batch.js';
import { messagingSnapshot } from './integration/messaging-figures.js';
import { CallExecutor } from './integration/call.js';
import { LinkTable } from './integration/links.js';
import { PolicyRuntime } from './integration/policy-runtime.js';
import { getCompiledJourney } from './journeys/registry.js';
import { PointsLedger } from './ledger/points-ledger.js';
import { ArrivalProcess } from './load/arrivals.js';
import { JourneyMix } from './load/mix.js';
import { Population } from './load/population.js';
import { MetricsCollector } from './metrics/collector.js';
import { ReceiverIdempotency } from './policies/idempotency.js';
import { JourneyArchive } from './runtime/archive.js';
import type { SimulationContext } from './runtime/context.js';
import { Controls } from './runtime/controls.js';
import { Continuity } from './runtime/continuity.js';
import { JourneyRunner, type Journey, type JourneyScript } from './runtime/journey-runner.js';
import { applyEffect } from './runtime/ledger-effects.js';
import { buildReport, businessFigures, landscapeSnapshot } from './runtime/figures.js';
import type { Scenario, SystemKind } from './scenario/schema.js';
import { SimSystem } from './systems/system.js';
import { createLimiter } from './vendors/presets.js';

/** Options of a run. */
export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** The file the scenario came from, for the report. */
  file?: string | null;
  /** Overrides the scenario's active policy set. */
  policy?: string;
  /** Finished journeys kept with their traces for inspection; 0 keeps none (fastest). */
  traceCapacity?: number;
  /** Forces the events of journey states; for tests that drive every path of a machine. */
  script?: JourneyScript;
}

/** Scheduler priority of housekeeping events, after the journeys of the same millisecond. */
const HOUSEKEEPING_PRIORITY = 10;

/** One run of a scenario. */
export class Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly end: number;
  private readonly file: string | null;
  private readonly scheduler = new Scheduler();
  private readonly random: RandomStreams;
  private readonly context: SimulationContext;
  private readonly controls: Controls;
  private readonly runner: JourneyRunner;
  private readonly population: Population;
  private readonly arrivals: ArrivalProcess;
  private readonly mix: JourneyMix;
  private readonly archive: JourneyArchive;
  private readonly continuity: Continuity;
  private readonly series: SeriesPoint[] = [];
  private seriesSent = 0;
  private nextJourneyId = 1;
  /** Increases when the load factor changes, so a pending arrival drawn at the old rate is dropped. */
  private arrivalGeneration = 0;

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.seed = options.seed ?? scenario.seed;
    this.end = scenario.clock.duration;
    this.file = options.file ?? null;
    this.random = new RandomStreams(this.seed);
    this.archive = new JourneyArchive(options.traceCapacity ?? 0);
    this.population = new Population(scenario.population, this.seed);

    const systems = this.createSystems();
    const links = new LinkTable(scenario);
    const policies = new PolicyRuntime(scenario, options.policy ?? null);
    const metrics = new MetricsCollector([...systems.keys()]);
    const executor = new CallExecutor(this.scheduler, systems, policies, this.random.stream('retry-jitter'), (system, _attempt, failure, latency) =>
      metrics.recordAttempt(system, failure, latency),
      { links, auth: this.random.stream('gateway-auth') },
    );
    const backbone = new EventBackbone(
      this.scheduler,
      scenario.backbone,
      executor,
      policies,
      this.random.stream('backbone'),
      this.random.stream('poison-messages'),
    );

    this.context = {
      scenario,
      scheduler: this.scheduler,
      systems,
      links,
      policies,
      executor,
      backbone,
      batches: new BatchTransfers(links, this.scheduler, executor, scenario.clock.start),
      ledger: new PointsLedger(scenario.population.customers),
      metrics,
      idempotency: new ReceiverIdempotency(),
      provisional: [],
    };
    this.controls = new Controls(this.context);
    this.continuity = new Continuity(
      this.context,
      (customer) => this.population.customer(customer).points,
      this.random.stream('duplicate-identities'),
    );
    this.context.continuity = this.continuity;
    // Arrivals are memoryless, so dropping the pending one and drawing anew at the new rate is exact.
    this.controls.onLoadChange = () => {
      this.arrivalGeneration++;
      this.scheduleArrival(this.now);
    };
    this.runner = new JourneyRunner(this.context, (journey) => this.archive.finish(journey), options.script ?? null);
    this.arrivals = new ArrivalProcess(scenario.load, this.end, this.random.stream('arrivals'));
    this.mix = new JourneyMix(scenario.load);

    this.controls.scheduleFaults(scenario.faults);
    this.scheduleArrival(0);
    this.scheduleSample(scenario.clock.sampleEvery);
    this.scheduleSettlement();
  }

  /** Simulated time now, in ms since the run start. */
  get now(): number {
    return this.scheduler.now;
  }

  /** Whether the run has reached its end. */
  get done(): boolean {
    return this.scheduler.now >= this.end;
  }

  /** Runs events up to simulated time `time` (at most the end), or until `maxEvents` have run. */
  advanceTo(time: number, maxEvents = Infinity): void {
    this.scheduler.runUntil(Math.min(time, this.end), maxEvents);
  }

  /** Runs to the end and returns the report; `onProgress` is called every simulated minute. */
  runToEnd(onProgress?: (now: number, end: number) => void): RunReport {
    const step = 60_000;
    while (!this.done) {
      this.advanceTo(this.now + step);
      onProgress?.(this.now, this.end);
    }
    return this.report();
  }

  /**
   * Applies a live action now and records it on the fault timeline. A finished run changes no more,
   * so an action after the end is ignored and `false` returned.
   */
  control(action: ControlAction): boolean {
    if (this.done) return false;
    this.controls.applyLive(action);
    return true;
  }

  /** Returns everything the studio draws now; series points are those added since the last call. */
  snapshot(): LiveSnapshot {
    const newSeries = this.series.slice(this.seriesSent);
    this.seriesSent = this.series.length;
    return {
      now: this.now,
      end: this.end,
      done: this.done,
      eventsProcessed: this.scheduler.eventsProcessed,
      ...landscapeSnapshot(this.context),
      business: businessFigures(this.context),
      newSeries,
      timeline: this.controls.timeline.map((entry) => ({ ...entry })),
      activePolicy: this.context.policies.activePolicy,
      continuity: this.continuity.snapshot(),
      messaging: messagingSnapshot(this.context, this.context.batches.snapshots()),
      callPath: this.context.executor.callPath(this.now),
    };
  }

  /** Returns the journeys kept for inspection that match `query`, newest first. */
  journeys(query: JourneyQuery = {}): { total: number; items: JourneySummary[] } {
    return this.archive.query(query, (journey) => this.summarize(journey));
  }

  /** Returns one kept journey with its trace, or null when it is not kept. */
  journey(id: number): JourneyTrace | null {
    const journey = this.archive.get(id);
    if (!journey) return null;
    const states = journey.compiled.states;
    return {
      ...this.summarize(journey),
      path: (journey.path ?? []).map((index) => states[index]?.id ?? String(index)),
      trace: journey.trace ? [...journey.trace] : [],
    };
  }

  /** Returns the report of the run so far. */
  report(): RunReport {
    return buildReport(this.context, {
      file: this.file,
      seed: this.seed,
      eventsProcessed: this.scheduler.eventsProcessed,
      timeline: this.controls.timeline,
      series: this.series,
    });
  }

  private createSystems(): Map<SystemKind, SimSystem> {
    const systems = new Map<SystemKind, SimSystem>();
    for (const [kind, config] of Object.entries(this.scenario.systems) as [SystemKind, Scenario['systems'][SystemKind]][]) {
      if (!config) continue;
      const limiter = config.preset ? createLimiter(config.preset, config.presetParams ?? {}) : null;
      const system = new SimSystem(
        {
          kind,
          name: config.name ?? kind,
          concurrency: config.concurrency,
          queueLimit: config.queueLimit,
          errorRate: config.errorRate,
          latency: config.latency,
          limiter,
        },
        this.scheduler,
        this.random,
      );
      systems.set(kind, system);
    }
    return systems;
  }

  private scheduleArrival(after: number): void {
    const next = this.arrivals.next(after, this.controls.loadFactor);
    if (next === null || next >= this.end) return;

    const generation = this.arrivalGeneration;
    this.scheduler.at(next, (now) => {
      if (generation !== this.arrivalGeneration) return;
      this.arrive(now);
      this.scheduleArrival(now);
    });
  }

  private arrive(now: number): void {
    const stream = this.random.stream('journeys');
    const { kind, channel } = this.mix.pick(stream);
    const customer = this.population.pickCustomerIndex(stream);
    const value = this.population.basketValue(stream);
    const redeems = stream.chance(this.scenario.population.redemptionShare);
    const member = this.population.isMember(customer);
    const compiled = getCompiledJourney(kind);
    const points = Math.round(value * this.scenario.population.pointsPerUnit);
    const tracing = this.archive.capacity > 0;

    const journey: Journey = {
      id: this.nextJourneyId++,
      kind,
      compiled,
      channel,
      customer,
      member,
      redeems,
      value,
      points,
      // A redemption pays a tenth of the basket with points, at the accrual rate.
      redeemPoints: Math.round(points / 10),
      startedAt: now,
      state: compiled.initial,
      endedAt: -1,
      outcome: 'running',
      redemption: null,
      redeemConfirmed: false,
      checkoutRecorded: false,
      trace: tracing ? [] : null,
      path: tracing ? [] : null,
    };
    this.context.metrics.arrivalsWindow++;
    this.archive.start(journey);
    this.runner.start(journey);
  }

  private scheduleSample(at: number): void {
    if (at > this.end) return;
    this.scheduler.at(
      at,
      (now) => {
        this.sample(now);
        this.scheduleSample(now + this.scenario.clock.sampleEvery);
      },
      HOUSEKEEPING_PRIORITY,
    );
  }

  private sample(now: number): void {
    const metrics = this.context.metrics;
    const length = this.scenario.clock.sampleEvery;
    const business = businessFigures(this.context);
    this.series.push({
      t: now,
      ordersCompleted: business.ordersCompleted,
      ordersLost: business.ordersLost,
      revenueAtRisk: business.revenueAtRisk,
      checkoutP50: metrics.checkoutWindow.percentile(50),
      checkoutP95: metrics.checkoutWindow.percentile(95),
      checkoutP99: metrics.checkoutWindow.percentile(99),
      accrualLagP95: metrics.accrualLagWindow.percentile(95),
      ledgerDrift: business.ledgerDrift,
      deadLetterDepth: business.deadLetterDepth,
      arrivalsPerSecond: (metrics.arrivalsWindow * 1_000) / length,
      ...this.continuity.series(now),
    });
    metrics.closeWindow(length);
    for (const link of this.context.links.all()) link.closeWindow(length);
  }

  private scheduleSettlement(): void {
    const interval = this.context.policies.settlementInterval;
    this.scheduler.after(
      interval,
      () => {
        this.settle();
        if (!this.done) this.scheduleSettlement();
      },
      HOUSEKEEPING_PRIORITY,
    );
  }

  /** Posts a batch of provisional accruals to loyalty; those that fail wait for the next interval. */
  private settle(): void {
    const { provisional, policies, links, executor, systems } = this.context;
    if (provisional.length === 0 || !systems.has('loyalty')) return;

    const batch = provisional.splice(0, policies.settlementBatch);
    const link = links.get('middleware', 'loyalty');
    for (const obligation of batch) {
      executor.call(link, 'accrue', applyEffect(this.context, obligation), (result) => {
        if (!result.ok && obligation.applications === 0) provisional.push(obligation);
      });
    }
  }

  private summarize(journey: Journey): JourneySummary {
    const customer = this.population.customer(journey.customer);
    const state = journey.compiled.states[journey.state];
    return {
      id: journey.id,
      kind: journey.kind,
      channel: journey.channel,
      customerId: customer.id,
      customerName: customer.name,
      startedAt: journey.startedAt,
      endedAt: journey.endedAt < 0 ? null : journey.endedAt,
      outcome: journey.outcome,
      value: journey.value,
      state: state?.id ?? '',
    };
  }
}

/** Creates a run of `scenario`. See {@link SimulationOptions}. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new Simulation(scenario, options);
}

