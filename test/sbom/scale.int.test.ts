import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The same generator the scale benchmark uses (bench/sbom/bench.mjs), so no giant fixture is committed.
import { writeSyntheticNpmProject } from '../../bench/sbom/synthetic.mjs';
import { cdxNames, cdxSchemaErrors, graphProblems, runSbom, type SbomRun, spdxSchemaErrors } from './helpers';

// A 60,000-entry package-lock.json through the shipped bundle, as a correctness check only: both
// documents schema-valid and complete. How much memory and time it takes is measured side by side
// in `npm run bench -- sbom` (bench/results/sbom-scale.*), never asserted here.
describe('a 60,000-entry npm lockfile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbom-scale-'));
  let expected: Set<string>;
  let run: SbomRun;

  beforeAll(async () => {
    expected = writeSyntheticNpmProject(join(dir, 'project'), 60_000).distinct;
    run = await runSbom({ path: join(dir, 'project'), 'output-dir': join(dir, 'out') }, {}, dir);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every entry once in both documents', () => {
    expect(run.exitCode, run.stderr.slice(-2000)).toBe(0);
    expect(expected.size).toBe(60_000);
    expect(run.outputs.components).toBe('60000');
    const cdx = run.cdx as NonNullable<SbomRun['cdx']>;
    const spdx = run.spdx as NonNullable<SbomRun['spdx']>;
    expect(cdx.components).toHaveLength(60_000);
    expect(spdx.packages).toHaveLength(60_001);
    const names = cdxNames(cdx);
    expect([...expected].filter((n) => !names.has(n))).toEqual([]);
    expect(names.size).toBe(expected.size);
    expect(graphProblems(cdx, spdx)).toEqual([]);
  });

  it('writes documents valid against the official schemas', () => {
    // The schemas' uniqueItems on objects is quadratic in Ajv (60,000² deep comparisons), so the
    // documents are validated SLICE items at a time: every item is checked, and uniqueness of the
    // whole (bom-refs, purls, SPDXIDs) is what graphProblems above proves in linear time.
    const SLICE = 200;
    const cdx = run.cdx as NonNullable<SbomRun['cdx']>;
    const spdx = run.spdx as NonNullable<SbomRun['spdx']>;
    for (let i = 0; i < cdx.components.length; i += SLICE) {
      const part = {
        ...cdx,
        components: cdx.components.slice(i, i + SLICE),
        dependencies: cdx.dependencies.slice(i, i + SLICE),
      };
      expect(cdxSchemaErrors(part).slice(0, 5), `CycloneDX components ${i}…`).toEqual([]);
    }
    for (let i = 0; i < spdx.packages.length; i += SLICE) {
      const part = {
        ...spdx,
        packages: spdx.packages.slice(i, i + SLICE),
        relationships: spdx.relationships.slice(i * 3, (i + SLICE) * 3),
      };
      expect(spdxSchemaErrors(part).slice(0, 5), `SPDX packages ${i}…`).toEqual([]);
    }
    // Every relationship was in one slice.
    expect(Math.ceil(spdx.relationships.length / 3 / SLICE)).toBeLessThanOrEqual(
      Math.ceil(spdx.packages.length / SLICE),
    );
  });

  it('keeps the edges of the lockfile (every dependency of a package is an edge)', () => {
    const cdx = run.cdx as NonNullable<SbomRun['cdx']>;
    // Entry 1 depends on entries 8 and 15 in the generator (1 + i % 4 edges to i + 7k; every fifth is scoped).
    const one = cdx.dependencies.find((d: { ref: string }) => d.ref === 'pkg:npm/pkg-1@1.1.0');
    expect(one?.dependsOn).toEqual(
      expect.arrayContaining(['pkg:npm/pkg-8@1.8.0', 'pkg:npm/%40scope-15/pkg-15@1.15.0']),
    );
  });
});
