import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type Json, runSbom } from './helpers';

/** The log minus the runner's own `::add-mask::` commands (which carry the secret by design). */
function withoutMasks(log: string): string {
  return log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

describe('reproducible output', () => {
  it('two runs on the same input are byte-identical (SOURCE_DATE_EPOCH)', async () => {
    // The fixture has no version of its own, so the root would take the checkout's commit: pin it,
    // the commit is an input too (it moves whenever the repository does).
    const a = await runSbom({ path: fixture('pnpm-v9'), version: '1.0.0' });
    const b = await runSbom({ path: fixture('pnpm-v9'), version: '1.0.0' });
    expect(a.cdxText).toBeDefined();
    expect(a.cdxText).toBe(b.cdxText);
    expect(a.spdxText).toBe(b.spdxText);
    expect((a.cdx as Json).metadata.timestamp).toBe('2023-11-14T22:13:20Z');
    expect((a.spdx as Json).creationInfo.created).toBe('2023-11-14T22:13:20Z');
    // Serial number and namespace derive from the content: other content, other identity.
    const c = await runSbom({ path: fixture('pnpm-v6'), version: '1.0.0' });
    expect((c.cdx as Json).serialNumber).not.toBe((a.cdx as Json).serialNumber);
    expect((c.spdx as Json).documentNamespace).not.toBe((a.spdx as Json).documentNamespace);
  });

  it('without SOURCE_DATE_EPOCH the commit time is used', async () => {
    const dir = temp('sbom-git-');
    cpSync(fixture('npm-v3'), dir, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'ignore',
        env: { ...process.env, GIT_COMMITTER_DATE: '2024-02-03T04:05:06Z', GIT_AUTHOR_DATE: '2024-02-03T04:05:06Z' },
      });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'x');
    const a = await runSbom({ path: dir }, { SOURCE_DATE_EPOCH: undefined });
    const b = await runSbom({ path: dir }, { SOURCE_DATE_EPOCH: undefined });
    expect((a.cdx as Json).metadata.timestamp).toBe('2024-02-03T04:05:06Z');
    expect(a.cdxText).toBe(b.cdxText);
    expect(a.summary).toContain('(git commit)');
  });
});

