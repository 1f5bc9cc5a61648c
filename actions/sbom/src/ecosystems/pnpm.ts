import { parseYaml } from '../../../../shared/yaml';
import { npmName } from '../model/purl';
import type { EdgeKind, LockfileGraph } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
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

type Entry = Record<string, unknown>;

const IMPORTER_FIELDS: [string, EdgeKind][] = [
  ['dependencies', 'prod'],
  ['optionalDependencies', 'optional'],
  ['devDependencies', 'dev'],
];

/**
 * `pnpm-lock.yaml` v6 (pnpm 8: `/name@version(peers)` keys) and v9 (pnpm 9/10: `packages` for
 * metadata, `snapshots` for the graph). A peer-resolved variant (`react-dom@18.3.1(react@18.3.1)`)
 * is a graph node of its own here; the builder folds variants of one version into one component.
 */
export function parsePnpm(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const { doc } = parseYaml(text, { what: file, file });
  const data = doc.toJS() as unknown;
  if (!isRecord(data)) malformed(file, 'expected a YAML mapping at the top level', 1, 1);
  const raw = String(data.lockfileVersion ?? '');
  const major = Number.parseInt(raw, 10);
  if (major !== 6 && major !== 9) {
    unsupportedVersion(
      file,
      'lockfileVersion',
      raw || '(missing)',
      "'6.0' (pnpm 8) and '9.0' (pnpm 9 and 10)",
      lineOf(text, 'lockfileVersion'),
    );
  }
  const graph = newGraph('pnpm', file, `lockfileVersion ${raw}`);
  const v9 = major === 9;
  const packages = isRecord(data.packages) ? data.packages : {};
  const snapshots = v9 ? (isRecord(data.snapshots) ? data.snapshots : {}) : packages;

  const keyOf = (name: string, ref: string): string | undefined => {
    if (ref.startsWith('link:')) return undefined;
    if (!v9) return ref.startsWith('/') ? ref : `/${name}@${ref}`;
    // v9 writes an alias as the full `name@version` key, and a `file:`, tarball or git dependency
    // as its reference alone (the key being `name@file:…`).
    const bare = ref.replace(/\(.*$/, '');
    if (/^\d/.test(bare)) return `${name}@${ref}`;
    const at = bare.indexOf('@', 1);
    const colon = bare.indexOf(':');
    return at !== -1 && (colon === -1 || at < colon) ? ref : `${name}@${ref}`;
  };

  for (const [key, value] of Object.entries(snapshots)) {
    const entry = isRecord(value) ? value : {};
    const bare = key.replace(/\(.*$/, '');
    const meta = v9 ? (isRecord(packages[bare]) ? (packages[bare] as Entry) : {}) : entry;
    const split = splitKey(v9 ? bare : bare.replace(/^\//, ''));
    const name = str(meta.name) ?? split.name;
    const version = str(meta.version) ?? split.version;
    const resolution = isRecord(meta.resolution) ? meta.resolution : {};
    addPackage(graph, key, {
      purlType: 'npm',
      ...npmName(name),
      version,
      hashes: fromIntegrity(resolution.integrity),
      downloadLocation: downloadUrl(resolution.tarball) ?? downloadUrl(resolution.repo) ?? registryUrl(name, version),
      dev: v9 ? undefined : typeof entry.dev === 'boolean' ? entry.dev : undefined,
      optional: entry.optional === true ? true : undefined,
      // pnpm's virtual store: node_modules/.pnpm/<name@version, / as +>/node_modules/<name> (peers add a suffix).
      installPath: `node_modules/.pnpm/${bare.replace(/^\//, '').replace(/\//g, '+')}/node_modules/${name}`,
    });
  }
  for (const [key, value] of Object.entries(snapshots)) {
    if (!isRecord(value)) continue;
    for (const [field, kind] of [
      ['dependencies', 'prod'],
      ['optionalDependencies', 'optional'],
    ] as const) {
      if (!isRecord(value[field])) continue;
      for (const [name, ref] of Object.entries(value[field])) {
        const target = keyOf(name, String(ref));
        if (target && graph.packages.has(target)) addEdge(graph, key, target, kind);
        else if (target && kind === 'prod')
          graph.warnings.push({
            file,
            line: lineOf(text, key),
            message: `${key} depends on ${name}@${String(ref)}, which the lockfile does not contain`,
          });
      }
    }
  }

  const importers: Record<string, unknown> = isRecord(data.importers) ? data.importers : { '.': data };
  // Every workspace member first, so a `link:` to a member listed later still resolves.
  for (const [dir, value] of Object.entries(importers)) {
    if (!isRecord(value)) continue;
    const manifest = dir === '.' ? undefined : manifests(`${dir}/package.json`);
    const name = str(manifest?.name);
    // A member without a package.json naming it is not a package: its folder name is no registry
    // name, so its dependencies count as the project's own instead.
    if (dir !== '.' && name) {
      const from = `importer:${dir}`;
      addPackage(graph, from, {
        purlType: 'npm',
        ...npmName(name),
        version: str(manifest?.version) ?? '',
        project: true,
        installPath: dir,
      });
      addDirect(graph, from, 'prod');
    } else if (dir === '.') {
      const root = manifests('package.json');
      graph.projectName = str(root?.name);
      graph.projectVersion = str(root?.version);
    }
  }
  for (const [dir, value] of Object.entries(importers)) {
    if (!isRecord(value)) continue;
    const from = graph.packages.has(`importer:${dir}`) ? `importer:${dir}` : undefined;
    for (const [field, kind] of IMPORTER_FIELDS) {
      if (!isRecord(value[field])) continue;
      for (const [name, spec] of Object.entries(value[field])) {
        // v6+: `{specifier, version}`; the version may be `link:` to another importer.
        const ref = isRecord(spec) ? String(spec.version ?? '') : String(spec);
        let target = keyOf(name, ref);
        if (ref.startsWith('link:')) {
          const linked = joinDir(dir, ref.slice(5));
          target = importers[linked] !== undefined ? `importer:${linked}` : undefined;
        }
        if (!target || !graph.packages.has(target)) {
          if (!ref.startsWith('link:') && kind !== 'optional')
            graph.warnings.push({
              file,
              line: lineOf(text, `${name}:`),
              message: `importer ${dir} depends on ${name}@${ref}, which the lockfile does not contain`,
            });
          continue;
        }
        if (from) addEdge(graph, from, target, kind);
        else addDirect(graph, target, kind);
      }
    }
  }
  return graph;
}

/** `@scope/name@1.2.3` or `name@1.2.3` (pnpm 6 also has `/name/1.2.3` from 5.x-era keys). */
function splitKey(key: string): { name: string; version: string } {
  const at = key.indexOf('@', 1);
  if (at !== -1) return { name: key.slice(0, at), version: key.slice(at + 1) };
  const slash = key.lastIndexOf('/');
  return { name: key.slice(0, slash), version: key.slice(slash + 1) };
}

function joinDir(base: string, relative: string): string {
  const parts = base === '.' ? [] : base.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

function registryUrl(name: string, version: string): string | undefined {
  if (!/^\d+\.\d+\.\d+/.test(version)) return undefined;
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`;
}
