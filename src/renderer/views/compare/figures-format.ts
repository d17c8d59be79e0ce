/**
 * Words the figures of a comparison for the Compare view: values by unit, signed differences, and
 * whether B's difference is an improvement.
 */
import type { FigureComparison } from '../../../simulator/compare.js';
import { formatCount, formatMoney, formatMs } from '../../format.js';

/** Formats one side's value of a figure by its unit. */
export function formatFigure(figure: Pick<FigureComparison, 'unit'>, value: number | null): string {
  if (value === null) return figure.unit === 'time' ? 'never' : '–';
  switch (figure.unit) {
    case 'money':
      return formatMoney(value);
    case 'ms':
    case 'time':
      return formatMs(value);
    case 'flag':
      return value === 1 ? 'yes' : 'no';
    case 'count':
    case 'points':
      return formatCount(value);
  }
}

/** Formats B − A with its sign, or an empty string where no difference applies. */
export function formatDifference(figure: FigureComparison): string {
  if (figure.difference === null || figure.unit === 'flag') return '';
  if (figure.difference === 0) return '±0';
  return `${figure.difference > 0 ? '+' : '−'}${formatFigure(figure, Math.abs(figure.difference))}`;
}

/** Returns how B fares against A on this figure: `better`, `worse`, `same`, or `neutral` without a direction. */
export function verdictOfB(figure: FigureComparison): 'better' | 'worse' | 'same' | 'neutral' {
  switch (figure.winner) {
    case 'b':
      return 'better';
    case 'a':
      return 'worse';
    case 'same':
      return 'same';
    case null:
      return 'neutral';
  }
}
