// Only the Range class: importing all of semver evaluates ~40 modules this parser never calls.
import Range from 'semver/classes/range';
import { licenseText } from '../licenses/text';
import { npmName } from '../model/purl';
import type { EdgeKind, License, LockfileGraph, PackageRecord } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  downloadUrl,
  fromIntegrity,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  str,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';

type Entry = Record<string, unknown>;

/**
 * npm `package-lock.json` / `npm-shrinkwrap.json`, lockfileVersion 1, 2 and 3. Versions 2 and 3
 * carry the flat `packages` map arborist itself reads (install paths as keys), so dependencies are
 * resolved exactly as Node would: the nearest `node_modules` up the path. Version 1 has only the
 * nested `dependencies` tree, resolved the same way.
 */
export function parseNpm(text: string, file: string, manifests?: ManifestReader): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data)) malformed(file, 'expected a JSON object at the top level', 1, 1);
  const version = data.lockfileVersion;
  if (version !== 1 && version !== 2 && version !== 3) {
    unsupportedVersion(
      file,
      'lockfileVersion',
      JSON.stringify(version ?? null),
      '1, 2, 3 (npm 5 and later)',
      lineOf(text, '"lockfileVersion"'),
    );
  }
  const graph = newGraph('npm', file, `lockfileVersion ${version}`);
  graph.projectName = str(data.name);
  graph.projectVersion = str(data.version);
  if (version >= 2 && isRecord(data.packages)) readPackages(graph, data.packages, text);
  else if (isRecord(data.dependencies)) readV1(graph, data.dependencies, text, manifests?.('package.json'));
  else
    malformed(
      file,
      `lockfileVersion ${version} without a "packages" or "dependencies" map`,
      lineOf(text, '"lockfileVersion"'),
    );
  return graph;
}

// --- v2 / v3 -------------------------------------------------------------------------------------

function readPackages(graph: LockfileGraph, packages: Record<string, unknown>, text: string): void {
  const entries = new Map<string, Entry>();
  for (const [path, entry] of Object.entries(packages)) {
    if (!isRecord(entry)) malformed(graph.file, `packages["${path}"] is not an object`, lineOf(text, `"${path}"`));
    entries.set(path, entry);
  }
  const target = (path: string): string | undefined => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    if (entry.link === true) {
      const resolved = str(entry.resolved);
      return resolved !== undefined && entries.has(resolved) ? resolved : undefined;
    }
    return path;
  };

  for (const [path, entry] of entries) {
    if (path === '' || entry.link === true) continue;
    const nameAt = path.lastIndexOf('node_modules/');
    const inNodeModules = nameAt !== -1;
    const fullName =
      str(entry.name) ?? (inNodeModules ? path.slice(nameAt + 'node_modules/'.length) : path.split('/').pop());
    if (!fullName) continue;
    const record: PackageRecord = {
      purlType: 'npm',
      ...npmName(fullName),
      version: str(entry.version) ?? '',
      hashes: fromIntegrity(entry.integrity),
      downloadLocation: downloadUrl(entry.resolved),
      license: licenseOf(entry, graph.file),
      dev: entry.dev === true,
      optional: entry.optional === true || entry.devOptional === true,
      installPath: path,
    };
    if (!inNodeModules) {
      // A workspace member (or a `file:` package) inside the project: a root of its own dependencies.
      record.project = true;
      record.dev = false;
    }
    addPackage(graph, path, record);
  }

  const root = entries.get('') ?? {};
  for (const [path, entry] of entries) {
    if (entry.link === true) continue;
    const isProject = path === '' || !path.includes('node_modules/');
    const from = path;
    const link = (name: string, spec: unknown, kind: EdgeKind, optionalPeer: boolean): void => {
      const found = resolveFrom(path, name, target);
      if (found === undefined) {
        if (kind === 'optional' || optionalPeer) return;
        if (kind === 'dev' && !isProject) return;
        const who = path === '' ? 'the project' : path;
        graph.warnings.push({
          file: graph.file,
          line: lineOf(text, `"${path}"`),
          message: `${who} ${kind === 'peer' ? 'has a peer dependency on' : 'depends on'} ${name}@${String(spec)}, which the lockfile does not contain`,
        });
        return;
      }
      if (kind === 'peer') checkPeer(graph, text, path, name, spec, entries.get(found));
      if (path === '') addDirect(graph, found, kind);
      else addEdge(graph, from, found, kind);
    };
    const peerMeta = isRecord(entry.peerDependenciesMeta) ? entry.peerDependenciesMeta : {};
    for (const [name, spec] of deps(entry.dependencies)) link(name, spec, 'prod', false);
    for (const [name, spec] of deps(entry.optionalDependencies)) link(name, spec, 'optional', false);
    for (const [name, spec] of deps(entry.peerDependencies)) {
      const meta = peerMeta[name];
      link(name, spec, 'peer', isRecord(meta) && meta.optional === true);
    }
    if (isProject) for (const [name, spec] of deps(entry.devDependencies)) link(name, spec, 'dev', false);
  }

  // Workspace members are part of the project even when the root does not depend on them.
  const workspaces = Array.isArray(root.workspaces) || isRecord(root.workspaces);
  for (const [path, record] of graph.packages) {
    if (record.project && workspaces && !graph.direct.has(path)) addDirect(graph, path, 'prod');
  }
}

