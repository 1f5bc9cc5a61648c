import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cdxNames,
  cdxSchemaErrors,
  fixture,
  graphProblems,
  type Json,
  npmLockNames,
  npmV1Names,
  pnpmNames,
  runSbom,
  spdxSchemaErrors,
  yarnBerryNames,
  yarnV1Names,
} from './helpers';

/** Every real lockfile sample through the shipped bundle: valid documents, sound graph, expected content. */
const CASES: { name: string; ecosystem: string; min: number; has: string[] }[] = [
  { name: 'npm-v1', ecosystem: 'npm', min: 700, has: ['pkg:npm/%40babel/code-frame@7.0.0-beta.44'] },
  { name: 'npm-v2', ecosystem: 'npm', min: 100, has: ['pkg:npm/%40cspotcode/source-map-support@0.8.1'] },
  { name: 'npm-v2-workspace', ecosystem: 'npm', min: 900, has: ['pkg:npm/%40npmcli/arborist'] },
  { name: 'npm-v3', ecosystem: 'npm', min: 140, has: ['pkg:npm/%40isaacs/cliui@8.0.2', 'pkg:npm/string-width@4.2.3'] },
  { name: 'yarn-v1', ecosystem: 'yarn', min: 300, has: ['pkg:npm/%40actions/core@1.6.0'] },
  { name: 'yarn-berry', ecosystem: 'yarn', min: 300, has: ['pkg:npm/%40babel/code-frame@7.16.7'] },
  {
    name: 'yarn-workspaces',
    ecosystem: 'yarn',
    min: 20,
    has: ['pkg:npm/axios@1.7.8', 'pkg:npm/axios@1.7.9', 'pkg:npm/app-a@1.0.0'],
  },
  {
    name: 'pnpm-v6',
    ecosystem: 'pnpm',
    min: 150,
    has: ['pkg:npm/%40babel/code-frame@7.18.6', 'pkg:npm/typescript@5.0.2'],
  },
  { name: 'pnpm-v9', ecosystem: 'pnpm', min: 400, has: ['pkg:npm/%40appthreat/atom@2.0.13', 'pkg:npm/react@18.3.1'] },
  { name: 'poetry', ecosystem: 'poetry', min: 30, has: ['pkg:pypi/atomicwrites@1.3.0', 'pkg:pypi/attrs@19.3.0'] },
  { name: 'pipenv', ecosystem: 'pipenv', min: 30, has: ['pkg:pypi/flask@0.12.0', 'pkg:pypi/click@7.0'] },
  { name: 'uv', ecosystem: 'uv', min: 50, has: ['pkg:pypi/annotated-types@0.7.0', 'pkg:pypi/anyio@4.6.0'] },
  {
    name: 'pip',
    ecosystem: 'pip',
    min: 100,
    has: ['pkg:pypi/pandas@1.5.3', 'pkg:pypi/typing-extensions@4.5.0', 'pkg:pypi/pyyaml@6.0'],
  },
  {
    name: 'gomod',
    ecosystem: 'gomod',
    min: 4,
    has: ['pkg:golang/google.golang.org/grpc@v1.21.0', 'pkg:golang/github.com/spf13/viper@v1.0.2'],
  },
  { name: 'cargo', ecosystem: 'cargo', min: 200, has: ['pkg:cargo/abscissa_core@0.5.2'] },
  {
    name: 'maven',
    ecosystem: 'maven',
    min: 13,
    has: ['pkg:maven/net.lingala.zip4j/zip4j@1.3.2', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.10.0'],
  },
  { name: 'gradle', ecosystem: 'gradle', min: 13, has: ['pkg:maven/com.google.guava/guava@32.1.2-jre'] },
  { name: 'bundler', ecosystem: 'bundler', min: 100, has: ['pkg:gem/actioncable@6.0.0'] },
  {
    name: 'composer',
    ecosystem: 'composer',
    min: 40,
    has: ['pkg:composer/apache/log4php@2.3.0', 'pkg:composer/doctrine/annotations@v1.2.1'],
  },
];

describe('sbom on real lockfiles (bundle)', () => {
  for (const c of CASES) {
    it(`${c.name}: valid SPDX 2.3 and CycloneDX 1.6, sound graph`, async () => {
      // pom.xml asks Maven repositories for parents and transitive POMs: none here (port 9 refuses,
      // an empty HOME has no ~/.m2), so the run is hermetic; test/sbom/maven.int.test.ts serves one.
      const run = await runSbom(
        { path: fixture(c.name), 'maven-repositories': 'http://127.0.0.1:9/' },
        { HOME: mkdtempSync(join(tmpdir(), 'sbom-home-')) },
      );
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      const { cdx, spdx } = run as { cdx: Json; spdx: Json };
      expect(spdxSchemaErrors(spdx)).toEqual([]);
      expect(cdxSchemaErrors(cdx)).toEqual([]);
      expect(graphProblems(cdx, spdx)).toEqual([]);
      expect(cdx.components.length).toBeGreaterThanOrEqual(c.min);
      expect(run.outputs.components).toBe(String(cdx.components.length));
      const purls = cdx.components.map((x: Json) => x.purl as string);
      for (const want of c.has)
        expect(
          purls.some((p: string) => p === want || p.startsWith(`${want}@`)),
          want,
        ).toBe(true);
      expect(run.summary).toContain(c.ecosystem);
      expect(run.summary).toContain('NTIA minimum elements');
      // Edges: every ecosystem with a graph in its lockfile produces edges between components.
      const edges = cdx.dependencies.reduce((n: number, d: Json) => n + d.dependsOn.length, 0);
      expect(edges).toBeGreaterThan(0);
    });
  }
});

describe('correctness oracle: the SBOM holds exactly what the lockfile defines', () => {
  it('npm v2, v3 and workspaces: name@version set equals the packages map', async () => {
    for (const name of ['npm-v2', 'npm-v3', 'npm-v2-workspace']) {
      const dir = fixture(name);
      const run = await runSbom({ path: dir });
      expect(cdxNames(run.cdx as Json)).toEqual(npmLockNames(readFileSync(join(dir, 'package-lock.json'), 'utf8')));
    }
  });

  it('npm v1: name@version set equals the nested dependencies tree', async () => {
    const dir = fixture('npm-v1');
    const run = await runSbom({ path: dir });
    expect(cdxNames(run.cdx as Json)).toEqual(npmV1Names(readFileSync(join(dir, 'package-lock.json'), 'utf8')));
  });

  it('npm: agrees with `npm ls --all --package-lock-only`', async () => {
    for (const name of ['npm-v3', 'npm-v2']) {
      const dir = mkdtempSync(join(tmpdir(), 'sbom-npmls-'));
      copyFileSync(join(fixture(name), 'package-lock.json'), join(dir, 'package-lock.json'));
      let listed: Json;
      try {
        listed = JSON.parse(
          execFileSync('npm', ['ls', '--all', '--package-lock-only', '--json'], {
            cwd: dir,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          }),
        );
      } catch (error) {
        // npm ls exits 1 on "problems" but still prints the tree.
        listed = JSON.parse((error as { stdout: string }).stdout);
      }
      const fromNpm = new Set<string>();
      const walk = (deps: Record<string, Json> | undefined): void => {
        for (const [key, v] of Object.entries(deps ?? {})) {
          if (!v.version) continue;
          // An alias (`string-width-cjs`) is listed under its alias; the tarball URL has the real name.
          const real =
            typeof v.resolved === 'string' ? /registry\.npmjs\.org\/(.+?)\/-\//.exec(v.resolved)?.[1] : undefined;
          fromNpm.add(`${real ? decodeURIComponent(real) : key}@${v.version}`);
          walk(v.dependencies);
        }
      };
      walk(listed.dependencies);
      const run = await runSbom({ path: dir });
      expect(cdxNames(run.cdx as Json), name).toEqual(fromNpm);
    }
  });

  it('yarn v1 and berry: name@version set equals the lockfile entries', async () => {
    const v1 = await runSbom({ path: fixture('yarn-v1') });
    expect(cdxNames(v1.cdx as Json)).toEqual(yarnV1Names(readFileSync(join(fixture('yarn-v1'), 'yarn.lock'), 'utf8')));
    const berryDir = fixture('yarn-berry');
    const berry = await runSbom({ path: berryDir });
    // A workspace whose package.json has no version has none in the SBOM either (never a made-up 0.0.0).
    const berryExpected = [...yarnBerryNames(readFileSync(join(berryDir, 'yarn.lock'), 'utf8'), berryDir)].map((n) =>
      n.replace(/@0\.0\.0$/, '@undefined'),
    );
    expect(cdxNames(berry.cdx as Json)).toEqual(new Set(berryExpected));
    // Yarn 1 workspaces live in package.json files, not the lockfile: they are added as project components.
    const ws = await runSbom({ path: fixture('yarn-workspaces') });
    const expected = yarnV1Names(readFileSync(join(fixture('yarn-workspaces'), 'yarn.lock'), 'utf8'));
    expect(cdxNames(ws.cdx as Json)).toEqual(new Set([...expected, 'app-a@1.0.0', 'app-b@1.0.0']));
  });

  it('pnpm v6 and v9: name@version set equals the packages/snapshots keys', async () => {
    for (const name of ['pnpm-v6', 'pnpm-v9']) {
      const run = await runSbom({ path: fixture(name) });
      expect(cdxNames(run.cdx as Json), name).toEqual(
        pnpmNames(readFileSync(join(fixture(name), 'pnpm-lock.yaml'), 'utf8')),
      );
    }
  });

  it('npm: dev flags and edges follow the lockfile', async () => {
    const run = await runSbom({ path: fixture('npm-v2') });
    const cdx = run.cdx as Json;
    // npm-v2 has only devDependencies: every component is dev (scope excluded).
    expect(cdx.components.every((c: Json) => c.scope === 'excluded')).toBe(true);
    const tailwind = cdx.components.find((c: Json) => c.name === 'tailwindcss');
    const deps = cdx.dependencies.find((d: Json) => d.ref === tailwind['bom-ref']);
    expect(deps.dependsOn.length).toBeGreaterThan(5);
    const root = cdx.dependencies.find((d: Json) => d.ref === 'root-component');
    expect(root.dependsOn).toContain('pkg:npm/tailwindcss@3.2.1');
    // include-dev false drops them all.
    const prod = await runSbom({ path: fixture('npm-v2'), 'include-dev': 'false' });
    expect((prod.cdx as Json).components).toHaveLength(0);
    // Checksums come from integrity (sha512 base64 → hex), the download location from `resolved`.
    const spdxPkg = (run.spdx as Json).packages.find((p: Json) => p.name === 'tailwindcss');
    expect(spdxPkg.checksums[0].algorithm).toBe('SHA512');
    expect(spdxPkg.checksums[0].checksumValue).toMatch(/^[0-9a-f]{128}$/);
    expect(spdxPkg.downloadLocation).toBe('https://registry.npmjs.org/tailwindcss/-/tailwindcss-3.2.1.tgz');
    // This lockfile records no licenses and nothing is installed: NOASSERTION, never a guess.
    expect(spdxPkg.licenseDeclared).toBe('NOASSERTION');
    expect(run.summary).toMatch(/NOASSERTION \(not in the lockfile or installed metadata\) \| 13\d/);
  });

  it('everything under one path goes into one SBOM, and exclude skips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-multi-'));
    const copy = (name: string, file: string) => {
      execFileSync('mkdir', ['-p', join(dir, name)]);
      copyFileSync(join(fixture(name), file), join(dir, name, file));
    };
    copy('npm-v3', 'package-lock.json');
    copy('cargo', 'Cargo.lock');
    copy('poetry', 'poetry.lock');
    copy('gomod', 'go.mod');
    copy('gomod', 'go.sum');
    copy('composer', 'composer.lock');
    // Lockfiles inside node_modules are copies of dependencies, never the project's.
    execFileSync('mkdir', ['-p', join(dir, 'node_modules', 'x')]);
    writeFileSync(join(dir, 'node_modules', 'x', 'yarn.lock'), 'garbage that would fail to parse: [');
    const run = await runSbom({ path: dir, name: 'monorepo', version: '1.2.3' });
    expect(run.exitCode, run.stdout).toBe(0);
    const types = new Set((run.cdx as Json).components.map((c: Json) => /^pkg:([a-z]+)\//.exec(c.purl)?.[1]));
    expect([...types].sort()).toEqual(['cargo', 'composer', 'golang', 'npm', 'pypi']);
    expect(run.outputs['spdx-file']).toMatch(/monorepo\.spdx\.json$/);
    expect(run.outputs['cyclonedx-file']).toMatch(/monorepo\.cdx\.json$/);
    expect((run.cdx as Json).metadata.component).toMatchObject({ name: 'monorepo', version: '1.2.3' });
    expect(run.summary).toContain('```mermaid');
    expect(graphProblems(run.cdx as Json, run.spdx as Json)).toEqual([]);
    const fewer = await runSbom({ path: dir, exclude: 'cargo/**\ncomposer' });
    const fewerTypes = new Set((fewer.cdx as Json).components.map((c: Json) => /^pkg:([a-z]+)\//.exec(c.purl)?.[1]));
    expect(fewerTypes.has('cargo')).toBe(false);
    expect(fewerTypes.has('composer')).toBe(false);
    expect(fewerTypes.has('npm')).toBe(true);
    // No manifest at the top of path: the root is named after the directory, not a nested project.
    expect((fewer.cdx as Json).metadata.component.name).toBe(basename(dir));
  });
});
