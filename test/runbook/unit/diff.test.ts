import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../actions/runbook/src/report/diff';

describe('unified diff', () => {
  it('shows changed lines with context like diff -u', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nD\ne\nf\ng\nh\n';
    expect(unifiedDiff(before, after, '/etc/x')).toBe(
      '--- a/etc/x\n+++ b/etc/x\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n',
    );
  });
  it('diffs a new file against /dev/null and notes a missing final newline', () => {
    expect(unifiedDiff(undefined, 'x\ny', '/f')).toBe(
      '--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n\\ No newline at end of file\n',
    );
  });
  it('splits distant changes into hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${i}`);
    const changed = [...lines];
    changed[2] = 'X';
    changed[25] = 'Y';
    const d = unifiedDiff(`${lines.join('\n')}\n`, `${changed.join('\n')}\n`, '/f');
    expect(d.match(/^@@/gm)).toHaveLength(2);
    expect(d).toContain('@@ -1,6 +1,6 @@');
    expect(d).toContain('@@ -23,7 +23,7 @@');
  });
  it('is empty for equal text', () => {
    expect(unifiedDiff('same\n', 'same\n', '/f')).toBe('');
  });
});
