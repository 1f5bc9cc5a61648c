import { ROOT_REF, type SbomGraph } from '../model/types';

export interface Coverage {
  element: string;
  covered: number;
  total: number;
  note: string;
}

/**
 * NTIA "minimum elements" (2021): per-component supplier, name, version, unique identifier and
 * relationships, and per-document author and timestamp. Counted from the graph both formats share.
 */
export function ntiaCoverage(graph: SbomGraph, timestampSource: string): Coverage[] {
  const total = graph.components.length;
  const related = new Set<string>();
  for (const [from, targets] of graph.dependencies) {
    if (targets.length > 0 && from !== ROOT_REF) related.add(from);
    for (const to of targets) related.add(to);
  }
  const count = (test: (c: SbomGraph['components'][number]) => boolean): number => graph.components.filter(test).length;
  return [
    {
      element: 'Supplier name',
      covered: count((c) => !!c.supplier),
      total,
      note: 'only where the lockfile names one (Composer vendors); NOASSERTION otherwise',
    },
    { element: 'Component name', covered: count((c) => !!c.name), total, note: '' },
    { element: 'Version', covered: count((c) => !!c.version), total, note: '' },
    { element: 'Unique identifier', covered: count((c) => !!c.purl), total, note: 'purl' },
    {
      element: 'Dependency relationship',
      covered: count((c) => related.has(c.purl)),
      total,
      note: 'component has an edge in the graph',
    },
    { element: 'Author of SBOM data', covered: 1, total: 1, note: 'Tool: paved-sbom' },
    { element: 'Timestamp', covered: 1, total: 1, note: `from ${timestampSource}` },
  ];
}
