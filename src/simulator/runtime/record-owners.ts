/**
 * Decisions of the owners of prices, orders and the reward ledger in a run:
 * - prices: a channel keeps a copy of the owner's prices, refreshed by each of its successful
 *   lookups. While the owner is unreachable the channel may price from that copy. A copy older than
 *   the staleness limit may disagree with the owner, so a price taken from it counts as a conflict.
 * - orders: an order counts as booked once the owner of orders has applied it, through the operation
 *   that hands an order to that system. A completed order the owner has not received stays at risk.
 * - ledger: a balance read from the ledger owner wins over the points a channel recorded
 *   provisionally for that customer. Each such read counts as a ledger conflict.
 *
 * Pure bookkeeping on simulated times and ids: no calls, no random draws.
 */
import type { RecordOwnerFigures } from '../api.js';
import type { Channel, OperationName, RecordsConfig, SystemKind } from '../scenario/schema.js';

/**
 * The operation through which each system receives an order. Systems absent here (CRM, loyalty)
 * never receive one, so as owner of orders they leave every order at risk.
 */
export const BOOKING_OPERATION: Readonly<Partial<Record<SystemKind, OperationName>>> = {
  erp: 'postOrder',
  ecommerce: 'placeOrder',
  pos: 'captureSale',
};

/** A price a channel took from its own copy: the copy's age in ms and whether it may disagree. */
export interface CopiedPrice {
  age: number;
  conflict: boolean;
}

/** Keeps the decisions of the owners of prices, orders and the reward ledger. */
export class RecordOwners {
  readonly config: RecordsConfig;
  pricedFromCopy = 0;
  priceConflicts = 0;
  ordersBooked = 0;
  ledgerConflicts = 0;
  /** Time each channel last read prices from the owner; a channel starts with a copy taken at 0. */
  private readonly copiedAt = new Map<Channel, number>();
  /** Journeys still running whose order the owner already applied. */
  private readonly bookedEarly = new Set<number>();
  /** Completed orders the owner has not applied yet. */
  private readonly atRisk = new Set<number>();

  constructor(config: RecordsConfig) {
    this.config = config;
  }

  /** Completed orders the owner of orders has not received yet. */
  get ordersAtRisk(): number {
    return this.atRisk.size;
  }

  /** Refreshes `channel`'s copy of prices from a successful lookup at the owner at `now`. */
  priceRead(channel: Channel, now: number): void {
    this.copiedAt.set(channel, now);
  }

  /**
   * Prices from `channel`'s own copy at `now` after a failed lookup at the owner, or returns null
   * when channels do not price from a copy.
   */
  priceFromCopy(channel: Channel, now: number): CopiedPrice | null {
    if (!this.config.priceFromCopy) return null;
    const age = now - (this.copiedAt.get(channel) ?? 0);
    const conflict = age > this.config.priceStaleness;
    this.pricedFromCopy++;
    if (conflict) this.priceConflicts++;
    return { age, conflict };
  }

  /** Returns whether applying `operation` on `system` hands an order to the owner of orders. */
  books(system: SystemKind, operation: OperationName): boolean {
    return system === this.config.orders && BOOKING_OPERATION[system] === operation;
  }

  /**
   * Records that the owner applied journey `id`'s order; `running` is true while the journey is in
   * flight. A repeat delivery books nothing more, and neither does a journey that ended without an order.
   */
  booked(id: number, running: boolean): void {
    if (this.atRisk.delete(id)) this.ordersBooked++;
    else if (running) this.bookedEarly.add(id);
  }

  /** Settles journey `id` as it ends: a completed order is booked, or at risk until the owner applies it. */
  orderFinished(id: number, completed: boolean): void {
    const booked = this.bookedEarly.delete(id);
    if (!completed) return;
    if (booked) this.ordersBooked++;
    else this.atRisk.add(id);
  }

  /**
   * Resolves a balance read at the ledger owner against `provisional` points the channels recorded
   * for the customer: the owner's balance wins. Returns the trace note, or null without a conflict.
   */
  balanceRead(provisional: number): string | null {
    if (provisional <= 0) return null;
    this.ledgerConflicts++;
    return `ledger owner's balance wins over ${provisional} provisional points`;
  }

  /** Returns the figures as they stand. */
  figures(): RecordOwnerFigures {
    return {
      pricedFromCopy: this.pricedFromCopy,
      priceConflicts: this.priceConflicts,
      ordersBooked: this.ordersBooked,
      ordersAtRisk: this.ordersAtRisk,
      ledgerConflicts: this.ledgerConflicts,
    };
  }
}
