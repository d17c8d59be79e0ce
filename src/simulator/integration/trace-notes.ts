/**
 * Trace steps that messaging and idempotency add to a journey after its step: what happened to a
 * published message or a batch record later, and repeats a receiver dropped or applied.
 *
 * They use the state id of the step that sent the request, so the inspector shows them under that
 * step, and an event name of their own that no machine sends.
 */
import type { TraceStep } from '../api.js';
import type { OperationName, SystemKind } from '../scenario/schema.js';

/** Events of the trace steps added by messaging policies and integration styles. */
export type MessagingEvent =
  | 'DUPLICATE_DROPPED'
  | 'DUPLICATE_APPLIED'
  | 'DEAD_LETTERED'
  | 'POISONED'
  | 'REPLAYED'
  | 'BATCHED'
  | 'BATCH_DELIVERED';

/** Adds one trace step to a journey, at simulated time `now`. */
export type MessagingNote = (now: number, event: MessagingEvent, detail: string) => void;

/**
 * Creates the note function of one step of a journey, or null when the journey keeps no trace (a
 * headless run), so untraced journeys allocate nothing.
 */
export function createTraceNote(
  trace: TraceStep[] | null,
  state: string,
  system: SystemKind,
  operation: OperationName,
): MessagingNote | null {
  if (!trace) return null;
  return (now, event, detail) => {
    trace.push({ t: now, state, event, system, operation, detail, latency: null, attempt: 0 });
  };
}
