import { createHash } from 'node:crypto';
import { isAbsolute, posix } from 'node:path';
import { VERSION } from '../../../../shared/version';
import { ROOT_REF, type SbomGraph } from '../model/types';

export interface JobContext {
  repository: string;
  sha: string;
  ref: string;
  runId: string;
  workflow: string;
  job: string;
  serverUrl: string;
  actionRepository?: string;
  /** `toJSON(matrix)` of the job, when it is a matrix job. */
  matrix?: string;
  /** The scanned path relative to the workspace, so two sbom steps in one job keep separate snapshots. */
  path: string;
}

/**
 * A snapshot stays the current one for its correlator until a newer snapshot with the same
 * correlator replaces it. Workflow + job alone would let matrix entries (or two sbom steps in one
 * job) overwrite each other's dependencies, so the matrix values and the scanned path are folded in.
 */
export function correlator(context: JobContext): string {
  const parts = ['paved-sbom', context.workflow, context.job];
  const matrix = context.matrix?.trim();
  if (matrix && matrix !== 'null' && matrix !== '{}' && matrix !== '') {
    parts.push(createHash('sha256').update(canonicalJson(matrix)).digest('hex').slice(0, 12));
  }
  if (context.path !== '.' && context.path !== '') parts.push(context.path);
  return parts.join(' / ');
}

function canonicalJson(text: string): string {
  try {
    const sort = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sort)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, x]) => [k, sort(x)]),
            )
          : v;
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** The dependency-submission API body: one manifest per lockfile, packages keyed by purl. */
export function snapshotBody(graph: SbomGraph, context: JobContext, scanned: string): Record<string, unknown> {
  // Direct means: needed by the project itself, or by one of its workspace members.
  const direct = new Set(graph.dependencies.get(ROOT_REF) ?? []);
  for (const c of graph.components)
    if (c.project) for (const to of graph.dependencies.get(c.purl) ?? []) direct.add(to);
  const manifests: Record<string, unknown> = {};
  for (const source of graph.sources) {
    const resolved: Record<string, unknown> = {};
    for (const c of graph.components) {
      if (!c.files.includes(source.file) || c.project) continue;
      resolved[c.purl] = {
        package_url: c.purl,
        relationship: direct.has(c.purl) && !c.indirect ? 'direct' : 'indirect',
        scope: c.dev ? 'development' : 'runtime',
        dependencies: graph.dependencies.get(c.purl) ?? [],
      };
    }
    // GitHub links the manifest at source_location from the repository root; source.file is
    // relative to the scanned path, so the path input is put in front (unless it is outside).
    const location =
      context.path === '.' || context.path === '' || isAbsolute(context.path)
        ? source.file
        : posix.join(context.path, source.file);
    manifests[location] = { name: location, file: { source_location: location }, resolved };
  }
  return {
    version: 0,
    sha: context.sha,
    ref: context.ref,
    job: { correlator: correlator(context), id: context.runId },
    detector: {
      name: 'paved-sbom',
      version: VERSION,
      url: `${context.serverUrl}/${context.actionRepository || 'paved-dev/paved'}`,
    },
    scanned,
    manifests,
  };
}
