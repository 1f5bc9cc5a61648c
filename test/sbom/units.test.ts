import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPurls } from '../../actions/sbom/src/diff/compare';
import { parseGemfileLock } from '../../actions/sbom/src/ecosystems/bundler';
import { parseCargo } from '../../actions/sbom/src/ecosystems/cargo';
import { excluder, findLockfiles } from '../../actions/sbom/src/ecosystems/detect';
import { parseGoMod } from '../../actions/sbom/src/ecosystems/gomod';
import type { ManifestReader } from '../../actions/sbom/src/ecosystems/manifest';
import { parseNpm } from '../../actions/sbom/src/ecosystems/npm';
import { parsePnpm } from '../../actions/sbom/src/ecosystems/pnpm';
import { parseRequirements } from '../../actions/sbom/src/ecosystems/python';
import { parseYarn } from '../../actions/sbom/src/ecosystems/yarn';
import { DEFAULT_EXCLUDES } from '../../actions/sbom/src/inputs';
import { parseExpression, render } from '../../actions/sbom/src/licenses/expression';
import { findOffenders, parseDenyList } from '../../actions/sbom/src/licenses/policy';
import { buildGraph } from '../../actions/sbom/src/model/build';
import { fast, libraryEncoder, purlsOf } from '../../actions/sbom/src/model/purl';
import type { Component, PackageRecord } from '../../actions/sbom/src/model/types';
import { correlator, type JobContext } from '../../actions/sbom/src/submit/snapshot';
import { validateCycloneDx } from '../../actions/sbom/src/validate/cyclonedx';
import { validateSpdx } from '../../actions/sbom/src/validate/spdx';
import { ROOT } from '../harness';

const root = { name: 'r', version: '1' };

const purlOf = async (record: PackageRecord): Promise<string | undefined> =>
  (await purlsOf(new Map([['x', record]]))).get('x');

describe('purls', () => {
  it('encodes an npm scope once and normalises PyPI names', async () => {
    expect(await purlOf({ purlType: 'npm', namespace: '@babel', name: 'core', version: '7.0.0' })).toBe(
      'pkg:npm/%40babel/core@7.0.0',
    );
    expect(await purlOf({ purlType: 'pypi', name: 'Typing_Extensions', version: '4.5.0' })).toBe(
      'pkg:pypi/typing-extensions@4.5.0',
    );
    expect(await purlOf({ purlType: 'golang', namespace: 'github.com/spf13', name: 'viper', version: 'v1.0.2' })).toBe(
      'pkg:golang/github.com/spf13/viper@v1.0.2',
    );
    expect(
      await purlOf({ purlType: 'gem', name: 'nokogiri', version: '1.10.4', qualifiers: { platform: 'x86_64-linux' } }),
    ).toBe('pkg:gem/nokogiri@1.10.4?platform=x86_64-linux');
  });

  it('the direct path writes exactly what packageurl-js writes, for every fixture package and odd names', async () => {
    const library = libraryEncoder(await import('packageurl-js'));
    const { readFileSync, readdirSync } = await import('node:fs');
    const { KINDS } = await import('../../actions/sbom/src/ecosystems/detect');
    const { manifestReader } = await import('../../actions/sbom/src/ecosystems/manifest');
    const records: PackageRecord[] = [];
    const fixtures = join(ROOT, 'test/sbom/fixtures');
    const dirs = [
      ...readdirSync(fixtures, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(fixtures, d.name)),
      join(ROOT, 'bench/sbom/fixture'),
    ];
    for (const dir of dirs) {
      for (const file of readdirSync(dir)) {
        const kind = KINDS.find((k) => (typeof k.match === 'string' ? k.match === file : k.match.test(file)));
        // pom.xml resolves parents and transitive dependencies from a repository (integration-tested).
        if (!kind || kind.ecosystem === 'maven') continue;
        const parse = await kind.load();
        records.push(
          ...(await parse(readFileSync(join(dir, file), 'utf8'), file, manifestReader(dir))).packages.values(),
        );
      }
    }
    const odd: [string | undefined, string, string][] = [
      ['@Babel', 'Core', '7.0.0'],
      ['@types', 'node', '1.0.0+build.5'],
      [undefined, 'JSONStream', '1.3.5'],
      [undefined, 'lodash.merge', '4.6.2-rc.1'],
      [undefined, 'a~b_c', '0.0.1'],
      [undefined, 'has space', '1.0.0'],
      [undefined, 'x', 'v1 '],
      [undefined, 'x', 'git+https://github.com/a/b.git#abc'],
      ['@', 'x', '1.0.0'],
      ['@a/b', 'x', '1.0.0'],
      ['vendor', 'Name', '1.0.0'],
      [undefined, 'ünïcode', '1.0.0'],
      [undefined, 'x', '1.0.0:epoch'],
    ];
    for (const purlType of ['npm', 'composer', 'cargo', 'gem', 'pypi', 'golang', 'maven'] as const)
      for (const [namespace, name, version] of odd) records.push({ purlType, namespace, name, version });
    let direct = 0;
    for (const record of records) {
      const mine = fast(record);
      if (mine === undefined) continue;
      direct++;
      expect(mine, JSON.stringify(record)).toBe(library(record));
    }
    // The bench fixture alone has ~1,600 npm packages, all on the direct path.
    expect(direct).toBeGreaterThan(2000);
    expect(fast({ purlType: 'pypi', name: 'x', version: '1' })).toBeUndefined();
    expect(fast({ purlType: 'npm', name: 'x', version: '1', qualifiers: { a: 'b' } })).toBeUndefined();
  });
});

