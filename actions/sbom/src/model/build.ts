import { purlsOf } from './purl';
import {
  type Component,
  type EdgeKind,
  type Hash,
  type LockfileGraph,
  type PackageRecord,
  type ParseWarning,
  ROOT_REF,
  type RootComponent,
  type SbomGraph,
} from './types';

export interface BuildOptions {
  root: RootComponent;
  includeDev: boolean;
}

interface Scope {
  dev: boolean;
  optional: boolean;
}

/**
 * Merges every lockfile's graph into one: one component per purl (a package version seen in two
 * lockfiles, or twice in one through pnpm peer variants or yarn patches, is still one component),
 * edges re-keyed to purls, scopes computed from reachability, and nothing dangling.
 */
export async function buildGraph(graphs: readonly LockfileGraph[], options: BuildOptions): Promise<SbomGraph> {
  const purlMaps = await Promise.all(graphs.map((g) => purlsOf(g.packages)));
  const components = new Map<string, Component>();
  const edges = new Map<string, Set<string>>();
  const rootEdges = new Set<string>();
  const warnings: ParseWarning[] = [];
  const sources: SbomGraph['sources'] = [];

  for (const [index, graph] of graphs.entries()) {
    warnings.push(...graph.warnings);
    const purls = purlMaps[index] as Map<string, string>;
    const scopes = scopesOf(graph);
    const seen = new Set<string>();
    for (const [id, record] of graph.packages) {
      const purl = purls.get(id) as string;
      seen.add(purl);
      const scope = scopes.get(id) ?? { dev: false, optional: false };
      const existing = components.get(purl);
      if (!existing) {
        components.set(purl, {
          ...record,
          purl,
          hashes: dedupeHashes(record.hashes ?? []),
          ecosystems: [graph.ecosystem],
          files: [graph.file],
          dev: scope.dev,
          optional: scope.optional,
          direct: false,
        });
        continue;
      }
      merge(existing, record, graph, scope);
    }
    sources.push({
      file: graph.file,
      display: graph.display ?? graph.file,
      ecosystem: graph.ecosystem,
      format: graph.format,
      components: seen.size,
    });

    for (const [from, targets] of graph.edges) {
      const fromPurl = purls.get(from);
      if (!fromPurl) continue;
      let set = edges.get(fromPurl);
      for (const to of targets.keys()) {
        const toPurl = purls.get(to);
        // A pnpm peer variant or a yarn patch of the same version collapses onto its own purl.
        if (!toPurl || toPurl === fromPurl) continue;
        if (!set) {
          set = new Set();
          edges.set(fromPurl, set);
        }
        set.add(toPurl);
      }
    }
    for (const id of graph.direct.keys()) {
      const purl = purls.get(id);
      if (!purl) continue;
      rootEdges.add(purl);
      const component = components.get(purl) as Component;
      if (!graph.packages.get(id)?.indirect) component.direct = true;
    }
  }

  if (!options.includeDev) {
    for (const [purl, component] of components) if (component.dev) components.delete(purl);
  }

  const sorted = [...components.values()].sort((a, b) => compare(a.purl, b.purl));
  const dependencies = new Map<string, string[]>();
  dependencies.set(ROOT_REF, [...rootEdges].filter((p) => components.has(p)).sort(compare));
  for (const component of sorted) {
    const targets = edges.get(component.purl);
    const list = targets ? [...targets].filter((p) => components.has(p)).sort(compare) : [];
    dependencies.set(component.purl, list);
    // Most components come from one lockfile and carry one hash: nothing to dedupe or sort.
    if (component.ecosystems.length > 1) component.ecosystems = [...new Set(component.ecosystems)].sort(compare);
    if (component.files.length > 1) component.files = [...new Set(component.files)].sort(compare);
    component.hashes ??= [];
    if (component.hashes.length > 1) component.hashes.sort((a, b) => compare(a.alg, b.alg));
  }
  // The same conflict under two install paths (nested copies of one package) is one warning.
  const seenWarnings = new Set<string>();
  const unique = warnings.filter((w) => !seenWarnings.has(w.message) && seenWarnings.add(w.message));
  return { root: options.root, components: sorted, dependencies, sources, warnings: unique };
}

function merge(existing: Component, record: PackageRecord, graph: LockfileGraph, scope: Scope): void {
  existing.ecosystems.push(graph.ecosystem);
  existing.files.push(graph.file);
  existing.hashes = dedupeHashes([...(existing.hashes ?? []), ...(record.hashes ?? [])]);
  existing.downloadLocation ??= record.downloadLocation;
  if (!existing.license || (!existing.license.valid && record.license?.valid)) existing.license = record.license;
  existing.supplier ??= record.supplier;
  existing.installPath ??= record.installPath;
  existing.project = existing.project || record.project;
  // Needed at runtime anywhere means needed at runtime.
  existing.dev = existing.dev && scope.dev;
  existing.optional = existing.optional && scope.optional;
}

/** One value per algorithm; two lockfiles disagreeing keep the first seen (sorted later). */
function dedupeHashes(hashes: readonly Hash[]): Hash[] {
  if (hashes.length < 2) return [...hashes];
  const byAlg = new Map<string, Hash>();
  for (const hash of hashes) if (!byAlg.has(hash.alg)) byAlg.set(hash.alg, hash);
  return [...byAlg.values()];
}

/**
 * Dev/optional per package. A lockfile that states it (npm's `dev`/`optional` flags, pnpm v6's
 * `dev`) is taken at its word; otherwise a package is dev when no production path from the project
 * reaches it, and optional when every production path to it crosses an optional edge.
 */
function scopesOf(graph: LockfileGraph): Map<string, Scope> {
  // Walked only when some package leaves a flag unstated: npm lockfiles state both for every package.
  let runtime: Set<string> | undefined;
  let required: Set<string> | undefined;
  let anyReach: Set<string> | undefined;
  const scopes = new Map<string, Scope>();
  for (const [id, record] of graph.packages) {
    let dev = record.dev;
    let optional = record.optional;
    if (dev === undefined || optional === undefined)
      runtime ??= reach(graph, ['prod', 'peer', 'optional'], ['prod', 'peer', 'optional']);
    if (dev === undefined) {
      anyReach ??= reach(graph, ['prod', 'peer', 'optional', 'dev'], ['prod', 'peer', 'optional', 'dev']);
      dev = anyReach.has(id) ? !(runtime as Set<string>).has(id) : false;
    }
    if (optional === undefined) {
      required ??= reach(graph, ['prod', 'peer'], ['prod', 'peer']);
      optional = (runtime as Set<string>).has(id) && !required.has(id);
    }
    scopes.set(id, { dev, optional });
  }
  return scopes;
}

function reach(graph: LockfileGraph, directKinds: EdgeKind[], edgeKinds: EdgeKind[]): Set<string> {
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const [id, kind] of graph.direct) if (directKinds.includes(kind)) stack.push(id);
  for (const [id, record] of graph.packages) if (record.project) stack.push(id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const out = graph.edges.get(id);
    if (!out) continue;
    for (const [to, kind] of out) if (edgeKinds.includes(kind) && !seen.has(to)) stack.push(to);
  }
  return seen;
}

/** Code-unit order: the same on every machine and locale, which localeCompare is not. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
