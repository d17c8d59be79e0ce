/**
 * The studio's frame: top bar, controls, the current view, and the overlays for errors and
 * confirmations. Each view sits in its own error boundary.
 */
import { useEffect } from 'react';
import { ConfirmDialog } from './components/ConfirmDialog.js';
import { DraftBanner } from './components/DraftBanner.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { ErrorTray } from './components/ErrorTray.js';
import { TopBar } from './components/TopBar.js';
import { startStudio } from './store/actions.js';
import { useStudio } from './store/studio.js';
import { CompareView } from './views/compare/CompareView.js';
import { ControlsBar } from './views/controls/ControlsBar.js';
import { DashboardView } from './views/dashboard/DashboardView.js';
import { ScenarioView } from './views/editor/ScenarioView.js';
import { JourneyInspector } from './views/journeys/JourneyInspector.js';
import { LandscapeView } from './views/landscape/LandscapeView.js';
import { useMenuCommands } from './platform/menu.js';

/** Renders the whole studio. */
export function App() {
  const view = useStudio((state) => state.view);
  const workerStatus = useStudio((state) => state.workerStatus);
  const draft = useStudio((state) => state.offeredDraft);

  useEffect(() => {
    startStudio();
  }, []);

  useEffect(() => {
    // The ready signal that end-to-end tests wait on: the tree is mounted and the worker has reported ready.
    document.body.dataset.ready = workerStatus === 'ready' ? 'true' : 'false';
  }, [workerStatus]);

  useMenuCommands();

  return (
    <div className="app" data-testid="app" data-view={view}>
      <TopBar />
      <ErrorBoundary area="Controls">
        <ControlsBar />
      </ErrorBoundary>
      {draft !== null ? <DraftBanner draft={draft} /> : null}
      <main className="app-main">
        {view === 'run' ? (
          <div className="run-layout">
            <section className="panel landscape-panel" aria-label="Landscape">
              <ErrorBoundary area="Landscape">
                <LandscapeView />
              </ErrorBoundary>
            </section>
            <section className="panel dashboard-panel" aria-label="Business dashboard">
              <ErrorBoundary area="Business dashboard">
                <DashboardView />
              </ErrorBoundary>
            </section>
          </div>
        ) : null}
        {view === 'journeys' ? (
          <ErrorBoundary area="Journey inspector">
            <JourneyInspector />
          </ErrorBoundary>
        ) : null}
        {view === 'scenario' ? (
          <ErrorBoundary area="Scenario editor">
            <ScenarioView />
          </ErrorBoundary>
        ) : null}
        {view === 'compare' ? (
          <ErrorBoundary area="Compare">
            <CompareView />
          </ErrorBoundary>
        ) : null}
      </main>
      <ErrorTray />
      <ConfirmDialog />
    </div>
  );
}
