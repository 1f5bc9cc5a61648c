import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cdxNames, cdxSchemaErrors, fixture, graphProblems, type Json, runSbom, spdxSchemaErrors } from './helpers';

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function warnings(log: string): string[] {
  return log.split('\n').filter((l) => l.startsWith('::warning'));
}

function valid(run: { cdx?: Json; spdx?: Json }): void {
  expect(spdxSchemaErrors(run.spdx as Json)).toEqual([]);
  expect(cdxSchemaErrors(run.cdx as Json)).toEqual([]);
  expect(graphProblems(run.cdx as Json, run.spdx as Json)).toEqual([]);
}

function deps(cdx: Json, ref: string): string[] {
  return (cdx.dependencies as Json[]).find((d) => d.ref === ref)?.dependsOn ?? [];
}

/** Yarn Berry's own view: each entry's resolution name and version; a workspace at its package.json version, or none. */
function berryNames(dir: string): Set<string> {
  const data = parseYaml(readFileSync(join(dir, 'yarn.lock'), 'utf8')) as Record<string, Json>;
  const out = new Set<string>();
  for (const [key, entry] of Object.entries(data)) {
    if (key === '__metadata') continue;
    const resolution = String(entry.resolution);
    const name = resolution.slice(0, resolution.indexOf('@', 1));
    const ws = /@workspace:(.*)$/.exec(resolution);
    const version = ws
      ? JSON.parse(readFileSync(join(dir, ws[1] as string, 'package.json'), 'utf8')).version
      : String(entry.version);
    out.add(`${name}@${version}`);
  }
  return out;
}