describe('bad input', () => {
  it('a malformed lockfile is an error naming file, line and column', async () => {
    const dir = temp('sbom-bad-');
    writeFileSync(
      join(dir, 'package-lock.json'),
      '{\n  "name": "x",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {}\n    "node_modules/a": {}\n  }\n}\n',
    );
    const run = await runSbom({ path: dir });
    expect(run.exitCode).toBe(1);
    const error = run.annotations.find((a) => a.level === 'error');
    expect(error?.file).toMatch(/package-lock\.json$/);
    expect(error?.line).toBe(6);
    expect(error?.col).toBe(5);
    expect(run.stdout).not.toContain('Stack trace');
    expect(run.outputs['cyclonedx-file']).toBeUndefined();
  });

  it('a malformed TOML / YAML / XML lockfile points at the line too', async () => {
    const cases: [string, string, number][] = [
      ['Cargo.lock', 'version = 3\n\n[[package]]\nname = "a"\nversion = "1.0.0"\ndependencies = [\n "b" "c"\n]\n', 7],
      [
        'pnpm-lock.yaml',
        "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\n   bad: 1\n",
        5,
      ],
      ['pom.xml', '<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>\n', 4],
    ];
    for (const [file, text, line] of cases) {
      const dir = temp('sbom-bad-');
      writeFileSync(join(dir, file), text);
      const run = await runSbom({ path: dir });
      expect(run.exitCode, file).toBe(1);
      const error = run.annotations.find((a) => a.level === 'error');
      expect(error?.file, file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
      expect(error?.line, `${file}: ${error?.message}`).toBe(line);
      expect(error?.col, file).toBeGreaterThan(0);
    }
  });

  it('an unsupported lockfile version names it and what is supported', async () => {
    const dir = temp('sbom-ver-');
    writeFileSync(join(dir, 'package-lock.json'), '{"name":"x","lockfileVersion":4,"packages":{}}');
    const run = await runSbom({ path: dir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('unsupported lockfileVersion 4; supported: 1, 2, 3');
    const pnpm = temp('sbom-ver-');
    writeFileSync(join(pnpm, 'pnpm-lock.yaml'), "lockfileVersion: '5.4'\npackages: {}\n");
    const second = await runSbom({ path: pnpm });
    expect(second.stdout).toMatch(/unsupported lockfileVersion 5\.4; supported: '6\.0' \(pnpm 8\) and '9\.0'/);
  });

  it('nothing found is an error listing what was looked for', async () => {
    const dir = temp('sbom-empty-');
    writeFileSync(join(dir, 'README.md'), 'no lockfiles here');
    const run = await runSbom({ path: dir });
    expect(run.exitCode).toBe(1);
    for (const name of [
      'package-lock.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'poetry.lock',
      'Cargo.lock',
      'go.mod',
      'composer.lock',
      'Gemfile.lock',
      'pom.xml',
    ]) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stdout).toContain('Commit a lockfile');
    // A manifest without its lockfile gets a pointed hint.
    writeFileSync(join(dir, 'package.json'), '{"name":"x","dependencies":{"left-pad":"^1.3.0"}}');
    const hinted = await runSbom({ path: dir });
    expect(hinted.exitCode).toBe(1);
    expect(hinted.stdout).toContain('package.json without a lockfile');
    expect(hinted.stdout).toContain('npm install --package-lock-only');
  });

  it('a peer-dependency conflict still yields an SBOM, with a warning', async () => {
    const run = await runSbom({ path: fixture('peer-conflict') });
    expect(run.exitCode, run.stdout).toBe(0);
    const warning = run.annotations.find(
      (a) => a.level === 'warning' && a.message.includes('peer dependency conflict'),
    );
    expect(warning?.message).toContain('react-dom wants react@^18.3.1, the lockfile resolves react@17.0.2');
    expect(warning?.file).toMatch(/peer-conflict\/package-lock\.json$/);
    const names = (run.cdx as Json).components.map((c: Json) => `${c.name}@${c.version}`).sort();
    expect(names).toEqual([
      'js-tokens@4.0.0',
      'loose-envify@1.4.0',
      'object-assign@4.1.1',
      'react-dom@18.3.1',
      'react@17.0.2',
      'scheduler@0.23.2',
    ]);
    const reactDom = (run.cdx as Json).dependencies.find((d: Json) => d.ref === 'pkg:npm/react-dom@18.3.1');
    expect(reactDom.dependsOn).toContain('pkg:npm/react@17.0.2');
  });

  it('bad inputs fail before anything is written, with a suggestion', async () => {
    const run = await runSbom({ path: fixture('npm-v3'), formats: 'spdx-json, cyclondx-json' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('did you mean "cyclonedx-json"');
    const deny = await runSbom({ path: fixture('npm-v3'), 'deny-licenses': 'MIT AND GPL' });
    expect(deny.exitCode).toBe(1);
    expect(deny.stdout).toContain('is not an SPDX license identifier');
    const licenses = await runSbom({ path: fixture('npm-v3'), licenses: 'autom' });
    expect(licenses.stdout).toContain('did you mean "auto"');
  });
});

describe('licenses', () => {
  function project(): string {
    const dir = temp('sbom-lic-');
    const lock = {
      name: 'lic-demo',
      version: '1.0.0',
      lockfileVersion: 3,
      packages: {
        '': {
          name: 'lic-demo',
          version: '1.0.0',
          dependencies: { left: '^1.0.0', dual: '^2.0.0', gpl: '^3.0.0', weird: '^1.0.0' },
        },
        'node_modules/left': {
          version: '1.0.0',
          resolved: 'https://registry.npmjs.org/left/-/left-1.0.0.tgz',
          license: 'MIT',
        },
        'node_modules/dual': { version: '2.0.0', resolved: 'https://registry.npmjs.org/dual/-/dual-2.0.0.tgz' },
        'node_modules/gpl': {
          version: '3.0.0',
          resolved: 'https://registry.npmjs.org/gpl/-/gpl-3.0.0.tgz',
          dependencies: { left: '^1.0.0' },
        },
        'node_modules/weird': { version: '1.0.0', resolved: 'https://registry.npmjs.org/weird/-/weird-1.0.0.tgz' },
      },
    };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const install = (name: string, version: string, license: unknown) => {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version, license }));
    };
    install('dual', '2.0.0', '(MIT OR GPL-3.0-only)');
    install('gpl', '3.0.0', 'GPL-3.0-or-later AND MIT');
    install('weird', '1.0.0', 'SEE LICENSE IN LICENSE.md');
    return dir;
  }

  it('auto: lockfile first, then installed package.json, each with its source', async () => {
    const dir = project();
    const run = await runSbom({ path: dir });
    expect(run.exitCode, run.stdout).toBe(0);
    const cdx = run.cdx as Json;
    const byName = (n: string) => cdx.components.find((c: Json) => c.name === n);
    expect(byName('left').licenses).toEqual([{ expression: 'MIT', acknowledgement: 'declared' }]);
    expect(byName('dual').licenses).toEqual([{ expression: 'MIT OR GPL-3.0-only', acknowledgement: 'declared' }]);
    expect(byName('weird').licenses).toEqual([
      { license: { name: 'SEE LICENSE IN LICENSE.md', acknowledgement: 'declared' } },
    ]);
    const source = (n: string) => byName(n).properties.find((p: Json) => p.name === 'paved:sbom:license-source')?.value;
    expect(source('left')).toBe('package-lock.json');
    expect(source('dual')).toBe('node_modules/dual/package.json');
    // SPDX: a non-SPDX license becomes a LicenseRef with its text in hasExtractedLicensingInfos.
    const weird = (run.spdx as Json).packages.find((p: Json) => p.name === 'weird');
    expect(weird.licenseDeclared).toMatch(/^LicenseRef-SEE-LICENSE-IN-LICENSE.md-[0-9a-f]{8}$/);
    expect((run.spdx as Json).hasExtractedLicensingInfos[0].extractedText).toBe('SEE LICENSE IN LICENSE.md');
    const lockfileOnly = await runSbom({ path: dir, licenses: 'lockfile' });
    expect((lockfileOnly.cdx as Json).components.find((c: Json) => c.name === 'dual').licenses).toBeUndefined();
  });

  it('deny-licenses is expression-aware and fails listing the offenders', async () => {
    const dir = project();
    const run = await runSbom({ path: dir, 'deny-licenses': 'GPL-3.0-only\nGPL-3.0-or-later' });
    expect(run.exitCode).toBe(1);
    // gpl (GPL-3.0-or-later AND MIT) offends; dual (MIT OR GPL-3.0-only) can be taken as MIT.
    const errors = run.annotations.filter((a) => a.level === 'error' && a.title === 'sbom: denied license');
    expect(errors.map((e) => e.message)).toEqual([
      'pkg:npm/gpl@3.0.0 is licensed GPL-3.0-or-later AND MIT, denied by deny-licenses (GPL-3.0-or-later)',
    ]);
    // The annotation points at the lockfile as the workspace sees it (here: an absolute temp path).
    expect(errors[0]?.file).toBe(join(dir, 'package-lock.json'));
    expect(run.stdout).toContain('1 component with denied licenses: pkg:npm/gpl@3.0.0');
    expect(run.summary).toContain('Denied licenses: 1 component');
    // The SBOMs are still written, for inspection.
    expect(run.cdx).toBeDefined();
    const ok = await runSbom({ path: dir, 'deny-licenses': 'AGPL-3.0-only' });
    expect(ok.exitCode).toBe(0);
  });
});

describe('compare-to', () => {
  it('reports added, removed and changed components against a previous SBOM of either format', async () => {
    const base = await runSbom({ path: fixture('npm-v3'), formats: 'cyclonedx-json' });
    expect(base.outputs['spdx-file']).toBeUndefined();
    const previous = JSON.parse(base.cdxText as string) as Json;
    previous.components = previous.components.filter((c: Json) => c.name !== 'express');
    const jwt = previous.components.find((c: Json) => c.name === 'jsonwebtoken');
    jwt.purl = jwt.purl.replace(/@[^@]+$/, '@8.5.1');
    previous.components.push({ type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' });
    const file = join(temp('sbom-prev-'), 'previous.cdx.json');
    writeFileSync(file, JSON.stringify(previous));
    const run = await runSbom({ path: fixture('npm-v3'), 'compare-to': file });
    expect(run.exitCode, run.stdout).toBe(0);
    const diff = JSON.parse(run.outputs.diff as string);
    expect(diff.added).toEqual(['pkg:npm/express@4.18.2']);
    expect(diff.removed).toEqual(['pkg:npm/left-pad@1.3.0']);
    expect(diff.changed).toEqual([{ package: 'pkg:npm/jsonwebtoken', from: ['8.5.1'], to: ['9.0.0'] }]);
    expect(run.summary).toContain('1 added, 1 removed, 1 changed');
    const missing = await runSbom({ path: fixture('npm-v3'), 'compare-to': join(base.outDir, 'nope.spdx.json') });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('compare-to');
    // Against our own SPDX output: nothing changed.
    const same = await runSbom({ path: fixture('npm-v3') });
    const again = await runSbom({
      path: fixture('npm-v3'),
      'compare-to': join(same.outDir, 'clase-21---jwt.spdx.json'),
    });
    const none = JSON.parse(again.outputs.diff as string);
    expect([none.added, none.removed, none.changed]).toEqual([[], [], []]);
    expect(none.unchanged).toBe((same.cdx as Json).components.length);
  });
});

describe('submit to the dependency graph (HTTP server on 127.0.0.1 standing in for the API)', () => {
  const requests: { method?: string; url?: string; headers: IncomingMessage['headers']; body: Json }[] = [];
  let status = 201;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 201
            ? {
                id: 4242,
                created_at: '2024-01-01T00:00:00Z',
                result: 'SUCCESS',
                message: 'Dependency results for the repo have been successfully updated.',
              }
            : { message: 'Resource not accessible by integration' },
        ),
      );
    });
  });
  let api = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const env = () => ({
    GITHUB_API_URL: api,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '987',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'sbom',
    GITHUB_SERVER_URL: 'https://github.com',
  });
  const TOKEN = 'ghs_paved_test_token_0123456789';

  it('posts one snapshot with manifests per lockfile, purls and a per-matrix correlator', async () => {
    requests.length = 0;
    status = 201;
    const run = await runSbom(
      { path: fixture('yarn-workspaces'), submit: 'true', 'github-token': TOKEN, matrix: '{"os":"ubuntu","node":20}' },
      env(),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(requests).toHaveLength(1);
    const [request] = requests as [(typeof requests)[number]];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/repos/acme/shop/dependency-graph/snapshots');
    expect(request.headers.authorization).toBe(`token ${TOKEN}`);
    const body = request.body;
    expect(body).toMatchObject({
      version: 0,
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      job: { id: '987' },
      detector: { name: 'paved-sbom' },
    });
    expect(body.job.correlator).toMatch(
      /^paved-sbom \/ CI \/ sbom \/ [0-9a-f]{12} \/ test\/sbom\/fixtures\/yarn-workspaces$/,
    );
    // source_location is relative to the repository root (the path input in front), as GitHub links it.
    const manifest = body.manifests['test/sbom/fixtures/yarn-workspaces/yarn.lock'];
    expect(manifest.file.source_location).toBe('test/sbom/fixtures/yarn-workspaces/yarn.lock');
    expect(manifest.resolved['pkg:npm/axios@1.7.9']).toMatchObject({
      package_url: 'pkg:npm/axios@1.7.9',
      relationship: 'direct',
      scope: 'runtime',
    });
    expect(manifest.resolved['pkg:npm/axios@1.7.9'].dependencies).toContain('pkg:npm/form-data@4.0.4');
    expect(manifest.resolved['pkg:npm/asynckit@0.4.0'].relationship).toBe('indirect');
    // Workspace members are the project, not dependencies.
    expect(manifest.resolved['pkg:npm/app-a@1.0.0']).toBeUndefined();
    expect(withoutMasks(run.stdout)).not.toContain(TOKEN);
    expect(run.masks).toContain(TOKEN);
    expect(run.summary).toContain('snapshot 4242');

    // Same matrix in another key order: same correlator; another matrix entry: another one.
    await runSbom(
      { path: fixture('yarn-workspaces'), submit: 'true', 'github-token': TOKEN, matrix: '{"node":20,"os":"ubuntu"}' },
      env(),
    );
    await runSbom(
      { path: fixture('yarn-workspaces'), submit: 'true', 'github-token': TOKEN, matrix: '{"node":22,"os":"ubuntu"}' },
      env(),
    );
    expect(requests[1]?.body.job.correlator).toBe(body.job.correlator);
    expect(requests[2]?.body.job.correlator).not.toBe(body.job.correlator);
  });

  it('a refused submission fails the step with the HTTP status and a hint', async () => {
    requests.length = 0;
    status = 403;
    const run = await runSbom({ path: fixture('npm-v3'), submit: 'true', 'github-token': TOKEN }, env());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('dependency submission failed with HTTP 403');
    expect(run.stdout).toContain('contents: write');
    expect(withoutMasks(run.stdout)).not.toContain(TOKEN);
  });

  it('submit outside GitHub Actions says which variables are missing, before any work', async () => {
    const run = await runSbom(
      { path: fixture('npm-v3'), submit: 'true', 'github-token': TOKEN },
      { GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('GITHUB_REPOSITORY, GITHUB_SHA');
    expect(run.outputs['cyclonedx-file']).toBeUndefined();
  });
});
