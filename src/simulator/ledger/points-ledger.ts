/**
 * The loyalty points ledger against what the business owes each customer.
 *
 * Every change of points is an obligation: a signed number of points for one customer. The business
 * owes it once a channel commits to it (an accrual on a purchase, a redemption, a reversal on a
 * refund); the loyalty ledger contains it once the loyalty system applies it, once per application. An obligation
 * still being worked on (in flight, queued, retrying or provisional) is lag, not drift. Drift is what
 * no running process will repair: an accrual given up, a duplicate application, a redemption the
 * shopper abandoned after loyalty took the points, a reversal that never happened.
 *
 * Per customer, `unreconciled = owed - held - working`, kept incrementally so the figures cost O(1)
 * per change however many customers there are.
 */

/** Reason an obligation exists, for the trace and the counters. */
export type ObligationKind = 'accrual' | 'redemption' | 'reversal';

/** One signed change of points for one customer. */
export interface Obligation {
  readonly id: number;
  readonly kind: ObligationKind;
  readonly customer: number;
  /** Points, positive for an accrual, negative for a redemption or a reversal of an accrual. */
  readonly points: number;
  /** Simulated time the obligation was created. */
  readonly createdAt: number;
  /** True while the business's records show these points as owed to the customer. */
  owed: boolean;
  /** Some process (a call, a retry, a queued message, a settlement) still works on it. */
  working: boolean;
  /** Recorded locally while loyalty was unreachable, waiting for settlement. */
  provisional: boolean;
  /** Times the loyalty system applied it; more than one is a duplicate. */
  applications: number;
  /** Simulated time of the first application, or -1. */
  appliedAt: number;
}

/** Counters the ledger keeps for the business figures. */
export interface LedgerFigures {
  drift: number;
  driftAbsolute: number;
  provisionalPending: number;
  duplicateAccruals: number;
  duplicatesSuppressed: number;
  /** Simulated time the ledgers first disagreed, or null. */
  firstDisagreedAt: number | null;
  /** Simulated time the ledgers last came to agree after disagreeing, or null. */
  agreedAt: number | null;
  agree: boolean;
}

/** Tracks obligations for a population of customers and the drift between owed and held points. */
export class PointsLedger {
  private readonly unreconciled: Float64Array;
  private nextId = 1;
  private drift = 0;
  private driftAbsolute = 0;
  private provisionalPending = 0;
  private duplicateAccruals = 0;
  private duplicatesSuppressed = 0;
  private firstDisagreedAt: number | null = null;
  private agreedAt: number | null = null;
  private agree = true;
  /** Time in ms the ledgers disagreed in closed spells. An open spell started at `agreedUntil`. */
  private disagreedTotal = 0;
  private agreedUntil = 0;

  constructor(customers: number) {
    this.unreconciled = new Float64Array(customers);
  }

  /** Creates an obligation the business owes and a process now works on. */
  create(kind: ObligationKind, customer: number, points: number, now: number): Obligation {
    return {
      id: this.nextId++,
      kind,
      customer,
      points,
      createdAt: now,
      owed: true,
      working: true,
      provisional: false,
      applications: 0,
      appliedAt: -1,
    };
  }

  /**
   * Records that the loyalty system applied the obligation. Returns false when idempotency dropped
   * it as a duplicate, so the caller does not count it as applied.
   */
  apply(obligation: Obligation, now: number, idempotent: boolean): boolean {
    if (obligation.applications > 0 && idempotent) {
      this.duplicatesSuppressed++;
      return false;
    }

    this.change(obligation, now, () => {
      obligation.applications++;
      if (obligation.applications === 1) obligation.appliedAt = now;
      if (obligation.applications > 1 && obligation.kind === 'accrual') this.duplicateAccruals++;
    });
    return true;
  }

  /** Counts a repeated request that the receiver dropped by its idempotency key, applying nothing. */
  recordSuppressed(): void {
    this.duplicatesSuppressed++;
  }

  /** Records that no process works on the obligation any more (it was given up or dead-lettered). */
  giveUp(obligation: Obligation, now: number): void {
    this.change(obligation, now, () => {
      obligation.working = false;
      obligation.provisional = false;
    });
  }

  /** Records that a process works on the obligation again, such as a dead-letter replay. */
  resume(obligation: Obligation, now: number): void {
    this.change(obligation, now, () => {
      obligation.working = true;
    });
  }

  /** Records the points locally while loyalty is unreachable; settlement applies them later. */
  markProvisional(obligation: Obligation, now: number): void {
    this.change(obligation, now, () => {
      obligation.provisional = true;
      obligation.working = true;
    });
  }

  /** Records that the business no longer owes the obligation, as when a shopper abandons a checkout. */
  cancel(obligation: Obligation, now: number): void {
    this.change(obligation, now, () => {
      obligation.owed = false;
    });
  }

  /** Records that a compensation took one application back, such as reversing redeemed points. */
  compensate(obligation: Obligation, now: number): void {
    if (obligation.applications === 0) return;
    this.change(obligation, now, () => {
      obligation.applications--;
    });
  }

  /** Returns how long the ledgers have disagreed in total up to `now`, in ms, over all spells. */
  disagreementTime(now: number): number {
    return this.agree ? this.disagreedTotal : this.disagreedTotal + (now - this.agreedUntil);
  }

  /** Returns the figures as they stand. */
  figures(): LedgerFigures {
    return {
      drift: this.drift,
      driftAbsolute: this.driftAbsolute,
      provisionalPending: this.provisionalPending,
      duplicateAccruals: this.duplicateAccruals,
      duplicatesSuppressed: this.duplicatesSuppressed,
      firstDisagreedAt: this.firstDisagreedAt,
      agreedAt: this.agreedAt,
      agree: this.agree,
    };
  }

  private change(obligation: Obligation, now: number, mutate: () => void): void {
    const before = contribution(obligation);
    const provisionalBefore = provisionalPoints(obligation);
    mutate();
    const delta = contribution(obligation) - before;
    this.provisionalPending += provisionalPoints(obligation) - provisionalBefore;

    if (delta !== 0) {
      const customer = obligation.customer;
      const old = this.unreconciled[customer] as number;
      const updated = old + delta;
      this.unreconciled[customer] = updated;
      this.drift += delta;
      this.driftAbsolute += Math.abs(updated) - Math.abs(old);
    }
    this.updateAgreement(now);
  }

  private updateAgreement(now: number): void {
    // NOTE: sums of many float point values can leave a residue of 1e-9 where the true sum is 0.
    const agreeNow = Math.abs(this.driftAbsolute) < 1e-6 && Math.abs(this.provisionalPending) < 1e-6;
    if (agreeNow === this.agree) return;

    this.agree = agreeNow;
    if (agreeNow) this.disagreedTotal += now - this.agreedUntil;
    else this.agreedUntil = now;
    if (agreeNow) {
      this.agreedAt = now;
      this.driftAbsolute = 0;
      this.provisionalPending = 0;
    } else if (this.firstDisagreedAt === null) {
      this.firstDisagreedAt = now;
    }
  }
}

/** Points the obligation adds to `owed - held - working` for its customer. */
function contribution(obligation: Obligation): number {
  const owed = obligation.owed ? obligation.points : 0;
  const held = obligation.applications * obligation.points;
  const working = obligation.owed && obligation.working && obligation.applications === 0 ? obligation.points : 0;
  return owed - held - working;
}

function provisionalPoints(obligation: Obligation): number {
  return obligation.provisional && obligation.applications === 0 ? Math.abs(obligation.points) : 0;
}
