/**
 * Options every dashboard chart shares, so all charts and the fault timeline line up on one time axis.
 */
import type uPlot from 'uplot';
import type { StudioState } from '../../store/studio.js';

/** uPlot cursor-sync key of the dashboard: hovering one chart marks the same time on the others. */
export const SYNC_KEY = 'rrs-dashboard';

/** Width of the y axis in pixels; fixed so the plot areas of all charts start at the same x. */
export const Y_AXIS_SIZE = 52;

const GRID = { stroke: 'rgba(148, 163, 184, 0.10)', width: 1 };
const TICKS = { stroke: 'rgba(148, 163, 184, 0.25)', width: 1, size: 4 };
const AXIS_TEXT = '#8b98a9';
const FONT = '10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** Tick steps of 1, 2 and 5 times the powers of ten from 1 to 10^12. */
const WHOLE_INCREMENTS = Array.from({ length: 13 }, (_, power) => [1, 2, 5].map((step) => step * 10 ** power)).flat();

/** Returns the x range of the whole run, in seconds, so charts do not rescale as points arrive. */
export function chartTimeRange(state: StudioState): uPlot.Range.MinMax {
  const origin = state.series.originSeconds;
  const end = state.snapshot?.end ?? state.loaded?.scenario.clock.duration ?? 1_000;
  return [origin, origin + Math.max(1, end / 1_000)];
}

/** Returns the x and y axes with the studio's colours; `format` labels the y values. */
export function chartAxes(format: (value: number) => string, showX = true): uPlot.Axis[] {
  return [
    { show: showX, stroke: AXIS_TEXT, grid: GRID, ticks: TICKS, font: FONT, size: 22 },
    {
      stroke: AXIS_TEXT,
      grid: GRID,
      ticks: TICKS,
      font: FONT,
      size: Y_AXIS_SIZE,
      // The charts are short, so a smaller gap between ticks keeps at least one label above zero, and
      // whole-number steps keep a count such as dead letters from labelling 0.5 as 1.
      space: 16,
      incrs: WHOLE_INCREMENTS,
      values: (_chart, splits) => splits.map((value) => format(value)),
    },
  ];
}

/** Series colours, chosen to stay apart on the dark background and for common colour-vision types. */
export const COLORS = {
  good: '#4cc38a',
  bad: '#f06a6a',
  warn: '#e6b450',
  blue: '#5aa9ff',
  violet: '#b48efa',
  teal: '#42c5d6',
  grey: '#8b98a9',
} as const;
