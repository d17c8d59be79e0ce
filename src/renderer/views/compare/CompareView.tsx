/**
 * The Compare view: pick two policy sets of the open scenario (or the open scenario and a gallery
 * scenario), run both to the end in the comparison worker, and see the two runs side by side.
 */
import { useMemo } from 'react';
import type { SeriesPoint } from '../../../simulator/api.js';
import type { Comparison, FigureComparison } from '../../../simulator/compare.js';
import { parseScenario } from '../../../simulator/index.js';
import { formatAxisMs, formatCount, formatMoney } from '../../format.js';
import { useStudio } from '../../store/studio.js';
import { GALLERY } from '../editor/gallery.js';
import { CompareChart, SIDE_COLORS } from './CompareChart.js';
import { cancelComparison, compareStore, startComparison, useCompare } from './compare-store.js';
import { formatDifference, formatFigure, verdictOfB } from './figures-format.js';
import './compare.css';

/** Figures shown as KPI pairs at the top, in this order. */
const KPI_KEYS = [
  'ordersCompleted',
  'ordersLost',
  'revenueAtRisk',
  'checkoutLatency.p95',
  'pointsAccrualLag.p95',
  'ledgerDriftAbsolute',
  'ledgersAgreedAt',
  'ordersNotPosted',
];

const CHARTS: { title: string; field: Exclude<keyof SeriesPoint, 't'>; format: (value: number) => string }[] = [
  { title: 'Orders lost', field: 'ordersLost', format: formatCount },
  { title: 'Revenue at risk', field: 'revenueAtRisk', format: formatMoney },
  { title: 'Checkout p95', field: 'checkoutP95', format: formatAxisMs },
  { title: 'Ledger drift (points)', field: 'ledgerDrift', format: formatCount },
];

