/**
 * Number formats the studio uses in tiles, nodes and tables, sized for dense panels.
 */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a count: exact below 10,000, compact above (`12.4K`). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) < 10_000 ? whole.format(value) : compact.format(value);
}

/** Formats a rate per second with one decimal below 100. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 100 ? value.toFixed(1) : compact.format(value);
}

/** Formats milliseconds as `850 ms`, `2.4 s` or `3.1 min`. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1_000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1_000).toFixed(1)} s`;
  if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

/**
 * Formats milliseconds for a chart axis in at most six characters (`850ms`, `2.5s`, `17m`, `1.5h`),
 * because the y axis is a fixed 52 px wide and a longer label is cut off on the left.
 */
export function formatAxisMs(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 1_000) return `${Math.round(value)}ms`;
  if (value < 60_000) return `${Number((value / 1_000).toFixed(1))}s`;
  if (value < 3_600_000) return `${Math.round(value / 60_000)}m`;
  return `${Number((value / 3_600_000).toFixed(1))}h`;
}

/** Formats a currency amount: to the cent below 10,000, compactly above (`$12.4K`). */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Math.abs(value) < 10_000 ? cents.format(value) : money.format(value);
}

/** Formats a share between 0 and 1 as a percentage. */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
}