describe('graph building', () => {
  it('one component per purl across lockfiles; dev only when no runtime path; no dangling edges', async () => {
    const lock = (deps: Record<string, unknown>, rootDeps: Record<string, string>, dev: Record<string, string> = {}) =>
      JSON.stringify({
        name: 'x',
        lockfileVersion: 3,
        packages: { '': { dependencies: rootDeps, devDependencies: dev }, ...deps },
      });
    const a = parseNpm(
      lock(
        {
          'node_modules/a': { version: '1.0.0', dependencies: { shared: '^1' } },
          'node_modules/shared': { version: '1.0.0' },
          'node_modules/t': { version: '2.0.0', dev: true, dependencies: { ghost: '^1' } },
        },
        { a: '^1' },
        { t: '^2' },
      ),
      'one/package-lock.json',
    );
    const b = parseNpm(
      lock({ 'node_modules/shared': { version: '1.0.0', dev: true } }, {}, { shared: '^1' }),
      'two/package-lock.json',
    );
    const graph = await buildGraph([a, b], { root, includeDev: true });
    expect(graph.components.map((c) => c.purl)).toEqual(['pkg:npm/a@1.0.0', 'pkg:npm/shared@1.0.0', 'pkg:npm/t@2.0.0']);
    const shared = graph.components.find((c) => c.name === 'shared') as Component;
    // Dev in one project, runtime in the other: runtime.
    expect(shared.dev).toBe(false);
    expect(shared.files).toEqual(['one/package-lock.json', 'two/package-lock.json']);
    expect(graph.components.find((c) => c.name === 't')?.dev).toBe(true);
    // t depends on a package the lockfile lacks: a warning, and no edge to nothing.
    expect(a.warnings.map((w) => w.message)).toEqual([
      'node_modules/t depends on ghost@^1, which the lockfile does not contain',
    ]);
    expect(graph.dependencies.get('pkg:npm/t@2.0.0')).toEqual([]);
    expect((await buildGraph([a, b], { root, includeDev: false })).components.map((c) => c.name)).toEqual([
      'a',
      'shared',
    ]);
  });

  it('resolves nested node_modules the way Node does', async () => {
    const g = parseNpm(
      JSON.stringify({
        lockfileVersion: 2,
        packages: {
          '': { dependencies: { a: '1', b: '1' } },
          'node_modules/a': { version: '1.0.0', dependencies: { c: '2' } },
          'node_modules/a/node_modules/c': { version: '2.0.0' },
          'node_modules/b': { version: '1.0.0', dependencies: { c: '1' } },
          'node_modules/c': { version: '1.0.0' },
        },
      }),
      'package-lock.json',
    );
    const graph = await buildGraph([g], { root, includeDev: true });
    expect(graph.dependencies.get('pkg:npm/a@1.0.0')).toEqual(['pkg:npm/c@2.0.0']);
    expect(graph.dependencies.get('pkg:npm/b@1.0.0')).toEqual(['pkg:npm/c@1.0.0']);
  });
});

