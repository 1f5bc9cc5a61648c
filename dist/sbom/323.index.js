export const id = 323;
export const ids = [323];
export const modules = {

/***/ 1323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildSummary: () => (/* binding */ buildSummary)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./node_modules/entities/dist/escape.js
/**
 * Get the named reference for an XML special character or U+00A0.
 * @param char Code unit matched by one of the escape regexes.
 */
function getEscape(char) {
    return char === 34
        ? "&quot;"
        : char === 38
            ? "&amp;"
            : char === 39
                ? "&apos;"
                : char === 60
                    ? "&lt;"
                    : char === 62
                        ? "&gt;"
                        : "&nbsp;";
}
/**
 * Bitset for ASCII characters that need to be escaped in XML.
 */
const XML_BITSET_VALUE = 0x50_00_00_c4; // 32..63 -> 34 ("),38 (&),39 ('),60 (<),62 (>)
/**
 * Matches exactly the characters `encodeXML` escapes: the five XML special
 * characters plus every non-ASCII code unit (lone surrogates included — no
 * `u` flag). Kept in sync with `XML_BITSET_VALUE`.
 *
 * Shared with `encodeNonAsciiHTML` in `encode.ts`. Because the regex is
 * stateful (`g` flag), every call site must set `lastIndex` before use.
 */
// eslint-disable-next-line unicorn/prefer-unicode-code-point-escapes -- the `\u{...}` form requires the `u` flag, which we deliberately omit so lone surrogates match by code unit
const xmlEncodeRegex = /["&'<>\u0080-\uFFFF]/g;
/**
 * Whether `code` (a UTF-16 code unit) is escaped by {@link encodeXML}: a
 * non-ASCII unit, or one of the five XML specials flagged in
 * `XML_BITSET_VALUE` (which is only meaningful for code units 32-63).
 * @param code Code unit to test.
 */
function isXmlEscapable(code) {
    return (code >= 0x80 ||
        (code >= 32 && code < 64 && ((XML_BITSET_VALUE >>> code) & 1) === 1));
}
/**
 * Encodes all non-ASCII characters, as well as characters not valid in XML
 * documents using XML entities.
 *
 * If a character has no equivalent entity, a numeric decimal reference
 * (eg. `&#252;`) will be used.
 * @param input Input string to encode.
 */
function encodeXML(input) {
    const { length } = input;
    let out;
    let last = 0;
    let index = 0;
    while (index < length) {
        const char = input.charCodeAt(index);
        /*
         * Find the next character to escape: scan a short window inline
         * (escapable characters cluster in markup-heavy input), then fall
         * back to the regex, which skips clean spans in native code.
         */
        if (!isXmlEscapable(char)) {
            const bound = Math.min(index + 32, length);
            let next = index + 1;
            while (next < bound && !isXmlEscapable(input.charCodeAt(next))) {
                next++;
            }
            if (next < bound) {
                index = next;
                continue;
            }
            if (next >= length)
                break;
            xmlEncodeRegex.lastIndex = next;
            if (!xmlEncodeRegex.test(input))
                break;
            index = xmlEncodeRegex.lastIndex - 1;
            continue;
        }
        if (out === undefined)
            out = input.substring(0, index);
        else if (last !== index)
            out += input.substring(last, index);
        if (char < 64) {
            // Known replacement
            out += getEscape(char);
            last = index += 1;
            continue;
        }
        // Non-ASCII: encode as numeric entity (handle surrogate pair)
        const cp = input.codePointAt(index);
        out += `&#${cp};`;
        if (cp !== char)
            index++; // Skip trailing surrogate
        last = index += 1;
    }
    if (out === undefined)
        return input;
    if (last < length)
        out += input.substr(last);
    return out;
}
/**
 * Encodes all non-ASCII characters, as well as characters not valid in XML
 * documents using numeric decimal reference (eg. `&#252;`).
 *
 * Have a look at `escapeUTF8` if you want a more concise output at the expense
 * of reduced transportability.
 * @param data String to escape.
 */
const escape_escape = (/* unused pure expression or super */ null && (encodeXML));
/**
 * Escape `data` using `re`, mapping each matched character to its entity.
 * Every match is one UTF-16 code unit, so its index is `lastIndex - 1`.
 * @param re Global regex matching exactly the characters to escape
 *   (`"`, `&`, `'`, `<`, `>`, `\u00A0` at most).
 * @param data String to escape.
 */
function escapeWithRegex(re, data) {
    re.lastIndex = 0;
    if (!re.test(data))
        return data;
    let out = "";
    let last = 0;
    do {
        const index = re.lastIndex - 1;
        if (last !== index)
            out += data.substring(last, index);
        const char = data.charCodeAt(index);
        out += getEscape(char);
        last = index + 1;
    } while (re.test(data));
    return out + data.substring(last);
}
const xmlEscapeRegex = /["&'<>]/g;
/**
 * Encodes all characters not valid in XML documents using XML entities.
 *
 * Note that the output will be character-set dependent.
 * @param data String to escape.
 */
function escapeUTF8(data) {
    return escapeWithRegex(xmlEscapeRegex, data);
}
const attributeEscapeRegex = /["&<>\u{A0}]/gu;
/**
 * Encodes all characters that have to be escaped in HTML attributes,
 * following {@link https://html.spec.whatwg.org/multipage/parsing.html#escapingString}.
 * @param data String to escape.
 */
function escapeAttribute(data) {
    return escapeWithRegex(attributeEscapeRegex, data);
}
const textEscapeRegex = /[&<>\u{A0}]/gu;
/**
 * Encodes all characters that have to be escaped in HTML text,
 * following {@link https://html.spec.whatwg.org/multipage/parsing.html#escapingString}.
 * @param data String to escape.
 */
function escapeText(data) {
    return escapeWithRegex(textEscapeRegex, data);
}
//# sourceMappingURL=escape.js.map
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/summary.ts






/**
 * Job summary as Markdown. We write Markdown ourselves instead of using core.summary's HTML
 * helpers because GitHub renders Mermaid only from ```mermaid fences, and because the CLI
 * renders the same Markdown as terminal text.
 *
 * Text is untrusted by default: a plain string given to a heading, cell, list item, paragraph or
 * details title is escaped for Markdown and HTML (see `escapeMarkdown`), so a host's stderr
 * `<a href=…>` or a task named `<img …>` shows as text. Markup the action means (bold, code) is
 * built with `md` and `code`, which escape whatever they interpolate.
 *
 * `write()` keeps the step summary under GitHub's 1 MiB limit: long tables and lists are cut with
 * "N more rows in <file>", and the uncut summary is written to a file (output `summary-file`).
 */
/** Markdown the action wrote itself (trusted); build it with `md` or `code`. */
class Markdown {
    text;
    constructor(text) {
        this.text = text;
    }
    toString() {
        return this.text;
    }
}
/** GitHub rejects step summaries over 1 MiB; we stop well before, leaving room for other writers. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
const SUMMARY_BUDGET_BYTES = 768 * 1024;
/** Rows a table or list shows before it says "N more rows in …" (the file or report has them all). */
const DEFAULT_MAX_ROWS = 100;
/**
 * Plain text as inline Markdown that renders as exactly that text on GitHub: HTML special
 * characters become entities (the `entities` package, the encoder markdown-it and cheerio use),
 * Markdown punctuation is backslash-escaped, line breaks become spaces, and what GitHub would
 * autolink (`pkg@1.0.0` or `ops@example.com` as mailto:, `https://…`, `www.…`) gets its `@`, `:`
 * or `.` as a character reference, which the autolinker does not see through.
 * Secrets are redacted before escaping (escaping would otherwise hide them from `redact`).
 */
function escapeMarkdown(value) {
    const text = oneLine((0,secrets/* redact */.E$)(String(value)));
    const md = text
        .replace(/[\\`*[\]|~$#]/g, (c) => `\\${c}`)
        // `_` is emphasis only next to a non-word character (intraword `snake_case` never is).
        .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
        // List or numbered-list markers at the start of a line.
        .replace(/^([-+])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
    return escapeUTF8(md)
        .replace(/@/g, '&#64;')
        .replace(/:\/\//g, '&#58;//')
        .replace(/\b(www)\./gi, '$1&#46;');
}
/** The text a reader sees for inline Markdown we wrote (the CLI's terminal view): escapes undone. */
function plainText(markdown) {
    return decodeHTML(markdown
        .replace(/<br\s*\/?>/g, ' ')
        .replace(/<\/?code>/g, '')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}
/** Text inside an HTML element we write (`<summary>`), where Markdown is not parsed. */
function escapeHtml(text) {
    return escapeUTF8(text);
}
function inline(value) {
    if (value === null || value === undefined)
        return '';
    if (value instanceof Markdown)
        return oneLine(value.text);
    return escapeMarkdown(value);
}
/**
 * Trusted Markdown with escaped interpolations: md`**${count}** hosts in ${code(file)}`.
 * Strings and numbers are escaped; `Markdown` values (from md, code) pass through.
 */
function md(strings, ...values) {
    let out = strings[0] ?? '';
    values.forEach((v, i) => {
        out += inline(v) + (strings[i + 1] ?? '');
    });
    return new Markdown(out);
}
/** Inline values joined by a separator, each escaped unless it is Markdown already. */
function joinInline(values, separator = ', ') {
    return new Markdown(values.map(inline).join(separator));
}
/**
 * Inline code. A backtick span when the text allows one anywhere (no backtick, no `|` that a
 * table would split on), otherwise `<code>` around escaped text: both show the text verbatim.
 */
function code(value) {
    const text = oneLine((0,secrets/* redact */.E$)(String(value)));
    if (text && !/[`|]/.test(text) && !/^\s|\s$/.test(text))
        return new Markdown(`\`${text}\``);
    return new Markdown(`<code>${escapeMarkdown(text)}</code>`);
}
class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push({ kind: 'raw', text: `${'#'.repeat(level)} ${inline(text)}` });
        return this;
    }
    /** A paragraph: plain text is escaped; pass md`…` for formatting, or a Summary to embed it. */
    paragraph(text) {
        if (text instanceof Summary)
            this.parts.push(...text.parts);
        else if (text instanceof Markdown)
            this.parts.push({ kind: 'raw', text: text.text });
        else
            this.parts.push({ kind: 'raw', text: escapeMarkdown(text) });
        return this;
    }
    list(items, options = {}) {
        if (items.length > 0)
            this.parts.push({
                kind: 'rows',
                table: false,
                head: [],
                rows: items.map((i) => `- ${inline(i)}`),
                shown: Math.min(items.length, options.max ?? DEFAULT_MAX_ROWS),
                rest: restText(options.rest),
            });
        return this;
    }
    table(headers, rows, options = {}) {
        const head = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
        this.parts.push({
            kind: 'rows',
            table: true,
            head,
            rows: rows.map((r) => `| ${headers.map((_, i) => cell(r[i])).join(' | ')} |`),
            shown: Math.min(rows.length, options.max ?? DEFAULT_MAX_ROWS),
            rest: restText(options.rest),
        });
        return this;
    }
    details(title, body) {
        this.parts.push({
            kind: 'details',
            // `<details>` starts an HTML block: Markdown is not parsed in it, so only HTML is escaped.
            title: title instanceof Markdown ? oneLine(title.text) : escapeHtml(oneLine((0,secrets/* redact */.E$)(String(title ?? '')))),
            body: body instanceof Summary ? body : new Summary().paragraph(body),
        });
        return this;
    }
    code(text, lang = '') {
        const body = text.replace(/\n$/, '');
        const longest = Math.max(0, ...(body.match(/^ {0,3}`+/gm) ?? []).map((run) => run.trim().length));
        const fence = '`'.repeat(Math.max(3, longest + 1));
        this.parts.push({ kind: 'raw', text: `${fence}${lang.replace(/[^\w+-]/g, '')}\n${body}\n${fence}` });
        return this;
    }
    mermaid(diagram) {
        return this.code(diagram, 'mermaid');
    }
    /** The Markdown, with long tables and lists cut at their row limits. */
    toMarkdown() {
        return `${(0,secrets/* redact */.E$)(this.render(undefined))}\n`;
    }
    /** The Markdown with every row of every table and list. */
    toFullMarkdown() {
        return `${(0,secrets/* redact */.E$)(this.render(undefined, true))}\n`;
    }
    /**
     * Appends to $GITHUB_STEP_SUMMARY, cutting tables and lists (largest first) until the whole
     * file stays under SUMMARY_BUDGET_BYTES. When anything was cut, the full summary goes to a file
     * (output `summary-file`) that the cut notes point to. Without GITHUB_STEP_SUMMARY (plain node)
     * it only logs that it was skipped.
     */
    write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file) {
            actions_core/* debug */.Yz('GITHUB_STEP_SUMMARY is not set; job summary not written');
            return;
        }
        let existing = 0;
        try {
            existing = (0,external_node_fs_.statSync)(file).size;
        }
        catch {
            /* the runner creates it; a missing file is written fresh */
        }
        const budget = Math.max(4096, SUMMARY_BUDGET_BYTES - existing);
        const cut = this.allRows().some((p) => p.shown < p.rows.length);
        let fullFile;
        const restDefault = () => {
            fullFile ??= writeFullSummary(this.toFullMarkdown());
            return fullFile;
        };
        if (cut)
            restDefault();
        let text = `${(0,secrets/* redact */.E$)(this.render(fullFile))}\n`;
        while (Buffer.byteLength(text) + 1 > budget) {
            restDefault();
            if (!this.shrink(Buffer.byteLength(text) + 1 - budget)) {
                text = hardCut(text, budget, restDefault());
                break;
            }
            text = `${(0,secrets/* redact */.E$)(this.render(fullFile))}\n`;
        }
        if (fullFile)
            actions_core/* setOutput */.uH('summary-file', fullFile);
        (0,external_node_fs_.appendFileSync)(file, `${text}\n`, 'utf8');
    }
    allRows() {
        const out = [];
        for (const p of this.parts) {
            if (p.kind === 'rows')
                out.push(p);
            else if (p.kind === 'details')
                out.push(...p.body.allRows());
        }
        return out;
    }
    /**
     * Hides rows of the table or list that shows the most bytes: enough to save `excess` bytes (plus
     * a margin for the note), or all of them; false when no table or list has rows left to hide.
     */
    shrink(excess) {
        let biggest;
        let most = 0;
        for (const p of this.allRows()) {
            let bytes = 0;
            for (let i = 0; i < p.shown; i++)
                bytes += Buffer.byteLength(p.rows[i]) + 1;
            if (bytes > most) {
                most = bytes;
                biggest = p;
            }
        }
        if (!biggest)
            return false;
        let saved = 0;
        while (biggest.shown > 0 && saved < excess + 256) {
            biggest.shown--;
            saved += Buffer.byteLength(biggest.rows[biggest.shown]) + 1;
        }
        return true;
    }
    render(fullFile, full = false) {
        return this.parts
            .map((p) => {
            if (p.kind === 'raw')
                return p.text;
            if (p.kind === 'details') {
                const inner = p.body.render(fullFile, full).trimEnd();
                return `<details><summary>${p.title}</summary>\n\n${inner}\n\n</details>`;
            }
            const shown = full ? p.rows.length : p.shown;
            const lines = [...p.head, ...p.rows.slice(0, shown)];
            const more = p.rows.length - shown;
            if (p.table && shown === 0)
                lines.length = 0;
            let text = lines.join('\n');
            if (more > 0) {
                const where = p.rest ?? (fullFile ? code(fullFile).text : 'the full summary file (output `summary-file`)');
                const note = `${more} more ${p.table ? (more === 1 ? 'row' : 'rows') : more === 1 ? 'item' : 'items'} in ${where}`;
                text = text ? `${text}\n${p.table ? `\n_${note}._` : `- _${note}_`}` : `_${note}._`;
            }
            return text;
        })
            .filter((t) => t !== '')
            .join('\n\n');
    }
}
function restText(rest) {
    if (rest === undefined)
        return undefined;
    return rest instanceof Markdown ? oneLine(rest.text) : escapeMarkdown(rest);
}
function oneLine(text) {
    return text.replace(/\s*\r?\n\s*/g, ' ');
}
function cell(value) {
    if (value === null || value === undefined)
        return '';
    if (value instanceof Markdown)
        return oneLine(value.text).replace(/(?<!\\)\|/g, '\\|');
    return escapeMarkdown(value);
}
function writeFullSummary(markdown) {
    const dir = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'paved-summaries');
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const name = `${(process.env.GITHUB_ACTION || 'step').replace(/[^\w.-]/g, '_')}-${process.pid}-${Date.now()}.md`;
    const file = (0,external_node_path_.join)(dir, name);
    (0,external_node_fs_.writeFileSync)(file, markdown, 'utf8');
    return file;
}
/** Last resort when text outside tables alone is too big: cut at a line, close open blocks. */
function hardCut(text, budget, fullFile) {
    const note = `\n\n_The summary was cut at ${Math.round(budget / 1024)} KiB; all of it is in ${code(fullFile).text}._\n`;
    const room = budget - Buffer.byteLength(note) - 64;
    let head = Buffer.from(text).subarray(0, room).toString('utf8');
    head = head.slice(0, Math.max(0, head.lastIndexOf('\n')));
    return `${head}${closeBlocks(head)}${note}`;
}
/**
 * What closes the blocks left open at the end of `head`: the code fence it is inside (a line of
 * backticks closes a fence only if it is at least as long, so a ``` line in a ```` block is
 * content) and the `<details>` opened outside code.
 */
function closeBlocks(head) {
    let fence = '';
    let details = 0;
    for (const line of head.split('\n')) {
        if (fence) {
            const close = /^ {0,3}(`{3,})\s*$/.exec(line);
            if (close && close[1].length >= fence.length)
                fence = '';
            continue;
        }
        const open = /^ {0,3}(`{3,})/.exec(line);
        if (open)
            fence = open[1];
        else
            details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    }
    return `${fence ? `\n${fence}` : ''}${'\n\n</details>'.repeat(Math.max(0, details))}`;
}
/** Mermaid labels break on quotes, brackets and colons: keep only what renders. */
function mermaidLabel(text) {
    return (text
        .replace(/["`:;#[\]{}()<>&@|\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || '-');
}

// EXTERNAL MODULE: ./actions/sbom/src/model/types.ts
var types = __webpack_require__(8860);
;// CONCATENATED MODULE: ./actions/sbom/src/summary/report.ts


const MAX_ROWS = 25;
/** Where the rows a long table leaves out are (the summary's cut note names it). */
const SBOM_FILES = 'the SBOM files';
const DIFF_FILE = md `the ${code('diff')} output`;
function buildSummary(report) {
    const { graph } = report;
    const s = new Summary();
    const dev = graph.components.filter((c) => c.dev).length;
    const edges = [...graph.dependencies.values()].reduce((n, l) => n + l.length, 0);
    s.heading(`SBOM for ${graph.root.name} ${graph.root.version}`);
    s.paragraph(md `**${graph.components.length}** components (${dev} development-only), **${edges}** dependency edges, from ${graph.sources.length} lockfile${graph.sources.length === 1 ? '' : 's'} in ${report.durationMs} ms. Created ${report.timestamp}.`);
    s.table(['Format', 'File', 'Size'], report.files.map((f) => [f.format, code(f.path), `${(f.bytes / 1024).toFixed(1)} KiB`]));
    s.heading('Components per ecosystem', 3);
    s.table(['Lockfile', 'Ecosystem', 'Format', 'Components'], graph.sources.map((src) => [code(src.file), src.ecosystem, src.format, src.components]));
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
            const from = c.license.source;
            const kind = from.includes('node_modules/') || from.includes('vendor/')
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
    if (sources.size > 0)
        s.paragraph(`License sources: ${[...sources].map(([k, n]) => `${k} (${n})`).join(', ')}.`);
    const normalised = graph.components.filter((c) => c.license?.normalisedFrom);
    if (normalised.length > 0) {
        const examples = [...new Set(normalised.map((c) => `"${c.license?.normalisedFrom}" → ${c.license?.expression}`))];
        s.paragraph(`Normalised to SPDX by spdx-correct (${normalised.length}): ${examples.slice(0, 5).join(', ')}${examples.length > 5 ? ', …' : ''}.`);
    }
    if (report.offenders.length > 0) {
        s.heading(`Denied licenses: ${report.offenders.length} component${report.offenders.length === 1 ? '' : 's'}`, 3);
        s.table(['Component', 'License', 'Denied', 'Lockfile'], report.offenders.map((o) => [o.component.purl, o.expression, o.denied.join(', '), o.component.files.join(', ')]), { rest: SBOM_FILES });
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
            s.details(`${lines.length} changes`, new Summary().list(lines, { max: 500, rest: DIFF_FILE }));
    }
    if (graph.warnings.length > 0) {
        s.details(`${graph.warnings.length} warning${graph.warnings.length === 1 ? '' : 's'}`, new Summary().list(graph.warnings.map((w) => md `${code(`${w.file}${w.line ? `:${w.line}` : ''}`)} ${w.message}`)));
    }
    if (report.submitted)
        s.paragraph(md `Submitted to the dependency graph as snapshot ${report.submitted.id ?? '(no id)'}, correlator ${code(report.submitted.correlator)}.`);
    const direct = graph.dependencies.get(types/* ROOT_REF */.l)?.length ?? 0;
    s.paragraph(`${direct} direct dependencies of the project.`);
    return s;
}


/***/ })

};
