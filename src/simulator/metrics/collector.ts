/**
 * Figures of a run as it goes: per-system call figures seen by the callers, and the business figures
 * of journeys and orders. Windows cover one sample interval and feed the live charts; totals feed the
 * report.
 */
import type { FinalOutcome } from '../journeys/conventions.js';
import type { JourneyKind, SystemKind } from '../scenario/schema.js';
import { JOURNEY_KINDS } from '../scenario/schema.js';
import { LOCAL_FAILURES, type CallFailure } from '../integration/call.js';
import { LatencyHistogram } from './histogram.js';

/** Call figures of one system as its callers see them. */
export class SystemFigures {
  /** Latencies of the closed sample windows; the open window's are in `latencyWindow`. */
  readonly latency = new LatencyHistogram();
  readonly latencyWindow = new LatencyHistogram();
  timeouts = 0;
  breakerRejections = 0;
  gatewayRejections = 0;
  completedWindow = 0;
  throughputPeak = 0;
  /** Completed calls per second over the last closed window. */
  throughput = 0;
  windowLatency = { p50: 0, p95: 0, p99: 0 };
}

/** Journey outcome counts by kind. */
export type OutcomeCounts = Record<JourneyKind, Record<FinalOutcome, number>>;

/** Journey kinds that are orders, for the order and revenue figures. */
export const ORDER_KINDS: ReadonlySet<JourneyKind> = new Set(['onlineCheckout', 'inStoreCheckout', 'buyOnlinePickUpInStore']);

/** Collects per-system and business figures. */
export class MetricsCollector {
  readonly systems = new Map<SystemKind, SystemFigures>();
  readonly checkoutLatency = new LatencyHistogram();
  readonly checkoutWindow = new LatencyHistogram();
  readonly accrualLag = new LatencyHistogram();
  readonly accrualLagWindow = new LatencyHistogram();
  readonly outcomes: OutcomeCounts;
  journeysStarted = 0;
  journeysFinished = 0;
  ordersCompleted = 0;
  ordersLost = 0;
  revenueCaptured = 0;
  revenueAtRisk = 0;
  refundsWithoutReversal = 0;
  redemptionsDeclined = 0;
  ordersNotPosted = 0;
  arrivalsWindow = 0;

  constructor(systems: readonly SystemKind[]) {
    for (const kind of systems) this.systems.set(kind, new SystemFigures());
    this.outcomes = Object.fromEntries(
      JOURNEY_KINDS.map((kind) => [kind, { completed: 0, completedDegraded: 0, lost: 0, refundedWithoutReversal: 0 }]),
    ) as OutcomeCounts;
  }

  /** Records one attempt of a call as the caller saw it. */
  recordAttempt(system: SystemKind, failure: CallFailure | null, latency: number): void {
    const figures = this.systems.get(system);
    if (!figures) return;

    if (failure === 'timeout') figures.timeouts++;
    else if (failure === 'breakerOpen') figures.breakerRejections++;
    else if (failure !== null && LOCAL_FAILURES.has(failure)) figures.gatewayRejections++;

    // A request rejected before it reached the system has no system latency to record.
    if (failure !== null && LOCAL_FAILURES.has(failure)) return;
    figures.latencyWindow.record(latency);
    if (failure === null) figures.completedWindow++;
  }

  /** Records how a journey ended. */
  recordOutcome(kind: JourneyKind, outcome: FinalOutcome, value: number): void {
    this.journeysFinished++;
    this.outcomes[kind][outcome]++;
    if (outcome === 'refundedWithoutReversal') this.refundsWithoutReversal++;
    if (!ORDER_KINDS.has(kind)) return;

    if (outcome === 'lost') {
      this.ordersLost++;
      this.revenueAtRisk += value;
    } else {
      this.ordersCompleted++;
      this.revenueCaptured += value;
    }
  }

  /** Records the time from a checkout's start to its order being placed. */
  recordCheckout(latency: number): void {
    this.checkoutLatency.record(latency);
    this.checkoutWindow.record(latency);
  }

  /** Records the time from a purchase to its points reaching the loyalty ledger. */
  recordAccrualLag(lag: number): void {
    this.accrualLag.record(lag);
    this.accrualLagWindow.record(lag);
  }

  /** Closes the sample window of `length` ms: computes per-system rates and resets the windows. */
  closeWindow(length: number): void {
    for (const figures of this.systems.values()) {
      figures.throughput = (figures.completedWindow * 1_000) / length;
      if (figures.throughput > figures.throughputPeak) figures.throughputPeak = figures.throughput;
      figures.windowLatency = percentiles(figures.latencyWindow);
      figures.latency.merge(figures.latencyWindow);
      figures.completedWindow = 0;
      figures.latencyWindow.reset();
    }
    this.checkoutWindow.reset();
    this.accrualLagWindow.reset();
    this.arrivalsWindow = 0;
  }
}

/** Returns p50, p95 and p99 of a histogram. */
export function percentiles(histogram: LatencyHistogram): { p50: number; p95: number; p99: number } {
  return { p50: histogram.percentile(50), p95: histogram.percentile(95), p99: histogram.percentile(99) };
}
