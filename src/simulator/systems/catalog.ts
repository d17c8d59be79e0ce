/**
 * Default service times and display names of the simulated system kinds.
 *
 * The service times are round defaults chosen to look like typical enterprise back ends (tens of
 * milliseconds for reads, hundreds for writes that touch several tables, a long p99 tail). They are
 * not vendor figures: a scenario that needs a calibrated value sets it in `systems.<kind>.latency`.
 */
import type { OperationName, SystemKind } from '../scenario/schema.js';

/** Median and 99th percentile of one operation's service time, in milliseconds. */
export interface PercentileLatency {
  p50: number;
  p99: number;
}

/** Default service time of each operation of each system kind (defaults, not vendor figures). */
export const DEFAULT_LATENCY = {
  erp: {
    reserveInventory: { p50: 80, p99: 600 },
    lookupPrice: { p50: 30, p99: 200 },
    postOrder: { p50: 120, p99: 900 },
    postRefund: { p50: 100, p99: 800 },
    releaseInventory: { p50: 60, p99: 450 },
  },
  crm: {
    getCustomer: { p50: 35, p99: 250 },
    upsertCustomer: { p50: 60, p99: 450 },
    logInteraction: { p50: 25, p99: 180 },
  },
  loyalty: {
    getBalance: { p50: 20, p99: 120 },
    accrue: { p50: 40, p99: 250 },
    redeem: { p50: 50, p99: 350 },
    reversePoints: { p50: 45, p99: 300 },
    evaluateTier: { p50: 60, p99: 400 },
  },
  pos: {
    captureSale: { p50: 30, p99: 200 },
    processReturn: { p50: 40, p99: 300 },
  },
  ecommerce: {
    placeOrder: { p50: 150, p99: 1_200 },
    voidPayment: { p50: 90, p99: 700 },
  },
} as const satisfies { [K in SystemKind]: Record<string, PercentileLatency> };

/** Display name of each system kind, used when a scenario gives its system no name. */
export const SYSTEM_DISPLAY_NAMES: Readonly<Record<SystemKind, string>> = {
  erp: 'ERP',
  crm: 'CRM',
  loyalty: 'Loyalty platform',
  pos: 'Point of sale',
  ecommerce: 'Ecommerce platform',
};

/**
 * Returns the default service time of `operation` on a system of `kind`, or undefined when that kind
 * does not offer the operation.
 */
export function defaultLatency(kind: SystemKind, operation: OperationName | string): PercentileLatency | undefined {
  const table: Readonly<Record<string, PercentileLatency>> = DEFAULT_LATENCY[kind];
  return Object.hasOwn(table, operation) ? table[operation] : undefined;
}
