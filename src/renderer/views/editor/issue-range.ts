/**
 * Maps scenario issues (1-based line and column) to character ranges of the editor document.
 */
import type { IssueView } from '../../worker/protocol.js';

/** The part of a CodeMirror `Text` the mapping reads. */
export interface LineSource {
  readonly lines: number;
  readonly length: number;
  line(n: number): { from: number; to: number; text: string };
}

/**
 * Returns the range to underline for an issue: from its column to the end of the word or value there,
 * or the whole first line when the issue has no position. Positions past the end are clamped.
 */
export function issueRange(doc: LineSource, issue: Pick<IssueView, 'line' | 'column'>): { from: number; to: number } {
  if (doc.length === 0) return { from: 0, to: 0 };
  const lineNumber = Math.min(Math.max(issue.line ?? 1, 1), doc.lines);
  const line = doc.line(lineNumber);
  if (issue.line === null) return { from: line.from, to: line.to };

  const column = Math.min(Math.max((issue.column ?? 1) - 1, 0), line.text.length);
  const rest = line.text.slice(column);
  const token = /^[^\s:,#\]}]+/.exec(rest);
  const length = token ? token[0].length : rest.trimEnd().length;
  const from = line.from + column;
  return { from, to: Math.min(line.to, from + Math.max(length, 1)) };
}
