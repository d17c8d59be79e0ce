/**
 * Number and duration formats for the CLI's tables. Durations arrive in simulated milliseconds.
 */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Formats a count with thousands separators, for example `12,345`. */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** Formats an amount in the scenario's currency units with two decimals, for example `1,234.50`. */
export function formatMoney(value: number): string {
  return money.format(value);
}

/** Formats a rate or other real number with at most one decimal. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/**
 * Formats a duration given in milliseconds for a reader, for example `850 ms`, `12.3 s` or `1h 02m 03s`.
 *
 * Non-finite values, which an empty histogram may report, print as `n/a`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1000) return `${integer.format(ms)} ms`;
  if (ms < 60_000) return `${decimal.format(ms / 1000)} s`;

  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');

  return hours > 0 ? `${hours}h ${mm}m ${ss}s` : `${minutes}m ${ss}s`;
}

/** Formats three latency percentiles in one cell, for example `120 ms / 480 ms / 1.2 s`. */
export function formatPercentiles(p50: number, p95: number, p99OrMax: number): string {
  return [p50, p95, p99OrMax].map(formatDuration).join(' / ');
}
