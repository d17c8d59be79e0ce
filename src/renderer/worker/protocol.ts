/**
 * The typed message protocol between the studio and its simulation worker.
 *
 * Commands flow from the page to the worker, events flow back. Requests that expect one reply
 * (journey queries, a trace, the report) carry a `requestId` that the matching `reply` repeats.
 * Everything here is plain data, so `postMessage` clones it without loss.
 */
import type {
  ControlAction,
  JourneyQuery,
  JourneySummary,
  JourneyTrace,
  LiveSnapshot,
  RunReport,
} from '../../simulator/api.js';
import type { Scenario } from '../../simulator/scenario/schema.js';

/** Simulated seconds per real second; `'max'` runs as fast as the worker can. */
export type Speed = number | 'max';

/** Lowest and highest finite speeds the controls offer, in simulated seconds per real second. */
export const MIN_SPEED = 1;
export const MAX_FINITE_SPEED = 3_600;

/** State of the run in the worker. */
export type RunState = 'empty' | 'paused' | 'playing' | 'done';

/** One scenario problem, ready to show: 1-based line and column where known. */
export interface IssueView {
  line: number | null;
  column: number | null;
  pointer: string;
  message: string;
  /** The one-line form `file:line:col: pointer: message. Fix: ...`. */
  text: string;
}

/** A command the page sends to the worker. */
export type WorkerCommand =
  | { type: 'load'; text: string; file: string; seed?: number; policy?: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'restart'; seed: number }
  | { type: 'control'; action: ControlAction }
  | { type: 'queryJourneys'; requestId: number; query: JourneyQuery }
  | { type: 'getJourney'; requestId: number; id: number }
  | { type: 'getReport'; requestId: number };

/** A command that expects one reply. */
export type WorkerRequest = Extract<WorkerCommand, { requestId: number }>;

/** The reply payload of each request type. */
export interface ReplyPayloads {
  queryJourneys: { total: number; items: JourneySummary[] };
  getJourney: JourneyTrace | null;
  getReport: RunReport | null;
}

/** An event the worker sends to the page. */
export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'loaded'; scenario: Scenario; file: string; seed: number; policy: string | null }
  | { type: 'loadFailed'; file: string; issues: IssueView[] }
  | { type: 'state'; runState: RunState; speed: Speed }
  | { type: 'snapshot'; snapshot: LiveSnapshot; runState: RunState }
  | { type: 'reply'; requestId: number; request: WorkerRequest['type']; payload: ReplyPayloads[WorkerRequest['type']] }
  | { type: 'failed'; message: string; stack: string | null };

/** Checks that a value the worker received has the shape of a command, so a stray message is rejected. */
export function isWorkerCommand(value: unknown): value is WorkerCommand {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && COMMAND_TYPES.has(type);
}

const COMMAND_TYPES = new Set<string>([
  'load',
  'play',
  'pause',
  'step',
  'setSpeed',
  'restart',
  'control',
  'queryJourneys',
  'getJourney',
  'getReport',
]);
