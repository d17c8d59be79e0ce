/**
 * State of the Compare view: what to compare, the comparison worker's progress and the result.
 *
 * The comparison runs in its own worker, started on first use, so a live run in the simulation worker
 * is left alone. A new comparison replaces one still running.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Comparison } from '../../../simulator/compare.js';
import type { CompareCommand, CompareEvent, CompareSide } from '../../worker/compare-protocol.js';
import type { IssueView } from '../../worker/protocol.js';

/** Two policy sets of the open scenario, or the open scenario against a gallery scenario. */
export type CompareMode = 'policies' | 'scenario';

/** Stage of a comparison: none requested yet, both sides running, finished, or stopped by a problem. */
export type CompareStatus = 'idle' | 'running' | 'done' | 'invalid' | 'failed';

/** Everything the Compare view shows. */
export interface CompareState {
  mode: CompareMode;
  policyA: string | null;
  policyB: string | null;
  /** Gallery file of side B in `scenario` mode. */
  galleryFile: string | null;
  /** Seed of both runs, or null for the seed of scenario A. */
  seed: number | null;
  status: CompareStatus;
  /** Share of each side's simulated time done, from 0 to 1. */
  progress: { a: number; b: number };
  comparison: Comparison | null;
  /** Issues of the side whose scenario is invalid, or the failure message. */
  issues: IssueView[];
  error: string | null;
}

/** The part of a Worker the store uses; tests pass a fake. */
export type CompareWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

function initialState(): CompareState {
  return {
    mode: 'policies',
    policyA: null,
    policyB: null,
    galleryFile: null,
    seed: null,
    status: 'idle',
    progress: { a: 0, b: 0 },
    comparison: null,
    issues: [],
    error: null,
  };
}

/** The Compare view's store. */
export const compareStore = createStore<CompareState>()(() => initialState());

/** Reads a slice of the compare store and re-renders when it changes. */
export function useCompare<T>(selector: (state: CompareState) => T): T {
  return useStore(compareStore, selector);
}

let worker: CompareWorker | null = null;
let jobId = 0;

function defaultWorker(): CompareWorker {
  return new Worker(new URL('../../worker/compare.worker.ts', import.meta.url), { type: 'module', name: 'comparison' });
}

/** Applies one event of the comparison worker; events of an older job are dropped. */
export function applyCompareEvent(event: CompareEvent): void {
  if (event.type === 'ready' || event.jobId !== jobId) return;
  const state = compareStore.getState();

  switch (event.type) {
    case 'progress': {
      const share = event.end > 0 ? Math.min(1, event.now / event.end) : 1;
      compareStore.setState({ progress: { ...state.progress, [event.side]: share } });
      return;
    }
    case 'compared':
      compareStore.setState({ status: 'done', comparison: event.comparison, progress: { a: 1, b: 1 } });
      return;
    case 'invalid':
      compareStore.setState({ status: 'invalid', issues: event.issues, error: `scenario ${event.side.toUpperCase()} is invalid` });
      return;
    case 'failed':
      compareStore.setState({ status: 'failed', error: event.message });
      return;
  }
}

/** Starts both runs in the comparison worker, creating the worker on first use. */
export function startComparison(a: CompareSide, b: CompareSide, factory: () => CompareWorker = defaultWorker): void {
  if (worker === null) {
    worker = factory();
    worker.addEventListener('message', (message) => applyCompareEvent((message as MessageEvent<CompareEvent>).data));
    worker.addEventListener('error', (error) => {
      const detail = error instanceof ErrorEvent && error.message ? error.message : 'the worker script failed to load or threw';
      compareStore.setState({ status: 'failed', error: `comparison worker stopped: ${detail}` });
      worker = null;
    });
  }

  jobId++;
  const seed = compareStore.getState().seed;
  const command: CompareCommand = { type: 'compare', jobId, a, b, ...(seed === null ? {} : { seed }) };
  compareStore.setState({ status: 'running', progress: { a: 0, b: 0 }, comparison: null, issues: [], error: null });
  worker.postMessage(command);
}

/** Stops the comparison running; its partial runs are dropped. */
export function cancelComparison(): void {
  if (worker === null || compareStore.getState().status !== 'running') return;
  worker.postMessage({ type: 'cancel', jobId } satisfies CompareCommand);
  compareStore.setState({ status: 'idle' });
}
