/**
 * Compiles a journey machine into a transition table computed by XState itself, so the simulator can
 * run millions of journeys as one integer state index each instead of one actor each.
 *
 * Every state is resolved with `machine.resolveState` and sent every journey event with `transition`
 * from `xstate`; the resulting state becomes a table cell. This is sound because journey machines have
 * no guards, actions or delays (see `validate.ts`), so a cell never depends on context or time.
 */
import { initialTransition, transition, type AnyStateMachine, type AnyMachineSnapshot } from 'xstate';
import type { Channel, JourneyKind } from '../scenario/schema.js';
import {
  EVENT_INDEX,
  JOURNEY_EVENTS,
  type DecisionName,
  type FinalOutcome,
  type JourneyEvent,
  type StepMeta,
} from './conventions.js';
import { JourneyConventionError, validateRoot, validateState } from './validate.js';

/** One state of a compiled journey. */
export interface CompiledState {
  /** XState state id, such as `onlineCheckout.redeem`. */
  id: string;
  /** State key, which is also the machine's state value in this state, such as `redeem`. */
  key: string;
  index: number;
  kind: 'step' | 'decision' | 'final';
  label: string;
  step: StepMeta | null;
  decision: DecisionName | null;
  outcome: FinalOutcome | null;
  /** Next state index per event column (`EVENT_INDEX`), or -1 where the state does not accept it. */
  next: Int16Array;
}

/** A journey machine compiled into a transition table. */
export interface CompiledJourney {
  kind: JourneyKind;
  /** Channel a journey of this kind usually starts in: the first of `channels`. */
  channel: Channel;
  channels: readonly Channel[];
  label: string;
  machine: AnyStateMachine;
  initial: number;
  states: CompiledState[];
  /** Every accepted (state, event) pair, in state order then event order, for drawing. */
  edges: { from: number; to: number; event: JourneyEvent }[];
  /** State index by state key. */
  stateIndex: ReadonlyMap<string, number>;
}

const NO_STATE = -1;

/**
 * Compiles a journey machine into a transition table, checking the journey conventions on the way.
 * @throws JourneyConventionError naming the machine, the state and the broken rule, for example a
 *   guard, a step without `system`, or a state with no path to a final state.
 */
export function compileJourney(kind: JourneyKind, machine: AnyStateMachine): CompiledJourney {
  const channels = validateRoot(machine);
  const nodes = Object.values(machine.root.states);
  const roles = nodes.map((node) => validateState(machine, node));
  const stateIndex = new Map(nodes.map((node, index) => [node.key, index]));
  const [initialSnapshot] = initialTransition(machine);

  const states = nodes.map((node, index): CompiledState => {
    const role = roles[index]!;
    const snapshot = machine.resolveState({ value: node.key, context: initialSnapshot.context });
    return {
      id: node.id,
      key: node.key,
      index,
      kind: role.kind,
      label: role.label,
      step: role.kind === 'step' ? role.step : null,
      decision: role.kind === 'decision' ? role.decision : null,
      outcome: role.kind === 'final' ? role.outcome : null,
      next: computeRow(machine, snapshot, stateIndex),
    };
  });

  states.forEach((state) => checkAcceptedEvents(machine.id, state));
  const initial = indexOfSnapshot(machine, initialSnapshot, stateIndex);
  checkPaths(machine.id, states, initial);

  const rootMeta = machine.root.meta as { label?: unknown };
  return {
    kind,
    channel: channels[0]!,
    channels,
    label: typeof rootMeta.label === 'string' ? rootMeta.label : kind,
    machine,
    initial,
    states,
    edges: listEdges(states),
    stateIndex,
  };
}

/** Sends each journey event to one resolved state and records where XState takes it. */
function computeRow(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  stateIndex: ReadonlyMap<string, number>,
): Int16Array {
  const row = new Int16Array(JOURNEY_EVENTS.length).fill(NO_STATE);
  for (const type of JOURNEY_EVENTS) {
    const [next] = transition(machine, snapshot, { type });
    // XState returns the very same snapshot when no transition is enabled for the event.
    if (next === snapshot) continue;
    row[EVENT_INDEX[type]] = indexOfSnapshot(machine, next, stateIndex);
  }
  return row;
}

function indexOfSnapshot(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  stateIndex: ReadonlyMap<string, number>,
): number {
  const value: unknown = snapshot.value;
  const index = typeof value === 'string' ? stateIndex.get(value) : undefined;
  if (index === undefined) {
    const rule = `XState reached state value ${JSON.stringify(value)}, which is not a top-level state.`;
    throw new JourneyConventionError(machine.id, null, rule);
  }
  return index;
}

function expectedEvents(state: CompiledState): JourneyEvent[] {
  if (state.kind === 'final') return [];
  if (state.kind === 'decision') return ['YES', 'NO'];
  return state.step?.degrade ? ['OK', 'FAILED', 'DEGRADED'] : ['OK', 'FAILED'];
}

function checkAcceptedEvents(machineId: string, state: CompiledState): void {
  const expected = expectedEvents(state);
  const accepted = JOURNEY_EVENTS.filter((type) => state.next[EVENT_INDEX[type]] !== NO_STATE);
  if (accepted.join() === expected.join()) return;

  const rule = {
    final: 'a final state accepts no events',
    decision: 'a decision state accepts exactly YES and NO',
    step: 'a step state accepts exactly OK and FAILED, plus DEGRADED when meta.step.degrade is set',
  }[state.kind];
  throw new JourneyConventionError(
    machineId,
    state.key,
    `${rule}; it accepts [${accepted.join(', ')}]. Expected [${expected.join(', ')}].`,
  );
}

/** Rejects states the initial state cannot reach and states with no way to a final state. */
function checkPaths(machineId: string, states: CompiledState[], initial: number): void {
  const reachable = new Set([initial]);
  const queue = [initial];
  for (let head = 0; head < queue.length; head++) {
    for (const to of states[queue[head]!]!.next) {
      if (to !== NO_STATE && !reachable.has(to)) {
        reachable.add(to);
        queue.push(to);
      }
    }
  }

  // Walk backwards from the final states until no more states join.
  const finishing = new Set(states.filter((s) => s.kind === 'final').map((s) => s.index));
  for (let grew = true; grew; ) {
    grew = false;
    for (const state of states) {
      if (finishing.has(state.index) || !state.next.some((to) => finishing.has(to))) continue;
      finishing.add(state.index);
      grew = true;
    }
  }

  for (const state of states) {
    if (!reachable.has(state.index)) {
      const rule = 'the state is unreachable from the initial state. Remove it or add a transition to it.';
      throw new JourneyConventionError(machineId, state.key, rule);
    }
    if (!finishing.has(state.index)) {
      const rule = 'the state has no path to a final state. Add a transition towards one.';
      throw new JourneyConventionError(machineId, state.key, rule);
    }
  }
}

function listEdges(states: CompiledState[]): CompiledJourney['edges'] {
  const edges: CompiledJourney['edges'] = [];
  for (const state of states) {
    for (const event of JOURNEY_EVENTS) {
      const to = state.next[EVENT_INDEX[event]]!;
      if (to !== NO_STATE) edges.push({ from: state.index, to, event });
    }
  }
  return edges;
}

// Re-exported so callers that compile and callers that look up compiled journeys share one import.
export { getCompiledJourney, journeyMachines } from './registry.js';
