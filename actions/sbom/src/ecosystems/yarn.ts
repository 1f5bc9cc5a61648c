import { parseYaml } from '../../../../shared/yaml';
import { npmName } from '../model/purl';
import type { EdgeKind, LockfileGraph } from '../model/types';
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
  str,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';
import { workspaceDirs } from './workspaces';

type Entry = Record<string, unknown>;

// Yarn 2 wrote 4, Yarn 3 5–6, Yarn 4.0–4.13 8, 4.14 9 and 4.15 onwards 10 (each checked with the
// real CLI); the entries' shape has not changed in a way this parser reads.
const BERRY_VERSIONS = [4, 5, 6, 7, 8, 9, 10];

/** `yarn.lock` from Yarn 1 (its own line format) or Yarn 2–4 ("berry", YAML with `__metadata`). */
export function parseYarn(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  if (/^__metadata:/m.test(text)) return parseBerry(text, file, manifests);
  return parseClassic(text, file, manifests);
}

/** Splits `@scope/name@range` (or `name@npm:range`) at the `@` that ends the name. */
function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf('@', 1);
  return at === -1 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

function unquote(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

// --- Yarn 1 --------------------------------------------------------------------------------------

interface ClassicEntry {
  line: number;
  fields: Map<string, string>;
  maps: Map<string, Map<string, string>>;
}

function parseClassic(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const header = /^# yarn lockfile v(\d+)/m.exec(text);
  if (header && header[1] !== '1') {
    unsupportedVersion(
      file,
      'yarn lockfile version',
      `v${header[1]}`,
      'yarn lockfile v1 (Yarn 1) and __metadata versions 4–10 (Yarn 2–4)',
      lineOf(text, '# yarn lockfile'),
    );
  }
  const graph = newGraph('yarn', file, 'yarn v1');
  const entries = new Map<string, ClassicEntry>();
  const byDescriptor = new Map<string, string>();
  const lines = text.split('\n');
  let current: ClassicEntry | undefined;
  let currentMap: Map<string, string> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (indent === 0) {
      if (!line.endsWith(':'))
        malformed(
          file,
          `expected "<package>@<range>:" to start an entry, got ${JSON.stringify(line.slice(0, 60))}`,
          i + 1,
          1,
        );
      const keys = splitKeys(line.slice(0, -1));
      const id = keys[0] as string;
      current = { line: i + 1, fields: new Map(), maps: new Map() };
      entries.set(id, current);
      for (const key of keys) byDescriptor.set(key, id);
      currentMap = undefined;
    } else if (!current) {
      malformed(file, 'indented line before any entry', i + 1, indent + 1);
    } else if (indent === 2) {
      if (line.endsWith(':')) {
        currentMap = new Map();
        current.maps.set(line.slice(0, -1), currentMap);
      } else {
        const [key, value] = splitPair(line, file, i + 1, indent);
        current.fields.set(key, value);
        currentMap = undefined;
      }
    } else {
      if (!currentMap) malformed(file, `unexpected indentation (${indent} spaces)`, i + 1, indent + 1);
      const [key, value] = splitPair(line, file, i + 1, indent);
      currentMap.set(key, value);
    }
  }

  for (const [id, entry] of entries) {
    const [name] = splitDescriptor(id);
    const version = entry.fields.get('version');
    if (!version) malformed(file, `entry "${id}" has no version`, entry.line, 1);
    const resolved = entry.fields.get('resolved');
    const hashes = fromIntegrity(entry.fields.get('integrity'));
    const sha1 = resolved ? /#([0-9a-f]{40})$/.exec(resolved) : null;
    if (sha1 && !hashes.some((h) => h.alg === 'SHA-1')) hashes.push({ alg: 'SHA-1', value: sha1[1] as string });
    // An aliased install (`alias@npm:real@^1`) is the real package.
    const alias = /^npm:((?:@[^/]+\/)?[^@]+)@/.exec(splitDescriptor(id)[1]);
    addPackage(graph, id, {
      purlType: 'npm',
      ...npmName(alias ? (alias[1] as string) : name),
      version,
      hashes,
      downloadLocation: downloadUrl(resolved?.replace(/#[0-9a-f]{40}$/, '')),
      installPath: `node_modules/${name}`,
    });
  }
  const overridden = resolutionsOf(manifests);
  for (const [id, entry] of entries) {
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
    ] as const) {
      for (const [name, range] of entry.maps.get(field) ?? []) {
        const target =
          byDescriptor.get(`${name}@${range}`) ?? overridden(name, (r) => byDescriptor.get(`${name}@${r}`));
        if (target) addEdge(graph, id, target, kind);
        else if (kind !== 'optional')
          graph.warnings.push({
            file,
            line: entry.line,
            message: `${id} depends on ${name}@${range}, which the lockfile does not contain`,
          });
      }
    }
  }
  projectRoots(graph, manifests, (name, range) => byDescriptor.get(`${name}@${range}`));
  return graph;
}

