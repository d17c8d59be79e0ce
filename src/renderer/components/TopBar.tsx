/**
 * The top bar: product name, the open file with its unsaved marker, view tabs and file actions.
 */
import { exportReport, openFile, saveScenario, showView } from '../store/actions.js';
import { useStudio, type StudioView } from '../store/studio.js';

const TABS: { view: StudioView; label: string }[] = [
  { view: 'run', label: 'Run' },
  { view: 'journeys', label: 'Journeys' },
  { view: 'scenario', label: 'Scenario' },
  { view: 'compare', label: 'Compare' },
];

/** Renders the top bar. */
export function TopBar() {
  const view = useStudio((state) => state.view);
  const file = useStudio((state) => state.file);
  const dirty = useStudio((state) => state.dirty);
  const hasText = useStudio((state) => state.text.trim() !== '');
  const loaded = useStudio((state) => state.loaded);

  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Retail Resilience Studio
      </div>
      <nav className="tabs" role="tablist" aria-label="Views">
        {TABS.map((tab) => (
          <button
            key={tab.view}
            type="button"
            role="tab"
            aria-selected={view === tab.view}
            className={view === tab.view ? 'tab active' : 'tab'}
            data-testid={`tab-${tab.view}`}
            onClick={() => showView(tab.view)}
          >
            {tab.label}
          </button>
        ))}
      </nav>
      <div className="file-label" data-testid="file-label" data-dirty={dirty ? 'true' : 'false'} title={file}>
        {loaded ? <span className="scenario-name">{loaded.scenario.name}</span> : null}
        <span className="mono">{file}</span>
        {dirty ? <span className="dirty-dot" title="Unsaved changes" aria-label="unsaved changes" /> : null}
      </div>
      <div className="topbar-actions">
        <button type="button" className="quiet" onClick={() => openFile()} data-testid="file-open">
          Open…
        </button>
        <button type="button" className="quiet" disabled={!hasText} onClick={() => void saveScenario()} data-testid="file-save">
          Save
        </button>
        <button type="button" className="quiet" disabled={!hasText} onClick={() => void saveScenario(true)} data-testid="file-save-as">
          Save as…
        </button>
        <button type="button" className="quiet" disabled={loaded === null} onClick={() => void exportReport()} data-testid="file-export">
          Export report
        </button>
      </div>
    </header>
  );
}
