/**
 * A journey's XState machine drawn as a graph, with the path one journey took highlighted and its
 * current state marked.
 */
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { JourneyKind } from '../../../simulator/scenario/schema.js';
import { getCompiledJourney } from '../../../simulator/journeys/index.js';
import { layoutMachine, pathHighlight, resolveStateId, type MachineNode } from './machine-layout.js';

type StateFlowNode = Node<MachineNode & { taken: boolean; current: boolean }, 'state'>;

function StateNodeView({ data }: NodeProps<StateFlowNode>) {
  const classes = ['state-node', `state-${data.kind}`];
  if (data.outcome) classes.push(`outcome-${data.outcome}`);
  if (data.compensation) classes.push('compensation');
  if (data.taken) classes.push('taken');
  if (data.current) classes.push('current');

  return (
    <div className={classes.join(' ')} data-testid={`state-${data.key}`} data-taken={data.taken} data-current={data.current}>
      <Handle type="target" position={Position.Top} />
      <div className="state-label">{data.label}</div>
      <div className="state-detail mono">{data.detail}</div>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const NODE_TYPES = { state: memo(StateNodeView) };

interface Props {
  kind: JourneyKind;
  path: readonly string[];
  current: string | null;
}

/** Renders the machine of `kind` with `path` highlighted and `current` marked. */
export function MachineGraph({ kind, path, current }: Props) {
  const journey = useMemo(() => getCompiledJourney(kind), [kind]);
  const layout = useMemo(() => layoutMachine(journey), [journey]);
  const pathKey = path.join('>');

  const graph = useMemo(() => {
    const taken = pathHighlight(journey, path);
    const currentId = current === null ? null : resolveStateId(journey, current);
    const nodes: StateFlowNode[] = layout.nodes.map((node) => ({
      id: node.id,
      type: 'state',
      position: { x: node.x, y: node.y },
      data: { ...node, taken: taken.states.has(node.id), current: node.id === currentId },
      draggable: false,
    }));
    const edges: Edge[] = layout.edges.map((edge) => {
      const isTaken = taken.edges.has(edge.id);
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.event,
        type: 'smoothstep',
        className: isTaken ? 'machine-edge taken' : 'machine-edge',
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
        labelBgPadding: [3, 1] as [number, number],
        labelBgBorderRadius: 2,
        zIndex: isTaken ? 1 : 0,
      };
    });
    return { nodes, edges };
    // `path` is compared through `pathKey`, because a new trace fetch gives an equal path in a new array.
  }, [journey, layout, pathKey, current]);

  return (
    <div className="machine-graph" data-testid="machine-graph" data-kind={kind}>
      <ReactFlow
        key={`${kind}:${pathKey}:${current ?? ''}`}
        defaultNodes={graph.nodes}
        defaultEdges={graph.edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ padding: 0.06 }}
        minZoom={0.2}
        nodesConnectable={false}
        colorMode="dark"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