describe('other ecosystems', () => {
  it('pnpm v9 workspaces: importers become project components, link: deps point at them, dev marked', async () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    devDependencies:',
      '      typescript: {specifier: ^5.4.0, version: 5.4.5}',
      '  packages/app:',
      '    dependencies:',
      "      '@acme/lib': {specifier: workspace:*, version: link:../lib}",
      '      react-dom: {specifier: ^18, version: 18.3.1(react@18.3.1)}',
      '  packages/lib:',
      '    dependencies:',
      '      react: {specifier: ^18, version: 18.3.1}',
      'packages:',
      '  react@18.3.1: {resolution: {integrity: sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==}}',
      '  react-dom@18.3.1: {resolution: {integrity: sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==}}',
      '  typescript@5.4.5: {resolution: {integrity: sha512-vcI4UpRgg81oIRUFwR0WSIHKt11nJ7SAVlYNIu+QpqeyXP+gpQJy/Z4+F0aGxSE4MqwjyXvW/TzgkLAx2AGHwQ==}}',
      'snapshots:',
      '  react@18.3.1: {}',
      '  react-dom@18.3.1(react@18.3.1):',
      '    dependencies:',
      '      react: 18.3.1',
      '  typescript@5.4.5: {}',
      '',
    ].join('\n');
    const manifests = Object.assign(
      (f: string) =>
        f === 'packages/lib/package.json'
          ? { name: '@acme/lib', version: '2.0.0' }
          : f === 'packages/app/package.json'
            ? { name: 'app', version: '1.0.0' }
            : undefined,
      { text: () => undefined, dirs: () => [] },
    ) as ManifestReader;
    const graph = await buildGraph([parsePnpm(text, 'pnpm-lock.yaml', manifests)], { root, includeDev: true });
    expect(graph.components.map((c) => c.purl)).toEqual([
      'pkg:npm/%40acme/lib@2.0.0',
      'pkg:npm/app@1.0.0',
      'pkg:npm/react-dom@18.3.1',
      'pkg:npm/react@18.3.1',
      'pkg:npm/typescript@5.4.5',
    ]);
    expect(graph.dependencies.get('pkg:npm/app@1.0.0')).toEqual([
      'pkg:npm/%40acme/lib@2.0.0',
      'pkg:npm/react-dom@18.3.1',
    ]);
    expect(graph.dependencies.get('pkg:npm/react-dom@18.3.1')).toEqual(['pkg:npm/react@18.3.1']);
    expect(graph.components.find((c) => c.name === 'typescript')?.dev).toBe(true);
    expect(graph.components.find((c) => c.name === 'react')?.dev).toBe(false);
    expect(graph.components.find((c) => c.name === 'react')?.hashes?.[0]?.alg).toBe('SHA-512');
  });

  it('yarn berry: workspace package.json decides dev, patches fold into their package', async () => {
    const text = [
      '__metadata:',
      '  version: 8',
      '  cacheKey: 10c0',
      '',
      '"app@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "app@workspace:."',
      '  dependencies:',
      '    left: "npm:^1.0.0"',
      '    vitest: "npm:^2.0.0"',
      '  languageName: unknown',
      '  linkType: soft',
      '',
      '"left@npm:^1.0.0":',
      '  version: 1.0.0',
      '  resolution: "left@npm:1.0.0"',
      '  checksum: 10c0/abcdef',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"left@patch:left@npm%3A^1.0.0#~/.yarn/patches/left.patch":',
      '  version: 1.0.0',
      '  resolution: "left@patch:left@npm%3A1.0.0#~/.yarn/patches/left.patch::version=1.0.0&hash=1"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"vitest@npm:^2.0.0":',
      '  version: 2.1.0',
      '  resolution: "vitest@npm:2.1.0"',
      '  dependencies:',
      '    left: "npm:^1.0.0"',
      '  languageName: node',
      '  linkType: hard',
      '',
    ].join('\n');
    const manifests = Object.assign(
      (f: string) =>
        f === './package.json'
          ? { name: 'app', version: '3.0.0', dependencies: { left: '^1.0.0' }, devDependencies: { vitest: '^2.0.0' } }
          : undefined,
      { text: () => undefined, dirs: () => [] },
    ) as ManifestReader;
    const graph = await buildGraph([parseYarn(text, 'yarn.lock', manifests)], { root, includeDev: true });
    expect(graph.components.map((c) => c.purl)).toEqual([
      'pkg:npm/app@3.0.0',
      'pkg:npm/left@1.0.0',
      'pkg:npm/vitest@2.1.0',
    ]);
    expect(graph.components.find((c) => c.name === 'vitest')?.dev).toBe(true);
    expect(graph.components.find((c) => c.name === 'left')?.dev).toBe(false);
    // Berry's checksum hashes Yarn's zip, not the package: not recorded.
    expect(graph.components.find((c) => c.name === 'left')?.hashes).toEqual([]);
    expect(graph.components.find((c) => c.name === 'left')?.downloadLocation).toBe(
      'https://registry.yarnpkg.com/left/-/left-1.0.0.tgz',
    );
  });

  it('requirements.txt: pinned lines with hashes and markers; unpinned ones warned about', () => {
    const g = parseRequirements(
      'requests==2.31.0 \\\n    --hash=sha256:58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f\nidna==3.4 ; python_version >= "3.7"\nurllib3>=1.26\n# comment\n-r other.txt\nPyYAML[extra]===6.0\n',
      'requirements.txt',
    );
    expect([...g.packages.values()].map((p) => `${p.name}@${p.version}`)).toEqual([
      'requests@2.31.0',
      'idna@3.4',
      'pyyaml@6.0',
    ]);
    expect(g.packages.get('requests')?.hashes).toEqual([
      { alg: 'SHA-256', value: '58cd2187c01e70e6e26505bca751777aa9f2ee0b7f4300988b709f44e013003f' },
    ]);
    expect(g.warnings).toHaveLength(1);
    expect(g.warnings[0]).toMatchObject({ line: 4, message: expect.stringContaining('urllib3>=1.26') });
  });

  it('go.mod: replace directives apply, go.sum hashes attach, indirect ones are marked', () => {
    const sum =
      'example.com/b v1.2.0 h1:G+97AoqBnmZIT91cLG/EkCoK9NSelj64P8bOHHNmGn0=\nexample.com/b v1.2.0/go.mod h1:oYelfM1adQP15Ek0mdvEgi9Df8B9CZIaU1084ijfRaM=\n';
    const reader = Object.assign(() => undefined, {
      text: (f: string) => (f === 'go.sum' ? sum : undefined),
      dirs: () => [],
    }) as ManifestReader;
    const g = parseGoMod(
      'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.1.0 // indirect\n)\n\nreplace example.com/b => example.com/b v1.2.0\n',
      'go.mod',
      reader,
    );
    const records = [...g.packages.values()];
    expect(records.map((r) => `${r.namespace}/${r.name}@${r.version}`)).toEqual([
      'example.com/a@v1.0.0',
      'example.com/b@v1.2.0',
    ]);
    expect(records[1]?.indirect).toBe(true);
    expect(records[1]?.hashes?.[0]?.alg).toBe('SHA-256');
    expect(g.projectName).toBe('example.com/app');
  });

  it('Cargo.lock: "name version" disambiguates two versions of a crate', async () => {
    const g = parseCargo(
      'version = 3\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["rand 0.8.5", "rand 0.7.3"]\n\n[[package]]\nname = "rand"\nversion = "0.8.5"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "34af8d1a0e25924bc5b7c43c079c942339d8f0a8b57c39049bef581b46327404"\n\n[[package]]\nname = "rand"\nversion = "0.7.3"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n',
      'Cargo.lock',
    );
    const graph = await buildGraph([g], { root, includeDev: true });
    expect(graph.dependencies.get('pkg:cargo/app@0.1.0')).toEqual(['pkg:cargo/rand@0.7.3', 'pkg:cargo/rand@0.8.5']);
    expect(graph.dependencies.get('#root')).toEqual(['pkg:cargo/app@0.1.0']);
    expect(graph.components.find((c) => c.version === '0.8.5')?.hashes).toEqual([
      { alg: 'SHA-256', value: '34af8d1a0e25924bc5b7c43c079c942339d8f0a8b57c39049bef581b46327404' },
    ]);
  });

  it('Gemfile.lock: platform gems keep their platform as a purl qualifier', async () => {
    const g = parseGemfileLock(
      'GEM\n  remote: https://rubygems.org/\n  specs:\n    nokogiri (1.16.0-x86_64-linux)\n      racc (~> 1.4)\n    racc (1.7.3)\n\nDEPENDENCIES\n  nokogiri\n',
      'Gemfile.lock',
    );
    const graph = await buildGraph([g], { root, includeDev: true });
    expect(graph.components.map((c) => c.purl)).toEqual([
      'pkg:gem/nokogiri@1.16.0?platform=x86_64-linux',
      'pkg:gem/racc@1.7.3',
    ]);
    expect(graph.dependencies.get('#root')).toEqual(['pkg:gem/nokogiri@1.16.0?platform=x86_64-linux']);
  });
});

