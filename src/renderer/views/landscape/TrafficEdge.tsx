/**
 * A link of the landscape: its style, live rate and lag, traffic drawn as dots moving along it
 * faster as the rate rises, and a button to cut or restore it.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LinkSnapshot } from '../../../simulator/api.js';
import type { SystemKind } from '../../../simulator/scenario/schema.js';
import { control } from '../../store/actions.js';
import { useStudio } from '../../store/studio.js';
import { formatCount, formatRate } from '../../format.js';
import type { Caller } from './layout.js';

/** React Flow edge type of a link. */
export type TrafficFlowEdge = Edge<{ from: Caller; to: SystemKind; style: LinkSnapshot['style'] }, 'traffic'>;

/**
 * Returns the seconds one dot takes to travel the link, or null for no dots. Durations come in a few
 * steps so a changing rate rarely restarts the SVG animation.
 */
export function travelSeconds(rate: number): number | null {
  if (!(rate > 0)) return null;
  if (rate < 1) return 4;
  if (rate < 10) return 2.5;
  if (rate < 100) return 1.6;
  if (rate < 1_000) return 1;
  return 0.6;
}

/** Returns how many dots travel the link at once, from one to four as the rate rises by tenfold steps. */
export function dotCount(rate: number): number {
  if (!(rate > 0)) return 0;
  return Math.min(4, 1 + Math.floor(Math.log10(Math.max(1, rate))));
}

/** Bézier parameter of a link's label position; past the middle, labels of links into one system fan out. */
const LABEL_AT = 0.7;

/**
 * Returns the point at parameter `t` of React Flow's left-to-right Bézier edge, whose control points
 * sit half the horizontal distance out from each end at the ends' heights.
 */
export function pointOnEdge(sourceX: number, sourceY: number, targetX: number, targetY: number, t: number): { x: number; y: number } {
  const dx = targetX - sourceX;
  const xShare = 1.5 * t * (1 - t) + t ** 3;
  const yShare = 3 * t ** 2 - 2 * t ** 3;
  return { x: sourceX + dx * xShare, y: sourceY + (targetY - sourceY) * yShare };
}

function TrafficEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<TrafficFlowEdge>) {
  const link = useStudio((state) => state.snapshot?.links.find((candidate) => candidate.id === id) ?? null);
  const finished = useStudio((state) => state.runState === 'done');
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const { x: labelX, y: labelY } = pointOnEdge(sourceX, sourceY, targetX, targetY, LABEL_AT);

  const rate = link?.rate ?? 0;
  const cut = link?.cut ?? false;
  const style = data?.style ?? 'gateway';
  const seconds = cut ? null : travelSeconds(rate);
  const dots = seconds === null ? 0 : dotCount(rate);
  const idle = !cut && rate === 0;

  return (
    <>
      <BaseEdge id={id} path={path} className={`link link-${style}${cut ? ' link-cut' : ''}${idle ? ' link-idle' : ''}`} />
      {Array.from({ length: dots }, (_, index) => (
        <circle key={`${index}-${seconds}`} r={2.6} className={`traffic-dot traffic-${style}`}>
          <animateMotion dur={`${seconds}s`} begin={`${(index * (seconds ?? 1)) / dots}s`} repeatCount="indefinite" path={path} />
        </circle>
      ))}
      <EdgeLabelRenderer>
        <div
          className={`link-label nodrag nopan${cut ? ' cut' : ''}${idle ? ' idle' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`link-${id}`}
          data-cut={cut ? 'true' : 'false'}
        >
          <span className="mono">{describeStyle(style, link?.lag ?? 0)}</span>
          <span className="mono">{cut ? 'cut' : `${formatRate(rate)}/s`}</span>
          <button
            type="button"
            className="link-button"
            title={cut ? 'Restore this link' : 'Cut this link'}
            data-testid={`link-toggle-${id}`}
            disabled={finished}
            onClick={() => data && control({ kind: 'linkCut', from: data.from, to: data.to, cut: !cut })}
          >
            {cut ? 'restore' : 'cut'}
          </button>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

/** Renders a link edge. */
export const TrafficEdge = memo(TrafficEdgeView);

/** Words a link's style, with the messages or file records waiting where the style queues them. */
function describeStyle(style: string, waiting: number): string {
  if (style === 'events') return `events · lag ${formatCount(waiting)}`;
  if (style === 'batch') return `batch · ${formatCount(waiting)} in file`;
  return style;
}
