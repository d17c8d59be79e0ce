/**
 * Short labels of the policies acting on a system or a caller right now, for the landscape nodes:
 * retry amplification and budget, hedging, bulkheads, load shedding, deduplication, gateway
 * rejections, dead letters and poison messages. A policy that has done nothing yet shows no chip.
 */
import type { LiveSnapshot } from '../../../simulator/api.js';
import type { SystemKind } from '../../../simulator/scenario/schema.js';
import { formatCount } from '../../format.js';
import type { Caller } from './layout.js';

/** One chip: its text, whether it signals trouble, and a stable key for tests. */
export interface PolicyChip {
  key: string;
  label: string;
  tone: 'info' | 'warn';
}

/** Returns the chips of the policies acting on calls to `system`. */
export function systemChips(snapshot: LiveSnapshot | null, system: SystemKind): PolicyChip[] {
  if (snapshot === null) return [];
  const chips: PolicyChip[] = [];

  const calls = snapshot.callPath.calls.find((entry) => entry.system === system);
  if (calls) {
    if (calls.amplification > 1.005) {
      chips.push({ key: 'amplification', label: `×${calls.amplification.toFixed(2)} attempts per call`, tone: calls.amplification > 1.5 ? 'warn' : 'info' });
    }
    if (calls.retriesDenied > 0) chips.push({ key: 'retry-budget', label: `retry budget denied ${formatCount(calls.retriesDenied)}`, tone: 'warn' });
    if (calls.hedges > 0) chips.push({ key: 'hedge', label: `hedged ${formatCount(calls.hedges)}, won ${formatCount(calls.hedgeWins)}`, tone: 'info' });
    if (calls.bulkheadInFlight > 0 || calls.bulkheadRejections > 0) {
      const rejected = calls.bulkheadRejections > 0 ? `, rejected ${formatCount(calls.bulkheadRejections)}` : '';
      chips.push({ key: 'bulkhead', label: `bulkhead ${calls.bulkheadInFlight}+${calls.bulkheadQueued}${rejected}`, tone: calls.bulkheadRejections > 0 ? 'warn' : 'info' });
    }
  }

  const backend = snapshot.callPath.gateway.backends.find((entry) => entry.system === system);
  const shed = backend ? backend.shed.low + backend.shed.standard + backend.shed.critical : 0;
  if (backend && shed > 0) {
    chips.push({ key: 'shed', label: `shed ${formatCount(backend.shed.low)} low, ${formatCount(backend.shed.standard)} std, ${formatCount(backend.shed.critical)} crit`, tone: 'warn' });
  }

  const idempotency = snapshot.messaging.idempotency.find((entry) => entry.system === system);
  if (idempotency && idempotency.suppressed > 0) chips.push({ key: 'dedup', label: `dedup dropped ${formatCount(idempotency.suppressed)}`, tone: 'info' });
  if (idempotency && idempotency.repeatsApplied > 0) chips.push({ key: 'duplicates', label: `duplicates applied ${formatCount(idempotency.repeatsApplied)}`, tone: 'warn' });
  return chips;
}

/** Returns the chips of a caller: gateway rejections for a channel, dead letters and poison for the middleware. */
export function callerChips(snapshot: LiveSnapshot | null, caller: Caller): PolicyChip[] {
  if (snapshot === null) return [];
  const chips: PolicyChip[] = [];

  if (caller === 'middleware') {
    const { deadLetters, poison } = snapshot.messaging;
    if (deadLetters.depth > 0 || deadLetters.total > 0) chips.push({ key: 'dlq', label: `DLQ ${formatCount(deadLetters.depth)} waiting`, tone: deadLetters.depth > 0 ? 'warn' : 'info' });
    if (deadLetters.replayPending > 0 || deadLetters.replayed > 0) chips.push({ key: 'replay', label: `replayed ${formatCount(deadLetters.replayed)}`, tone: 'info' });
    if (poison.depth > 0) chips.push({ key: 'poison', label: `poison ${formatCount(poison.depth)} set aside`, tone: 'warn' });
  }

  const consumer = snapshot.callPath.gateway.consumers.find((entry) => entry.consumer === caller);
  if (consumer) {
    if (consumer.unauthorized > 0) chips.push({ key: 'unauthorized', label: `401 ${formatCount(consumer.unauthorized)}`, tone: 'warn' });
    if (consumer.rateLimited > 0) chips.push({ key: 'rate-limited', label: `429 ${formatCount(consumer.rateLimited)}`, tone: 'warn' });
    if (consumer.quotaLimit !== null) {
      chips.push({ key: 'quota', label: `quota ${formatCount(consumer.quotaUsed)}/${formatCount(consumer.quotaLimit)}`, tone: consumer.quotaExceeded > 0 ? 'warn' : 'info' });
    }
    if (consumer.versionRetired > 0) chips.push({ key: 'retired-version', label: `410 retired API ${formatCount(consumer.versionRetired)}`, tone: 'warn' });
  }
  return chips;
}
