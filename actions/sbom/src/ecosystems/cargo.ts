import type { LockfileGraph } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  hexHash,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  str,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';
import { parseToml } from './toml';

/**
 * `Cargo.lock` format v1–v4. Packages without a `source` are the workspace's own crates (the
 * roots); a dependency is written `name`, `name version` or `name version (source)` when the name
 * alone is ambiguous.
 */
export function parseCargo(text: string, file: string, manifests?: ManifestReader): LockfileGraph {
  const data = parseToml(text, file);
  const version = data.version === undefined ? 1 : Number(data.version);
  if (![1, 2, 3, 4].includes(version))
    unsupportedVersion(
      file,
      'version',
      String(data.version),
      '1, 2, 3, 4 (Cargo 1.0 and later)',
      lineOf(text, 'version ='),
    );
  const graph = newGraph(
    'cargo',
    file,
    data.version === undefined ? 'version 1/2 (no version key)' : `version ${version}`,
  );
  const packages = (Array.isArray(data.package) ? data.package : []).filter(isRecord);
  // v1 kept checksums in [metadata] as `"checksum <name> <version> (<source>)" = "<sha256>"`.
  const legacy = isRecord(data.metadata) ? data.metadata : {};
  const byName = new Map<string, string[]>();
  for (const pkg of packages) {
    const name = str(pkg.name);
    const pkgVersion = str(pkg.version);
    if (!name || !pkgVersion)
      malformed(
        file,
        `[[package]] without name or version${name ? ` (${name})` : ''}`,
        lineOf(text, `name = "${name ?? ''}"`),
      );
    const source = str(pkg.source);
    const id = `${name} ${pkgVersion}${source ? ` (${source})` : ''}`;
    const checksum = str(pkg.checksum) ?? str(legacy[`checksum ${id}`]);
    byName.set(name, [...(byName.get(name) ?? []), id]);
    const git = source?.startsWith('git+') ? source.slice(4) : undefined;
    addPackage(graph, id, {
      purlType: 'cargo',
      name,
      version: pkgVersion,
      hashes: checksum ? [hexHash('SHA-256', checksum)] : [],
      downloadLocation:
        source?.startsWith('registry+https://github.com/rust-lang/crates.io-index') ||
        source === 'sparse+https://index.crates.io/'
          ? `https://crates.io/api/v1/crates/${name}/${pkgVersion}/download`
          : git,
      project: source === undefined,
    });
  }
  const resolve = (dep: string): string | undefined => {
    const [name, depVersion, source] = dep.split(' ');
    const ids = byName.get(name as string) ?? [];
    if (ids.length <= 1 || !depVersion) return ids[0];
    const candidates = ids.filter((id) => id.startsWith(`${name} ${depVersion}`));
    if (source) return candidates.find((id) => id.endsWith(source)) ?? candidates[0];
    return candidates[0];
  };
  for (const pkg of packages) {
    const source = str(pkg.source);
    const from = `${String(pkg.name)} ${String(pkg.version)}${source ? ` (${source})` : ''}`;
    for (const dep of Array.isArray(pkg.dependencies) ? pkg.dependencies : []) {
      const to = resolve(String(dep));
      if (to) addEdge(graph, from, to, 'prod');
      else
        graph.warnings.push({
          file,
          line: lineOf(text, `name = "${String(pkg.name)}"`),
          message: `${from} depends on ${String(dep)}, which the lockfile does not contain`,
        });
    }
  }
  for (const [id, record] of graph.packages) if (record.project) addDirect(graph, id, 'prod');
  directFromRoots(graph);
  Object.assign(graph, cargoRoot(graph, manifests));
  return graph;
}

/**
 * The project is the package of the Cargo.toml beside the lockfile (ripgrep's is `ripgrep`, not
 * the first workspace member in the file); a virtual workspace (no [package]) names none, so the
 * root is named after the directory. Without a Cargo.toml, a single local crate is the project.
 */
function cargoRoot(
  graph: LockfileGraph,
  manifests: ManifestReader | undefined,
): { projectName?: string; projectVersion?: string } {
  const toml = manifests?.text('Cargo.toml');
  const local = [...graph.packages.values()].filter((p) => p.project);
  if (toml === undefined)
    return local.length === 1 ? { projectName: local[0]?.name, projectVersion: local[0]?.version } : {};
  let manifest: Record<string, unknown>;
  try {
    manifest = parseToml(toml, 'Cargo.toml');
  } catch {
    return {};
  }
  const pkg = isRecord(manifest.package) ? manifest.package : undefined;
  const name = str(pkg?.name);
  if (!name) return {};
  // `version.workspace = true` (or no version): the lockfile's entry for the crate has the resolved one.
  const version = str(pkg?.version) ?? local.find((p) => p.name === name)?.version;
  return { projectName: name, projectVersion: version };
}
