/**
 * What the loyalty system does to the points ledger when it finishes a call, whether or not the
 * caller still waits for the response.
 */
import type { SystemEffect } from '../integration/call.js';
import type { Obligation } from '../ledger/points-ledger.js';
import { createPostingEffect, type WriteNote } from '../policies/idempotency.js';
import type { OperationName, SystemKind } from '../scenario/schema.js';
import type { SimulationContext } from './context.js';

/**
 * Returns the effect that applies `obligation` to the ledger, recording the accrual lag once.
 *
 * Loyalty checks the request's idempotency key (the obligation's kind and id) against the keys it
 * stored within the active retention: a repeat inside the window is dropped, one after it is applied
 * again. `note` receives each drop or repeat for the journey trace.
 */
export function applyEffect(context: SimulationContext, obligation: Obligation, note: WriteNote | null = null): SystemEffect {
  // Obligation ids are unique over all kinds, so the id alone is the key; the text is for traces.
  const key = obligation.id;
  return (outcome, now) => {
    if (outcome.status !== 'ok') return;
    const { idempotency, ledger, policies } = context;
    if (idempotency.decide('loyalty', key, now, policies.idempotencyRetention) === 'drop') {
      ledger.recordSuppressed();
      note?.(now, 'DUPLICATE_DROPPED', `loyalty dropped repeated ${obligation.kind}:${key} by its idempotency key`);
      return;
    }

    const first = obligation.applications === 0;
    ledger.apply(obligation, now, false);
    if (first && obligation.kind === 'accrual') context.metrics.recordAccrualLag(now - obligation.createdAt);
    if (!first) {
      idempotency.recordRepeat('loyalty');
      note?.(now, 'DUPLICATE_APPLIED', `loyalty applied ${obligation.kind}:${key} again (application ${obligation.applications})`);
    }
  };
}

/** Returns the effect that takes one application of `obligation` back, as a saga compensation. */
export function compensateEffect(context: SimulationContext, obligation: Obligation, note: WriteNote | null = null): SystemEffect {
  // Negative ids keep a compensation's key apart from the key of the obligation it takes back.
  const key = -obligation.id;
  return (outcome, now) => {
    if (outcome.status !== 'ok') return;
    if (context.idempotency.decide('loyalty', key, now, context.policies.idempotencyRetention) === 'drop') {
      context.ledger.recordSuppressed();
      note?.(now, 'DUPLICATE_DROPPED', `loyalty dropped repeated compensation:${obligation.id} by its idempotency key`);
      return;
    }
    context.ledger.compensate(obligation, now);
  };
}

/** Operations whose repeats post a business document twice: an order or a refund in the ERP. */
const POSTING_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['postOrder', 'postRefund']);

/**
 * Returns the effect of posting a journey's order or refund to the ERP, keyed by the operation and
 * journey id, or null for any other step. A repeat applied counts as a duplicate order posted.
 */
export function postingEffect(
  context: SimulationContext,
  journeyId: number,
  system: SystemKind,
  operation: OperationName,
  note: WriteNote | null = null,
): SystemEffect | null {
  if (system !== 'erp' || !POSTING_OPERATIONS.has(operation)) return null;
  const { idempotency, policies } = context;
  // Orders key by the journey id, refunds by its negation, so the two never collide in the ERP's store.
  const key = operation === 'postOrder' ? journeyId : -journeyId;
  return createPostingEffect(idempotency, 'erp', key, () => policies.idempotencyRetention, note, `${operation}:${journeyId}`);
}
