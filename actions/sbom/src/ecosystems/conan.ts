import type { LockfileGraph, PackageRecord } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';

/**
 * Conan `conan.lock`: Conan 2's flat lists (version 0.5: `requires`, `build_requires`,
 * `python_requires` of `name/version[@user/channel][#rrev[%time]]`) and Conan 1's graph (0.4:
 * `graph_lock.nodes` with refs and `requires` edges). Build requirements (compilers, cmake) are
 * dev-scoped. purls per the spec: `pkg:conan/zlib@1.3.2?rrev=…` (plus user and channel).
 */
export function parseConanLock(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data)) malformed(file, 'expected a JSON object', 1, 1);
  const version = String(data.version ?? '');
  const graph = newGraph('conan', file, `version ${version}`);
  if (version === '0.5') {
    for (const [field, kind] of [
      ['requires', 'prod'],
      ['python_requires', 'dev'],
      ['build_requires', 'dev'],
    ] as const) {
      for (const ref of Array.isArray(data[field]) ? data[field] : []) {
        const record = conanRef(String(ref));
        if (!record) {
          graph.warnings.push({
            file,
            line: lineOf(text, String(ref)),
            message: `${file}: "${String(ref)}" is not a Conan reference; left out`,
          });
          continue;
        }
        const id = String(ref).replace(/%.*$/, '');
        addPackage(graph, id, record);
        addDirect(graph, id, kind);
      }
    }
    // conanfile.txt [requires] names the direct ones; without it every locked reference is.
    const conanfile = manifests.text('conanfile.txt');
    if (conanfile) {
      const section = /\[requires\]([^[]*)/.exec(conanfile)?.[1] ?? '';
      const wanted = new Set(
        section
          .split('\n')
          .map((l) => l.trim().split('/')[0])
          .filter(Boolean),
      );
      if (wanted.size > 0)
        for (const id of [...graph.direct.keys()])
          if (graph.direct.get(id) === 'prod' && !wanted.has(id.split('/')[0] as string)) graph.direct.delete(id);
    }
    return graph;
  }
  if (version === '0.4') {
    const nodes = isRecord(data.graph_lock) && isRecord(data.graph_lock.nodes) ? data.graph_lock.nodes : {};
    for (const [id, node] of Object.entries(nodes)) {
      if (!isRecord(node) || typeof node.ref !== 'string') continue;
      const record = conanRef(node.ref);
      if (record) addPackage(graph, id, record);
    }
    for (const [id, node] of Object.entries(nodes)) {
      if (!isRecord(node)) continue;
      for (const [field, kind] of [
        ['requires', 'prod'],
        ['build_requires', 'dev'],
      ] as const) {
        for (const to of Array.isArray(node[field]) ? node[field] : []) {
          if (!graph.packages.has(String(to))) continue;
          if (graph.packages.has(id)) addEdge(graph, id, String(to), kind);
          else addDirect(graph, String(to), kind); // node "0" is the consumer: the project itself
        }
      }
    }
    directFromRoots(graph);
    return graph;
  }
  return unsupportedVersion(
    file,
    'version',
    version || '(missing)',
    '0.4 (Conan 1) and 0.5 (Conan 2)',
    lineOf(text, '"version"'),
  );
}

function conanRef(ref: string): PackageRecord | undefined {
  const m = /^([^/@#\s]+)\/([^@#\s]+)(?:@([^/#\s]+)\/([^#\s]+))?(?:#([0-9a-f]+))?/.exec(ref);
  if (!m) return undefined;
  const qualifiers: Record<string, string> = {};
  if (m[3] && m[3] !== '_') qualifiers.user = m[3];
  if (m[4] && m[4] !== '_') qualifiers.channel = m[4];
  if (m[5]) qualifiers.rrev = m[5];
  return {
    purlType: 'conan',
    name: m[1] as string,
    version: m[2] as string,
    qualifiers: Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
  };
}
