import type { LockfileGraph } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  downloadUrl,
  hexHash,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  str,
} from './common';
import type { ManifestReader } from './manifest';

/** Platform requirements (`php`, `ext-json`, `composer-plugin-api`…) are not packages. */
const PLATFORM =
  /^(php|php-64bit|php-ipv6|php-zts|php-debug|hhvm|composer|composer-plugin-api|composer-runtime-api|ext-.+|lib-.+)$/i;

/** `composer.lock`: `packages` and `packages-dev`, licenses as declared, `require` as edges. */
export function parseComposer(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data) || !Array.isArray(data.packages))
    malformed(file, 'expected an object with a "packages" array', 1, 1);
  const graph = newGraph(
    'composer',
    file,
    `composer.lock${str(data['plugin-api-version']) ? ` (plugin API ${String(data['plugin-api-version'])})` : ''}`,
  );
  const all: [Record<string, unknown>, boolean][] = [
    ...data.packages.filter(isRecord).map((p) => [p, false] as [Record<string, unknown>, boolean]),
    ...(Array.isArray(data['packages-dev']) ? data['packages-dev'] : [])
      .filter(isRecord)
      .map((p) => [p, true] as [Record<string, unknown>, boolean]),
  ];
  for (const [pkg, dev] of all) {
    const full = str(pkg.name);
    const version = str(pkg.version);
    if (!full || !version)
      malformed(
        file,
        `a package without name or version${full ? ` (${full})` : ''}`,
        lineOf(text, `"name": "${full ?? ''}"`),
      );
    const [vendor, name] = full.includes('/') ? (full.split('/', 2) as [string, string]) : [undefined, full];
    const dist = isRecord(pkg.dist) ? pkg.dist : {};
    const source = isRecord(pkg.source) ? pkg.source : {};
    const shasum = str(dist.shasum);
    const licenses = Array.isArray(pkg.license) ? pkg.license.filter((l): l is string => typeof l === 'string') : [];
    addPackage(graph, full.toLowerCase(), {
      purlType: 'composer',
      namespace: vendor?.toLowerCase(),
      name: (name as string).toLowerCase(),
      version,
      hashes: shasum ? [hexHash('SHA-1', shasum)] : [],
      downloadLocation: downloadUrl(dist.url) ?? downloadUrl(source.url),
      // Composer's array means "any of these" (disjunctive), per its schema.
      license:
        licenses.length > 0
          ? {
              expression: licenses.length === 1 ? (licenses[0] as string) : `(${licenses.join(' OR ')})`,
              valid: false,
              source: file,
            }
          : undefined,
      supplier: vendor,
      dev,
      installPath: `vendor/${full}`,
    });
  }
  for (const [pkg] of all) {
    const from = String(pkg.name).toLowerCase();
    for (const dep of Object.keys(isRecord(pkg.require) ? pkg.require : {})) {
      if (PLATFORM.test(dep)) continue;
      const to = dep.toLowerCase();
      if (graph.packages.has(to)) addEdge(graph, from, to, 'prod');
    }
  }
  const manifest = manifests('composer.json');
  if (manifest) {
    graph.projectName = str(manifest.name);
    graph.projectVersion = str(manifest.version);
    for (const [field, kind] of [
      ['require', 'prod'],
      ['require-dev', 'dev'],
    ] as const)
      for (const dep of Object.keys(isRecord(manifest[field]) ? manifest[field] : {}))
        if (graph.packages.has(dep.toLowerCase())) addDirect(graph, dep.toLowerCase(), kind);
  }
  directFromRoots(graph);
  return graph;
}
