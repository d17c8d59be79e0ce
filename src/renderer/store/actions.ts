/**
 * The studio's actions: each user intent becomes store changes plus worker commands.
 *
 * Components call these functions instead of talking to the worker, so the protocol stays in one
 * place and every action that can lose unsaved text requests confirmation first.
 */
import type { ControlAction, JourneyQuery } from '../../simulator/api.js';
import { desktopApi } from '../platform/desktop.js';
import { download, forgetFileHandle, openScenarioFile, saveScenarioFile } from '../platform/files.js';
import { SimulationClient } from '../worker/client.js';
import type { Speed } from '../worker/protocol.js';
import { clearDraft, readDraft, writeDraft, type ScenarioDraft } from './draft.js';
import { applyWorkerEvent, markSaved, pushError, setScenarioText, studioStore, type StudioView } from './studio.js';

/** The page's simulation worker client. */
export const simulationClient = new SimulationClient((event) => applyWorkerEvent(studioStore, event));

/** Delay between the last keystroke and the draft write, in milliseconds. */
const DRAFT_DELAY_MS = 400;
let draftTimer: ReturnType<typeof setTimeout> | null = null;

/** Starts the worker and offers the draft left from an earlier session, if any. */
export function startStudio(): void {
  simulationClient.start();
  studioStore.setState({ offeredDraft: readDraft(localStorage) });

  // A reload or a closed tab must not lose the keystrokes of the last draft delay.
  window.addEventListener('pagehide', flushDraft);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDraft();
  });
}

/** Restarts a worker that stopped, then reloads the current text into it. */
export function restartWorker(): void {
  studioStore.setState({ workerStatus: 'starting', runState: 'empty', snapshot: null });
  simulationClient.start();
  if (studioStore.getState().text.trim() !== '') loadIntoWorker();
}

/** Switches the main view. */
export function showView(view: StudioView): void {
  studioStore.setState({ view });
}

/** Runs `action` at once when the text is saved, or after the user confirms losing the changes. */
export function confirmReplace(what: string, action: () => void): void {
  const { dirty, file, offeredDraft } = studioStore.getState();
  if (!dirty && offeredDraft !== null) {
    // The draft of an earlier session is unsaved work too, though it is not in the editor yet.
    studioStore.setState({
      confirm: {
        title: 'Discard the restorable draft?',
        message: `Unsaved changes to ${offeredDraft.file} from an earlier session are kept as a draft. ${what} discards that draft.`,
        confirmLabel: 'Discard draft and continue',
        onConfirm: () => {
          discardDraft();
          action();
        },
      },
    });
    return;
  }
  if (!dirty) return action();
  studioStore.setState({
    confirm: {
      title: 'Discard unsaved changes?',
      message: `${file} has changes that are not saved. ${what} replaces them; the draft is removed too.`,
      confirmLabel: 'Discard and continue',
      onConfirm: action,
    },
  });
}

/** Resolves the pending confirmation with the user's choice. */
export function answerConfirm(accepted: boolean): void {
  const pending = studioStore.getState().confirm;
  studioStore.setState({ confirm: null });
  if (accepted && pending !== null) pending.onConfirm();
}

/** Puts a scenario text in the editor as a clean file and loads it into the worker. */
export function openScenarioText(text: string, file: string, path: string | null, view: StudioView = 'run'): void {
  setScenarioText(studioStore, text, false);
  markSaved(studioStore, file, path);
  clearDraft(localStorage);
  loadIntoWorker();
  showView(view);
}

/** Opens a shipped scenario from the gallery, asking first when the editor has unsaved changes. */
export function openGalleryScenario(file: string, text: string): void {
  confirmReplace(`Opening ${file}`, () => {
    forgetFileHandle();
    openScenarioText(text, file, null);
  });
}

/** Restores a draft from an earlier session as unsaved text. */
export function restoreDraft(draft: ScenarioDraft): void {
  studioStore.setState({ text: draft.text, file: draft.file, path: draft.path, dirty: true, view: 'scenario', offeredDraft: null });
}

/** Drops the draft from an earlier session. */
export function discardDraft(): void {
  clearDraft(localStorage);
  studioStore.setState({ offeredDraft: null });
}

