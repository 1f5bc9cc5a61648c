import { code, md, mermaidLabel, Summary } from '../../../../shared/summary';
import type { SbomDiff } from '../diff/compare';
import type { Offender } from '../licenses/policy';
import { ROOT_REF, type SbomGraph } from '../model/types';
import type { Coverage } from './ntia';

export interface Report {
  graph: SbomGraph;
  files: { format: string; path: string; bytes: number }[];
  coverage: Coverage[];
  timestamp: string;
  durationMs: number;
  offenders: Offender[];
  diff?: SbomDiff;
  submitted?: { id: number | undefined; correlator: string };
}

const MAX_ROWS = 25;
/** Where the rows a long table leaves out are (the summary's cut note names it). */
const SBOM_FILES = 'the SBOM files';
const DIFF_FILE = md`the ${code('diff')} output`;

export function buildSummary(report: Report): Summary {
  const { graph } = report;
  const s = new Summary();
  const dev = graph.components.filter((c) => c.dev).length;
  const edges = [...graph.dependencies.values()].reduce((n, l) => n + l.length, 0);
  s.heading(`SBOM for ${graph.root.name} ${graph.root.version}`);
  s.paragraph(
    md`**${graph.components.length}** components (${dev} development-only), **${edges}** dependency edges, from ${graph.sources.length} lockfile${graph.sources.length === 1 ? '' : 's'} in ${report.durationMs} ms. Created ${report.timestamp}.`,
  );
  s.table(
    ['Format', 'File', 'Size'],
    report.files.map((f) => [f.format, code(f.path), `${(f.bytes / 1024).toFixed(1)} KiB`]),
  );

  s.heading('Components per ecosystem', 3);
  s.table(
    ['Lockfile', 'Ecosystem', 'Format', 'Components'],
    graph.sources.map((src) => [code(src.file), src.ecosystem, src.format, src.components]),
  );
  const perEcosystem = new Map<string, number>();
  for (const c of graph.components) for (const e of c.ecosystems) perEcosystem.set(e, (perEcosystem.get(e) ?? 0) + 1);
  if (perEcosystem.size > 1) {
    s.mermaid(
      `pie title Components per ecosystem\n${[...perEcosystem].map(([e, n]) => `  "${mermaidLabel(e)}" : ${n}`).join('\n')}`,
    );
  }

  s.heading('Licenses', 3);
  const licenses = new Map<string, number>();
  let unknown = 0;
  let nonSpdx = 0;
  for (const c of graph.components) {
    if (!c.license) unknown++;
    else if (!c.license.valid) nonSpdx++;
    else for (const id of c.license.ids ?? [c.license.expression]) licenses.set(id, (licenses.get(id) ?? 0) + 1);
  }
  const rows = [...licenses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  s.table(
    ['License', 'Components'],
    [
      ...rows.slice(0, MAX_ROWS),
      ...(rows.length > MAX_ROWS
        ? [[`${rows.length - MAX_ROWS} more licenses`, rows.slice(MAX_ROWS).reduce((n, r) => n + r[1], 0)]]
        : []),
      ...(nonSpdx > 0 ? [['not an SPDX expression (kept as written)', nonSpdx]] : []),
      ...(unknown > 0 ? [['NOASSERTION (not in the lockfile or installed metadata)', unknown]] : []),
    ],
  );
  const sources = new Map<string, number>();
  for (const c of graph.components)
    if (c.license) {
      const from = c.license.source;
      const kind =
        from.includes('node_modules/') || from.includes('vendor/')
          ? 'installed package metadata'
          : from.includes('site-packages')
            ? 'installed Python packages (dist-info)'
            : from.startsWith('cargo registry: ')
              ? 'Cargo registry cache'
              : from.startsWith('gem specifications: ') || from.includes('/specifications/')
                ? 'installed gem specifications'
                : from;
      sources.set(kind, (sources.get(kind) ?? 0) + 1);
    }
  if (sources.size > 0) s.paragraph(`License sources: ${[...sources].map(([k, n]) => `${k} (${n})`).join(', ')}.`);
  const normalised = graph.components.filter((c) => c.license?.normalisedFrom);
  if (normalised.length > 0) {
    const examples = [...new Set(normalised.map((c) => `"${c.license?.normalisedFrom}" → ${c.license?.expression}`))];
    s.paragraph(
      `Normalised to SPDX by spdx-correct (${normalised.length}): ${examples.slice(0, 5).join(', ')}${examples.length > 5 ? ', …' : ''}.`,
    );
  }

  if (report.offenders.length > 0) {
    s.heading(`Denied licenses: ${report.offenders.length} component${report.offenders.length === 1 ? '' : 's'}`, 3);
    s.table(
      ['Component', 'License', 'Denied', 'Lockfile'],
      report.offenders.map((o) => [o.component.purl, o.expression, o.denied.join(', '), o.component.files.join(', ')]),
      { rest: SBOM_FILES },
    );
  }

  s.heading('NTIA minimum elements', 3);
  s.table(
    ['Element', 'Coverage', 'Note'],
    report.coverage.map((c) => [
      c.element,
      `${c.covered}/${c.total} (${c.total === 0 ? 100 : Math.round((c.covered / c.total) * 100)}%)`,
      c.note,
    ]),
  );

  if (report.diff) {
    const d = report.diff;
    s.heading(`Changes since ${d.against}`, 3);
    s.paragraph(
      `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged.`,
    );
    const lines = [
      ...d.added.map((p) => `added ${p}`),
      ...d.removed.map((p) => `removed ${p}`),
      ...d.changed.map((c) => `changed ${c.package}: ${c.from.join(', ') || '-'} → ${c.to.join(', ') || '-'}`),
    ];
    if (lines.length > 0)
      s.details(`${lines.length} changes`, new Summary().list(lines, { max: 500, rest: DIFF_FILE }));
  }
  if (graph.warnings.length > 0) {
    s.details(
      `${graph.warnings.length} warning${graph.warnings.length === 1 ? '' : 's'}`,
      new Summary().list(graph.warnings.map((w) => md`${code(`${w.file}${w.line ? `:${w.line}` : ''}`)} ${w.message}`)),
    );
  }
  if (report.submitted)
    s.paragraph(
      md`Submitted to the dependency graph as snapshot ${report.submitted.id ?? '(no id)'}, correlator ${code(report.submitted.correlator)}.`,
    );
  const direct = graph.dependencies.get(ROOT_REF)?.length ?? 0;
  s.paragraph(`${direct} direct dependencies of the project.`);
  return s;
}
