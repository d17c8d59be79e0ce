/**
 * Lays out a compiled journey machine with dagre: states as nodes, accepted events as labelled
 * edges, top to bottom from the initial state.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { CompiledJourney } from '../../../simulator/journeys/index.js';

/** Node size in pixels by state kind. */
export const STATE_NODE_SIZE = { step: { width: 184, height: 46 }, decision: { width: 150, height: 40 }, final: { width: 150, height: 36 } } as const;

/** A laid-out state; a type alias, so React Flow accepts it as node data. */
export type MachineNode = {
  id: string;
  key: string;
  kind: 'step' | 'decision' | 'final';
  label: string;
  /** `system.operation` of a step, the question of a decision, or the outcome of a final state. */
  detail: string;
  outcome: string | null;
  compensation: boolean;
  x: number;
  y: number;
};

/** A laid-out transition. */
export interface MachineEdge {
  id: string;
  source: string;
  target: string;
  event: string;
}

/** Lays out `journey`; node positions are top-left corners in pixels. */
export function layoutMachine(journey: CompiledJourney): { nodes: MachineNode[]; edges: MachineEdge[] } {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 26, ranksep: 46, edgesep: 12, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));

  for (const state of journey.states) graph.setNode(state.id, { ...STATE_NODE_SIZE[state.kind] });

  const edges: MachineEdge[] = journey.edges.map((edge) => {
    const source = journey.states[edge.from]?.id ?? String(edge.from);
    const target = journey.states[edge.to]?.id ?? String(edge.to);
    const id = `${source}:${edge.event}`;
    // A label node keeps dagre from drawing two labelled edges on top of each other.
    graph.setEdge(source, target, { width: 44, height: 14, labelpos: 'c' }, id);
    return { id, source, target, event: edge.event };
  });

  layout(graph);

  const nodes: MachineNode[] = journey.states.map((state) => {
    const size = STATE_NODE_SIZE[state.kind];
    const { x, y } = graph.node(state.id);
    return {
      id: state.id,
      key: state.key,
      kind: state.kind,
      label: state.label,
      detail: describeState(state),
      outcome: state.outcome,
      compensation: state.step?.compensation === true,
      x: Math.round(x - size.width / 2),
      y: Math.round(y - size.height / 2),
    };
  });
  return { nodes, edges };
}

function describeState(state: CompiledJourney['states'][number]): string {
  if (state.step) return `${state.step.system}.${state.step.operation}${state.step.mode === 'notify' ? ' (notify)' : ''}`;
  if (state.decision) return `${state.decision}?`;
  return state.outcome ?? '';
}

/**
 * Returns the ids of the states and transitions a journey went through, given its path of state ids
 * or keys. A transition counts as taken when its two states are consecutive on the path.
 *
 * NOTE: when two events lead from one state to the same next state (such as OK and DEGRADED into the
 * same step), both transitions are marked, because the path alone cannot tell them apart.
 */
export function pathHighlight(journey: CompiledJourney, path: readonly string[]): { states: Set<string>; edges: Set<string> } {
  const idOf = new Map<string, string>();
  for (const state of journey.states) {
    idOf.set(state.id, state.id);
    idOf.set(state.key, state.id);
  }
  const ids = path.map((entry) => idOf.get(entry)).filter((id): id is string => id !== undefined);

  const states = new Set(ids);
  const edges = new Set<string>();
  for (let index = 1; index < ids.length; index += 1) {
    const from = ids[index - 1] as string;
    const to = ids[index] as string;
    for (const edge of journey.edges) {
      const source = journey.states[edge.from]?.id;
      const target = journey.states[edge.to]?.id;
      if (source === from && target === to) edges.add(`${source}:${edge.event}`);
    }
  }
  return { states, edges };
}

/** Returns the state id for a state id or key, or null when the journey has no such state. */
export function resolveStateId(journey: CompiledJourney, state: string): string | null {
  const match = journey.states.find((candidate) => candidate.id === state || candidate.key === state);
  return match?.id ?? null;
}
