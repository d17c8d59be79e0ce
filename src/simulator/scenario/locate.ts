/**
 * Maps a path in the scenario document to its line and column in the YAML or JSON source.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { DocumentPath } from './issues.js';

/** A 1-based position in the source; both parts are null when the path has no place in it. */
export interface SourcePosition {
  line: number | null;
  column: number | null;
}

/** Part of the found entry a position points at. */
export type LocateTarget = 'value' | 'key';

/**
 * Locates `path` in the parsed document.
 *
 * With `target: 'key'` the position is that of the last key, which suits unknown keys. When the path
 * leaves the document (a missing key, or a path changed by a migration), the position is that of the
 * deepest entry that exists, so a missing `load.mix.returnInStore` points at `mix:`.
 */
export function locate(
  document: Document,
  counter: LineCounter,
  path: DocumentPath,
  target: LocateTarget = 'value',
): SourcePosition {
  let node: unknown = document.contents;
  let keyNode: unknown = null;

  for (const segment of path) {
    const entry = childOf(node, segment);
    if (entry === null) return positionOf(keyNode ?? node, counter);
    node = entry.value;
    keyNode = entry.key;
  }

  if (target === 'key' && keyNode !== null) return positionOf(keyNode, counter);
  return positionOf(node ?? keyNode, counter);
}

/** Finds the entry under a map key or a sequence index, with its key node when it has one. */
function childOf(node: unknown, segment: string | number): { key: unknown; value: unknown } | null {
  if (isMap(node)) {
    const pair = (node.items as Pair[]).find((item) => isPair(item) && keyText(item.key) === String(segment));
    return pair ? { key: pair.key, value: pair.value } : null;
  }

  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? null : { key: null, value: item };
  }
  return null;
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return null;
}

function positionOf(node: unknown, counter: LineCounter): SourcePosition {
  const range = (node as Node | null)?.range;
  if (!range) return { line: null, column: null };

  const { line, col } = counter.linePos(range[0]);
  return { line, column: col };
}
