import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdxSchemaErrors, fixture, type Json, runSbom, spdxSchemaErrors } from './helpers';

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `::warning …::message` lines of a run's log. */
function warnings(log: string): string[] {
  return log.split('\n').filter((l) => l.startsWith('::warning'));
}

describe('one bad entry costs that entry, never the run', () => {
  it('a malformed integrity is a warning at its file and line, and the hash is dropped', async () => {
    const dir = temp('sbom-badhash-');
    const lock = readFileSync(join(fixture('npm-v3'), 'package-lock.json'), 'utf8');
    // Corrupt one entry's integrity (not base64, wrong length), keep every other entry intact.
    const m = /"integrity": "(sha512-[^"]+)"/.exec(lock) as RegExpExecArray;
    const broken = lock.replace(m[1] as string, 'sha512-not*base64!!');
    writeFileSync(join(dir, 'package-lock.json'), broken);
    const line = broken.slice(0, broken.indexOf('sha512-not*base64!!')).split('\n').length;
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/please report this|at generate/);
    const w = warnings(run.stdout).find((l) => l.includes('malformed SHA-512 hash'));
    expect(w).toBeDefined();
    expect(w).toContain(`package-lock.json,line=${line},`);
    const { cdx, spdx } = run as { cdx: Json; spdx: Json };
    expect(cdxSchemaErrors(cdx)).toEqual([]);
    expect(spdxSchemaErrors(spdx)).toEqual([]);
    // Only the corrupted entry lost its hash.
    const withoutHash = cdx.components.filter((c: Json) => !c.hashes);
    expect(withoutHash).toHaveLength(1);
  });

  it('a malformed sha256 in a Cargo.lock and a Python --hash are warnings too', async () => {
    const dir = temp('sbom-badhash2-');
    const cargo = readFileSync(join(fixture('cargo'), 'Cargo.lock'), 'utf8');
    const sum = /checksum = "([0-9a-f]{64})"/.exec(cargo)?.[1] as string;
    writeFileSync(join(dir, 'Cargo.lock'), cargo.replace(sum, sum.slice(0, 20)));
    writeFileSync(join(dir, 'requirements.txt'), 'idna==3.7 \\\n    --hash=sha256:zz12\n');
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const w = warnings(run.stdout);
    expect(w.some((l) => l.includes('Cargo.lock,line=') && l.includes('malformed SHA-256'))).toBe(true);
    expect(w.some((l) => l.includes('requirements.txt,line=2,') && l.includes('idna@3.7'))).toBe(true);
    expect(cdxSchemaErrors(run.cdx as Json)).toEqual([]);
  });
});

describe('empty and truncated lockfiles are never a silent empty SBOM', () => {
  it('a 0-byte yarn.lock and poetry.lock are warnings naming the file', async () => {
    const dir = temp('sbom-empty-');
    writeFileSync(join(dir, 'yarn.lock'), '');
    writeFileSync(join(dir, 'poetry.lock'), '');
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const w = warnings(run.stdout);
    expect(w.some((l) => l.includes('yarn.lock,line=1,') && l.includes('is empty'))).toBe(true);
    expect(w.some((l) => l.includes('poetry.lock,line=1,') && l.includes('is empty'))).toBe(true);
    expect(w.some((l) => l.includes('The SBOM has no components'))).toBe(true);
  });

  it('a Gemfile.lock cut mid-line is a warning at the last line', async () => {
    const dir = temp('sbom-cut-');
    const text = readFileSync(join(fixture('bundler'), 'Gemfile.lock'), 'utf8');
    const cut = text.slice(0, Math.floor(text.length / 2));
    writeFileSync(join(dir, 'Gemfile.lock'), cut);
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const line = cut.split('\n').length;
    const w = warnings(run.stdout);
    expect(w.some((l) => l.includes(`Gemfile.lock,line=${line},`) && l.includes('cut short'))).toBe(true);
  });

  it('a cut TOML or YAML lockfile is a configuration error at its line', async () => {
    const dir = temp('sbom-cut2-');
    const text = readFileSync(join(fixture('poetry'), 'poetry.lock'), 'utf8');
    writeFileSync(join(dir, 'poetry.lock'), text.slice(0, text.indexOf('hash = "sha256:') + 20));
    copyFileSync(join(fixture('npm-v3'), 'package-lock.json'), join(dir, 'package-lock.json'));
    const run = await runSbom({ path: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error title=sbom%3A configuration error,[^,]*poetry\.lock,line=\d+/);
  });
});
