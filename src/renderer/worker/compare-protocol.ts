/**
 * The message protocol between the Compare view and its comparison worker.
 *
 * The comparison runs in a worker of its own, so the live run in the simulation worker goes on while
 * both sides of a comparison run to their ends. Everything here is plain data that `postMessage` clones.
 */
import type { Comparison } from '../../simulator/compare.js';
import type { IssueView } from './protocol.js';

/** One side of a comparison: scenario text and file, and the policy set to apply. */
export interface CompareSide {
  text: string;
  file: string;
  /** Policy set; omitted: the scenario's `activePolicy`. */
  policy?: string;
}

/** A command the page sends to the comparison worker. */
export type CompareCommand =
  | { type: 'compare'; jobId: number; a: CompareSide; b: CompareSide; seed?: number }
  | { type: 'cancel'; jobId: number };

/** An event the comparison worker sends to the page. */
export type CompareEvent =
  | { type: 'ready' }
  | { type: 'progress'; jobId: number; side: 'a' | 'b'; now: number; end: number }
  | { type: 'compared'; jobId: number; comparison: Comparison }
  | { type: 'invalid'; jobId: number; side: 'a' | 'b'; issues: IssueView[] }
  | { type: 'failed'; jobId: number; message: string };

/** Checks that a message has the shape of a comparison command, so a stray message is rejected. */
export function isCompareCommand(value: unknown): value is CompareCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { type, jobId } = value as { type?: unknown; jobId?: unknown };
  return (type === 'compare' || type === 'cancel') && typeof jobId === 'number';
}