function splitKeys(text: string): string[] {
  const keys: string[] = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|[^,]+)\s*(?:,|$)/gy;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) keys.push(unquote(m[1] as string));
  return keys;
}

function splitPair(line: string, file: string, lineNo: number, indent: number): [string, string] {
  const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(line);
  if (!m) malformed(file, `expected "<key> <value>", got ${JSON.stringify(line.slice(0, 60))}`, lineNo, indent + 1);
  return [unquote(m[1] as string), unquote(m[2] as string)];
}

// --- Yarn 2–4 ------------------------------------------------------------------------------------

function parseBerry(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const { doc } = parseYaml(text, { what: file, file, uniqueKeys: false });
  const data = doc.toJS() as unknown;
  if (!isRecord(data) || !isRecord(data.__metadata)) malformed(file, 'missing __metadata', 1, 1);
  const version = Number(data.__metadata.version);
  if (!BERRY_VERSIONS.includes(version)) {
    unsupportedVersion(
      file,
      'yarn __metadata version',
      String(data.__metadata.version),
      `${BERRY_VERSIONS.join(', ')} (Yarn 2–4) and yarn lockfile v1`,
      lineOf(text, 'version:'),
    );
  }
  const graph = newGraph('yarn', file, `yarn berry ${version}`);
  const byDescriptor = new Map<string, string>();
  const entries = new Map<string, Entry>();
  for (const [key, value] of Object.entries(data)) {
    if (key === '__metadata' || !isRecord(value)) continue;
    const descriptors = key.split(',').map((d) => d.trim());
    const id = descriptors[0] as string;
    entries.set(id, value);
    for (const d of descriptors) byDescriptor.set(d, id);
  }
  const exact = (name: string, range: string): string | undefined =>
    byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
  const overridden = resolutionsOf(manifests);
  const lookup = (name: string, range: string): string | undefined =>
    exact(name, range) ?? overridden(name, (r) => exact(name, r));

  for (const [id, entry] of entries) {
    const resolution = str(entry.resolution) ?? id;
    const [name, reference] = splitDescriptor(resolution);
    const version = str(entry.version) ?? (entry.version === undefined ? '' : String(entry.version));
    const workspace = reference.startsWith('workspace:');
    const npm = reference.startsWith('npm:');
    addPackage(graph, id, {
      purlType: 'npm',
      ...npmName(name),
      version: workspace && version === '0.0.0-use.local' ? manifestVersion(manifests, reference) : version,
      // Berry's `checksum` hashes Yarn's own zip archive, not the registry tarball: not a package checksum.
      hashes: [],
      downloadLocation: npm ? registryUrl(name, reference.slice(4)) : downloadUrl(reference.replace(/#commit=/, '#')),
      project: workspace,
      installPath: workspace ? reference.slice('workspace:'.length) : `node_modules/${name}`,
    });
  }
  for (const [id, entry] of entries) {
    const kinds = workspaceKinds(graph, id, manifests);
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['peerDependencies', 'peer'],
    ] as const) {
      if (!isRecord(entry[field])) continue;
      for (const [name, range] of Object.entries(entry[field])) {
        const target = lookup(name, String(range));
        const meta = isRecord(entry.dependenciesMeta) ? entry.dependenciesMeta[name] : undefined;
        if (target) addEdge(graph, id, target, kinds?.get(name) ?? kind);
        else if (kind === 'prod' && !(isRecord(meta) && meta.optional === true))
          graph.warnings.push({
            file,
            line: lineOf(text, `${id}`),
            message: `${id} depends on ${name}@${String(range)}, which the lockfile does not contain`,
          });
      }
    }
  }
  for (const [id, record] of graph.packages) {
    if (record.project && record.installPath === '.') {
      graph.projectName = graph.projectName ?? `${record.namespace ? `${record.namespace}/` : ''}${record.name}`;
      // Berry writes `0.0.0-use.local` for workspaces: the version is package.json's.
      graph.projectVersion ??= record.version || undefined;
      for (const [to, kind] of graph.edges.get(id) ?? []) addDirect(graph, to, kind);
    } else if (record.project) addDirect(graph, id, 'prod');
  }
  directFromRoots(graph);
  return graph;
}

