/**
 * One series of both runs on the same axes, drawn with uPlot from the two finished reports.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import type { SeriesPoint } from '../../../simulator/api.js';
import { chartAxes } from '../dashboard/chart-options.js';

/** Line colours of side A and side B, the same in every chart and KPI pair. */
export const SIDE_COLORS = { a: '#5aa9ff', b: '#e6b450' } as const;

interface Props {
  title: string;
  field: Exclude<keyof SeriesPoint, 't'>;
  seriesA: readonly SeriesPoint[];
  seriesB: readonly SeriesPoint[];
  labels: { a: string; b: string };
  format: (value: number) => string;
  testId: string;
}

/**
 * Aligns two series on the union of their sample times, in seconds since the run start. A side without
 * a sample at a time gets null there, because two landscapes may sample at different intervals.
 */
export function alignSeries(seriesA: readonly SeriesPoint[], seriesB: readonly SeriesPoint[], field: Props['field']): uPlot.AlignedData {
  const times = [...new Set([...seriesA.map((point) => point.t), ...seriesB.map((point) => point.t)])].sort((x, y) => x - y);
  const byTimeA = new Map(seriesA.map((point) => [point.t, point[field]]));
  const byTimeB = new Map(seriesB.map((point) => [point.t, point[field]]));
  return [times.map((t) => t / 1_000), times.map((t) => byTimeA.get(t) ?? null), times.map((t) => byTimeB.get(t) ?? null)];
}

/** Draws the chart; a uPlot failure is re-thrown during render so the nearest error boundary shows it. */
export function CompareChart({ title, field, seriesA, seriesB, labels, format, testId }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<Error | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;

    let chart: uPlot | null = null;
    try {
      const options: uPlot.Options = {
        width: Math.max(160, host.clientWidth),
        height: 130,
        legend: { show: false },
        cursor: { sync: { key: 'rrs-compare' }, drag: { x: false, y: false }, points: { size: 5 } },
        scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] } },
        axes: chartAxes(format).map((axis, index) => (index === 0 ? { ...axis, values: (_chart: uPlot, splits: number[]) => splits.map((s) => `${Math.round(s / 60)}m`) } : axis)),
        series: [
          {},
          { label: labels.a, stroke: SIDE_COLORS.a, width: 1.6, points: { show: false } },
          { label: labels.b, stroke: SIDE_COLORS.b, width: 1.6, points: { show: false } },
        ],
      };
      chart = new uPlot(options, alignSeries(seriesA, seriesB, field), host);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    }

    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(160, host.clientWidth), height: 130 }));
    resize.observe(host);
    return () => {
      resize.disconnect();
      chart?.destroy();
    };
  }, [field, seriesA, seriesB, labels.a, labels.b, format]);

  if (failure !== null) throw failure;
  return (
    <figure className="chart compare-chart" data-testid={testId} data-points={seriesA.length + seriesB.length}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-legend">
          <span className="legend-item">
            <span className="legend-swatch" style={{ background: SIDE_COLORS.a }} />A: {labels.a}
          </span>
          <span className="legend-item">
            <span className="legend-swatch" style={{ background: SIDE_COLORS.b }} />B: {labels.b}
          </span>
        </span>
      </figcaption>
      <div ref={hostRef} className="chart-canvas" />
    </figure>
  );
}