describe('detection', () => {
  it('finds every kind of lockfile, prefers npm-shrinkwrap.json, skips node_modules/vendor/.git and excludes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbom-detect-'));
    const touch = (rel: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), '');
    };
    for (const f of [
      'package-lock.json',
      'npm-shrinkwrap.json',
      'web/yarn.lock',
      'web/pnpm-lock.yaml',
      'py/poetry.lock',
      'py/Pipfile.lock',
      'py/uv.lock',
      'py/requirements-dev.txt',
      'py/dev-requirements.txt',
      'go/go.mod',
      'rs/Cargo.lock',
      'java/pom.xml',
      'java/gradle.lockfile',
      'rb/Gemfile.lock',
      'php/composer.lock',
      'node_modules/x/yarn.lock',
      'vendor/y/composer.lock',
      '.git/z/go.mod',
      'examples/a/package-lock.json',
      'py/notes.txt',
    ])
      touch(f);
    const found = (await findLockfiles(dir, [...DEFAULT_EXCLUDES, 'examples/**'], dir)).map((f) => f.display);
    expect(found).toEqual([
      'go/go.mod',
      'java/gradle.lockfile',
      'java/pom.xml',
      'npm-shrinkwrap.json',
      'php/composer.lock',
      'py/Pipfile.lock',
      'py/dev-requirements.txt',
      'py/poetry.lock',
      'py/requirements-dev.txt',
      'py/uv.lock',
      'rb/Gemfile.lock',
      'rs/Cargo.lock',
      'web/pnpm-lock.yaml',
      'web/yarn.lock',
    ]);
  });
});

