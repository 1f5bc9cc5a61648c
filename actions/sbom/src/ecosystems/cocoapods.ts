import { parseYaml } from '../../../../shared/yaml';
import type { LockfileGraph } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  downloadUrl,
  isRecord,
  lineOf,
  malformed,
  newGraph,
} from './common';

/**
 * CocoaPods `Podfile.lock` (YAML): PODS lists each pod or subspec as `Name/Sub (version)`, with
 * its dependencies under it; DEPENDENCIES the Podfile's own; EXTERNAL SOURCES / CHECKOUT OPTIONS
 * where git pods come from. A subspec is the purl's subpath, as the purl spec has it
 * (`pkg:cocoapods/GoogleUtilities@7.5.2#NSData+zlib`). SPEC CHECKSUMS hash the podspec, not the
 * pod, so they are not package checksums.
 */
export function parsePodfileLock(text: string, file: string): LockfileGraph {
  const { doc } = parseYaml(text, { what: file, file });
  const data = doc.toJS() as unknown;
  if (!isRecord(data) || !Array.isArray(data.PODS)) malformed(file, 'no PODS list', 1, 1);
  const graph = newGraph(
    'cocoapods',
    file,
    `Podfile.lock${typeof data.COCOAPODS === 'string' ? ` (CocoaPods ${data.COCOAPODS})` : ''}`,
  );
  const external = isRecord(data['CHECKOUT OPTIONS'])
    ? data['CHECKOUT OPTIONS']
    : isRecord(data['EXTERNAL SOURCES'])
      ? data['EXTERNAL SOURCES']
      : {};
  const pending: [string, string][] = [];
  for (const item of data.PODS) {
    const [head, deps] = isRecord(item) ? (Object.entries(item)[0] ?? ['', []]) : [String(item), []];
    const m = /^(\S+) \(([^)]+)\)$/.exec(head);
    if (!m) {
      graph.warnings.push({
        file,
        line: lineOf(text, head),
        message: `${file}: expected "Name (version)" in PODS, got "${head}"; left out`,
      });
      continue;
    }
    const full = m[1] as string;
    const [pod, ...sub] = full.split('/');
    const source = isRecord(external[pod as string]) ? (external[pod as string] as Record<string, unknown>) : {};
    addPackage(graph, full, {
      purlType: 'cocoapods',
      name: pod as string,
      version: m[2] as string,
      subpath: sub.length > 0 ? sub.join('/') : undefined,
      downloadLocation: downloadUrl(source[':git']),
    });
    for (const dep of Array.isArray(deps) ? deps : []) pending.push([full, String(dep).replace(/ \(.*\)$/, '')]);
  }
  for (const [from, to] of pending) if (graph.packages.has(to)) addEdge(graph, from, to, 'prod');
  for (const dep of Array.isArray(data.DEPENDENCIES) ? data.DEPENDENCIES : []) {
    const name = String(dep).replace(/ \(.*\)$/, '');
    if (graph.packages.has(name)) addDirect(graph, name, 'prod');
  }
  directFromRoots(graph);
  return graph;
}
