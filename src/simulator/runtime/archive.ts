/**
 * The journeys a run keeps for inspection: those in flight and the most recent finished ones, up to a
 * capacity. A capacity of 0 keeps none, so a headless run allocates no traces.
 */
import type { JourneyQuery, JourneySummary } from '../api.js';
import { Ring } from '../engine/ring.js';
import type { Journey } from './journey-runner.js';

/** Journeys kept for the journey inspector. */
export class JourneyArchive {
  readonly capacity: number;
  private readonly running = new Map<number, Journey>();
  private readonly finished: Ring<Journey>;
  private readonly byId = new Map<number, Journey>();

  constructor(capacity: number) {
    this.capacity = capacity;
    this.finished = new Ring<Journey>(Math.max(1, capacity));
  }

  /** Keeps a journey that has started. */
  start(journey: Journey): void {
    if (this.capacity === 0) return;
    this.running.set(journey.id, journey);
    this.byId.set(journey.id, journey);
  }

  /** Moves a journey to the finished ones, dropping the oldest finished one past the capacity. */
  finish(journey: Journey): void {
    if (this.capacity === 0) return;
    this.running.delete(journey.id);
    this.finished.push(journey);
    if (this.finished.length > this.capacity) this.byId.delete(this.finished.shift().id);
  }

  /** Returns a kept journey by id. */
  get(id: number): Journey | undefined {
    return this.byId.get(id);
  }

  /** Returns the kept journeys matching `query`, newest first, with the total number that match. */
  query(query: JourneyQuery, summarize: (journey: Journey) => JourneySummary): { total: number; items: JourneySummary[] } {
    const text = query.text?.trim().toLowerCase() ?? '';
    const outcomes = query.outcomes && query.outcomes.length > 0 ? new Set(query.outcomes) : null;
    const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : null;
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;

    const items: JourneySummary[] = [];
    let total = 0;
    const ids = [...this.byId.keys()].sort((a, b) => b - a);
    for (const id of ids) {
      const journey = this.byId.get(id) as Journey;
      if (outcomes && !outcomes.has(journey.outcome)) continue;
      if (kinds && !kinds.has(journey.kind)) continue;

      const summary = summarize(journey);
      if (text && !matches(summary, text)) continue;
      if (total >= offset && items.length < limit) items.push(summary);
      total++;
    }
    return { total, items };
  }
}

function matches(summary: JourneySummary, text: string): boolean {
  return (
    String(summary.id) === text ||
    summary.customerId.toLowerCase().includes(text) ||
    summary.customerName.toLowerCase().includes(text) ||
    summary.kind.toLowerCase().includes(text) ||
    summary.state.toLowerCase().includes(text)
  );
}
