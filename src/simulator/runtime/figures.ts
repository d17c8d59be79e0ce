/**
 * Figures of a run read off its parts: the landscape for the live view, the business figures, and
 * the final report.
 */
import type { BusinessFigures, LinkSnapshot, RunReport, SeriesPoint, SystemReport, SystemSnapshot, TimelineEntry } from '../api.js';
import { percentiles, type SystemFigures } from '../metrics/collector.js';
import { LatencyHistogram } from '../metrics/histogram.js';
import { SCHEMA_VERSION } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';
import type { Link } from '../integration/links.js';
import { continuityFigures } from './continuity.js';
import { messagingSnapshot } from '../integration/messaging-figures.js';

/** Returns the live state of each system and link. */
export function landscapeSnapshot(context: SimulationContext): { systems: SystemSnapshot[]; links: LinkSnapshot[] } {
  const { scheduler, systems, metrics, policies, scenario } = context;
  const now = scheduler.now;

  const systemSnapshots: SystemSnapshot[] = [];
  for (const [kind, system] of systems) {
    const stats = system.stats;
    const figures = metrics.systems.get(kind);
    const breaker = policies.breakerState(kind, now);
    const degradedMode =
      (kind === 'loyalty' && policies.provisionalAccrual && context.provisional.length > 0 ? 'provisional accrual' : null) ??
      context.continuity?.modeFor(kind) ??
      null;
    systemSnapshots.push({
      kind,
      name: system.name,
      preset: scenario.systems[kind]?.preset ?? null,
      health: system.health === 'up' && (breaker === 'open' || degradedMode) ? 'degraded' : system.health,
      throughput: figures?.throughput ?? 0,
      latency: figures?.windowLatency ?? { p50: 0, p95: 0, p99: 0 },
      calls: stats.calls,
      errors: stats.errors + stats.unavailable,
      rejections: stats.rejections,
      notSent: figures ? figures.breakerRejections + figures.gatewayRejections : 0,
      timeouts: figures?.timeouts ?? 0,
      inFlight: stats.inFlight,
      queueDepth: stats.queueDepth,
      breaker,
      degradedMode,
    });
  }

  const links: LinkSnapshot[] = context.links
    .all()
    .filter((link) => link.declared || link.from !== 'middleware')
    .map((link) => ({
      id: link.id,
      from: link.from,
      to: link.to,
      style: link.style,
      rate: link.rate,
      cut: link.cut,
      lag: linkLag(context, link),
    }));
  return { systems: systemSnapshots, links };
}

/** Returns the messages waiting on an event link or the records waiting on a batch link. */
function linkLag(context: SimulationContext, link: Link): number {
  if (link.style === 'events') return context.backbone.topicLag(link.topic);
  if (link.style === 'batch') return context.batches.get(link).recordsBuffered;
  return 0;
}

/** Returns the business figures of the run so far. */
export function businessFigures(context: SimulationContext): BusinessFigures {
  const { metrics, ledger, backbone } = context;
  const lag = metrics.accrualLag;
  const books = ledger.figures();
  return {
    journeysStarted: metrics.journeysStarted,
    journeysFinished: metrics.journeysFinished,
    ordersCompleted: metrics.ordersCompleted,
    ordersLost: metrics.ordersLost,
    revenueCaptured: metrics.revenueCaptured,
    revenueAtRisk: metrics.revenueAtRisk,
    checkoutLatency: percentiles(metrics.checkoutLatency),
    pointsAccrualLag: { p50: lag.percentile(50), p95: lag.percentile(95), max: lag.max },
    ledgerDrift: books.drift,
    ledgerDriftAbsolute: books.driftAbsolute,
    provisionalPointsPending: books.provisionalPending,
    duplicateAccruals: books.duplicateAccruals,
    duplicatesSuppressed: books.duplicatesSuppressed,
    refundsWithoutReversal: metrics.refundsWithoutReversal,
    redemptionsDeclined: metrics.redemptionsDeclined,
    deadLetterDepth: backbone.deadLetters.depth,
    ledgersDisagreedAt: books.firstDisagreedAt,
    ledgersAgreedAt: books.agreedAt,
    ledgersAgree: books.agree,
    ordersNotPosted: metrics.ordersNotPosted,
    ...continuityFigures(context),
    duplicateOrdersPosted: context.idempotency.figures('erp', null).repeatsApplied,
    orderPostingsSuppressed: context.idempotency.figures('erp', null).suppressed,
    poisonMessages: backbone.poisonPublished,
    deadLettersReplayed: backbone.replayed,
    ledgersDisagreedFor: ledger.disagreementTime(context.scheduler.now),
  };
}

/** Inputs of the report beyond the context. */
export interface ReportInputs {
  file: string | null;
  seed: number;
  eventsProcessed: number;
  timeline: readonly TimelineEntry[];
  series: readonly SeriesPoint[];
}

/** Builds the run report. */
export function buildReport(context: SimulationContext, inputs: ReportInputs): RunReport {
  const { scenario, systems, metrics, scheduler, policies } = context;
  const systemReports: SystemReport[] = [];
  for (const [kind, system] of systems) {
    const stats = system.stats;
    const figures = metrics.systems.get(kind);
    systemReports.push({
      kind,
      name: system.name,
      preset: scenario.systems[kind]?.preset ?? null,
      calls: stats.calls,
      completed: stats.completed,
      errors: stats.errors + stats.unavailable,
      rejections: stats.rejections,
      notSent: figures ? figures.breakerRejections + figures.gatewayRejections : 0,
      timeouts: figures?.timeouts ?? 0,
      throughputPeak: figures?.throughputPeak ?? 0,
      latency: figures ? percentiles(allLatencies(figures)) : { p50: 0, p95: 0, p99: 0 },
      queueDepthMax: stats.queueDepthMax,
    });
  }

  return {
    reportVersion: 1,
    scenario: { name: scenario.name, file: inputs.file, schemaVersion: SCHEMA_VERSION },
    seed: inputs.seed,
    activePolicy: policies.activePolicy,
    duration: scheduler.now,
    eventsProcessed: inputs.eventsProcessed,
    business: businessFigures(context),
    journeys: metrics.outcomes,
    systems: systemReports,
    faults: inputs.timeline.map((entry) => ({ ...entry })),
    series: [...inputs.series],
    messaging: messagingSnapshot(context, context.batches.snapshots()),
    callPath: context.executor.callPath(scheduler.now),
  };
}

function allLatencies(figures: SystemFigures): LatencyHistogram {
  const all = new LatencyHistogram();
  all.merge(figures.latency);
  all.merge(figures.latencyWindow);
  return all;
}

/**
 * Serializes a report as stable bytes: keys in construction order, numbers rounded to 3 decimals,
 * two-space indentation and a final newline. The same scenario and seed give the same string.
 */
export function reportToJson(report: RunReport): string {
  return `${JSON.stringify(report, roundNumbers, 2)}\n`;
}

function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isInteger(value)) return value;
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 1_000) / 1_000;
}
