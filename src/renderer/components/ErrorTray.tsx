/**
 * The stack of failures in the bottom corner: worker crashes, simulation errors, file errors.
 */
import { restartWorker } from '../store/actions.js';
import { dismissError, studioStore, useStudio } from '../store/studio.js';

/** Lists current errors, each dismissable; a worker failure offers a restart. */
export function ErrorTray() {
  const errors = useStudio((state) => state.errors);
  if (errors.length === 0) return null;

  return (
    <div className="error-tray" data-testid="error-tray">
      {errors.map((error) => (
        <div key={error.id} className="error-card" role="alert" data-testid="error-card">
          <div className="error-source">{error.source}</div>
          <div className="error-message">{error.message}</div>
          <div className="error-actions">
            {error.source === 'simulation' ? (
              <button type="button" onClick={() => restartWorker()}>
                Restart simulation
              </button>
            ) : null}
            <button type="button" className="quiet" onClick={() => dismissError(studioStore, error.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
