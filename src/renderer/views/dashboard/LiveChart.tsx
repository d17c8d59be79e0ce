/**
 * A live uPlot chart of some series fields.
 *
 * The chart is created once per run and then fed with `setData` on the store's growing column
 * buffers, outside React's render cycle, so a snapshot costs one redraw and no re-mount.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { SeriesField } from '../../store/series.js';
import { studioStore, type StudioState } from '../../store/studio.js';
import { chartAxes, chartTimeRange, SYNC_KEY } from './chart-options.js';

/** One line of a chart. */
export interface ChartLine {
  field: SeriesField;
  label: string;
  color: string;
}

interface Props {
  title: string;
  lines: ChartLine[];
  /** Formats a y value for the axis and legend, such as milliseconds. */
  format: (value: number) => string;
  height?: number;
  testId: string;
}

/** Draws the chart; a uPlot failure is re-thrown during render so the nearest error boundary shows it. */
export function LiveChart({ title, lines, format, height = 80, testId }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;

    let chart: uPlot | null = null;
    let drawnVersion = -1;
    let drawnRun = -1;

    const dataOf = (state: StudioState): uPlot.AlignedData => [
      state.series.x(),
      ...lines.map((line) => state.series.column(line.field)),
    ];

    const build = (state: StudioState) => {
      chart?.destroy();
      const options: uPlot.Options = {
        width: Math.max(120, host.clientWidth),
        height,
        legend: { show: false },
        cursor: { sync: { key: SYNC_KEY }, drag: { x: false, y: false }, points: { size: 5 } },
        scales: { x: { time: true, range: () => chartTimeRange(state) }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] } },
        axes: chartAxes(format),
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: line.color, width: 1.4, points: { show: false } }))],
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1_000), 'Etc/UTC'),
      };
      chart = new uPlot(options, dataOf(state), host);
      drawnVersion = state.seriesVersion;
      drawnRun = state.loaded?.runId ?? 0;
    };

    const update = (state: StudioState) => {
      try {
        const run = state.loaded?.runId ?? 0;
        if (chart === null || run !== drawnRun) return build(state);
        if (state.seriesVersion === drawnVersion) return;
        drawnVersion = state.seriesVersion;
        // A new run replaces the buffer, so the arrays are re-read on every update rather than cached.
        chart.setData(dataOf(state), true);
      } catch (error) {
        setFailure(error instanceof Error ? error : new Error(String(error)));
      }
    };

    update(studioStore.getState());
    // Redraws wait for the next animation frame, so a burst of snapshots costs one redraw per frame
    // and the drawing lands in the frame budget instead of inside the worker's message handler.
    let frame: number | null = null;
    const unsubscribe = studioStore.subscribe(() => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        update(studioStore.getState());
      });
    });
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(120, host.clientWidth), height }));
    resize.observe(host);

    return () => {
      unsubscribe();
      if (frame !== null) cancelAnimationFrame(frame);
      resize.disconnect();
      chart?.destroy();
      chart = null;
    };
  }, [lines, format, height]);

  if (failure !== null) throw failure;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-legend">
          {lines.map((line) => (
            <span key={line.field} className="legend-item">
              <span className="legend-swatch" style={{ background: line.color }} />
              {line.label}
            </span>
          ))}
        </span>
      </figcaption>
      <div ref={hostRef} className="chart-canvas" />
    </figure>
  );
}
