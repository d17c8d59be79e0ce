/**
 * The studio's state: scenario text, run state, the latest snapshot, series buffers, selection and
 * errors.
 *
 * The store is a vanilla zustand store, so tests drive it in Node by calling `applyWorkerEvent`
 * with the events a worker would send. React components read it through `useStudio`.
 */
import type { ScenarioDraft } from './draft.js';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LiveSnapshot, TimelineEntry } from '../../simulator/api.js';
import type { Scenario, SystemKind } from '../../simulator/scenario/schema.js';
import type { IssueView, RunState, Speed, WorkerEvent } from '../worker/protocol.js';
import { parseClockStart } from './clock.js';
import { SeriesBuffer } from './series.js';

/** The studio's main views. */
export type StudioView = 'run' | 'journeys' | 'scenario' | 'compare';

/** Whether the worker can take commands. */
export type WorkerStatus = 'starting' | 'ready' | 'failed';

/** A failure shown to the user, tagged with where it came from. */
export interface StudioError {
  id: number;
  source: 'worker' | 'simulation' | 'file' | 'view';
  message: string;
}

/** The scenario the worker has loaded, with the run's seed and active policy set. */
export interface LoadedRun {
  /** Increases with each load or restart, so views can start fresh. */
  runId: number;
  scenario: Scenario;
  file: string;
  seed: number;
  policy: string | null;
  /** `clock.start` on the UTC-as-local scale, or null when the scenario has none. */
  clockStart: number | null;
}

/** A question the user must answer before a destructive action goes ahead. */
export interface PendingConfirm {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** Everything the studio shows. */
export interface StudioState {
  view: StudioView;
  workerStatus: WorkerStatus;
  /** The scenario text in the editor, and the file name it is known by. */
  text: string;
  file: string;
  /** Desktop path the text was opened from or saved to, or null for a new or gallery scenario. */
  path: string | null;
  dirty: boolean;
  /** Issues in the editor's text, from parsing it on the page. */
  editorIssues: IssueView[];
  /** Issues that kept the worker from loading the last text sent to it. */
  loadIssues: IssueView[];
  loaded: LoadedRun | null;
  runState: RunState;
  speed: Speed;
  snapshot: LiveSnapshot | null;
  timeline: TimelineEntry[];
  series: SeriesBuffer;
  /** Increases with each append to `series`, so charts know when to redraw. */
  seriesVersion: number;
  selectedJourney: number | null;
  selectedSystem: SystemKind | null;
  errors: StudioError[];
  confirm: PendingConfirm | null;
  /** A draft left by an earlier session and offered for restoring, until restored or discarded. */
  offeredDraft: ScenarioDraft | null;
}

/** Creates the initial state; `text` starts empty until a scenario or draft is opened. */
export function initialStudioState(): StudioState {
  return {
    view: 'scenario',
    workerStatus: 'starting',
    text: '',
    file: 'untitled.yaml',
    path: null,
    dirty: false,
    editorIssues: [],
    loadIssues: [],
    loaded: null,
    runState: 'empty',
    speed: 60,
    snapshot: null,
    timeline: [],
    series: new SeriesBuffer(),
    seriesVersion: 0,
    selectedJourney: null,
    selectedSystem: null,
    errors: [],
    confirm: null,
    offeredDraft: null,
  };
}

/** Creates a studio store. */
export function createStudioStore() {
  return createStore<StudioState>()(() => initialStudioState());
}

/** The studio store a page holds. */
export type StudioStore = ReturnType<typeof createStudioStore>;

let nextErrorId = 1;

/** Applies one worker event to the store. */
export function applyWorkerEvent(store: StudioStore, event: WorkerEvent): void {
  switch (event.type) {
    case 'ready':
      store.setState({ workerStatus: 'ready' });
      return;
    case 'loaded': {
      const clockStart = parseClockStart(event.scenario.clock.start);
      const origin = (clockStart ?? 0) / 1_000;
      store.setState({
        loaded: { runId: (store.getState().loaded?.runId ?? 0) + 1, scenario: event.scenario, file: event.file, seed: event.seed, policy: event.policy, clockStart },
        loadIssues: [],
        snapshot: null,
        timeline: [],
        series: new SeriesBuffer(origin),
        seriesVersion: 0,
        selectedJourney: null,
      });
      return;
    }
    case 'loadFailed':
      store.setState({ loadIssues: event.issues });
      return;
    case 'state':
      store.setState({ runState: event.runState, speed: event.speed });
      return;
    case 'snapshot':
      applySnapshot(store, event.snapshot, event.runState);
      return;
    case 'failed':
      pushError(store, 'simulation', event.message);
      return;
    case 'reply':
      // Replies resolve the client's pending promise and never reach the store.
      return;
  }
}

function applySnapshot(store: StudioStore, snapshot: LiveSnapshot, runState: RunState): void {
  const state = store.getState();
  const added = state.series.append(snapshot.newSeries);
  const loaded = state.loaded;
  store.setState({
    snapshot,
    runState,
    timeline: snapshot.timeline,
    seriesVersion: state.seriesVersion + (added > 0 ? 1 : 0),
    loaded: loaded && snapshot.activePolicy !== loaded.policy ? { ...loaded, policy: snapshot.activePolicy } : loaded,
  });
}

/** Adds an error to the list the studio shows. */
export function pushError(store: StudioStore, source: StudioError['source'], message: string): void {
  const error: StudioError = { id: nextErrorId++, source, message };
  store.setState({ errors: [...store.getState().errors, error] });
}

/** Removes one error from the list. */
export function dismissError(store: StudioStore, id: number): void {
  store.setState({ errors: store.getState().errors.filter((error) => error.id !== id) });
}

/** Replaces the editor text; `dirty` marks it as differing from the file it came from. */
export function setScenarioText(store: StudioStore, text: string, dirty = true): void {
  store.setState({ text, dirty });
}

/** Records that the text now matches a file on disk or in the gallery. */
export function markSaved(store: StudioStore, file: string, path: string | null): void {
  store.setState({ file, path, dirty: false });
}

/** The store every component of this page uses. */
export const studioStore = createStudioStore();

/** Reads a slice of the page's studio store and re-renders when it changes. */
export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(studioStore, selector);
}