/** Node's lookup: `<dir>/node_modules/<name>`, then the same from each enclosing package up to the root. */
function resolveFrom(path: string, name: string, target: (p: string) => string | undefined): string | undefined {
  let dir = path;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    const found = target(candidate);
    if (found !== undefined) return found;
    if (dir === '') return undefined;
    const nm = dir.lastIndexOf('/node_modules/');
    if (nm !== -1) dir = dir.slice(0, nm);
    else if (dir.startsWith('node_modules/')) dir = '';
    else {
      const slash = dir.lastIndexOf('/');
      dir = slash === -1 ? '' : dir.slice(0, slash);
    }
  }
}

// Each distinct peer range is parsed once (semver.validRange and semver.satisfies each parsed it
// again); `null` marks a range semver cannot parse, which is skipped as before.
const ranges = new Map<string, Range | null>();
const satisfied = new Map<string, boolean>();

function checkPeer(
  graph: LockfileGraph,
  text: string,
  path: string,
  name: string,
  spec: unknown,
  found: Entry | undefined,
): void {
  const range = typeof spec === 'string' ? spec.replace(/^npm:[^@]+@/, '') : '';
  const version = str(found?.version);
  if (!version || !range) return;
  let parsed = ranges.get(range);
  if (parsed === undefined) {
    try {
      parsed = new Range(range, { includePrerelease: true });
    } catch {
      parsed = null;
    }
    ranges.set(range, parsed);
  }
  if (!parsed) return;
  const key = `${version} ${range}`;
  let ok = satisfied.get(key);
  if (ok === undefined) {
    ok = parsed.test(version);
    satisfied.set(key, ok);
  }
  if (ok) return;
  graph.warnings.push({
    file: graph.file,
    line: lineOf(text, `"${path}"`),
    message: `peer dependency conflict: ${path === '' ? 'the project' : path.replace(/^.*node_modules\//, '')} wants ${name}@${range}, the lockfile resolves ${name}@${version} (installed with --legacy-peer-deps or --force?)`,
  });
}

function deps(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

function licenseOf(entry: Entry, file: string): License | undefined {
  const text = licenseText(entry.license) ?? licenseText(entry.licenses);
  return text ? { expression: text, valid: false, source: file } : undefined;
}

// --- v1 ------------------------------------------------------------------------------------------

function readV1(graph: LockfileGraph, top: Record<string, unknown>, text: string, manifest?: Entry): void {
  const requires = new Map<string, [string, unknown][]>();
  const walk = (deps: Record<string, unknown>, parent: string): void => {
    for (const [key, entry] of Object.entries(deps)) {
      if (!isRecord(entry)) malformed(graph.file, `dependencies["${key}"] is not an object`, lineOf(text, `"${key}"`));
      const path = parent === '' ? `node_modules/${key}` : `${parent}/node_modules/${key}`;
      const raw = str(entry.version) ?? '';
      const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw);
      const fullName = alias ? (alias[1] as string) : key;
      let version = alias ? (alias[2] as string) : raw;
      let download = downloadUrl(entry.resolved);
      if (/^(git\+|github:|git:|https?:|file:)/.test(version)) {
        download ??= downloadUrl(version);
        version = version.includes('#') ? (version.split('#').pop() as string) : version;
      }
      addPackage(graph, path, {
        purlType: 'npm',
        ...npmName(fullName),
        version,
        hashes: fromIntegrity(entry.integrity),
        downloadLocation: download,
        dev: entry.dev === true,
        optional: entry.optional === true,
        installPath: path,
      });
      requires.set(path, deps2(entry.requires));
      if (isRecord(entry.dependencies)) walk(entry.dependencies, path);
    }
  };
  walk(top, '');
  const target = (p: string): string | undefined => (graph.packages.has(p) ? p : undefined);
  for (const [path, list] of requires) {
    const optional = graph.packages.get(path)?.optional === true;
    for (const [name, spec] of list) {
      const found = resolveFrom(path, name, target);
      if (found !== undefined) addEdge(graph, path, found, 'prod');
      else if (!optional)
        graph.warnings.push({
          file: graph.file,
          line: lineOf(text, `"${name}"`),
          message: `${path} requires ${name}@${String(spec)}, which the lockfile does not contain`,
        });
    }
  }
  if (manifest) {
    const kinds: [string, EdgeKind][] = [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
      ['devDependencies', 'dev'],
    ];
    for (const [field, kind] of kinds) {
      for (const name of Object.keys(isRecord(manifest[field]) ? (manifest[field] as Entry) : {})) {
        const found = target(`node_modules/${name}`);
        if (found) addDirect(graph, found, kind);
      }
    }
  }
  directFromRoots(graph);
}

function deps2(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}
