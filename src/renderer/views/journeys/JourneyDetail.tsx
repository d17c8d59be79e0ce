/**
 * One journey in detail: its summary, its machine with the path taken, and its trace across systems.
 */
import { useEffect, useState } from 'react';
import type { JourneyTrace } from '../../../simulator/api.js';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { StatePanel } from '../../components/StatePanel.js';
import { fetchJourney } from '../../store/actions.js';
import { formatClock } from '../../store/clock.js';
import { useStudio } from '../../store/studio.js';
import { formatMoney, formatMs } from '../../format.js';
import { MachineGraph } from './MachineGraph.js';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; trace: JourneyTrace };

interface Props {
  id: number;
  /** Changes when the list refreshes; a journey still running is fetched again then. */
  refreshKey: number;
}

/** Fetches and shows journey `id`. */
export function JourneyDetail({ id, refreshKey }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const clockStart = useStudio((state) => state.loaded?.clockStart ?? null);
  const running = loaded.status === 'ready' && loaded.trace.outcome === 'running';

  useEffect(() => {
    setLoaded({ status: 'loading' });
  }, [id]);

  useEffect(() => {
    let current = true;
    fetchJourney(id).then(
      (trace) => current && setLoaded(trace === null ? { status: 'missing' } : { status: 'ready', trace }),
      (error: unknown) => current && setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // A finished journey does not change, so only a running one is fetched again on refresh.
  }, [id, running ? refreshKey : 0]);

  if (loaded.status === 'loading') return <StatePanel kind="loading" title={`Loading journey #${id}…`} />;
  if (loaded.status === 'missing') return <StatePanel kind="empty" title={`Journey #${id} is not in this run`} />;
  if (loaded.status === 'failed') {
    return (
      <StatePanel kind="error" title={`Loading journey #${id} failed`}>
        <p className="mono">{loaded.message}</p>
      </StatePanel>
    );
  }

  const { trace } = loaded;
  return (
    <div className="journey-detail" data-testid="journey-detail" data-journey-id={trace.id} data-outcome={trace.outcome}>
      <header className="detail-header">
        <h2>
          <span className="mono">#{trace.id}</span> {trace.kind}
        </h2>
        <span className={`outcome-badge outcome-${trace.outcome}`}>{trace.outcome}</span>
        <dl className="detail-facts">
          <div>
            <dt>Customer</dt>
            <dd>
              {trace.customerName} <span className="mono muted">{trace.customerId}</span>
            </dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{trace.channel}</dd>
          </div>
          <div>
            <dt>Value</dt>
            <dd className="mono">{formatMoney(trace.value)}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd className="mono">{formatClock(clockStart, trace.startedAt)}</dd>
          </div>
          <div>
            <dt>Took</dt>
            <dd className="mono">{trace.endedAt === null ? 'running' : formatMs(trace.endedAt - trace.startedAt)}</dd>
          </div>
          <div>
            <dt>State</dt>
            <dd className="mono">{trace.state}</dd>
          </div>
        </dl>
      </header>
      <div className="detail-body">
        <ErrorBoundary area="Machine graph">
          <MachineGraph kind={trace.kind} path={trace.path} current={trace.state} />
        </ErrorBoundary>
        <div className="trace-table-wrap">
          <table className="trace-table" data-testid="trace-table">
            <thead>
              <tr>
                <th>T+</th>
                <th>State</th>
                <th>Event</th>
                <th>Call</th>
                <th>Latency</th>
                <th>Try</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {trace.trace.map((step, index) => (
                <tr key={index} className={`event-${step.event}`}>
                  <td className="mono">+{formatMs(step.t - trace.startedAt)}</td>
                  <td className="mono">{step.state.split('.').pop()}</td>
                  <td className="mono event-cell">{step.event}</td>
                  <td className="mono">{step.system ? `${step.system}.${step.operation ?? ''}` : '—'}</td>
                  <td className="mono">{step.latency === null ? '—' : formatMs(step.latency)}</td>
                  <td className="mono">{step.attempt}</td>
                  <td>{step.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