/** Writes a draft whose delay has not yet passed. */
export function flushDraft(): void {
  if (draftTimer === null) return;
  clearTimeout(draftTimer);
  draftTimer = null;
  writePendingDraft();
}

function writePendingDraft(): void {
  const { file, path, text, dirty } = studioStore.getState();
  if (dirty) writeDraft(localStorage, { file, path, text, savedAt: Date.now() });
}

/** Changes the editor text, marks it unsaved and schedules the draft write. */
export function editText(text: string): void {
  if (text === studioStore.getState().text) return;
  setScenarioText(studioStore, text, true);
  if (draftTimer !== null) clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    draftTimer = null;
    writePendingDraft();
  }, DRAFT_DELAY_MS);
}

/** Sends the editor text to the worker, replacing the current run. */
export function loadIntoWorker(seed?: number): void {
  const { text, file } = studioStore.getState();
  simulationClient.send({ type: 'load', text, file, ...(seed === undefined ? {} : { seed }) });
}

/** Asks the user for a scenario file and opens it, asking first when there are unsaved changes. */
export function openFile(): void {
  confirmReplace('Opening another file', () => {
    void pickAndOpen();
  });
}

async function pickAndOpen(): Promise<void> {
  try {
    const desktop = desktopApi();
    if (desktop !== null) {
      const opened = await desktop.openScenario();
      if (opened !== null) openScenarioText(opened.text, opened.name, opened.path, 'scenario');
      return;
    }
    const opened = await openScenarioFile();
    if (opened !== null) openScenarioText(opened.text, opened.name, null, 'scenario');
  } catch (error) {
    pushError(studioStore, 'file', `opening the scenario failed: ${describe(error)}`);
  }
}

/** Saves the editor text, to its file or to a place the user picks. */
export async function saveScenario(saveAs = false): Promise<void> {
  const { text, file, path } = studioStore.getState();
  try {
    const desktop = desktopApi();
    if (desktop !== null) {
      const saved = await desktop.saveScenario({ path: saveAs ? null : path, text });
      if (saved === null) return;
      markSaved(studioStore, fileName(saved.path), saved.path);
    } else {
      const outcome = await saveScenarioFile(text, file, saveAs);
      if (outcome.kind === 'cancelled') return;
      markSaved(studioStore, outcome.name, null);
    }
    clearDraft(localStorage);
  } catch (error) {
    pushError(studioStore, 'file', `saving ${file} failed: ${describe(error)}`);
  }
}

/** Fetches the run report from the worker and saves it as JSON. */
export async function exportReport(): Promise<void> {
  const loaded = studioStore.getState().loaded;
  if (loaded === null) return;
  try {
    const report = await simulationClient.request({ type: 'getReport' });
    if (report === null) return;
    const name = `${loaded.scenario.name.replace(/[^\w.-]+/g, '-')}.seed-${loaded.seed}.json`;
    const text = `${JSON.stringify(report, null, 2)}\n`;
    const desktop = desktopApi();
    if (desktop !== null) await desktop.exportReport({ suggestedName: name, text });
    else download(text, name, 'application/json');
  } catch (error) {
    pushError(studioStore, 'file', `exporting the report failed: ${describe(error)}`);
  }
}

/** Starts or resumes the run. */
export function play(): void {
  simulationClient.send({ type: 'play' });
}

/** Pauses the run. */
export function pause(): void {
  simulationClient.send({ type: 'pause' });
}

/** Advances the run by one sample interval. */
export function step(): void {
  simulationClient.send({ type: 'step' });
}

/** Sets the pace in simulated seconds per real second. */
export function setSpeed(speed: Speed): void {
  studioStore.setState({ speed });
  simulationClient.send({ type: 'setSpeed', speed });
}

/** Restarts the loaded scenario from time zero with a seed. */
export function restart(seed: number): void {
  simulationClient.send({ type: 'restart', seed });
}

/** Applies a live action, such as taking a system down; the simulation adds it to the timeline. */
export function control(action: ControlAction): void {
  simulationClient.send({ type: 'control', action });
}

/** Queries the journey list. */
export function queryJourneys(query: JourneyQuery) {
  return simulationClient.request({ type: 'queryJourneys', query });
}

/** Fetches one journey's trace. */
export function fetchJourney(id: number) {
  return simulationClient.request({ type: 'getJourney', id });
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
