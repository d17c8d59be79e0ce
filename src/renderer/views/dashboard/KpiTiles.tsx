/**
 * The KPI tiles above the charts: the business figures of the run so far.
 */
import type { BusinessFigures } from '../../../simulator/api.js';
import { useStudio } from '../../store/studio.js';
import { formatCount, formatMoney, formatMs } from '../../format.js';

interface Tile {
  key: string;
  label: string;
  value: (figures: BusinessFigures) => number;
  format: (value: number) => string;
  /** When the value is a warning sign: above zero, or never. */
  tone: 'bad-when-positive' | 'neutral' | 'good';
}

const TILES: Tile[] = [
  { key: 'ordersCompleted', label: 'Orders completed', value: (f) => f.ordersCompleted, format: formatCount, tone: 'good' },
  { key: 'ordersLost', label: 'Orders lost', value: (f) => f.ordersLost, format: formatCount, tone: 'bad-when-positive' },
  { key: 'revenueAtRisk', label: 'Revenue at risk', value: (f) => f.revenueAtRisk, format: formatMoney, tone: 'bad-when-positive' },
  { key: 'checkoutP95', label: 'Checkout p95', value: (f) => f.checkoutLatency.p95, format: formatMs, tone: 'neutral' },
  { key: 'accrualLagP95', label: 'Points lag p95', value: (f) => f.pointsAccrualLag.p95, format: formatMs, tone: 'neutral' },
  { key: 'ledgerDrift', label: 'Ledger drift (pts)', value: (f) => f.ledgerDriftAbsolute, format: formatCount, tone: 'bad-when-positive' },
  { key: 'deadLetterDepth', label: 'Dead letters', value: (f) => f.deadLetterDepth, format: formatCount, tone: 'bad-when-positive' },
  { key: 'provisionalPointsPending', label: 'Provisional points', value: (f) => f.provisionalPointsPending, format: formatCount, tone: 'neutral' },
];

/** Renders the tiles; each carries its raw value in `data-value` for tests. */
export function KpiTiles() {
  const figures = useStudio((state) => state.snapshot?.business ?? null);

  return (
    <div className="kpi-grid" data-testid="kpi-tiles">
      {TILES.map((tile) => {
        const value = figures ? tile.value(figures) : null;
        const alarming = value !== null && tile.tone === 'bad-when-positive' && value > 0;
        return (
          <div key={tile.key} className={alarming ? 'kpi alarm' : 'kpi'} data-testid={`kpi-${tile.key}`} data-value={value ?? ''}>
            <div className="kpi-label">{tile.label}</div>
            <div className="kpi-value mono">{value === null ? '–' : tile.format(value)}</div>
          </div>
        );
      })}
    </div>
  );
}
