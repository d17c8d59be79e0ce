/**
 * The tables `rrs run` prints: business figures first, because they are what a run is for, then one
 * row per system.
 */
import Table from 'cli-table3';
import type { RunReport, SystemReport } from '../simulator/api.js';
import { formatCount, formatDecimal, formatDuration, formatMoney, formatPercentiles } from './format.js';

// Plain borders, no colours and no line between rows, so piped output and logs stay short and readable.
/** Shared cli-table3 options of every table the CLI prints. */
export const TABLE_OPTIONS = {
  style: { head: [], border: [] },
  chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
};

/** Renders the business figures of a finished run as a two-column table. */
export function renderBusinessTable(report: RunReport): string {
  const business = report.business;
  const table = new Table({ head: ['Business figure', 'Value'], ...TABLE_OPTIONS });

  table.push(
    ['Orders completed', formatCount(business.ordersCompleted)],
    ['Orders lost', formatCount(business.ordersLost)],
    ['Revenue captured', formatMoney(business.revenueCaptured)],
    ['Revenue at risk', formatMoney(business.revenueAtRisk)],
    [
      'Checkout latency p50 / p95 / p99',
      formatPercentiles(business.checkoutLatency.p50, business.checkoutLatency.p95, business.checkoutLatency.p99),
    ],
    [
      'Points accrual lag p50 / p95 / max',
      formatPercentiles(business.pointsAccrualLag.p50, business.pointsAccrualLag.p95, business.pointsAccrualLag.max),
    ],
    ['Ledger drift (points, net / absolute)', `${formatCount(business.ledgerDrift)} / ${formatCount(business.ledgerDriftAbsolute)}`],
    ['Duplicate accruals', formatCount(business.duplicateAccruals)],
    ['Refunds without points reversal', formatCount(business.refundsWithoutReversal)],
    ['Dead-letter depth', formatCount(business.deadLetterDepth)],
    ['Orders placed but not posted to ERP', formatCount(business.ordersNotPosted)],
    ['Ledgers agree again', describeLedgerAgreement(report)],
  );

  return table.toString();
}

/**
 * Words when the loyalty ledger and what the business owes agreed again: the run time, and how long
 * after the last fault had ended, since that is the recovery time an architect looks for.
 */
export function describeLedgerAgreement(report: Pick<RunReport, 'business' | 'faults'>): string {
  const business = report.business;
  if (!business.ledgersAgree) {
    const since = business.ledgersDisagreedAt === null ? '' : ` since ${formatDuration(business.ledgersDisagreedAt)}`;
    return `no: they disagree${since} to the end of the run`;
  }
  if (business.ledgersAgreedAt === null) return 'never disagreed';

  const agreedAt = business.ledgersAgreedAt;
  const faultEnds = report.faults.map((fault) => fault.until).filter((until): until is number => until !== null && until <= agreedAt);
  const lastEnd = faultEnds.length > 0 ? Math.max(...faultEnds) : null;
  const after = lastEnd === null ? '' : `, ${formatDuration(agreedAt - lastEnd)} after the last fault ended`;
  return `at ${formatDuration(agreedAt)} into the run${after}`;
}

/** Renders one row per system with its call totals, peak throughput and latency percentiles. */
export function renderSystemTable(systems: readonly SystemReport[]): string {
  const table = new Table({
    head: ['System', 'Preset', 'Calls', 'Completed', 'Errors', 'Rejected', 'Not sent', 'Timeouts', 'Peak/s', 'p50 / p95 / p99', 'Max queue'],
    ...TABLE_OPTIONS,
  });

  for (const system of systems) {
    table.push([
      system.name,
      system.preset ?? '-',
      formatCount(system.calls),
      formatCount(system.completed),
      formatCount(system.errors),
      formatCount(system.rejections),
      formatCount(system.notSent),
      formatCount(system.timeouts),
      formatDecimal(system.throughputPeak),
      formatPercentiles(system.latency.p50, system.latency.p95, system.latency.p99),
      formatCount(system.queueDepthMax),
    ]);
  }

  return table.toString();
}
