/**
 * A caller node of the landscape: a sales channel or the integration middleware.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Caller } from './layout.js';
import { useStudio } from '../../store/studio.js';
import { formatRate } from '../../format.js';
import { PolicyChipRow, useShallowChips } from './PolicyChipRow.js';
import { callerChips } from './policy-chips.js';

/** React Flow node type of a caller. */
export type CallerFlowNode = Node<{ caller: Caller }, 'caller'>;

const CALLER_LABEL: Record<Caller, string> = {
  ecommerce: 'Web shop',
  pos: 'Stores (POS)',
  middleware: 'Middleware',
};

function CallerNodeView({ data }: NodeProps<CallerFlowNode>) {
  const rate = useStudio((state) => {
    let total = 0;
    for (const link of state.snapshot?.links ?? []) if (link.from === data.caller) total += link.rate;
    return total;
  });

  const chips = useStudio(useShallowChips((snapshot) => callerChips(snapshot, data.caller)));

  return (
    <div className={`caller-node caller-${data.caller}`} data-testid={`caller-node-${data.caller}`}>
      <div className="node-title">{CALLER_LABEL[data.caller]}</div>
      <div className="mono muted caller-rate">{formatRate(rate)}/s out</div>
      <PolicyChipRow chips={chips} testId={`caller-policies-${data.caller}`} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** Renders a caller node. */
export const CallerNode = memo(CallerNodeView);
