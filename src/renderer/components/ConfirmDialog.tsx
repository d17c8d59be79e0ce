/**
 * The modal that requests confirmation before unsaved changes are replaced.
 */
import { useEffect, useRef } from 'react';
import { answerConfirm } from '../store/actions.js';
import { useStudio } from '../store/studio.js';

/** Shows the pending confirmation, if any, with Cancel focused so Enter never discards by accident. */
export function ConfirmDialog() {
  const confirm = useStudio((state) => state.confirm);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirm !== null) cancelRef.current?.focus();
  }, [confirm]);

  if (confirm === null) return null;
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && answerConfirm(false)}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog">
        <h2 id="confirm-title">{confirm.title}</h2>
        <p>{confirm.message}</p>
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={() => answerConfirm(false)} data-testid="confirm-cancel">
            Keep editing
          </button>
          <button type="button" className="danger" onClick={() => answerConfirm(true)} data-testid="confirm-accept">
            {confirm.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
