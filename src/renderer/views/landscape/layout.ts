/**
 * Lays out the landscape graph with dagre: callers (sales channels and the middleware) on the left,
 * systems on the right, one edge per link.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { LinkSnapshot } from '../../../simulator/api.js';
import type { Channel, SystemKind } from '../../../simulator/scenario/schema.js';

/** A caller of systems: a sales channel or the integration middleware. */
export type Caller = Channel | 'middleware';

/**
 * Size of a system node in pixels, for the layout. The height leaves room for two rows of policy
 * chips and the degraded-mode line, which appear while a run goes on, so nodes never overlap.
 */
export const SYSTEM_NODE_SIZE = { width: 232, height: 196 };
/** Size of a caller node in pixels. */
export const CALLER_NODE_SIZE = { width: 150, height: 56 };

/** A node of the laid-out landscape. */
export type LandscapeNode =
  | { id: string; type: 'system'; kind: SystemKind; x: number; y: number }
  | { id: string; type: 'caller'; caller: Caller; x: number; y: number };

/** An edge of the laid-out landscape, one per link. */
export interface LandscapeEdge {
  id: string;
  source: string;
  target: string;
  from: Caller;
  to: SystemKind;
  style: LinkSnapshot['style'];
}

/** The link fields the layout needs. */
export type LinkShape = Pick<LinkSnapshot, 'id' | 'from' | 'to' | 'style'>;

/** Returns the React Flow id of a system node. */
export function systemNodeId(kind: SystemKind): string {
  return `system:${kind}`;
}

/** Returns the React Flow id of a caller node. */
export function callerNodeId(caller: Caller): string {
  return `caller:${caller}`;
}

/**
 * Places the systems and the callers of `links` with dagre, left to right. Positions are the top-left
 * corners React Flow expects, rounded to whole pixels.
 */
export function layoutLandscape(systems: readonly SystemKind[], links: readonly LinkShape[]): { nodes: LandscapeNode[]; edges: LandscapeEdge[] } {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 180, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));

  const callers = [...new Set(links.map((link) => link.from))].sort(byCallerOrder);
  for (const caller of callers) graph.setNode(callerNodeId(caller), { ...CALLER_NODE_SIZE });
  for (const kind of systems) graph.setNode(systemNodeId(kind), { ...SYSTEM_NODE_SIZE });

  const edges: LandscapeEdge[] = [];
  for (const link of links) {
    if (!systems.includes(link.to)) continue;
    const edge: LandscapeEdge = {
      id: link.id,
      source: callerNodeId(link.from),
      target: systemNodeId(link.to),
      from: link.from,
      to: link.to,
      style: link.style,
    };
    graph.setEdge(edge.source, edge.target, {}, edge.id);
    edges.push(edge);
  }

  layout(graph);

  const nodes: LandscapeNode[] = [];
  for (const caller of callers) {
    const { x, y } = graph.node(callerNodeId(caller));
    nodes.push({ id: callerNodeId(caller), type: 'caller', caller, ...corner(x, y, CALLER_NODE_SIZE) });
  }
  for (const kind of systems) {
    const { x, y } = graph.node(systemNodeId(kind));
    nodes.push({ id: systemNodeId(kind), type: 'system', kind, ...corner(x, y, SYSTEM_NODE_SIZE) });
  }
  return { nodes, edges };
}

const CALLER_ORDER: readonly Caller[] = ['ecommerce', 'pos', 'middleware'];

function byCallerOrder(a: Caller, b: Caller): number {
  return CALLER_ORDER.indexOf(a) - CALLER_ORDER.indexOf(b);
}

// dagre reports node centres.
function corner(x: number, y: number, size: { width: number; height: number }): { x: number; y: number } {
  return { x: Math.round(x - size.width / 2), y: Math.round(y - size.height / 2) };
}
