import { describe, expect, it } from 'vitest';
import { issueRange, type LineSource } from '../../../src/renderer/views/editor/issue-range.js';

function doc(text: string): LineSource {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return {
    lines: lines.length,
    length: text.length,
    line: (n) => ({ from: starts[n - 1] as number, to: (starts[n - 1] as number) + (lines[n - 1] as string).length, text: lines[n - 1] as string }),
  };
}

describe('issueRange', () => {
  const text = 'clock:\n  duration: 4 hours\n';

  it('column underlines the value token', () => {
    expect(issueRange(doc(text), { line: 2, column: 13 })).toEqual({ from: 19, to: 20 });
  });

  it('key column underlines the key', () => {
    expect(issueRange(doc(text), { line: 2, column: 3 })).toEqual({ from: 9, to: 17 });
  });

  it('missing position marks first line', () => {
    expect(issueRange(doc(text), { line: null, column: null })).toEqual({ from: 0, to: 6 });
  });

  it('line past end is clamped', () => {
    expect(issueRange(doc('a: 1'), { line: 9, column: 99 })).toEqual({ from: 4, to: 4 });
  });
});
