/**
 * A system node of the landscape: live throughput, p95 latency, errors, queue depth, breaker state,
 * health and degraded mode, with buttons for live faults.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { SystemSnapshot } from '../../../simulator/api.js';
import type { SystemKind } from '../../../simulator/scenario/schema.js';
import { control } from '../../store/actions.js';
import { useStudio } from '../../store/studio.js';
import { formatCount, formatMs, formatRate } from '../../format.js';
import { PolicyChipRow, useShallowChips } from './PolicyChipRow.js';
import { systemChips } from './policy-chips.js';

/** Latency factor the "Slow" button applies. */
export const SLOW_FACTOR = 5;
/** Error rate the "Errors" button applies. */
export const ERROR_RATE = 0.2;

/** React Flow node type of a system. */
export type SystemFlowNode = Node<{ kind: SystemKind; label: string }, 'system'>;

const BREAKER_LABEL: Record<SystemSnapshot['breaker'], string> = {
  closed: 'closed',
  open: 'OPEN',
  halfOpen: 'half-open',
  none: '—',
};

function SystemNodeView({ data }: NodeProps<SystemFlowNode>) {
  const system = useStudio((state) => state.snapshot?.systems.find((candidate) => candidate.kind === data.kind) ?? null);
  // A finished run records nothing more, so its fault controls are off.
  const finished = useStudio((state) => state.runState === 'done');
  const chips = useStudio(useShallowChips((snapshot) => systemChips(snapshot, data.kind)));
  const [slow, setSlow] = useState(false);
  const [failing, setFailing] = useState(false);

  const health = system?.health ?? 'up';
  const down = health === 'down';
  const errorShare = system && system.calls > 0 ? system.errors / system.calls : 0;

  return (
    <div className={`system-node health-${health}`} data-testid={`system-node-${data.kind}`} data-health={health}>
      <Handle type="target" position={Position.Left} />
      <div className="node-head">
        <span className={`health-dot health-${health}`} aria-hidden="true" />
        <span className="node-title">{system?.name ?? data.label}</span>
        <span className="node-kind mono">{data.kind}</span>
      </div>
      {system?.preset ? <div className="node-preset mono">{system.preset}</div> : null}
      <dl className="node-metrics mono">
        <div>
          <dt>calls/s</dt>
          <dd data-testid={`system-throughput-${data.kind}`}>{system ? formatRate(system.throughput) : '–'}</dd>
        </div>
        <div>
          <dt>p95</dt>
          <dd>{system ? formatMs(system.latency.p95) : '–'}</dd>
        </div>
        <div>
          <dt>errors</dt>
          <dd className={errorShare > 0.05 ? 'bad' : undefined}>{system ? formatCount(system.errors) : '–'}</dd>
        </div>
        <div>
          <dt>queue</dt>
          <dd className={system && system.queueDepth > 0 ? 'warn' : undefined}>{system ? formatCount(system.queueDepth) : '–'}</dd>
        </div>
        <div>
          <dt>breaker</dt>
          <dd
            className={`breaker-${system?.breaker ?? 'none'}`}
            data-testid={`system-breaker-${data.kind}`}
            data-state={system?.breaker ?? 'none'}
          >
            {BREAKER_LABEL[system?.breaker ?? 'none']}
          </dd>
        </div>
        <div>
          <dt>health</dt>
          <dd className={`health-text-${health}`}>{health}</dd>
        </div>
      </dl>
      <PolicyChipRow chips={chips} testId={`system-policies-${data.kind}`} />
      {system?.degradedMode ? (
        <div className="node-degraded" data-testid={`system-degraded-${data.kind}`}>
          degraded: {system.degradedMode}
        </div>
      ) : null}
      <div className="node-actions nodrag">
        <button
          type="button"
          className={down ? 'node-button active' : 'node-button'}
          data-testid={`system-${down ? 'up' : 'down'}-${data.kind}`}
          disabled={finished}
          onClick={() => control(down ? { kind: 'systemUp', system: data.kind } : { kind: 'systemDown', system: data.kind })}
        >
          {down ? 'Bring up' : 'Take down'}
        </button>
        <button
          type="button"
          className={slow ? 'node-button active' : 'node-button'}
          data-testid={`system-slow-${data.kind}`}
          disabled={finished}
          title={`Multiply latency by ${SLOW_FACTOR}`}
          onClick={() => {
            control({ kind: 'latency', system: data.kind, factor: slow ? 1 : SLOW_FACTOR });
            setSlow(!slow);
          }}
        >
          {slow ? 'Normal speed' : `Slow ×${SLOW_FACTOR}`}
        </button>
        <button
          type="button"
          className={failing ? 'node-button active' : 'node-button'}
          data-testid={`system-errors-${data.kind}`}
          disabled={finished}
          title={`Fail ${ERROR_RATE * 100}% of calls`}
          onClick={() => {
            control({ kind: 'errorRate', system: data.kind, rate: failing ? null : ERROR_RATE });
            setFailing(!failing);
          }}
        >
          {failing ? 'No errors' : `Errors ${ERROR_RATE * 100}%`}
        </button>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** Renders a system node; memoised so pans and zooms do not re-render it. */
export const SystemNode = memo(SystemNodeView);
