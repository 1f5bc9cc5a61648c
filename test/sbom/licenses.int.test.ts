import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cdxSchemaErrors, fixture, type Json, runSbom, spdxSchemaErrors } from './helpers';

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A package-lock v3 whose entries state the given licenses (npm writes `license` per package). */
function lockWith(licenses: Record<string, string>): string {
  const dir = temp('sbom-lic-');
  const packages: Record<string, unknown> = {
    '': { name: 'lic', version: '1.0.0', dependencies: Object.fromEntries(Object.keys(licenses).map((n) => [n, '1'])) },
  };
  for (const [name, license] of Object.entries(licenses))
    packages[`node_modules/${name}`] = { version: '1.0.0', license };
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'lic', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  return dir;
}

function licenseOf(spdx: Json, name: string): string | undefined {
  return spdx.packages.find((p: Json) => p.name === name)?.licenseDeclared;
}

describe('license policy semantics', () => {
  it('-or-later and OR offend only when no allowed choice remains', async () => {
    const dir = lockWith({
      'gpl2-or-later': 'GPL-2.0-or-later',
      'gpl3-or-later': 'GPL-3.0-or-later',
      'gpl2-plus': 'GPL-2.0+',
      'mit-or-gpl3': 'MIT OR GPL-3.0-only',
      'mit-and-gpl3': 'MIT AND GPL-3.0-only',
      'lgpl21-or-later': 'LGPL-2.1-or-later',
    });
    const run = await runSbom({ path: dir, 'deny-licenses': 'GPL-3.0-only\nLGPL-2.1-only' });
    expect(run.exitCode).toBe(1);
    const denied = run.stdout.split('\n').filter((l) => l.startsWith('::error title=sbom%3A denied license'));
    const names = denied.map((l) => /pkg:npm\/([^@]+)@/.exec(l)?.[1]).sort();
    // GPL-3.0-or-later has no version left but 3.0; LGPL-2.1-or-later still has LGPL-3.0.
    expect(names).toEqual(['gpl3-or-later', 'mit-and-gpl3']);
    // The SBOMs are written all the same.
    expect(spdxSchemaErrors(run.spdx as Json)).toEqual([]);
  });

  it('a denied range (GPL-2.0-or-later) catches every version it covers', async () => {
    const dir = lockWith({ a: 'GPL-2.0-only', b: 'GPL-3.0-or-later', c: 'LGPL-2.1-only', d: 'MIT' });
    const run = await runSbom({ path: dir, 'deny-licenses': 'GPL-2.0-or-later' });
    expect(run.exitCode).toBe(1);
    const names = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error title=sbom%3A denied license'))
      .map((l) => /pkg:npm\/([^@]+)@/.exec(l)?.[1])
      .sort();
    expect(names).toEqual(['a', 'b']);
  });

  it('non-SPDX strings are normalised when unambiguous, reported otherwise, and enforced on request', async () => {
    const dir = lockWith({ a: 'GPLv3', b: 'Apache License, Version 2.0', c: 'BSD', d: 'MIT License' });
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout).toBe(0);
    const spdx = run.spdx as Json;
    expect(licenseOf(spdx, 'a')).toBe('GPL-3.0-or-later');
    expect(licenseOf(spdx, 'b')).toBe('Apache-2.0');
    expect(licenseOf(spdx, 'd')).toBe('MIT');
    // "BSD" names no variant: kept as written (a LicenseRef), never guessed as BSD-2-Clause.
    expect(licenseOf(spdx, 'c')).toMatch(/^LicenseRef-BSD-/);
    expect(run.summary).toContain('Normalised to SPDX by spdx-correct (3)');
    const strict = await runSbom({ path: dir, 'fail-on-unknown-license': 'true' });
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toMatch(
      /::error title=sbom%3A unknown license[^\n]*pkg:npm\/c@1\.0\.0 states the license "BSD"/,
    );
    expect(strict.stdout).not.toMatch(/unknown license[^\n]*pkg:npm\/(a|b|d)@/);
    expect(strict.cdx).toBeDefined();
  });
});

