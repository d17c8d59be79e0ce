/**
 * The vocabulary every journey machine is written in: events, state metadata and the helpers that
 * build step, decision and final states.
 *
 * A journey machine is flat, and its guards never read context: every outcome of a call or a question
 * arrives as its own event type. That is what lets `compileJourney` turn a machine into a fixed table.
 */
import type { JourneyOutcome } from '../api.js';
import type { Channel, OperationName, SystemKind } from '../scenario/schema.js';

/** The only event types a journey machine accepts, in the column order of the compiled table. */
export const JOURNEY_EVENTS = ['OK', 'FAILED', 'DEGRADED', 'YES', 'NO'] as const;
export type JourneyEvent = (typeof JOURNEY_EVENTS)[number];

/** An event object as sent to a journey machine. */
export type JourneyEventObject = { type: JourneyEvent };

/** Column of each event in `CompiledState.next`. */
export const EVENT_INDEX: Readonly<Record<JourneyEvent, number>> = {
  OK: 0,
  FAILED: 1,
  DEGRADED: 2,
  YES: 3,
  NO: 4,
};

/**
 * Questions the simulation runner resolves by sending `YES` or `NO`:
 * - `isMember`: the customer is a loyalty member;
 * - `redeemsReward`: this checkout pays partly with points;
 * - `hasRedeemed`: points were redeemed earlier in this journey, so a failure must reverse them.
 */
export const DECISION_NAMES = ['isMember', 'redeemsReward', 'hasRedeemed'] as const;
export type DecisionName = (typeof DECISION_NAMES)[number];

/** Call mode: the journey waits for the response (`request`) or may hand the call to an event link (`notify`). */
export const STEP_MODES = ['request', 'notify'] as const;
export type StepMode = (typeof STEP_MODES)[number];

/** Gateway load-shedding order: `low` is shed first, `critical` last. */
export const STEP_PRIORITIES = ['critical', 'standard', 'low'] as const;
export type StepPriority = (typeof STEP_PRIORITIES)[number];

/**
 * Degraded modes a step can fall back to. The runner sends `DEGRADED` when a step fell back:
 * - `provisionalAccrual`: points recorded locally and settled with loyalty later.
 * - `cachedRead`: a read served from a cache filled by earlier reads, within a staleness limit.
 * - `deferredRedemption`: a redemption queued (or backed by a cached balance) and applied later.
 * - `queuedUpdate`: a CRM write queued and replayed in order when CRM is back.
 */
export const DEGRADE_MODES = ['provisionalAccrual', 'cachedRead', 'deferredRedemption', 'queuedUpdate'] as const;
export type DegradeMode = (typeof DEGRADE_MODES)[number];

/** Outcomes a final state can carry: every journey outcome except `running`. */
export type FinalOutcome = Exclude<JourneyOutcome, 'running'>;
export const FINAL_OUTCOMES = [
  'completed',
  'completedDegraded',
  'lost',
  'refundedWithoutReversal',
] as const satisfies readonly FinalOutcome[];

/** Metadata of a step state: one call to one system. */
export interface StepMeta {
  system: SystemKind;
  operation: OperationName;
  mode: StepMode;
  label: string;
  priority: StepPriority;
  degrade?: DegradeMode;
  /** Marks a saga compensation, such as reversing points redeemed for an order that failed. */
  compensation?: boolean;
}

/** Metadata on the machine root. The first channel is the one a journey of this kind usually starts in. */
export interface JourneyRootMeta {
  label: string;
  channels: readonly Channel[];
}

/** Targets of a step state, by outcome; `DEGRADED` is present exactly when the step can degrade. */
export type StepTargets<S extends string> = { OK: S; FAILED: S; DEGRADED?: S };

/**
 * Builds a step state config. Example:
 * `step({ system: 'erp', operation: 'lookupPrice', ... }, { OK: 'captureSale', FAILED: 'lost' })`.
 */
export function step<S extends string>(meta: StepMeta, on: StepTargets<S>) {
  return { meta: { step: meta }, on };
}

/** Builds a decision state config; the runner resolves it by sending `YES` or `NO`. */
export function decision<S extends string>(name: DecisionName, label: string, on: { YES: S; NO: S }) {
  return { meta: { decision: name, label }, on };
}

/** Builds a final state config carrying the journey outcome. */
export function final(outcome: FinalOutcome, label: string) {
  return { type: 'final' as const, meta: { outcome, label } };
}
