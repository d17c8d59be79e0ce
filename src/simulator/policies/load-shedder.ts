/**
 * Load shedding by priority at the API gateway: the gateway counts the requests it has forwarded to each
 * backend and not yet seen completed, and above a per-priority threshold rejects new requests of that
 * priority with 503 at once. `low` has the lowest threshold, so it is shed first, then `standard`; a
 * `critical` request is shed only above its own threshold, and never when none is set.
 */
import type { StepPriority } from '../journeys/conventions.js';
import type { LoadSheddingConfig, SystemKind } from '../scenario/schema.js';

const NO_SHEDDING: Record<StepPriority, number> = {
  critical: Number.POSITIVE_INFINITY,
  standard: Number.POSITIVE_INFINITY,
  low: Number.POSITIVE_INFINITY,
};

/** Requests shed per priority. */
export type ShedCounts = Record<StepPriority, number>;

/**
 * Tracks in-flight requests per backend, always, and sheds by priority above the thresholds in force.
 * Thresholds can change while requests are in flight (a switch of policy set), and the counts carry on.
 */
export class LoadShedder {
  private thresholds: Record<StepPriority, number> = NO_SHEDDING;
  private readonly inFlight = new Map<SystemKind, number>();
  private readonly shedCounts = new Map<SystemKind, ShedCounts>();

  /** @throws Error when the thresholds do not rise from `low` to `standard` to `critical`. */
  constructor(config: LoadSheddingConfig | null = null) {
    this.configure(config);
  }

  /**
   * Sets the thresholds in force, or none to shed nothing.
   *
   * @throws Error when the thresholds do not rise from `low` to `standard` to `critical`.
   */
  configure(config: LoadSheddingConfig | null): void {
    if (!config) {
      this.thresholds = NO_SHEDDING;
      return;
    }

    const standard = config.standard ?? Number.POSITIVE_INFINITY;
    const critical = config.critical ?? Number.POSITIVE_INFINITY;
    if (!(config.low <= standard && standard <= critical)) {
      throw new Error(
        `Invalid load shedding thresholds low=${config.low} standard=${config.standard} critical=${config.critical}: ` +
          'each priority must be shed at the same or a higher in-flight count than the one below it.',
      );
    }
    this.thresholds = { low: config.low, standard, critical };
  }

  /** Admits one request of `priority` to `backend` and counts it in flight, or returns false to shed it. */
  tryAdmit(backend: SystemKind, priority: StepPriority): boolean {
    const current = this.inFlight.get(backend) ?? 0;
    if (current === 0) this.inFlight.set(backend, 0);
    if (current >= this.thresholds[priority]) {
      const counts = this.shedCounts.get(backend) ?? { critical: 0, standard: 0, low: 0 };
      counts[priority]++;
      this.shedCounts.set(backend, counts);
      return false;
    }

    this.inFlight.set(backend, current + 1);
    return true;
  }

  /**
   * Ends one admitted request to `backend`.
   *
   * @throws Error when no request to `backend` is in flight, because that is a request released twice.
   */
  release(backend: SystemKind): void {
    const current = this.inFlight.get(backend) ?? 0;
    if (current === 0) throw new Error(`bug: LoadShedder.release for ${backend} with no request in flight`);
    this.inFlight.set(backend, current - 1);
  }

  /** Returns the admitted requests to `backend` not yet completed. */
  inFlightTo(backend: SystemKind): number {
    return this.inFlight.get(backend) ?? 0;
  }

  /** Returns the backends that have had requests, in the order of their first request. */
  backends(): SystemKind[] {
    return [...this.inFlight.keys()];
  }

  /** Returns the requests to `backend` shed so far, per priority. */
  shed(backend: SystemKind): ShedCounts {
    return { ...(this.shedCounts.get(backend) ?? { critical: 0, standard: 0, low: 0 }) };
  }
}
