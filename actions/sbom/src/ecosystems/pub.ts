import { parseYaml } from '../../../../shared/yaml';
import type { LockfileGraph } from '../model/types';
import {
  addDirect,
  addPackage,
  directFromRoots,
  downloadUrl,
  hexHash,
  isRecord,
  malformed,
  newGraph,
  str,
} from './common';
import type { ManifestReader } from './manifest';

/**
 * Dart/Flutter `pubspec.lock`: every package with its `dependency` kind ("direct main", "direct
 * dev", "direct overridden", "transitive"), source (hosted, git, path, sdk), version and, for
 * hosted ones, the archive's sha256. It records no edges. SDK packages (flutter, flutter_test)
 * ship with the SDK and have no version of their own (pub writes 0.0.0): they are left out.
 */
export function parsePub(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const { doc } = parseYaml(text, { what: file, file });
  const data = doc.toJS() as unknown;
  if (!isRecord(data) || !isRecord(data.packages)) malformed(file, 'no "packages" map', 1, 1);
  const graph = newGraph('pub', file, 'pubspec.lock');
  for (const [name, entry] of Object.entries(data.packages)) {
    if (!isRecord(entry) || entry.source === 'sdk') continue;
    const description = isRecord(entry.description) ? entry.description : {};
    const version = str(entry.version) ?? '';
    const hosted = entry.source === 'hosted';
    const base = str(description.url) ?? 'https://pub.dev';
    addPackage(graph, name, {
      purlType: 'pub',
      name,
      version,
      hashes: typeof description.sha256 === 'string' ? [hexHash('SHA-256', description.sha256)] : [],
      downloadLocation: hosted
        ? downloadUrl(`${base.replace(/\/$/, '')}/api/archives/${name}-${version}.tar.gz`)
        : downloadUrl(description.url),
    });
    const kind = String(entry.dependency ?? '');
    if (kind.startsWith('direct')) addDirect(graph, name, kind === 'direct dev' ? 'dev' : 'prod');
  }
  const pubspec = manifests.text('pubspec.yaml');
  if (pubspec) {
    graph.projectName = /^name:\s*["']?([\w-]+)/m.exec(pubspec)?.[1];
    graph.projectVersion = /^version:\s*["']?([^\s"'#]+)/m.exec(pubspec)?.[1];
  }
  directFromRoots(graph);
  return graph;
}
