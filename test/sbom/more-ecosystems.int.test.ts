import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cdxSchemaErrors, fixture, graphProblems, type Json, runSbom, spdxSchemaErrors } from './helpers';

function read(name: string, file: string): string {
  return readFileSync(join(fixture(name), file), 'utf8');
}

/** purls minus qualifiers, as a set: what the oracles below compute independently. */
function purls(cdx: Json): Set<string> {
  return new Set(cdx.components.map((c: Json) => String(c.purl).replace(/\?.*$/, '')));
}

function deps(cdx: Json, ref: string): string[] {
  return (cdx.dependencies as Json[]).find((d) => d.ref === ref)?.dependsOn ?? [];
}

async function valid(name: string, ecosystem: string): Promise<Json> {
  const run = await runSbom({ path: fixture(name) });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  const { cdx, spdx } = run as { cdx: Json; spdx: Json };
  expect(spdxSchemaErrors(spdx)).toEqual([]);
  expect(cdxSchemaErrors(cdx)).toEqual([]);
  expect(graphProblems(cdx, spdx)).toEqual([]);
  expect(run.summary).toContain(ecosystem);
  return cdx;
}

describe('more ecosystems, each on a real project’s lockfile', () => {
  it('NuGet packages.lock.json: every resolved package, contentHash as SHA-512, edges and Direct ones', async () => {
    const cdx = await valid('nuget', 'nuget');
    const lock = JSON.parse(read('nuget', 'packages.lock.json'));
    const expected = new Set<string>();
    for (const entries of Object.values(lock.dependencies as Record<string, Record<string, Json>>))
      for (const [name, e] of Object.entries(entries))
        if (e.type !== 'Project') expected.add(`pkg:nuget/${name}@${e.resolved}`);
    expect(purls(cdx)).toEqual(expected);
    const fw = lock.dependencies['net10.0'] as Record<string, Json>;
    const [name, entry] = Object.entries(fw).find(
      ([, e]) =>
        e.type === 'Transitive' && e.contentHash && Object.keys(e.dependencies ?? {}).some((d) => fw[d]?.resolved),
    ) as [string, Json];
    const purl = `pkg:nuget/${name}@${entry.resolved}`;
    const component = cdx.components.find((c: Json) => c.purl === purl);
    expect(component.hashes[0]).toEqual({
      alg: 'SHA-512',
      content: Buffer.from(entry.contentHash, 'base64').toString('hex'),
    });
    const dep = Object.keys(entry.dependencies).find((d) => fw[d]?.resolved) as string;
    expect(deps(cdx, purl)).toContain(`pkg:nuget/${dep}@${fw[dep]?.resolved}`);
    const direct = Object.entries(lock.dependencies['net10.0'] as Record<string, Json>).find(
      ([, e]) => e.type === 'Direct',
    );
    expect(deps(cdx, 'root-component')).toContain(`pkg:nuget/${direct?.[0]}@${direct?.[1].resolved}`);
  });

  for (const [name, version] of [
    ['swift-v1', 1],
    ['swift-v2', 2],
    ['swift-v3', 3],
  ] as const) {
    it(`Swift Package.resolved v${version}: pkg:swift/<host>/<owner>/<repo> per pin`, async () => {
      const cdx = await valid(name, 'swift');
      const data = JSON.parse(read(name, 'Package.resolved'));
      expect(data.version).toBe(version);
      const pins: Json[] = version === 1 ? data.object.pins : data.pins;
      const expected = new Set(
        pins.map((p) => {
          const url = String(p.repositoryURL ?? p.location)
            .replace(/^https:\/\//, '')
            .replace(/\.git$/, '');
          return `pkg:swift/${url}@${p.state.version ?? p.state.revision}`;
        }),
      );
      expect(purls(cdx)).toEqual(expected);
    });
  }

  it('Swift: Package.swift decides which pins are direct', async () => {
    const cdx = await valid('swift-v2', 'swift');
    const root = deps(cdx, 'root-component');
    const manifest = read('swift-v2', 'Package.swift');
    const pins: Json[] = JSON.parse(read('swift-v2', 'Package.resolved')).pins;
    const named = pins.filter((p) => manifest.includes(`url: "${p.location}"`));
    expect(named.length).toBeGreaterThan(5);
    expect(named.length).toBeLessThan(pins.length);
    for (const p of pins) {
      const purl = `pkg:swift/${String(p.location).replace(/^https:\/\//, '')}@${p.state.version}`;
      expect(root.includes(purl), purl).toBe(named.includes(p));
    }
  });

  it('Dart pubspec.lock: hosted, git and path packages with sha256; SDK packages left out; dev scope', async () => {
    const cdx = await valid('pub', 'pub');
    const data = parseYaml(read('pub', 'pubspec.lock')) as Json;
    const expected = new Set(
      Object.entries(data.packages as Record<string, Json>)
        .filter(([, p]) => p.source !== 'sdk')
        .map(([n, p]) => `pkg:pub/${n}@${p.version}`),
    );
    expect(purls(cdx)).toEqual(expected);
    const devName = Object.entries(data.packages as Record<string, Json>).find(
      ([, p]) => p.dependency === 'direct dev',
    )?.[0];
    const dev = cdx.components.find((c: Json) => c.name === devName);
    expect(dev.scope).toBe('excluded');
    expect(cdx.metadata.component.name).toBe('gallery');
  });

  it('Elixir mix.lock: hex packages with their outer checksum, edges, optional ones, mix.exs direct deps', async () => {
    const cdx = await valid('mix', 'hex');
    const text = read('mix', 'mix.lock');
    const expected = new Set(
      [...text.matchAll(/^ {2}"[^"]+": \{:hex, :([^,]+), "([^"]+)"/gm)].map((m) => `pkg:hex/${m[1]}@${m[2]}`),
    );
    expect(purls(cdx)).toEqual(expected);
    const makeup = cdx.components.find((c: Json) => c.name === 'makeup_elixir');
    expect(makeup.hashes[0].content).toMatch(/^[0-9a-f]{64}$/);
    expect(deps(cdx, makeup.purl).some((p) => p.startsWith('pkg:hex/makeup@'))).toBe(true);
    // jason is `only: :test` in mix.exs.
    expect(cdx.components.find((c: Json) => c.name === 'jason')?.scope).toBe('excluded');
    expect(cdx.metadata.component.name).toBe('ex_doc');
  });

  it('CocoaPods Podfile.lock: pods and subspecs (purl subpath), edges, DEPENDENCIES direct', async () => {
    const cdx = await valid('cocoapods', 'cocoapods');
    const data = parseYaml(read('cocoapods', 'Podfile.lock')) as Json;
    const expected = new Set(
      (data.PODS as (string | Json)[]).map((p) => {
        const head = typeof p === 'string' ? p : (Object.keys(p)[0] as string);
        const [, full, version] = /^(\S+) \(([^)]+)\)$/.exec(head) as RegExpExecArray;
        const [pod, ...sub] = (full as string).split('/');
        return `pkg:cocoapods/${pod}@${version}${sub.length ? `#${sub.join('/')}` : ''}`;
      }),
    );
    expect(purls(cdx)).toEqual(expected);
    expect(deps(cdx, 'pkg:cocoapods/RxCocoa@5.1.1')).toEqual([
      'pkg:cocoapods/RxRelay@5.1.1',
      'pkg:cocoapods/RxSwift@5.1.1',
    ]);
    expect(deps(cdx, 'root-component')).toContain('pkg:cocoapods/AppCenter@3.2.0#Analytics');
  });

  it('Conan conan.lock (2.x): requires and build_requires with recipe revisions; build tools dev-scoped', async () => {
    const cdx = await valid('conan', 'conan');
    const lock = JSON.parse(read('conan', 'conan.lock'));
    const expected = new Set(
      [...lock.requires, ...lock.build_requires].map((r: string) => {
        const [nv] = r.split('#');
        const [n, v] = (nv as string).split('/');
        return `pkg:conan/${n}@${v}`;
      }),
    );
    expect(purls(cdx)).toEqual(expected);
    const zlib = cdx.components.find((c: Json) => c.purl.startsWith('pkg:conan/zlib@1.3.2'));
    expect(zlib.purl).toBe('pkg:conan/zlib@1.3.2?rrev=1cb806da49011867778ffb6ac7190fcb');
    expect(zlib.scope).toBe('required');
    expect(cdx.components.find((c: Json) => c.purl.startsWith('pkg:conan/cmake@')).scope).toBe('excluded');
  });
});
