import { describe, expect, it } from 'vitest';
import { anchorIndex } from '../../../actions/runbook/src/modules/textfile';

// Where lineinfile and blockinfile insert new lines (both call anchorIndex).
const LINES = ['# app', 'port=80', 'listen a', 'port=81', 'end'];

describe('insertafter / insertbefore', () => {
  it('EOF and BOF, under either key', () => {
    expect(anchorIndex(LINES, { insertafter: 'EOF' })).toBe(5);
    expect(anchorIndex(LINES, { insertbefore: 'BOF' })).toBe(0);
    expect(anchorIndex(LINES, { insertbefore: 'EOF' })).toBe(5);
  });

  it('after or before the last matching line, or the first with firstmatch', () => {
    expect(anchorIndex(LINES, { insertafter: '^port=' })).toBe(4);
    expect(anchorIndex(LINES, { insertbefore: '^port=' })).toBe(3);
    expect(anchorIndex(LINES, { insertafter: '^port=' }, true)).toBe(2);
    expect(anchorIndex(LINES, { insertbefore: '^port=' }, true)).toBe(1);
  });

  it('Python named groups are accepted', () => {
    expect(anchorIndex(LINES, { insertafter: '^(?P<k>listen) ' })).toBe(3);
  });

  it('no anchor, or one that matches nothing, leaves the choice (append) to the caller', () => {
    expect(anchorIndex(LINES, {})).toBeUndefined();
    expect(anchorIndex(LINES, { insertafter: '^nothing' })).toBeUndefined();
    expect(anchorIndex([], { insertbefore: '^port' })).toBeUndefined();
    expect(anchorIndex([], { insertbefore: 'BOF' })).toBe(0);
  });
});
