/**
 * Opening and saving scenario files in the browser edition.
 *
 * Chromium offers the File System Access API, so a save can write back to the file the user opened.
 * Other browsers fall back to a file input for opening and a download for saving.
 */

/** A scenario file the user opened. */
export interface OpenedFile {
  name: string;
  text: string;
}

/** The result of a save: written in place, downloaded, or cancelled. */
export type SaveOutcome = { kind: 'written'; name: string } | { kind: 'downloaded'; name: string } | { kind: 'cancelled' };

// The File System Access API is not in TypeScript's DOM library (5.9), so its used part is declared here.
interface WritableFileStream {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}
interface FileHandle {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<WritableFileStream>;
}
interface PickerOptions {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}
interface FileAccessWindow {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<FileHandle>;
}

const SCENARIO_TYPES = [{ description: 'Scenario (YAML or JSON)', accept: { 'text/yaml': ['.yaml', '.yml'], 'application/json': ['.json'] } }];

/** The handle of the file opened or saved last, so Save writes back to it. */
let currentHandle: FileHandle | null = null;

/** Forgets the current file handle, for a scenario taken from the gallery or a draft. */
export function forgetFileHandle(): void {
  currentHandle = null;
}

/** Asks the user for a scenario file; resolves null when the user cancels. */
export async function openScenarioFile(): Promise<OpenedFile | null> {
  const picker = (window as FileAccessWindow).showOpenFilePicker;
  if (picker === undefined) return openWithInput();

  try {
    const [handle] = await picker({ types: SCENARIO_TYPES });
    if (handle === undefined) return null;
    currentHandle = handle;
    const file = await handle.getFile();
    return { name: file.name, text: await file.text() };
  } catch (error) {
    if (isAbort(error)) return null;
    throw error;
  }
}

/** Saves the text to the opened file or to a file the user picks, falling back to a download. */
export async function saveScenarioFile(text: string, suggestedName: string, saveAs = false): Promise<SaveOutcome> {
  const picker = (window as FileAccessWindow).showSaveFilePicker;
  if (picker === undefined) return download(text, suggestedName, 'text/yaml');

  try {
    const handle = !saveAs && currentHandle !== null ? currentHandle : await picker({ suggestedName, types: SCENARIO_TYPES });
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
    currentHandle = handle;
    return { kind: 'written', name: handle.name };
  } catch (error) {
    if (isAbort(error)) return { kind: 'cancelled' };
    throw error;
  }
}

/** Offers text as a file download, such as a run report. */
export function download(text: string, name: string, type: string): SaveOutcome {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by the time click() returns, so the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { kind: 'downloaded', name };
}

function openWithInput(): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.yaml,.yml,.json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file === undefined) return resolve(null);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
