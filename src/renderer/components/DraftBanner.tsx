/**
 * The banner that offers to restore an unsaved draft left by an earlier session.
 */
import { discardDraft, restoreDraft } from '../store/actions.js';
import type { ScenarioDraft } from '../store/draft.js';

interface Props {
  draft: ScenarioDraft;
}

/** Offers to restore or discard the draft; either choice hides the banner. */
export function DraftBanner({ draft }: Props) {
  const when = draft.savedAt > 0 ? new Date(draft.savedAt).toLocaleString() : 'an earlier session';
  return (
    <div className="banner" role="status" data-testid="draft-banner">
      <span>
        Unsaved changes to <strong>{draft.file}</strong> from {when} were kept as a draft.
      </span>
      <button
        type="button"
        data-testid="draft-restore"
        onClick={() => {
          restoreDraft(draft);
        }}
      >
        Restore draft
      </button>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          discardDraft();
        }}
      >
        Discard
      </button>
    </div>
  );
}
