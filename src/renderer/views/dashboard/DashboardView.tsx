/**
 * The business dashboard: KPI tiles, live charts and the fault timeline on one time axis.
 */
import { StatePanel } from '../../components/StatePanel.js';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { useStudio } from '../../store/studio.js';
import { formatAxisMs, formatCount, formatMoney } from '../../format.js';
import { COLORS } from './chart-options.js';
import { FaultTimeline } from './FaultTimeline.js';
import { KpiTiles } from './KpiTiles.js';
import { LiveChart, type ChartLine } from './LiveChart.js';

// Module constants, so each chart's effect runs once per mount and not on every render.
const ORDERS: ChartLine[] = [
  { field: 'ordersCompleted', label: 'completed', color: COLORS.good },
  { field: 'ordersLost', label: 'lost', color: COLORS.bad },
];
const REVENUE: ChartLine[] = [{ field: 'revenueAtRisk', label: 'at risk', color: COLORS.warn }];
const CHECKOUT: ChartLine[] = [
  { field: 'checkoutP50', label: 'p50', color: COLORS.teal },
  { field: 'checkoutP95', label: 'p95', color: COLORS.blue },
  { field: 'checkoutP99', label: 'p99', color: COLORS.violet },
];
const ACCRUAL: ChartLine[] = [{ field: 'accrualLagP95', label: 'p95', color: COLORS.blue }];
const DRIFT: ChartLine[] = [{ field: 'ledgerDrift', label: 'drift', color: COLORS.bad }];
const DEAD_LETTERS: ChartLine[] = [{ field: 'deadLetterDepth', label: 'depth', color: COLORS.warn }];

const CHARTS = [
  { id: 'orders', title: 'Orders', lines: ORDERS, format: formatCount },
  { id: 'revenue', title: 'Revenue at risk', lines: REVENUE, format: formatMoney },
  { id: 'checkout', title: 'Checkout latency', lines: CHECKOUT, format: formatAxisMs },
  { id: 'accrual', title: 'Points accrual lag', lines: ACCRUAL, format: formatAxisMs },
  { id: 'drift', title: 'Ledger drift (points)', lines: DRIFT, format: formatCount },
  { id: 'deadletters', title: 'Dead-letter depth', lines: DEAD_LETTERS, format: formatCount },
];

/** Renders the dashboard, or a designed empty or loading state. */
export function DashboardView() {
  const loaded = useStudio((state) => state.loaded);
  const hasSnapshot = useStudio((state) => state.snapshot !== null);

  if (loaded === null) {
    return (
      <StatePanel kind="empty" title="No run yet" testId="dashboard-empty">
        <p className="muted">Business figures appear here once a scenario is loaded and playing.</p>
      </StatePanel>
    );
  }
  if (!hasSnapshot) return <StatePanel kind="loading" title="Starting the simulation…" testId="dashboard-loading" />;

  return (
    <div className="dashboard" data-testid="dashboard">
      <KpiTiles />
      <div className="chart-grid">
        {CHARTS.map((chart) => (
          <ErrorBoundary key={chart.id} area={`${chart.title} chart`}>
            <LiveChart title={chart.title} lines={chart.lines} format={chart.format} testId={`chart-${chart.id}`} />
          </ErrorBoundary>
        ))}
      </div>
      <ErrorBoundary area="Fault timeline">
        <FaultTimeline />
      </ErrorBoundary>
    </div>
  );
}
