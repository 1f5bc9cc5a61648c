import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JAR_LIMITS, parseJar } from '../../actions/sbom/src/image/languages';
import { requireTool } from '../harness';

/** A zip made by Info-ZIP's `zip` (stored, -0) of `files`, in a throwaway directory. */
function zipOf(files: Record<string, Buffer | string>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'sbom-jar-'));
  try {
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), body);
    }
    execFileSync('zip', ['-q', '-X', '-0', 'out.zip', '--', ...Object.keys(files)], { cwd: dir });
    return readFileSync(join(dir, 'out.zip'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const saved = { ...JAR_LIMITS };
afterEach(() => Object.assign(JAR_LIMITS, saved));

describe('parseJar limits', () => {
  it('stops inflating nested jars once together they pass the per-archive budget, and says which were skipped', async (ctx) => {
    requireTool(ctx, 'zip');
    const inner = (name: string) =>
      zipOf({ 'MANIFEST.MF': `Manifest-Version: 1.0\r\nImplementation-Title: ${name}\r\n\r\n`, pad: 'x'.repeat(4000) });
    const jars = Object.fromEntries(['a-1.0.jar', 'b-1.0.jar', 'c-1.0.jar'].map((n) => [n, inner(n)]));
    const outer = zipOf(jars);
    // Room for two of the three nested jars.
    JAR_LIMITS.total = (jars['a-1.0.jar'] as Buffer).length * 2 + 10;
    const contents = await parseJar(outer, '/app/outer.jar');
    expect(contents.problems).toEqual([
      expect.stringMatching(
        /^c-1\.0\.jar: not read, the archive's entries would inflate past the 0 MiB limit together$/,
      ),
    ]);
  });

  it("shares the budget with its nested jars' entries: many small bombs inside nested jars add up", async (ctx) => {
    requireTool(ctx, 'zip');
    const pom = (a: string) => `groupId=g\nartifactId=${a}\nversion=1\n#${'x'.repeat(1000)}\n`;
    const inner = zipOf(
      Object.fromEntries(['a1', 'a2', 'a3'].map((a) => [`META-INF/maven/g/${a}/pom.properties`, pom(a)])),
    );
    const outer = zipOf({ 'd-1.0.jar': inner });
    // Room for the nested jar and two of its three pom.properties.
    JAR_LIMITS.total = inner.length + 2 * pom('a1').length + 10;
    const contents = await parseJar(outer, '/app/outer.jar');
    expect(contents.packages.map((p) => p.record.name)).toEqual(['a1', 'a2']);
    expect(contents.problems).toEqual([
      "d-1.0.jar!/META-INF/maven/g/a3/pom.properties: not read, the archive's entries would inflate past the 0 MiB limit together",
    ]);
  });
});