describe('licenses beyond the lockfile, read offline and marked with their source', () => {
  it('Python: site-packages/*.dist-info/METADATA of a project virtualenv', async () => {
    const run = await runSbom({ path: fixture('installed-licenses') });
    expect(run.exitCode, run.stdout).toBe(0);
    const spdx = run.spdx as Json;
    expect(spdxSchemaErrors(spdx)).toEqual([]);
    expect(cdxSchemaErrors(run.cdx as Json)).toEqual([]);
    expect(licenseOf(spdx, 'pyyaml')).toBe('MIT');
    expect(licenseOf(spdx, 'cryptography')).toBe('BSD-3-Clause OR Apache-2.0');
    expect(licenseOf(spdx, 'distro')).toBe('Apache-2.0');
    const pyyaml = spdx.packages.find((p: Json) => p.name === 'pyyaml');
    expect(pyyaml.licenseComments).toContain('.venv/lib/python3.11/site-packages/PyYAML-6.0.dist-info/METADATA');
    const cdx = (run.cdx as Json).components.find((c: Json) => c.name === 'pyyaml');
    expect(cdx.properties).toContainEqual({
      name: 'paved:sbom:license-source',
      value: '.venv/lib/python3.11/site-packages/PyYAML-6.0.dist-info/METADATA',
    });
    expect(run.summary).toContain('installed Python packages (dist-info) (4)');
  });

  it('Cargo: the registry cache under CARGO_HOME; Ruby: vendor/bundle gemspecs', async () => {
    const dir = temp('sbom-caches-');
    cpSync(join(fixture('cargo'), 'Cargo.lock'), join(dir, 'Cargo.lock'));
    cpSync(join(fixture('bundler'), 'Gemfile.lock'), join(dir, 'Gemfile.lock'));
    const home = temp('sbom-cargohome-');
    const crate = join(home, 'registry', 'src', 'index.crates.io-6f17d22bba15001f', 'abscissa_core-0.5.2');
    mkdirSync(crate, { recursive: true });
    writeFileSync(
      join(crate, 'Cargo.toml'),
      '[package]\nname = "abscissa_core"\nversion = "0.5.2"\nlicense = "Apache-2.0"\n',
    );
    // The same crate at another version must not lend its license.
    const other = join(home, 'registry', 'src', 'index.crates.io-6f17d22bba15001f', 'abscissa_derive-9.9.9');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'Cargo.toml'),
      '[package]\nname = "abscissa_derive"\nversion = "9.9.9"\nlicense = "MIT"\n',
    );
    const specs = join(dir, 'vendor', 'bundle', 'ruby', '3.2.0', 'specifications');
    mkdirSync(specs, { recursive: true });
    writeFileSync(
      join(specs, 'actioncable-6.0.0.gemspec'),
      '# -*- encoding: utf-8 -*-\nGem::Specification.new do |s|\n  s.name = "actioncable".freeze\n  s.version = "6.0.0"\n  s.licenses = ["MIT".freeze]\nend\n',
    );
    const run = await runSbom({ path: dir }, { CARGO_HOME: home });
    expect(run.exitCode, run.stdout).toBe(0);
    const spdx = run.spdx as Json;
    expect(licenseOf(spdx, 'abscissa_core')).toBe('Apache-2.0');
    expect(licenseOf(spdx, 'abscissa_derive')).toBe('NOASSERTION');
    expect(licenseOf(spdx, 'actioncable')).toBe('MIT');
    expect(spdx.packages.find((p: Json) => p.name === 'abscissa_core').licenseComments).toContain('cargo registry');
    expect(run.summary).toContain('Cargo registry cache (1)');
    expect(run.summary).toContain('installed package metadata (1)');
  });
});
