/**
 * The messaging part of the live snapshot and the report: idempotency stores at the receivers, the
 * dead-letter queue and its replay, poison messages and the batch links' files.
 */
import type { BatchSnapshot, IdempotencySnapshot, MessagingSnapshot } from '../api.js';
import type { SimulationContext } from '../runtime/context.js';
import type { SystemKind } from '../scenario/schema.js';

/** Receiving systems that check idempotency keys: loyalty on points writes, the ERP on postings. */
const IDEMPOTENT_RECEIVERS: readonly SystemKind[] = ['loyalty', 'erp'];

/** Returns the state of the messaging policies now. `batches` comes from the run's batch links. */
export function messagingSnapshot(context: SimulationContext, batches: BatchSnapshot[]): MessagingSnapshot {
  const { backbone, policies, idempotency, scheduler, systems } = context;
  const now = scheduler.now;
  const retention = policies.idempotencyRetention;

  const stores: IdempotencySnapshot[] = IDEMPOTENT_RECEIVERS.filter((system) => systems.has(system)).map((system) => ({
    system,
    ...idempotency.figures(system, retention),
  }));

  return {
    idempotency: stores,
    deadLetters: {
      depth: backbone.deadLetters.depth,
      total: backbone.deadLetters.totalAdded,
      oldestAge: backbone.deadLetters.oldestAge(now),
      replayed: backbone.replayed,
      replayPending: backbone.replayPending,
      replayRate: policies.replay?.ratePerSecond ?? null,
      nextReplayAt: backbone.nextReplayAt,
    },
    poison: {
      depth: backbone.poisonQueue.depth,
      published: backbone.poisonPublished,
      setAside: backbone.poisonQueue.totalAdded,
      rate: backbone.poisonRate(),
    },
    batches,
  };
}
