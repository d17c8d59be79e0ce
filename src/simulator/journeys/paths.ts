/**
 * Lists every simple path through a journey, computed by `@xstate/graph` from the machine itself, so
 * tests can drive each way a journey can end through the table or the whole simulator.
 */
import { getSimplePaths } from '@xstate/graph';
import type { JourneyKind } from '../scenario/schema.js';
import type { FinalOutcome, JourneyEvent, JourneyEventObject } from './conventions.js';
import { JOURNEY_EVENTS } from './conventions.js';
import { getCompiledJourney } from './registry.js';

/** One way through a journey: the events sent, the state ids visited and the outcome reached. */
export interface JourneyPath {
  events: JourneyEvent[];
  /** XState state ids from the initial state to the final state; one more entry than `events`. */
  states: string[];
  outcome: FinalOutcome;
}

const ALL_EVENTS: readonly JourneyEventObject[] = JOURNEY_EVENTS.map((type) => ({ type }));

/**
 * Lists every simple path (no state visited twice) from the initial state to a final state, using
 * `getSimplePaths` from `@xstate/graph`, in the order the library yields them.
 *
 * The graph treats each decision as a free choice, so it also yields paths no runner can produce. Those
 * are dropped. A path must send `YES` to `hasRedeemed` exactly when an earlier `redeem` step
 * returned `OK`, and must send the same event each time it reaches the same decision.
 */
export function enumerateJourneyPaths(kind: JourneyKind): JourneyPath[] {
  const journey = getCompiledJourney(kind);
  const paths = getSimplePaths(journey.machine, { events: ALL_EVENTS });
  const result: JourneyPath[] = [];

  for (const path of paths) {
    if (path.state.status !== 'done') continue;
    const states = path.steps.map((step) => stateOf(kind, step.state.value));
    // The first step is XState's own init event that enters the initial state.
    const events = path.steps.slice(1).map((step) => step.event.type as JourneyEvent);
    if (!isFeasible(kind, states, events)) continue;

    const outcome = journey.states[journey.stateIndex.get(path.state.value as string)!]!.outcome!;
    result.push({ events, states, outcome });
  }
  return result;
}

function isFeasible(kind: JourneyKind, stateIds: string[], events: JourneyEvent[]): boolean {
  const journey = getCompiledJourney(kind);
  const decided = new Map<string, JourneyEvent>();
  let redeemed = false;

  for (const [i, event] of events.entries()) {
    const state = journey.states.find((s) => s.id === stateIds[i])!;
    if (state.step?.operation === 'redeem' && event === 'OK') redeemed = true;
    if (state.decision === null) continue;

    let expected = decided.get(state.decision);
    if (state.decision === 'hasRedeemed') expected = redeemed ? 'YES' : 'NO';
    if (expected !== undefined && expected !== event) return false;
    decided.set(state.decision, event);
  }
  return true;
}

function stateOf(kind: JourneyKind, value: unknown): string {
  const journey = getCompiledJourney(kind);
  const index = typeof value === 'string' ? journey.stateIndex.get(value) : undefined;
  if (index === undefined) {
    const found = JSON.stringify(value);
    throw new Error(
      `Bug: a path through journey "${kind}" reached state value ${found}, which its compiled table lacks.`,
    );
  }
  return journey.states[index]!.id;
}
