/**
 * The unsaved-draft copy of the editor text in localStorage, so a closed tab or crash loses nothing.
 */

/** localStorage key of the draft. */
export const DRAFT_KEY = 'rrs.scenarioDraft.v1';

/** An unsaved scenario text with the file name it belongs to. */
export interface ScenarioDraft {
  file: string;
  path: string | null;
  text: string;
  /** Wall-clock time of the last edit, in milliseconds since the Unix epoch. */
  savedAt: number;
}

/** The part of `Storage` the draft needs, so tests can pass a Map-backed fake. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Writes the draft; returns false when the storage is full or blocked. */
export function writeDraft(storage: DraftStorage, draft: ScenarioDraft): boolean {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Reads the draft, or null when there is none or it is unreadable. */
export function readDraft(storage: DraftStorage): ScenarioDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;

  try {
    const value = JSON.parse(raw) as Partial<ScenarioDraft>;
    if (typeof value.text !== 'string' || typeof value.file !== 'string') return null;
    return {
      file: value.file,
      path: typeof value.path === 'string' ? value.path : null,
      text: value.text,
      savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
    };
  } catch {
    return null;
  }
}

/** Removes the draft after a save or an explicit discard. */
export function clearDraft(storage: DraftStorage): void {
  try {
    storage.removeItem(DRAFT_KEY);
  } catch {
    // Storage blocked by the browser: there is no draft to clear either.
  }
}
