export const id = 482;
export const ids = [482];
export const modules = {

/***/ 4482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildSummary: () => (/* binding */ buildSummary)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./shared/actions-core.ts + 1 modules
var actions_core = __webpack_require__(5003);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/summary.ts



class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push(`${'#'.repeat(level)} ${oneLine(text)}`);
        return this;
    }
    paragraph(text) {
        this.parts.push(text);
        return this;
    }
    list(items) {
        if (items.length > 0)
            this.parts.push(items.map((i) => `- ${oneLine(i)}`).join('\n'));
        return this;
    }
    table(headers, rows) {
        const head = `| ${headers.map(cell).join(' | ')} |`;
        const rule = `| ${headers.map(() => '---').join(' | ')} |`;
        const body = rows.map((r) => `| ${headers.map((_, i) => cell(r[i])).join(' | ')} |`);
        this.parts.push([head, rule, ...body].join('\n'));
        return this;
    }
    details(title, body) {
        const inner = (typeof body === 'string' ? body : body.toMarkdown()).trimEnd();
        this.parts.push(`<details><summary>${escapeHtml(title)}</summary>\n\n${inner}\n\n</details>`);
        return this;
    }
    code(text, lang = '') {
        const fence = text.includes('```') ? '````' : '```';
        this.parts.push(`${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`);
        return this;
    }
    mermaid(diagram) {
        return this.code(diagram, 'mermaid');
    }
    toMarkdown() {
        return `${(0,secrets/* redact */.E$)(this.parts.join('\n\n'))}\n`;
    }
    /** Appends to $GITHUB_STEP_SUMMARY; a run without one (plain node) only logs that it was skipped. */
    write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file) {
            actions_core/* debug */.Yz('GITHUB_STEP_SUMMARY is not set; job summary not written');
            return;
        }
        (0,external_node_fs_.appendFileSync)(file, `${this.toMarkdown()}\n`, 'utf8');
    }
}
function oneLine(text) {
    return text.replace(/\s*\r?\n\s*/g, ' ');
}
function cell(value) {
    if (value === null || value === undefined)
        return '';
    return oneLine(String(value)).replace(/\|/g, '\\|');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Mermaid labels break on quotes, brackets and colons: keep only what renders. */
function mermaidLabel(text) {
    return (text
        .replace(/["`:;#[\]{}()<>]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || '-');
}

// EXTERNAL MODULE: ./actions/sbom/src/model/types.ts
var types = __webpack_require__(8860);
;// CONCATENATED MODULE: ./actions/sbom/src/summary/report.ts


const MAX_ROWS = 25;
function buildSummary(report) {
    const { graph } = report;
    const s = new Summary();
    const dev = graph.components.filter((c) => c.dev).length;
    const edges = [...graph.dependencies.values()].reduce((n, l) => n + l.length, 0);
    s.heading(`SBOM for ${graph.root.name} ${graph.root.version}`);
    s.paragraph(`**${graph.components.length}** components (${dev} development-only), **${edges}** dependency edges, from ${graph.sources.length} lockfile${graph.sources.length === 1 ? '' : 's'} in ${report.durationMs} ms. Created ${report.timestamp}.`);
    s.table(['Format', 'File', 'Size'], report.files.map((f) => [f.format, `\`${f.path}\``, `${(f.bytes / 1024).toFixed(1)} KiB`]));
    s.heading('Components per ecosystem', 3);
    s.table(['Lockfile', 'Ecosystem', 'Format', 'Components'], graph.sources.map((src) => [`\`${src.file}\``, src.ecosystem, src.format, src.components]));
    const perEcosystem = new Map();
    for (const c of graph.components)
        for (const e of c.ecosystems)
            perEcosystem.set(e, (perEcosystem.get(e) ?? 0) + 1);
    if (perEcosystem.size > 1) {
        s.mermaid(`pie title Components per ecosystem\n${[...perEcosystem].map(([e, n]) => `  "${mermaidLabel(e)}" : ${n}`).join('\n')}`);
    }
    s.heading('Licenses', 3);
    const licenses = new Map();
    let unknown = 0;
    let nonSpdx = 0;
    for (const c of graph.components) {
        if (!c.license)
            unknown++;
        else if (!c.license.valid)
            nonSpdx++;
        else
            for (const id of c.license.ids ?? [c.license.expression])
                licenses.set(id, (licenses.get(id) ?? 0) + 1);
    }
    const rows = [...licenses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    s.table(['License', 'Components'], [
        ...rows.slice(0, MAX_ROWS),
        ...(rows.length > MAX_ROWS
            ? [[`${rows.length - MAX_ROWS} more licenses`, rows.slice(MAX_ROWS).reduce((n, r) => n + r[1], 0)]]
            : []),
        ...(nonSpdx > 0 ? [['not an SPDX expression (kept as written)', nonSpdx]] : []),
        ...(unknown > 0 ? [['NOASSERTION (not in the lockfile or installed metadata)', unknown]] : []),
    ]);
    const sources = new Map();
    for (const c of graph.components)
        if (c.license) {
            const kind = c.license.source.includes('node_modules/') || c.license.source.includes('vendor/')
                ? 'installed package metadata'
                : c.license.source;
            sources.set(kind, (sources.get(kind) ?? 0) + 1);
        }
    if (sources.size > 0)
        s.paragraph(`License sources: ${[...sources].map(([k, n]) => `${k} (${n})`).join(', ')}.`);
    if (report.offenders.length > 0) {
        s.heading(`Denied licenses: ${report.offenders.length} component${report.offenders.length === 1 ? '' : 's'}`, 3);
        s.table(['Component', 'License', 'Denied', 'Lockfile'], report.offenders.map((o) => [o.component.purl, o.expression, o.denied.join(', '), o.component.files.join(', ')]));
    }
    s.heading('NTIA minimum elements', 3);
    s.table(['Element', 'Coverage', 'Note'], report.coverage.map((c) => [
        c.element,
        `${c.covered}/${c.total} (${c.total === 0 ? 100 : Math.round((c.covered / c.total) * 100)}%)`,
        c.note,
    ]));
    if (report.diff) {
        const d = report.diff;
        s.heading(`Changes since ${d.against}`, 3);
        s.paragraph(`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged.`);
        const lines = [
            ...d.added.map((p) => `added ${p}`),
            ...d.removed.map((p) => `removed ${p}`),
            ...d.changed.map((c) => `changed ${c.package}: ${c.from.join(', ') || '-'} → ${c.to.join(', ') || '-'}`),
        ];
        if (lines.length > 0)
            s.details(`${lines.length} changes`, lines.map((l) => `- ${l}`).join('\n'));
    }
    if (graph.warnings.length > 0) {
        s.details(`${graph.warnings.length} warning${graph.warnings.length === 1 ? '' : 's'}`, graph.warnings.map((w) => `- \`${w.file}${w.line ? `:${w.line}` : ''}\` ${w.message}`).join('\n'));
    }
    if (report.submitted)
        s.paragraph(`Submitted to the dependency graph as snapshot ${report.submitted.id ?? '(no id)'}, correlator \`${report.submitted.correlator}\`.`);
    const direct = graph.dependencies.get(types/* ROOT_REF */.l)?.length ?? 0;
    s.paragraph(`${direct} direct dependencies of the project.`);
    return s;
}


/***/ })

};
