import type { LockfileGraph } from '../model/types';
import {
  addDirect,
  addPackage,
  directFromRoots,
  downloadUrl,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  str,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';

/**
 * SwiftPM `Package.resolved`: version 1 (`object.pins[]` with `package`/`repositoryURL`),
 * 2 and 3 (`pins[]` with `identity`/`location`; 3 adds `originHash`). Pins carry no edges; the
 * direct ones are those Package.swift names by URL (when it is beside the file), else every pin.
 * The purl is `pkg:swift/<host>/<owner>/<repo>@<version>`, as the purl spec gives it.
 */
export function parseSwift(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data)) malformed(file, 'expected a JSON object', 1, 1);
  const version = Number(data.version);
  if (![1, 2, 3].includes(version))
    unsupportedVersion(file, 'version', String(data.version), '1, 2, 3 (Swift 5.0 to 6.x)', lineOf(text, '"version"'));
  const graph = newGraph('swift', file, `version ${version}`);
  const pins = version === 1 ? (isRecord(data.object) ? data.object.pins : undefined) : data.pins;
  if (!Array.isArray(pins)) malformed(file, 'no "pins" list', 1, 1);
  const manifest = manifests.text('Package.swift');
  const named = new Set([...(manifest ?? '').matchAll(/url:\s*"([^"]+)"/g)].map((m) => normaliseUrl(m[1] as string)));
  for (const pin of pins) {
    if (!isRecord(pin)) continue;
    const location = str(pin.repositoryURL) ?? str(pin.location);
    const identity = str(pin.package) ?? str(pin.identity) ?? '';
    const state = isRecord(pin.state) ? pin.state : {};
    const pinned = str(state.version) ?? str(state.revision) ?? '';
    const where = location ? repoPath(location) : undefined;
    if (!location || !where) {
      graph.warnings.push({
        file,
        line: lineOf(text, identity),
        message: `${file}: ${identity} is a local package (${location ?? 'no location'}); it has no registry identity and is left out`,
      });
      continue;
    }
    const id = `${where.namespace}/${where.name}`;
    addPackage(graph, id, {
      purlType: 'swift',
      namespace: where.namespace,
      name: where.name,
      version: pinned,
      downloadLocation: downloadUrl(location.startsWith('git@') ? undefined : location),
    });
    if (named.has(normaliseUrl(location))) addDirect(graph, id, 'prod');
  }
  directFromRoots(graph);
  return graph;
}

/** `https://github.com/apple/swift-log.git` → namespace `github.com/apple`, name `swift-log`. */
function repoPath(location: string): { namespace: string; name: string } | undefined {
  const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?|[^@/]+@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/i.exec(location);
  if (!m) return undefined;
  const parts = `${m[1]}/${m[2]}`.split('/');
  const name = parts.pop() as string;
  return parts.length > 0 ? { namespace: parts.join('/'), name } : undefined;
}

function normaliseUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/\.git$/, '')
    .replace(/\/$/, '');
}
