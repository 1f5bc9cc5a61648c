import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUMMARY_BUDGET_BYTES } from '../../shared/summary';
import { runAction } from '../harness';
import { foreignTags, renderGitHub } from './github-markdown';

/**
 * The shipped sbom bundle with a policy that denies 1,704 components (the size the issue measured):
 * 10 error annotations, most important first (the step's failure), the last counting the rest;
 * every offender in the log and in the job summary, which stays under budget and renders clean.
 */
describe('annotation budget in a shipped bundle', () => {
  it('sbom: 1,704 denied components become 10 error annotations and a summary that lists them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-budget-'));
    const count = 1704;
    const packages: Record<string, unknown> = {
      '': {
        name: 'budget',
        version: '1.0.0',
        dependencies: Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, '1.0.0'])),
      },
    };
    for (let i = 0; i < count; i++)
      packages[`node_modules/p${i}`] = {
        version: '1.0.0',
        resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`,
        license: 'GPL-3.0-only',
      };
    writeFileSync(
      join(dir, 'package-lock.json'),
      JSON.stringify({ name: 'budget', version: '1.0.0', lockfileVersion: 3, requires: true, packages }),
    );
    const run = await runAction('sbom', {
      path: dir,
      'output-dir': join(dir, 'out'),
      'deny-licenses': 'GPL-3.0-only',
    });
    expect(run.exitCode, run.stdout.slice(-2000)).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[0]?.message).toMatch(/^sbom: 1704 components with denied licenses/);
    expect(errors[1]?.message).toMatch(/^pkg:npm\/p0@1\.0\.0 is licensed GPL-3\.0-only/);
    expect(errors[9]?.message).toContain('… and 1695 more errors: see the job summary (1704 errors in total)');
    expect(run.stdout).toContain('pkg:npm/p1703@1.0.0 is licensed GPL-3.0-only');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(SUMMARY_BUDGET_BYTES);
    expect(run.summary).toContain('Denied licenses: 1704 components');
    expect(run.summary).toContain('1604 more rows in the SBOM files');
    expect(foreignTags(renderGitHub(run.summary))).toEqual([]);
    // The SBOM files the cut note points to hold every component.
    const cdx = run.outputs['cyclonedx-file'] as string;
    expect(readFileSync(cdx, 'utf8')).toContain('pkg:npm/p1703@1.0.0');
  });
});
