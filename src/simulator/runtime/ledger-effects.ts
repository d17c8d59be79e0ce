/**
 * What the loyalty system does to the points ledger when it finishes a call, whether or not the
 * caller still waits for the answer.
 */
import type { SystemEffect } from '../integration/call.js';
import type { Obligation } from '../ledger/points-ledger.js';
import type { SimulationContext } from './context.js';

/** Returns the effect that applies `obligation` to the ledger, recording the accrual lag once. */
export function applyEffect(context: SimulationContext, obligation: Obligation): SystemEffect {
  return (outcome, now) => {
    if (outcome.status !== 'ok') return;
    const first = obligation.applications === 0;
    const applied = context.ledger.apply(obligation, now, context.policies.idempotency);
    if (applied && first && obligation.kind === 'accrual') context.metrics.recordAccrualLag(now - obligation.createdAt);
  };
}

/** Returns the effect that takes one application of `obligation` back, as a saga compensation. */
export function compensateEffect(context: SimulationContext, obligation: Obligation): SystemEffect {
  return (outcome, now) => {
    if (outcome.status === 'ok') context.ledger.compensate(obligation, now);
  };
}
