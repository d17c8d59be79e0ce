/**
 * The landscape view: the systems and links of the loaded scenario as a live graph.
 */
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { SYSTEM_KINDS, type SystemKind } from '../../../simulator/scenario/schema.js';
import { StatePanel } from '../../components/StatePanel.js';
import { showView } from '../../store/actions.js';
import { studioStore, useStudio } from '../../store/studio.js';
import { CallerNode } from './CallerNode.js';
import { layoutLandscape, type LinkShape } from './layout.js';
import { SystemNode } from './SystemNode.js';
import { TrafficEdge } from './TrafficEdge.js';

const NODE_TYPES = { system: SystemNode, caller: CallerNode };
const EDGE_TYPES = { traffic: TrafficEdge };

/** Renders the landscape, or a designed empty state before a scenario is loaded. */
export function LandscapeView() {
  const loaded = useStudio((state) => state.loaded);
  // Only the set of links shapes the layout; their live figures are read by each edge.
  const linkKey = useStudio((state) => (state.snapshot?.links ?? []).map((link) => `${link.id}:${link.style}`).join('|'));

  const graph = useMemo(() => {
    if (loaded === null) return null;
    const systems = SYSTEM_KINDS.filter((kind) => loaded.scenario.systems[kind] !== undefined);
    const links = studioStore.getState().snapshot?.links ?? null;
    const shapes: LinkShape[] =
      links ?? loaded.scenario.links.map((link) => ({ id: `${link.from}->${link.to}`, from: link.from, to: link.to, style: link.style }));
    const { nodes, edges } = layoutLandscape(systems, shapes);

    const flowNodes: Node[] = nodes.map((node) =>
      node.type === 'system'
        ? { id: node.id, type: 'system', position: { x: node.x, y: node.y }, data: { kind: node.kind, label: displayName(loaded.scenario.systems[node.kind]?.name, node.kind) }, draggable: true }
        : { id: node.id, type: 'caller', position: { x: node.x, y: node.y }, data: { caller: node.caller }, draggable: true },
    );
    const flowEdges: Edge[] = edges.map((edge) => ({
      id: edge.id,
      type: 'traffic',
      source: edge.source,
      target: edge.target,
      data: { from: edge.from, to: edge.to, style: edge.style },
    }));
    return { nodes: flowNodes, edges: flowEdges };
    // Live rates change with every snapshot but the layout only with `linkKey`, so the links are read
    // from the store here instead of through a subscription, and dagre runs once per set of links.
  }, [loaded, linkKey]);

  if (graph === null) {
    return (
      <StatePanel kind="empty" title="No scenario loaded" testId="landscape-empty">
        <p className="muted">Open a shipped scenario from the gallery or write one in the editor.</p>
        <button type="button" className="primary" onClick={() => showView('scenario')}>
          Open the gallery
        </button>
      </StatePanel>
    );
  }

  return (
    <div className="landscape" data-testid="landscape">
      <ReactFlow
        key={`${loaded?.runId ?? 0}:${linkKey}`}
        defaultNodes={graph.nodes}
        defaultEdges={graph.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.3}
        maxZoom={1.6}
        nodesConnectable={false}
        colorMode="dark"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function displayName(name: string | undefined, kind: SystemKind): string {
  return name ?? kind.toUpperCase();
}
