/**
 * Growing column buffers for the live series, shaped for uPlot.
 *
 * Each field of `SeriesPoint` gets its own `Float64Array` that doubles when full, so appending a
 * snapshot's points costs no per-point allocation and a chart reads `subarray` views without copying.
 */
import type { SeriesPoint } from '../../simulator/api.js';

/** The charted fields of a series point, every one a number. */
export type SeriesField = Exclude<keyof SeriesPoint, 't'>;

/** Every charted field, in a fixed order. */
export const SERIES_FIELDS: readonly SeriesField[] = [
  'ordersCompleted',
  'ordersLost',
  'revenueAtRisk',
  'checkoutP50',
  'checkoutP95',
  'checkoutP99',
  'accrualLagP95',
  'ledgerDrift',
  'deadLetterDepth',
  'arrivalsPerSecond',
];

const INITIAL_CAPACITY = 256;

/** Column store of series points with an x column in seconds, as uPlot's time axis expects. */
export class SeriesBuffer {
  private capacity = INITIAL_CAPACITY;
  private size = 0;
  private xs: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private readonly columns = new Map<SeriesField, Float64Array>();

  /**
   * Creates an empty buffer.
   *
   * @param originSeconds x value of simulated time zero, in seconds since the Unix epoch.
   */
  constructor(readonly originSeconds = 0) {
    for (const field of SERIES_FIELDS) this.columns.set(field, new Float64Array(INITIAL_CAPACITY));
  }

  /** Number of points held. */
  get length(): number {
    return this.size;
  }

  /** Appends points in time order; a point not after the last one is dropped, so a resent batch is harmless. */
  append(points: readonly SeriesPoint[]): number {
    let added = 0;
    for (const point of points) {
      const x = this.originSeconds + point.t / 1_000;
      if (this.size > 0 && x <= (this.xs[this.size - 1] as number)) continue;
      if (this.size === this.capacity) this.grow();

      this.xs[this.size] = x;
      for (const field of SERIES_FIELDS) (this.columns.get(field) as Float64Array)[this.size] = point[field];
      this.size += 1;
      added += 1;
    }
    return added;
  }

  /** Returns the x column (seconds) as a view of the points held. */
  x(): Float64Array {
    return this.xs.subarray(0, this.size);
  }

  /** Returns one field's column as a view of the points held. */
  column(field: SeriesField): Float64Array {
    return (this.columns.get(field) as Float64Array).subarray(0, this.size);
  }

  /** Returns the last value of a field, or null when the buffer is empty. */
  last(field: SeriesField): number | null {
    if (this.size === 0) return null;
    return (this.columns.get(field) as Float64Array)[this.size - 1] as number;
  }

  private grow(): void {
    this.capacity *= 2;
    this.xs = copyInto(this.xs, this.capacity);
    for (const field of SERIES_FIELDS) {
      this.columns.set(field, copyInto(this.columns.get(field) as Float64Array, this.capacity));
    }
  }
}

function copyInto(source: Float64Array, capacity: number): Float64Array {
  const target = new Float64Array(capacity);
  target.set(source);
  return target;
}