/**
 * package.json `resolutions` (`"foo"`, `"**\/foo"`, `"parent/foo"`, `"foo@^1"` → range): the
 * lockfile records the overriding descriptor, while dependents still ask for their own range.
 * The lookup tries each override for the dependency's name, so those edges are kept.
 */
function resolutionsOf(
  manifests: ManifestReader,
): (name: string, find: (range: string) => string | undefined) => string | undefined {
  const field = manifests('package.json')?.resolutions;
  const byName = new Map<string, string[]>();
  if (isRecord(field)) {
    for (const [pattern, range] of Object.entries(field)) {
      const m = /(?:^|\/)((?:@[^/]+\/)?[^/@]+)(?:@[^/]*)?$/.exec(pattern);
      if (!m || typeof range !== 'string') continue;
      byName.set(m[1] as string, [...(byName.get(m[1] as string) ?? []), range]);
    }
  }
  return (name, find) => {
    for (const range of byName.get(name) ?? []) {
      const found = find(range);
      if (found) return found;
    }
    return undefined;
  };
}

function registryUrl(name: string, version: string): string | undefined {
  if (!/^\d/.test(version)) return undefined;
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `https://registry.yarnpkg.com/${name}/-/${base}-${version}.tgz`;
}

function manifestVersion(manifests: ManifestReader, reference: string): string {
  const dir = reference.slice('workspace:'.length);
  const version = str(manifests(`${dir}/package.json`)?.version);
  return version ?? '';
}

/** A workspace's package.json says which of its dependencies are dev; the berry lockfile does not. */
function workspaceKinds(
  graph: LockfileGraph,
  id: string,
  manifests: ManifestReader,
): Map<string, EdgeKind> | undefined {
  const record = graph.packages.get(id);
  if (!record?.project || record.installPath === undefined) return undefined;
  const manifest = manifests(`${record.installPath}/package.json`);
  if (!manifest) return undefined;
  const kinds = new Map<string, EdgeKind>();
  for (const name of Object.keys(isRecord(manifest.devDependencies) ? manifest.devDependencies : {}))
    kinds.set(name, 'dev');
  for (const name of Object.keys(isRecord(manifest.optionalDependencies) ? manifest.optionalDependencies : {}))
    kinds.set(name, 'optional');
  for (const name of Object.keys(isRecord(manifest.dependencies) ? manifest.dependencies : {})) kinds.set(name, 'prod');
  return kinds;
}

/**
 * Yarn 1 does not record the project or its workspaces in the lockfile: their package.json files
 * do. Each workspace becomes a project component, the root's dependencies become direct ones.
 */
function projectRoots(
  graph: LockfileGraph,
  manifests: ManifestReader,
  lookup: (name: string, range: string) => string | undefined,
): void {
  const root = manifests('package.json');
  if (!root) {
    directFromRoots(graph);
    return;
  }
  graph.projectName = str(root.name);
  graph.projectVersion = str(root.version);
  const link = (manifest: Entry, from: string | undefined): void => {
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
      ['devDependencies', 'dev'],
    ] as const) {
      if (!isRecord(manifest[field])) continue;
      for (const [name, range] of Object.entries(manifest[field])) {
        const target = lookup(name, String(range));
        if (!target) continue;
        if (from === undefined) addDirect(graph, target, kind);
        else addEdge(graph, from, target, kind);
      }
    }
  };
  link(root, undefined);
  for (const dir of workspaceDirs(root, manifests)) {
    const manifest = manifests(`${dir}/package.json`);
    const name = str(manifest?.name);
    if (!manifest || !name) continue;
    const id = `workspace:${dir}`;
    addPackage(graph, id, {
      purlType: 'npm',
      ...npmName(name),
      version: str(manifest.version) ?? '',
      project: true,
      installPath: dir,
    });
    addDirect(graph, id, 'prod');
    link(manifest, id);
  }
  if (graph.direct.size === 0) directFromRoots(graph);
}
