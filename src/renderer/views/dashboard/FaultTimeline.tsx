/**
 * The fault timeline lane: scenario faults and live actions as bars on the charts' time axis.
 *
 * It is a uPlot chart with no visible series whose draw hook paints the bars, so it shares the
 * charts' scale, axis widths and cursor and stays aligned with them at any width.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { TimelineEntry } from '../../../simulator/api.js';
import { formatClock } from '../../store/clock.js';
import { studioStore, useStudio, type StudioState } from '../../store/studio.js';
import { chartAxes, chartTimeRange, COLORS, SYNC_KEY } from './chart-options.js';

const LANE_HEIGHT = 14;
const LANES = 3;

/** Returns the bar colour of a timeline entry by what it does. */
export function entryColor(entry: TimelineEntry): string {
  switch (entry.action.kind) {
    case 'systemDown':
    case 'linkCut':
      return COLORS.bad;
    case 'systemUp':
      return COLORS.good;
    case 'latency':
    case 'limitCut':
      return COLORS.warn;
    case 'errorRate':
      return COLORS.violet;
    case 'policy':
    case 'policyToggle':
      return COLORS.blue;
    default:
      return COLORS.teal;
  }
}

/** Assigns each entry the first lane whose previous bar has ended, so overlapping bars stack. */
export function assignLanes(entries: readonly TimelineEntry[], now: number, lanes: number): number[] {
  const laneEnds = new Array<number>(lanes).fill(-Infinity);
  return entries.map((entry) => {
    const end = entry.until ?? now;
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= entry.at);
    if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = Math.max(end, entry.at + 1);
    return lane;
  });
}

function paint(chart: uPlot, state: StudioState): void {
  const entries = state.timeline;
  const now = state.snapshot?.now ?? 0;
  const origin = state.series.originSeconds;
  const ratio = uPlot.pxRatio;
  const { ctx, bbox } = chart;
  const lanes = assignLanes(entries, now, LANES);

  ctx.save();
  ctx.font = `${10 * ratio}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  entries.forEach((entry, index) => {
    const left = chart.valToPos(origin + entry.at / 1_000, 'x', true);
    const right = Math.max(left + 3 * ratio, chart.valToPos(origin + (entry.until ?? now) / 1_000, 'x', true));
    const top = bbox.top + (lanes[index] ?? 0) * LANE_HEIGHT * ratio + ratio;
    const height = (LANE_HEIGHT - 2) * ratio;

    ctx.fillStyle = entryColor(entry);
    ctx.globalAlpha = entry.origin === 'live' ? 0.85 : 0.55;
    ctx.fillRect(left, top, right - left, height);
    ctx.globalAlpha = 1;
    // A label that fits goes inside its bar; a longer one follows the bar, so it stays readable.
    ctx.textAlign = 'left';
    const width = ctx.measureText(entry.label).width;
    const inside = width + 8 * ratio <= right - left;
    ctx.fillStyle = inside ? '#f5f7fa' : 'rgba(230, 237, 243, 0.85)';
    ctx.fillText(entry.label, inside ? left + 4 * ratio : right + 4 * ratio, top + height / 2);
  });

  const nowX = chart.valToPos(origin + now / 1_000, 'x', true);
  ctx.strokeStyle = 'rgba(230, 237, 243, 0.5)';
  ctx.lineWidth = ratio;
  ctx.beginPath();
  ctx.moveTo(nowX, bbox.top);
  ctx.lineTo(nowX, bbox.top + bbox.height);
  ctx.stroke();
  ctx.restore();
}

/** Renders the timeline lane and the list of its latest entries. */
export function FaultTimeline() {
  const hostRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const timeline = useStudio((state) => state.timeline);
  const clockStart = useStudio((state) => state.loaded?.clockStart ?? null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    let chart: uPlot | null = null;
    let drawnRun = -1;

    const build = (state: StudioState) => {
      chart?.destroy();
      const range = chartTimeRange(state);
      chart = new uPlot(
        {
          width: Math.max(120, host.clientWidth),
          height: LANE_HEIGHT * LANES + 24,
          legend: { show: false },
          cursor: { sync: { key: SYNC_KEY }, drag: { x: false, y: false }, y: false, points: { show: false } },
          scales: { x: { time: true, range: () => chartTimeRange(studioStore.getState()) }, y: { range: [0, 1] } },
          axes: chartAxes(() => ''),
          series: [{}, { show: false }],
          tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1_000), 'Etc/UTC'),
          hooks: { draw: [(drawn) => paint(drawn, studioStore.getState())] },
        },
        [[range[0] ?? 0, range[1] ?? 1], [null, null]],
        host,
      );
      drawnRun = state.loaded?.runId ?? 0;
    };

    const update = (state: StudioState) => {
      try {
        if (chart === null || (state.loaded?.runId ?? 0) !== drawnRun) return build(state);
        chart.redraw(false, false);
      } catch (error) {
        setFailure(error instanceof Error ? error : new Error(String(error)));
      }
    };

    update(studioStore.getState());
    const unsubscribe = studioStore.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot || state.loaded !== previous.loaded) update(state);
    });
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(120, host.clientWidth), height: LANE_HEIGHT * LANES + 24 }));
    resize.observe(host);
    return () => {
      unsubscribe();
      resize.disconnect();
      chart?.destroy();
    };
  }, []);

  // Scenario faults are listed first in the timeline, live actions as they happen; the list shows the
  // six latest by time.
  const latest = [...timeline].sort((a, b) => b.at - a.at).slice(0, 6);
  if (failure !== null) throw failure;
  return (
    <figure className="chart timeline" data-testid="fault-timeline" data-count={timeline.length}>
      <figcaption>
        <span className="chart-title">Fault timeline</span>
        <span className="chart-legend muted">{timeline.length === 0 ? 'no faults yet' : `${timeline.length} ${timeline.length === 1 ? 'entry' : 'entries'}`}</span>
      </figcaption>
      <div ref={hostRef} className="chart-canvas" />
      <ul className="timeline-list">
        {latest.map((entry, index) => (
          <li key={`${entry.at}-${index}`} data-testid="timeline-entry" data-origin={entry.origin}>
            <span className="legend-swatch" style={{ background: entryColor(entry) }} />
            <span className="mono muted">{formatClock(clockStart, entry.at).slice(-8)}</span>
            <span>{entry.label}</span>
            <span className="muted">{entry.origin}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
