import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonFile } from '../../actions/sbom/src/output/stream';

describe('writeJsonFile: the streamed document is JSON.stringify(value, null, 2) byte for byte', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbom-stream-'));
  const cases: [string, unknown][] = [
    [
      'nested, odd values',
      {
        a: 1,
        b: [1, 2, { c: [], d: {} }],
        e: 'x"\n\u2028é',
        f: undefined,
        g: null,
        h: [undefined, () => 1],
        i: { j: { k: [1, [2, [3]]] } },
        t: new Date(0),
      },
    ],
    ['empty array', []],
    ['empty object', {}],
    ['string', 'str'],
    ['number', 5],
    ['null', null],
    ['arrays of arrays', [[], [{}], [[1]]]],
    [
      'a long top-level array (several slices)',
      Array.from({ length: 1300 }, (_, i) => (i % 3 ? { i, s: `a\nb${i}` } : [i])),
    ],
    [
      'sparse and toJSON items in a long array',
      Object.assign(
        Array.from({ length: 600 }, (_, i) => (i % 7 ? new Date(i) : undefined)),
        { 700: 1 },
      ),
    ],
    [
      'a document shape',
      { packages: Array.from({ length: 2500 }, (_, i) => ({ n: i, x: { y: [i, `p${i}`] }, z: [] })), r: [] },
    ],
  ];
  // Small documents are stringified in one call; `whole: 0` forces the sliced path on every case.
  for (const whole of [undefined, 0]) {
    for (const [name, value] of cases) {
      it(`${name}${whole === 0 ? ' (sliced)' : ''}`, () => {
        const file = join(dir, 'out.json');
        const bytes = writeJsonFile(file, value, whole);
        const expected = `${JSON.stringify(value, null, 2)}\n`;
        expect(readFileSync(file, 'utf8')).toBe(expected);
        expect(bytes).toBe(Buffer.byteLength(expected));
      });
    }
  }
});