describe('excludes', () => {
  it('any-depth directory patterns answer exactly what minimatch answers, without loading it', async () => {
    const { Minimatch } = await import('minimatch');
    const patterns = [...DEFAULT_EXCLUDES, '**/.cache/**', '**/a.b-c_d/**'];
    const fast = await excluder(patterns);
    const matchers = patterns.map((g) => new Minimatch(g, { dot: true }));
    const reference = (rel: string) => matchers.some((m) => m.match(rel) || m.match(`${rel}/`));
    const segments = [
      'node_modules',
      'vendor',
      '.git',
      '.cache',
      'a.b-c_d',
      'src',
      'xnode_modules',
      'vendors',
      '.gitx',
      'a',
    ];
    const paths: string[] = [];
    for (const a of segments) {
      paths.push(a, `${a}/x`);
      for (const b of segments) paths.push(`${a}/${b}`, `${a}/${b}/package-lock.json`, `${a}/${b}/x`);
    }
    for (const rel of paths) expect(fast(rel), rel).toBe(reference(rel));
    expect(fast('src/node_modules')).toBe(true);
    expect(fast('src/lib')).toBe(false);
  });
});

describe('licenses', () => {
  it('renders expressions canonically', () => {
    expect(render(parseExpression('(MIT OR Apache-2.0)') as never)).toBe('MIT OR Apache-2.0');
    expect(render(parseExpression('MIT AND (BSD-2-Clause OR ISC)') as never)).toBe('MIT AND (BSD-2-Clause OR ISC)');
    expect(render(parseExpression('GPL-2.0-or-later WITH Classpath-exception-2.0') as never)).toBe(
      'GPL-2.0-or-later WITH Classpath-exception-2.0',
    );
    expect(parseExpression('SEE LICENSE IN LICENSE')).toBeUndefined();
  });

  it('denies a component only when every choice uses a denied license', async () => {
    const c = (expression: string) =>
      ({
        purl: `pkg:npm/x-${expression.length}@1`,
        files: [],
        license: { expression, valid: true, source: 'x' },
      }) as unknown as Component;
    const deny = parseDenyList(['GPL-3.0-only', 'AGPL-3.0-or-later']);
    const offenders = await findOffenders(
      [
        c('MIT OR GPL-3.0-only'),
        c('MIT AND GPL-3.0-only'),
        c('AGPL-3.0-or-later'),
        c('Apache-2.0'),
        c('GPL-3.0-only OR AGPL-3.0-or-later'),
      ],
      deny,
    );
    expect(offenders.map((o) => o.expression)).toEqual([
      'MIT AND GPL-3.0-only',
      'AGPL-3.0-or-later',
      'GPL-3.0-only OR AGPL-3.0-or-later',
    ]);
    expect(() => parseDenyList(['GPL-3.0 OR MIT'])).toThrow(/not an SPDX license identifier/);
  });
});