/** Renders the pickers, the progress of both runs and the comparison. */
export function CompareView() {
  const text = useStudio((state) => state.text);
  const file = useStudio((state) => state.file);
  const state = useCompare((compare) => compare);
  const policies = useMemo(() => {
    const parsed = text.trim() === '' ? null : parseScenario(text, file);
    return parsed?.ok ? Object.keys(parsed.scenario.policies) : null;
  }, [text, file]);

  const policyA = state.policyA ?? policies?.[0] ?? null;
  const policyB = state.policyB ?? policies?.[1] ?? policies?.[0] ?? null;
  const galleryFile = state.galleryFile ?? GALLERY.find((entry) => entry.file !== file)?.file ?? null;
  const canRun = policies !== null && (state.mode === 'policies' ? policyA !== null && policyB !== null : galleryFile !== null);

  const run = () => {
    const sideA = { text, file, ...(policyA === null || state.mode === 'scenario' ? {} : { policy: policyA }) };
    if (state.mode === 'policies') {
      startComparison(sideA, { text, file, ...(policyB === null ? {} : { policy: policyB }) });
      return;
    }
    const entry = GALLERY.find((candidate) => candidate.file === galleryFile);
    if (entry) startComparison(sideA, { text: entry.text, file: entry.file });
  };

  return (
    <div className="compare-layout" data-testid="compare-view" data-state={state.status}>
      <section className="panel compare-setup" aria-label="What to compare">
        {policies === null ? (
          <p className="muted" data-testid="compare-no-scenario">
            Open a valid scenario first: the Compare view runs the scenario in the editor.
          </p>
        ) : (
          <div className="compare-pickers">
            <select value={state.mode} data-testid="compare-mode" onChange={(event) => compareStore.setState({ mode: event.target.value as 'policies' | 'scenario' })}>
              <option value="policies">Two policy sets of {file}</option>
              <option value="scenario">{file} against a gallery scenario</option>
            </select>
            {state.mode === 'policies' ? (
              <>
                <label>
                  A <PolicySelect names={policies} value={policyA} testId="compare-policy-a" onChange={(policy) => compareStore.setState({ policyA: policy })} />
                </label>
                <label>
                  B <PolicySelect names={policies} value={policyB} testId="compare-policy-b" onChange={(policy) => compareStore.setState({ policyB: policy })} />
                </label>
              </>
            ) : (
              <label>
                B{' '}
                <select value={galleryFile ?? ''} data-testid="compare-gallery" onChange={(event) => compareStore.setState({ galleryFile: event.target.value })}>
                  {GALLERY.map((entry) => (
                    <option key={entry.file} value={entry.file}>
                      {entry.file}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Seed{' '}
              <input
                className="mono compare-seed"
                inputMode="numeric"
                placeholder="scenario"
                data-testid="compare-seed"
                value={state.seed ?? ''}
                onChange={(event) => {
                  const value = event.target.value.trim();
                  compareStore.setState({ seed: /^\d+$/.test(value) ? Number(value) : null });
                }}
              />
            </label>
            <button type="button" className="primary" disabled={!canRun || state.status === 'running'} data-testid="compare-run" onClick={run}>
              Run both to the end
            </button>
            {state.status === 'running' ? (
              <button type="button" data-testid="compare-cancel" onClick={() => cancelComparison()}>
                Cancel
              </button>
            ) : null}
            <Progress side="a" share={state.progress.a} />
            <Progress side="b" share={state.progress.b} />
          </div>
        )}
        {state.error !== null ? (
          <div className="compare-error bad" data-testid="compare-error">
            {state.error}
            {state.issues.map((issue, index) => (
              <div key={index} className="mono">
                {issue.text}
              </div>
            ))}
          </div>
        ) : null}
      </section>
      {state.comparison !== null ? <ComparisonResult comparison={state.comparison} /> : null}
    </div>
  );
}

function PolicySelect({ names, value, testId, onChange }: { names: string[]; value: string | null; testId: string; onChange: (policy: string) => void }) {
  return (
    <select value={value ?? ''} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
      {names.length === 0 ? <option value="">no policy sets</option> : null}
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

function Progress({ side, share }: { side: 'a' | 'b'; share: number }) {
  return (
    <span className="compare-progress" data-testid={`compare-progress-${side}`} data-value={share.toFixed(3)}>
      {side.toUpperCase()}
      <span className="compare-progress-track">
        <span className="compare-progress-fill" style={{ width: `${Math.round(share * 100)}%`, background: SIDE_COLORS[side] }} />
      </span>
    </span>
  );
}

function ComparisonResult({ comparison }: { comparison: Comparison }) {
  const labels = { a: comparison.a.label, b: comparison.b.label };
  const byKey = new Map(comparison.figures.map((figure) => [figure.key, figure]));
  const kpis = KPI_KEYS.map((key) => byKey.get(key)).filter((figure): figure is FigureComparison => figure !== undefined);

  return (
    <section className="panel compare-result" aria-label="Comparison" data-testid="compare-result">
      <h2 className="panel-title">
        <span style={{ color: SIDE_COLORS.a }}>A: {labels.a}</span> vs <span style={{ color: SIDE_COLORS.b }}>B: {labels.b}</span>
        <span className="muted"> · seed {comparison.seed}, same load</span>
      </h2>
      <div className="compare-kpis">
        {kpis.map((figure) => (
          <div key={figure.key} className={`compare-kpi verdict-${verdictOfB(figure)}`} data-testid={`compare-kpi-${figure.key}`} data-a={figure.a ?? ''} data-b={figure.b ?? ''}>
            <div className="kpi-label">{figure.label}</div>
            <div className="compare-kpi-values mono">
              <span style={{ color: SIDE_COLORS.a }}>{formatFigure(figure, figure.a)}</span>
              <span style={{ color: SIDE_COLORS.b }}>{formatFigure(figure, figure.b)}</span>
            </div>
            <div className="compare-kpi-difference mono">{formatDifference(figure) || verdictOfB(figure)}</div>
          </div>
        ))}
      </div>
      <div className="compare-charts">
        {CHARTS.map((chart) => (
          <CompareChart
            key={chart.field}
            title={chart.title}
            field={chart.field}
            seriesA={comparison.a.report.series}
            seriesB={comparison.b.report.series}
            labels={labels}
            format={chart.format}
            testId={`compare-chart-${chart.field}`}
          />
        ))}
      </div>
      <details className="compare-all">
        <summary>All {comparison.figures.length} business figures</summary>
        <table className="compare-table mono" data-testid="compare-table">
          <thead>
            <tr>
              <th>Figure</th>
              <th>A</th>
              <th>B</th>
              <th>B − A</th>
            </tr>
          </thead>
          <tbody>
            {comparison.figures.map((figure) => (
              <tr key={figure.key} className={`verdict-${verdictOfB(figure)}`}>
                <td>{figure.label}</td>
                <td>{formatFigure(figure, figure.a)}</td>
                <td>{formatFigure(figure, figure.b)}</td>
                <td>{formatDifference(figure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
