/**
 * The journey inspector: a searchable, virtualised journey list with outcome filters, and for the
 * selected journey its trace across the systems and its machine with the path it took.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JourneyOutcome } from '../../../simulator/api.js';
import { JOURNEY_KINDS, type JourneyKind } from '../../../simulator/scenario/schema.js';
import { StatePanel } from '../../components/StatePanel.js';
import { showView } from '../../store/actions.js';
import { formatElapsed } from '../../store/clock.js';
import { studioStore, useStudio } from '../../store/studio.js';
import { formatMoney } from '../../format.js';
import { JourneyDetail } from './JourneyDetail.js';
import { useJourneyPages } from './useJourneyPages.js';

const OUTCOMES: { outcome: JourneyOutcome; label: string }[] = [
  { outcome: 'completed', label: 'Completed' },
  { outcome: 'completedDegraded', label: 'Degraded' },
  { outcome: 'lost', label: 'Lost' },
  { outcome: 'refundedWithoutReversal', label: 'No reversal' },
  { outcome: 'running', label: 'Running' },
];

const ROW_HEIGHT = 30;
/** Real milliseconds between list refreshes while the run plays. */
const REFRESH_MS = 1_500;

/** Renders the inspector, or a designed empty state before a run exists. */
export function JourneyInspector() {
  const loaded = useStudio((state) => state.loaded);
  if (loaded === null) {
    return (
      <StatePanel kind="empty" title="No journeys yet" testId="journeys-empty">
        <p className="muted">Load and run a scenario; every customer journey it starts is listed here.</p>
        <button type="button" className="primary" onClick={() => showView('scenario')}>
          Open the gallery
        </button>
      </StatePanel>
    );
  }
  return <Inspector key={loaded.runId} />;
}

function Inspector() {
  const started = useStudio((state) => state.snapshot?.business.journeysStarted ?? 0);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [outcomes, setOutcomes] = useState<JourneyOutcome[]>([]);
  const [kind, setKind] = useState<JourneyKind | ''>('');
  const [refreshKey, setRefreshKey] = useState(0);
  const selected = useStudio((state) => state.selectedJourney);
  const runState = useStudio((state) => state.runState);
  const eventsProcessed = useStudio((state) => state.snapshot?.eventsProcessed ?? 0);

  // Typing filters after a short pause, so each keystroke does not query the worker.
  useEffect(() => {
    // The list shows ids as `#42`, so a pasted `#42` searches for id 42.
    const timer = setTimeout(() => setSearch(text.trim().replace(/^#/, '')), 200);
    return () => clearTimeout(timer);
  }, [text]);

  // While playing, the list refreshes on a timer; when paused, after each step or action.
  useEffect(() => {
    if (runState !== 'playing') return;
    const timer = setInterval(() => setRefreshKey((key) => key + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [runState]);
  useEffect(() => {
    if (runState !== 'playing') setRefreshKey((key) => key + 1);
  }, [runState, eventsProcessed]);

  const query = useMemo(
    () => ({
      ...(search === '' ? {} : { text: search }),
      ...(outcomes.length === 0 ? {} : { outcomes }),
      ...(kind === '' ? {} : { kinds: [kind] }),
    }),
    [search, outcomes, kind],
  );
  const pages = useJourneyPages(query, refreshKey);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pages.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    pages.ensure(first, Math.max(first, last));
  }, [first, last, pages]);

  return (
    <div className="journeys-layout">
      <section className="panel journey-list-panel" aria-label="Journey list">
        <div className="list-toolbar">
          <input
            type="search"
            placeholder="Search id, customer, state…"
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="journey-search"
          />
          <select value={kind} onChange={(event) => setKind(event.target.value as JourneyKind | '')} data-testid="journey-kind">
            <option value="">All kinds</option>
            {JOURNEY_KINDS.map((journeyKind) => (
              <option key={journeyKind} value={journeyKind}>
                {journeyKind}
              </option>
            ))}
          </select>
        </div>
        <div className="chip-row" role="group" aria-label="Outcome filter">
          {OUTCOMES.map(({ outcome, label }) => {
            const on = outcomes.includes(outcome);
            return (
              <button
                key={outcome}
                type="button"
                className={on ? `chip on outcome-${outcome}` : `chip outcome-${outcome}`}
                aria-pressed={on}
                data-testid={`filter-${outcome}`}
                onClick={() => setOutcomes(on ? outcomes.filter((entry) => entry !== outcome) : [...outcomes, outcome])}
              >
                {label}
              </button>
            );
          })}
        </div>
        <div className="list-count muted" data-testid="journey-count" data-total={pages.total}>
          {pages.loading ? 'Loading journeys…' : describeCount(pages.total, started)}
        </div>
        <div ref={scrollRef} className="journey-scroll" data-testid="journey-list">
          {pages.total === 0 && !pages.loading ? (
            <div className="list-empty muted">{started === 0 ? 'No journeys yet: press Play or Step to start the run.' : 'No journey matches these filters.'}</div>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const journey = pages.at(item.index);
              return (
                <div
                  key={item.key}
                  className={journey && journey.id === selected ? 'journey-row selected' : 'journey-row'}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid={journey ? 'journey-row' : 'journey-row-loading'}
                  data-journey-id={journey?.id}
                  onClick={() => journey && studioStore.setState({ selectedJourney: journey.id })}
                >
                  {journey ? (
                    <>
                      <span className="mono journey-id">#{journey.id}</span>
                      <span className={`outcome-dot outcome-${journey.outcome}`} title={journey.outcome} />
                      <span className="journey-kind">{journey.kind}</span>
                      <span className="journey-customer">{journey.customerName}</span>
                      <span className="mono muted">{formatElapsed(journey.startedAt)}</span>
                      <span className="mono journey-value">{formatMoney(journey.value)}</span>
                    </>
                  ) : (
                    <span className="muted">…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </section>
      <section className="panel journey-detail-panel" aria-label="Journey detail">
        {selected === null ? (
          <StatePanel kind="empty" title="Pick a journey" testId="journey-detail-empty">
            <p className="muted">Its trace across the systems and its state machine appear here.</p>
          </StatePanel>
        ) : (
          <JourneyDetail id={selected} refreshKey={refreshKey} />
        )}
      </section>
    </div>
  );
}

/**
 * Words the list count; the worker keeps the most recent finished journeys (TRACE_CAPACITY), so the
 * count shows when older ones were dropped.
 */
function describeCount(kept: number, started: number): string {
  const count = `${kept.toLocaleString('en-US')} journeys`;
  if (started <= kept) return count;
  return `${count} (the most recent of ${started.toLocaleString('en-US')} started; older traces are not kept)`;
}
