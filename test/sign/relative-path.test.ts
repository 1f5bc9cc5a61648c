import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePath } from '../../actions/sign/src/methods/output';

describe('relativePath', () => {
  // The shortcut must never answer differently from path.relative, whatever the two paths are.
  const cases: [string, string][] = [
    ['/ws', '/ws/sig/a.txt.sig'],
    ['/ws', '/ws'],
    ['/ws', '/ws2/a'],
    ['/ws', '/w'],
    ['/ws', '/other/a'],
    ['/ws/sig', '/ws/small/a.txt'],
    ['/', '/a/b'],
    ['/', '/'],
    ['/ws/', '/ws/a'],
    ['/ws/./x', '/ws/x/a'],
    ['/ws/../ws', '/ws/a'],
    ['/ws', '/ws/../a'],
    ['/ws', '/ws/./a'],
    ['/ws', '/ws/a/'],
    ['/ws', '/ws//a'],
    ['/ws', '/ws///a/b'],
    ['/', '//a'],
    ['/ws', '/ws/a/..'],
    ['/ws', '/ws/.hidden/a'],
    ['/ws', '/ws/...'],
    ['/ws', '/ws/a b/c\nd'],
    ['ws', 'ws/a'],
  ];
  it.each(cases)('relativePath(%j, %j) is what path.relative says', (from, to) => {
    // Twice: the second call takes the cached answer about `from`.
    expect(relativePath(from, to)).toBe(relative(from, to));
    expect(relativePath(from, to)).toBe(relative(from, to));
  });

  it('agrees with path.relative on every path of up to three segments from a, b, ., .., empty', () => {
    const parts = ['a', 'b', '.', '..', '', 'a b'];
    const paths = (depth: number): string[] =>
      depth === 0 ? [''] : [...paths(depth - 1), ...paths(depth - 1).flatMap((p) => parts.map((s) => `${p}/${s}`))];
    const all = [...new Set(paths(3).map((p) => p || '/'))];
    const froms = all.filter((p) => p.split('/').length <= 3);
    let compared = 0;
    for (const from of froms) {
      for (const to of all) {
        if (relativePath(from, to) !== relative(from, to))
          expect([from, to, relativePath(from, to)]).toEqual([from, to, relative(from, to)]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
