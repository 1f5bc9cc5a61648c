import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runAction, FIXTURES as SHARED_FIXTURES } from '../harness';

export const FIXTURES = join(ROOT, 'test', 'sbom', 'fixtures');
/** The two large npm samples (npm-v1, npm-v2-workspace) are vendored once under test/fixtures/lockfiles. */
const LOCKFILES = join(SHARED_FIXTURES, 'lockfiles');

/** A lockfile directory vendored in the repository (test/sbom/fixtures or test/fixtures/lockfiles). */
export function fixture(name: string): string {
  for (const dir of [FIXTURES, LOCKFILES]) if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`fixture ${name} not found in ${FIXTURES} or ${LOCKFILES}`);
}

export function hasFixture(name: string): boolean {
  return existsSync(join(FIXTURES, name)) || existsSync(join(LOCKFILES, name));
}

// biome-ignore lint/suspicious/noExplicitAny: parsed SBOM JSON is navigated freely in assertions
export type Json = Record<string, any>;

export interface SbomRun extends Awaited<ReturnType<typeof runAction>> {
  outDir: string;
  cdx?: Json;
  spdx?: Json;
  cdxText?: string;
  spdxText?: string;
}

/** Runs the built bundle with a fixed SOURCE_DATE_EPOCH and a temp output directory; reads what it wrote. */
export async function runSbom(
  inputs: Record<string, string | undefined>,
  env: Record<string, string | undefined> = {},
  cwd?: string,
): Promise<SbomRun> {
  const outDir = inputs['output-dir'] ?? mkdtempSync(join(tmpdir(), 'sbom-out-'));
  const result = await runAction(
    'sbom',
    { ...inputs, 'output-dir': outDir },
    { env: { SOURCE_DATE_EPOCH: '1700000000', ...env }, cwd },
  );
  const run: SbomRun = { ...result, outDir };
  const read = (file: string | undefined): string | undefined => {
    if (!file) return undefined;
    const path = file.startsWith('/') ? file : join(cwd ?? ROOT, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  run.cdxText = read(result.outputs['cyclonedx-file']);
  run.spdxText = read(result.outputs['spdx-file']);
  if (run.cdxText) run.cdx = JSON.parse(run.cdxText);
  if (run.spdxText) run.spdx = JSON.parse(run.spdxText);
  return run;
}

// --- independent validators (not the action's generated ones) ------------------------------------

let spdxValidator: ReturnType<Ajv2019['compile']> | undefined;
let cdxValidator: ReturnType<Ajv['compile']> | undefined;

/** SPDX 2.3 from test/fixtures/schemas (the reference copy, not the action's vendored one). */
export function spdxSchemaErrors(doc: Json): unknown[] {
  if (!spdxValidator) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemaPath = join(SHARED_FIXTURES, 'schemas', 'spdx-2.3.schema.json');
    spdxValidator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }
  return spdxValidator(doc) ? [] : (spdxValidator.errors ?? []);
}

/** CycloneDX 1.6 from @cyclonedx/cyclonedx-library's res/schema, compiled here at test time. */
export function cdxSchemaErrors(doc: Json): unknown[] {
  if (!cdxValidator) {
    const res = join(ROOT, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
    const json = (f: string) => JSON.parse(readFileSync(join(res, f), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('iri-reference', true);
    ajv.addFormat('idn-email', true);
    ajv.addSchema({
      ...json('spdx.SNAPSHOT.schema.json'),
      $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json',
    });
    ajv.addSchema({
      ...json('jsf-0.82.SNAPSHOT.schema.json'),
      $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json',
    });
    cdxValidator = ajv.compile(json('bom-1.6.SNAPSHOT.schema.json'));
  }
  return cdxValidator(doc) ? [] : (cdxValidator.errors ?? []);
}

/** Graph invariants both documents must hold: no duplicates, every edge to an existing element. */
export function graphProblems(cdx: Json, spdx: Json): string[] {
  const problems: string[] = [];
  const refs = new Set<string>([cdx.metadata.component['bom-ref']]);
  const purls = new Set<string>();
  for (const c of cdx.components) {
    if (refs.has(c['bom-ref'])) problems.push(`duplicate bom-ref ${c['bom-ref']}`);
    refs.add(c['bom-ref']);
    if (purls.has(c.purl)) problems.push(`duplicate purl ${c.purl}`);
    purls.add(c.purl);
    if (/%2540/.test(c.purl)) problems.push(`double-encoded purl ${c.purl}`);
  }
  for (const d of cdx.dependencies) {
    if (!refs.has(d.ref)) problems.push(`dependency ref ${d.ref} is not a component`);
    for (const to of d.dependsOn ?? []) if (!refs.has(to)) problems.push(`${d.ref} → ${to}: no such component`);
  }
  const ids = new Set<string>(['SPDXRef-DOCUMENT']);
  for (const p of spdx.packages) {
    if (ids.has(p.SPDXID)) problems.push(`duplicate SPDXID ${p.SPDXID}`);
    ids.add(p.SPDXID);
  }
  for (const r of spdx.relationships) {
    if (!ids.has(r.spdxElementId)) problems.push(`relationship from missing ${r.spdxElementId}`);
    if (!ids.has(r.relatedSpdxElement)) problems.push(`relationship to missing ${r.relatedSpdxElement}`);
  }
  if (
    !spdx.relationships.some((r: Json) => r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES')
  )
    problems.push('no DESCRIBES from the document');
  if (spdx.packages.length !== cdx.components.length + 1)
    problems.push(`SPDX has ${spdx.packages.length} packages, CycloneDX ${cdx.components.length} components + root`);
  return problems;
}

/** A run that succeeded and wrote both documents, each valid against its schema, with a sound graph. */
export function expectValid(r: SbomRun): { cdx: Json; spdx: Json } {
  expect(r.exitCode, r.stdout + r.stderr).toBe(0);
  const cdx = r.cdx as Json;
  const spdx = r.spdx as Json;
  expect(cdxSchemaErrors(cdx)).toEqual([]);
  expect(spdxSchemaErrors(spdx)).toEqual([]);
  expect(graphProblems(cdx, spdx)).toEqual([]);
  return { cdx, spdx };
}

/** name@version of every CycloneDX component, in npm spelling (`@scope/name@1.0.0`). */
export function cdxNames(cdx: Json): Set<string> {
  return new Set(cdx.components.map((c: Json) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`));
}

// --- the oracle: what each lockfile itself defines, read the simplest possible way ----------------

/** npm v2/v3: every `packages` entry that is not the root or a link, under its real (un-aliased) name. */
export function npmLockNames(text: string): Set<string> {
  const lock = JSON.parse(text) as Json;
  const out = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages as Record<string, Json>)) {
    if (path === '' || entry.link) continue;
    const at = path.lastIndexOf('node_modules/');
    // A workspace folder (`app`, `packages/x`) without a name field is named after its directory.
    const name = entry.name ?? (at === -1 ? path.split('/').pop() : path.slice(at + 'node_modules/'.length));
    out.add(`${name}@${entry.version}`);
  }
  return out;
}

/** npm v1: every entry of the nested `dependencies` tree; an alias (`npm:real@1.0.0`) under its real name. */
export function npmV1Names(text: string): Set<string> {
  const out = new Set<string>();
  const walk = (deps: Record<string, Json> | undefined): void => {
    for (const [key, entry] of Object.entries(deps ?? {})) {
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(String(entry.version));
      const version = String(entry.version);
      out.add(
        alias ? `${alias[1]}@${alias[2]}` : `${key}@${version.includes('#') ? version.split('#').pop() : version}`,
      );
      walk(entry.dependencies);
    }
  };
  walk((JSON.parse(text) as Json).dependencies);
  return out;
}

/** Yarn 1: each block's first descriptor's name and its `version` line. */
export function yarnV1Names(text: string): Set<string> {
  const out = new Set<string>();
  let name: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\S.*:$/.test(line) && !line.startsWith('#')) {
      const first = line.slice(0, -1).split(', ')[0]?.replace(/^"|"$/g, '') ?? '';
      name = first.slice(0, first.indexOf('@', 1));
    }
    const v = /^ {2}version "([^"]+)"/.exec(line);
    if (v && name) out.add(`${name}@${v[1]}`);
  }
  return out;
}

/** Yarn 2+: each entry's resolution name and version (workspaces included, at their package.json version). */
export function yarnBerryNames(text: string, dir: string): Set<string> {
  const data = parseYaml(text) as Record<string, Json>;
  const out = new Set<string>();
  for (const [key, entry] of Object.entries(data)) {
    if (key === '__metadata') continue;
    const resolution = String(entry.resolution);
    const name = resolution.slice(0, resolution.indexOf('@', 1));
    let version = String(entry.version);
    const ws = /@workspace:(.*)$/.exec(resolution);
    if (ws && version === '0.0.0-use.local') {
      const manifest = join(dir, ws[1] as string, 'package.json');
      version = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')).version ?? '0.0.0') : '0.0.0';
    }
    out.add(`${name}@${version}`);
  }
  return out;
}

/** pnpm: v6 `packages` keys (`/name@version(peers)`), v9 `snapshots` keys, peers stripped. */
export function pnpmNames(text: string): Set<string> {
  const data = parseYaml(text) as Json;
  const v9 = String(data.lockfileVersion).startsWith('9');
  const out = new Set<string>();
  for (const key of Object.keys((v9 ? data.snapshots : data.packages) ?? {})) {
    const bare = key.replace(/\(.*$/, '').replace(/^\//, '');
    out.add(bare);
  }
  return out;
}