describe('diff and submission identity', () => {
  it('diffs by package, so an upgrade is one change', () => {
    const d = diffPurls(
      'old',
      ['pkg:npm/a@1.0.0', 'pkg:npm/b@1.0.0', 'pkg:npm/%40s/c@1.0.0'],
      ['pkg:npm/a@2.0.0', 'pkg:npm/%40s/c@1.0.0', 'pkg:pypi/d@1'],
    );
    expect(d).toEqual({
      against: 'old',
      added: ['pkg:pypi/d@1'],
      removed: ['pkg:npm/b@1.0.0'],
      changed: [{ package: 'pkg:npm/a', from: ['1.0.0'], to: ['2.0.0'] }],
      unchanged: 1,
    });
  });

  it('correlator: stable per job, matrix entry and path', () => {
    const base: JobContext = {
      repository: 'o/r',
      sha: 's',
      ref: 'r',
      runId: '1',
      workflow: 'CI',
      job: 'build',
      serverUrl: 'https://github.com',
      path: '.',
    };
    expect(correlator(base)).toBe('paved-sbom / CI / build');
    expect(correlator({ ...base, matrix: 'null' })).toBe('paved-sbom / CI / build');
    const m1 = correlator({ ...base, matrix: '{"os":"linux","node":20}' });
    expect(m1).toBe(correlator({ ...base, matrix: '{ "node": 20, "os": "linux" }' }));
    expect(m1).not.toBe(correlator({ ...base, matrix: '{"os":"linux","node":22}' }));
    expect(correlator({ ...base, path: 'services/api' })).toBe('paved-sbom / CI / build / services/api');
  });
});

describe('schemas', () => {
  it('the generated validators are up to date with the vendored SPDX schema and the installed CycloneDX library', () => {
    execFileSync(process.execPath, [join(ROOT, 'actions/sbom/scripts/compile-schemas.mjs'), '--check'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });

  it('the compiled validators reject what the official schemas reject, and fields the writers never emit', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', 'bom-ref': 'a', name: 'a', version: '1' }],
      dependencies: [{ ref: 'a', dependsOn: ['missing'] }],
    };
    expect(await validateCycloneDx(bom)).toEqual([
      { path: '/dependencies/0/dependsOn', message: 'missing is not a component' },
    ]);
    const wrongType = await validateCycloneDx({
      ...bom,
      dependencies: [],
      components: [{ type: 'gadget', 'bom-ref': 'a', name: 'a' }],
    });
    expect(wrongType[0]?.path).toBe('/components/0/type');
    // Valid per the official schema, but not something we write: refused, so new fields get reviewed.
    const extra = await validateCycloneDx({ ...bom, dependencies: [], services: [{ name: 's' }] });
    expect(extra.map((v) => v.path)).toEqual(['/services']);
    const spdx = await validateSpdx({
      spdxVersion: 'SPDX-2.3',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'x',
      dataLicense: 'CC0-1.0',
      creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: x'] },
      documentNamespace: 'https://example.com/x',
      packages: [],
      relationships: [],
    });
    expect(spdx).toEqual([{ path: '/relationships', message: 'no DESCRIBES relationship from SPDXRef-DOCUMENT' }]);
  });

  it('the vendored SPDX schema is the reference copy, unchanged', async () => {
    const { readFileSync } = await import('node:fs');
    const reference = join(ROOT, 'test', 'fixtures', 'schemas', 'spdx-2.3.schema.json');
    expect(readFileSync(join(ROOT, 'actions/sbom/schemas/spdx-2.3.schema.json'), 'utf8')).toBe(
      readFileSync(reference, 'utf8'),
    );
  });
});
