import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { speedTable } from '../../scripts/generate.mjs';
import { ROOT } from '../harness';

/** README's speed claims are generated from bench/results, so they cannot drift from the evidence. */
describe('README "How fast"', () => {
  it('is the table generated from bench/results/*.json, with machine and date per row', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- BEGIN GENERATED: speed -->([\s\S]*?)<!-- END GENERATED: speed -->/.exec(readme)?.[1] ?? '';
    const table = speedTable(ROOT) as string;
    expect(block).toContain(table);
    const rows = table.split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatch(/\| \d+-core, Node v[\d.]+, \d{4}-\d{2}-\d{2} \|$/);
    // No hand-written speed figure elsewhere in the README.
    const outside = readme.replace(block, '');
    expect(outside).not.toMatch(/\d+(\.\d+)?\s*×\s*faster/);
  });
});