describe('Yarn 4 lockfiles (__metadata 9 and 10)', () => {
  for (const [name, version] of [
    ['yarn-berry-v9', 9],
    ['yarn-berry-v10', 10],
  ] as const) {
    it(`${name}: valid documents whose package set is the lockfile's own`, async () => {
      const dir = fixture(name);
      expect(readFileSync(join(dir, 'yarn.lock'), 'utf8')).toContain(`__metadata:\n  version: ${version}\n`);
      const run = await runSbom({ path: dir });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      valid(run);
      expect(cdxNames(run.cdx as Json)).toEqual(berryNames(dir));
      expect(run.summary).toContain(`yarn berry ${version}`);
      // Both workspaces depend on axios; the root of the graph reaches them.
      expect(deps(run.cdx as Json, 'pkg:npm/app-a@1.0.0')).toContain('pkg:npm/axios@1.7.9');
    });
  }

  it('resolutions keep their edges, and the root takes its version from package.json', async () => {
    const run = await runSbom({ path: fixture('yarn-berry-resolutions') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    // chalk asks for supports-color npm:^7.1.0; the lockfile only has the 7.1.0 the override forced.
    expect(deps(cdx, 'pkg:npm/chalk@4.1.2')).toContain('pkg:npm/supports-color@7.1.0');
    expect(run.stdout).not.toMatch(/which the lockfile does not contain/);
    expect(cdx.metadata.component).toMatchObject({ name: 'berry-demo', version: '1.4.2' });
  });
});

describe('pip-tools / uv pip compile outputs', () => {
  const pins = (text: string): Set<string> =>
    new Set(
      [...text.matchAll(/^([A-Za-z0-9][\w.-]*)==(\S+)/gm)].map((m) => `${(m[1] as string).toLowerCase()}@${m[2]}`),
    );

  it('requirements/dev.txt is found by content, every pin in it, both documents valid', async () => {
    const dir = temp('sbom-piptools-');
    cpSync(fixture('pip-tools'), dir, { recursive: true });
    // Prose in the same folder is not a requirements file.
    writeFileSync(join(dir, 'requirements', 'README.txt'), 'Run pip-compile to update these files.\n');
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const text = readFileSync(join(dir, 'requirements', 'dev.txt'), 'utf8');
    expect(cdxNames(run.cdx as Json)).toEqual(pins(text));
    expect(run.stdout).not.toContain('README.txt');
  });

  it('-r includes are followed relative to the including file; -c constraints add nothing', async () => {
    const dir = temp('sbom-pipr-');
    mkdirSync(join(dir, 'pins'));
    cpSync(join(fixture('pip-tools'), 'requirements', 'dev.txt'), join(dir, 'pins', 'dev.txt'));
    writeFileSync(join(dir, 'pins', 'constraints.txt'), 'urllib3==2.2.3\n');
    // `pins/` is no conventional folder: dev.txt is reached only through the include.
    writeFileSync(
      join(dir, 'requirements.txt'),
      '-r pins/dev.txt\n-c pins/constraints.txt\nidna==3.10\n-r missing.txt\n',
    );
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const names = cdxNames(run.cdx as Json);
    expect(names.has('idna@3.10')).toBe(true);
    const pinned = /^pyramid==(\S+)/m.exec(readFileSync(join(dir, 'pins', 'dev.txt'), 'utf8'))?.[1];
    expect(names.has(`pyramid@${pinned}`)).toBe(true);
    expect(names.has('urllib3@2.2.3')).toBe(false);
    expect(warnings(run.stdout).some((w) => w.includes('requirements.txt,line=4,') && w.includes('missing.txt'))).toBe(
      true,
    );
  });
});

describe('no made-up versions', () => {
  it('a package-lock entry, a uv editable project and a pnpm importer without versions', async () => {
    const dir = temp('sbom-nover-');
    mkdirSync(join(dir, 'npm'));
    const lock = JSON.parse(readFileSync(join(fixture('npm-v3'), 'package-lock.json'), 'utf8'));
    const victim = Object.keys(lock.packages).find((k) => k.startsWith('node_modules/')) as string;
    const victimName = victim.slice('node_modules/'.length);
    delete lock.packages[victim].version;
    writeFileSync(join(dir, 'npm', 'package-lock.json'), JSON.stringify(lock, null, 2));
    mkdirSync(join(dir, 'uv'));
    writeFileSync(
      join(dir, 'uv', 'uv.lock'),
      [
        'version = 1',
        'requires-python = ">=3.12"',
        '',
        '[[package]]',
        'name = "demo"',
        'source = { editable = "." }',
        'dependencies = [{ name = "idna" }]',
        '',
        '[[package]]',
        'name = "idna"',
        'version = "3.10"',
        'source = { registry = "https://pypi.org/simple" }',
        '',
      ].join('\n'),
    );
    const run = await runSbom({ path: dir, name: 'mixed', version: '1.0.0' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    const spdx = run.spdx as Json;
    for (const [purl, name] of [
      [`pkg:npm/${victimName.replace('@', '%40')}`, victimName.split('/').pop()],
      ['pkg:pypi/demo', 'demo'],
    ] as const) {
      const c = cdx.components.find((x: Json) => x.purl === purl);
      expect(c, purl).toBeDefined();
      expect(c.version).toBeUndefined();
      const pkg = spdx.packages.find((p: Json) => p.externalRefs?.some((r: Json) => r.referenceLocator === purl));
      expect(pkg, purl).toMatchObject({ name: expect.stringContaining(name as string), versionInfo: 'NOASSERTION' });
    }
    expect(cdx.components.some((c: Json) => c.version === '0.0.0' || /@0\.0\.0$/.test(c.purl))).toBe(false);
    const w = warnings(run.stdout);
    expect(w.some((l) => l.includes('uv.lock,line=') && l.includes('demo has no version'))).toBe(true);
    expect(w.some((l) => l.includes('package-lock.json,line=') && l.includes('has no version'))).toBe(true);
    // The NTIA table counts them as missing.
    const total = cdx.components.length;
    expect(run.summary).toContain(`| Version | ${total - 2}/${total}`);
  });

  it('pnpm v9: file: dependencies keep their edges; an importer without package.json is no package', async () => {
    const dir = temp('sbom-pnpmfile-');
    mkdirSync(join(dir, 'packages', 'lib'), { recursive: true });
    mkdirSync(join(dir, 'tools'));
    writeFileSync(join(dir, 'package.json'), '{"name":"root","version":"2.0.0"}');
    writeFileSync(join(dir, 'packages', 'lib', 'package.json'), '{"name":"lib"}');
    writeFileSync(
      join(dir, 'pnpm-lock.yaml'),
      `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      lib:
        specifier: file:packages/lib
        version: file:packages/lib

  packages/lib:
    dependencies:
      ms:
        specifier: ^2.1.3
        version: 2.1.3

  tools:
    dependencies:
      ms:
        specifier: ^2.1.3
        version: 2.1.3

packages:

  lib@file:packages/lib:
    resolution: {directory: packages/lib, type: directory}

  ms@2.1.3:
    resolution: {integrity: sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==}

snapshots:

  lib@file:packages/lib:
    dependencies:
      ms: 2.1.3

  ms@2.1.3: {}
`,
    );
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    expect(run.stdout).not.toMatch(/which the lockfile does not contain/);
    const cdx = run.cdx as Json;
    expect(deps(cdx, 'root-component')).toContain('pkg:npm/lib@file:packages%2Flib');
    expect(deps(cdx, 'root-component')).toContain('pkg:npm/ms@2.1.3');
    expect(cdx.components.some((c: Json) => c.name === 'tools')).toBe(false);
    expect(cdx.metadata.component).toMatchObject({ name: 'root', version: '2.0.0' });
  });
});

describe('roots and direct edges', () => {
  it('Cargo: the root is the package of the workspace Cargo.toml (ripgrep, not globset)', async () => {
    const run = await runSbom({ path: fixture('cargo-workspace') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    expect((run.cdx as Json).metadata.component).toMatchObject({ name: 'ripgrep', version: '15.2.0' });
    expect(run.outputs['cyclonedx-file']).toMatch(/ripgrep\.cdx\.json$/);
  });

  it('go.mod: the root depends directly only on the direct requirements', async () => {
    const dir = fixture('gomod-indirect');
    const gomod = readFileSync(join(dir, 'go.mod'), 'utf8');
    const direct = [...gomod.matchAll(/^\t(\S+) (v\S+)$/gm)].map((m) => m[1]);
    const indirect = [...gomod.matchAll(/^\t(\S+) (v\S+) \/\/ indirect$/gm)].map((m) => m[1]);
    expect(direct.length).toBe(7);
    expect(indirect.length).toBe(4);
    const run = await runSbom({ path: dir }, { GOMODCACHE: temp('sbom-gomodcache-'), GOPATH: undefined });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    expect(cdx.components).toHaveLength(11);
    const root = deps(cdx, 'root-component');
    expect(root).toHaveLength(7);
    for (const path of indirect) expect(root.some((p) => p.includes(path as string))).toBe(false);
  });

  it('go.mod: edges between modules come from the module cache when the checkout has one', async () => {
    const cache = temp('sbom-gomodcache-');
    const at = join(cache, 'cache', 'download', 'github.com', 'gdamore', 'tcell', 'v2', '@v');
    mkdirSync(at, { recursive: true });
    // tcell's own go.mod (gdamore/tcell, Apache-2.0), as the module cache stores it.
    writeFileSync(
      join(at, 'v2.9.0.mod'),
      'module github.com/gdamore/tcell/v2\n\ngo 1.12\n\nrequire (\n\tgithub.com/gdamore/encoding v1.0.0\n\tgithub.com/lucasb-eyer/go-colorful v1.2.0\n\tgithub.com/mattn/go-runewidth v0.0.14\n\tgithub.com/rivo/uniseg v0.4.3 // indirect\n\tgolang.org/x/sys v0.5.0\n\tgolang.org/x/term v0.5.0\n\tgolang.org/x/text v0.8.0\n)\n',
    );
    const run = await runSbom({ path: fixture('gomod-indirect') }, { GOMODCACHE: cache });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const tcell = deps(run.cdx as Json, 'pkg:golang/github.com/gdamore/tcell/v2@v2.9.0');
    // Each edge goes to the version in this build list (what MVS picked), not the one tcell asked for.
    expect(tcell).toEqual([
      'pkg:golang/github.com/gdamore/encoding@v1.0.1',
      'pkg:golang/github.com/lucasb-eyer/go-colorful@v1.2.0',
      'pkg:golang/github.com/mattn/go-runewidth@v0.0.16',
      'pkg:golang/github.com/rivo/uniseg@v0.4.7',
      'pkg:golang/golang.org/x/sys@v0.35.0',
      'pkg:golang/golang.org/x/term@v0.34.0',
      'pkg:golang/golang.org/x/text@v0.28.0',
    ]);
  });

  it('Pipfile.lock: a develop pin of another version than default’s is its own, dev-scoped component', async () => {
    const dir = temp('sbom-pipenv-');
    const lock = JSON.parse(readFileSync(join(fixture('pipenv'), 'Pipfile.lock'), 'utf8'));
    expect(lock.default.click.version).toBe('==7.0');
    lock.develop.click.version = '==8.1.7';
    writeFileSync(join(dir, 'Pipfile.lock'), JSON.stringify(lock, null, 4));
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    const click = (v: string) => cdx.components.find((c: Json) => c.purl === `pkg:pypi/click@${v}`);
    expect(click('7.0')?.scope).toBe('required');
    expect(click('8.1.7')?.scope).toBe('excluded');
    const pins = new Set<string>();
    for (const section of ['default', 'develop'])
      for (const [name, entry] of Object.entries(lock[section] as Record<string, Json>))
        if (entry.version)
          pins.add(`${name.toLowerCase().replace(/[-_.]+/g, '-')}@${entry.version.replace(/^==/, '')}`);
    expect(cdxNames(cdx)).toEqual(pins);
  });

  it('Gradle multi-project: each subproject lockfile hangs under its subproject, siblings linked', async () => {
    const dir = fixture('gradle-multiproject');
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    const group = 'pkg:maven/org.hypertrace.core.grpcutils';
    expect(deps(cdx, 'root-component')).toEqual([
      `${group}/grpc-client-utils`,
      `${group}/grpc-context-utils`,
      `${group}/grpc-server-utils`,
    ]);
    // grpc-client-utils: `implementation(projects.grpcContextUtils)`.
    expect(deps(cdx, `${group}/grpc-client-utils`)).toContain(`${group}/grpc-context-utils`);
    // Every lockfile line is a component, under the subproject that resolved it.
    const lines = (sub: string) =>
      readFileSync(join(dir, sub, 'gradle.lockfile'), 'utf8')
        .split('\n')
        .filter((l) => /^[^#\s].*:.*=/.test(l) && !l.startsWith('empty='))
        .map((l) => {
          const [g, a, v] = (l.split('=')[0] as string).split(':');
          return `pkg:maven/${g}/${a}@${v}`;
        });
    for (const sub of ['grpc-client-utils', 'grpc-context-utils', 'grpc-server-utils'])
      for (const purl of lines(sub)) expect(deps(cdx, `${group}/${sub}`), `${sub} → ${purl}`).toContain(purl);
    const all = new Set(['grpc-client-utils', 'grpc-context-utils', 'grpc-server-utils'].flatMap(lines));
    expect(cdx.components.length).toBe(all.size + 3);
  });

  it('go.work: each used module is a project component whose direct requirements hang under it', async () => {
    const dir = fixture('gowork');
    const run = await runSbom({ path: dir }, { GOMODCACHE: temp('sbom-gomodcache-') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    valid(run);
    const cdx = run.cdx as Json;
    const root = 'pkg:golang/github.com/0xsequence/go-cloudsecrets';
    expect(deps(cdx, 'root-component')).toEqual([root, `${root}/_examples`]);
    const direct = (file: string) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/^\t(\S+) (v\S+)$/gm)].map(
        (m) => `pkg:golang/${m[1]}@${m[2]}`,
      );
    expect(deps(cdx, root)).toEqual(direct('go.mod').sort());
    expect(deps(cdx, `${root}/_examples`)).toEqual(direct('_examples/go.mod').sort());
  });
});
