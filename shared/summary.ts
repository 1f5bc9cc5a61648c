import { appendFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML, escapeUTF8 } from 'entities';
import * as core from './actions-core';
import { redact } from './secrets';

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
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Cell = string | number | boolean | null | undefined | Markdown;
export type Inline = Cell;

/** GitHub rejects step summaries over 1 MiB; we stop well before, leaving room for other writers. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const SUMMARY_BUDGET_BYTES = 768 * 1024;
/** Rows a table or list shows before it says "N more rows in …" (the file or report has them all). */
export const DEFAULT_MAX_ROWS = 100;

interface RowsOptions {
  /** Rows to show at most (default 100). */
  max?: number;
  /** Where the rest is, e.g. "the JSON report (`report` output)"; default the full summary file. */
  rest?: string | Markdown;
}

type Part =
  | { kind: 'raw'; text: string }
  | {
      kind: 'rows';
      table: boolean;
      head: string[];
      rows: string[];
      shown: number;
      rest?: string;
    }
  | { kind: 'details'; title: string; body: Summary };

/**
 * Plain text as inline Markdown that renders as exactly that text on GitHub: HTML special
 * characters become entities (the `entities` package, the encoder markdown-it and cheerio use),
 * Markdown punctuation is backslash-escaped, line breaks become spaces, and what GitHub would
 * autolink (`pkg@1.0.0` or `ops@example.com` as mailto:, `https://…`, `www.…`) gets its `@`, `:`
 * or `.` as a character reference, which the autolinker does not see through.
 * Secrets are redacted before escaping (escaping would otherwise hide them from `redact`).
 */
export function escapeMarkdown(value: string | number | boolean): string {
  const text = oneLine(redact(String(value)));
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
export function plainText(markdown: string): string {
  return decodeHTML(
    markdown
      .replace(/<br\s*\/?>/g, ' ')
      .replace(/<\/?code>/g, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

/** Text inside an HTML element we write (`<summary>`), where Markdown is not parsed. */
export function escapeHtml(text: string): string {
  return escapeUTF8(text);
}

function inline(value: Inline): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Markdown) return oneLine(value.text);
  return escapeMarkdown(value);
}

/**
 * Trusted Markdown with escaped interpolations: md`**${count}** hosts in ${code(file)}`.
 * Strings and numbers are escaped; `Markdown` values (from md, code) pass through.
 */
export function md(strings: TemplateStringsArray, ...values: Inline[]): Markdown {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += inline(v) + (strings[i + 1] ?? '');
  });
  return new Markdown(out);
}

/** Inline values joined by a separator, each escaped unless it is Markdown already. */
export function joinInline(values: readonly Inline[], separator = ', '): Markdown {
  return new Markdown(values.map(inline).join(separator));
}

/**
 * Inline code. A backtick span when the text allows one anywhere (no backtick, no `|` that a
 * table would split on), otherwise `<code>` around escaped text: both show the text verbatim.
 */
export function code(value: string | number): Markdown {
  const text = oneLine(redact(String(value)));
  if (text && !/[`|]/.test(text) && !/^\s|\s$/.test(text)) return new Markdown(`\`${text}\``);
  return new Markdown(`<code>${escapeMarkdown(text)}</code>`);
}

export class Summary {
  private readonly parts: Part[] = [];

  heading(text: Inline, level: 2 | 3 | 4 = 2): this {
    this.parts.push({ kind: 'raw', text: `${'#'.repeat(level)} ${inline(text)}` });
    return this;
  }

  /** A paragraph: plain text is escaped; pass md`…` for formatting, or a Summary to embed it. */
  paragraph(text: string | Markdown | Summary): this {
    if (text instanceof Summary) this.parts.push(...text.parts);
    else if (text instanceof Markdown) this.parts.push({ kind: 'raw', text: text.text });
    else this.parts.push({ kind: 'raw', text: escapeMarkdown(text) });
    return this;
  }

  list(items: readonly Inline[], options: RowsOptions = {}): this {
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

  table(headers: readonly Inline[], rows: readonly (readonly Cell[])[], options: RowsOptions = {}): this {
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

  details(title: Inline, body: Summary | Markdown): this {
    this.parts.push({
      kind: 'details',
      // `<details>` starts an HTML block: Markdown is not parsed in it, so only HTML is escaped.
      title: title instanceof Markdown ? oneLine(title.text) : escapeHtml(oneLine(redact(String(title ?? '')))),
      body: body instanceof Summary ? body : new Summary().paragraph(body),
    });
    return this;
  }

  code(text: string, lang = ''): this {
    const body = text.replace(/\n$/, '');
    const longest = Math.max(0, ...(body.match(/^ {0,3}`+/gm) ?? []).map((run) => run.trim().length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    this.parts.push({ kind: 'raw', text: `${fence}${lang.replace(/[^\w+-]/g, '')}\n${body}\n${fence}` });
    return this;
  }

  mermaid(diagram: string): this {
    return this.code(diagram, 'mermaid');
  }

  /** The Markdown, with long tables and lists cut at their row limits. */
  toMarkdown(): string {
    return `${redact(this.render(undefined))}\n`;
  }

  /** The Markdown with every row of every table and list. */
  toFullMarkdown(): string {
    return `${redact(this.render(undefined, true))}\n`;
  }

  /**
   * Appends to $GITHUB_STEP_SUMMARY, cutting tables and lists (largest first) until the whole
   * file stays under SUMMARY_BUDGET_BYTES. When anything was cut, the full summary goes to a file
   * (output `summary-file`) that the cut notes point to. Without GITHUB_STEP_SUMMARY (plain node)
   * it only logs that it was skipped.
   */
  write(): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
      core.debug('GITHUB_STEP_SUMMARY is not set; job summary not written');
      return;
    }
    let existing = 0;
    try {
      existing = statSync(file).size;
    } catch {
      /* the runner creates it; a missing file is written fresh */
    }
    const budget = Math.max(4096, SUMMARY_BUDGET_BYTES - existing);
    const cut = this.allRows().some((p) => p.shown < p.rows.length);
    let fullFile: string | undefined;
    const restDefault = () => {
      fullFile ??= writeFullSummary(this.toFullMarkdown());
      return fullFile;
    };
    if (cut) restDefault();
    let text = `${redact(this.render(fullFile))}\n`;
    while (Buffer.byteLength(text) + 1 > budget) {
      restDefault();
      if (!this.shrink(Buffer.byteLength(text) + 1 - budget)) {
        text = hardCut(text, budget, restDefault());
        break;
      }
      text = `${redact(this.render(fullFile))}\n`;
    }
    if (fullFile) core.setOutput('summary-file', fullFile);
    appendFileSync(file, `${text}\n`, 'utf8');
  }

  private allRows(): Extract<Part, { kind: 'rows' }>[] {
    const out: Extract<Part, { kind: 'rows' }>[] = [];
    for (const p of this.parts) {
      if (p.kind === 'rows') out.push(p);
      else if (p.kind === 'details') out.push(...p.body.allRows());
    }
    return out;
  }

  /**
   * Hides rows of the table or list that shows the most bytes: enough to save `excess` bytes (plus
   * a margin for the note), or all of them; false when no table or list has rows left to hide.
   */
  private shrink(excess: number): boolean {
    let biggest: Extract<Part, { kind: 'rows' }> | undefined;
    let most = 0;
    for (const p of this.allRows()) {
      let bytes = 0;
      for (let i = 0; i < p.shown; i++) bytes += Buffer.byteLength(p.rows[i] as string) + 1;
      if (bytes > most) {
        most = bytes;
        biggest = p;
      }
    }
    if (!biggest) return false;
    let saved = 0;
    while (biggest.shown > 0 && saved < excess + 256) {
      biggest.shown--;
      saved += Buffer.byteLength(biggest.rows[biggest.shown] as string) + 1;
    }
    return true;
  }

  private render(fullFile: string | undefined, full = false): string {
    return this.parts
      .map((p) => {
        if (p.kind === 'raw') return p.text;
        if (p.kind === 'details') {
          const inner = p.body.render(fullFile, full).trimEnd();
          return `<details><summary>${p.title}</summary>\n\n${inner}\n\n</details>`;
        }
        const shown = full ? p.rows.length : p.shown;
        const lines = [...p.head, ...p.rows.slice(0, shown)];
        const more = p.rows.length - shown;
        if (p.table && shown === 0) lines.length = 0;
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

function restText(rest: string | Markdown | undefined): string | undefined {
  if (rest === undefined) return undefined;
  return rest instanceof Markdown ? oneLine(rest.text) : escapeMarkdown(rest);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Markdown) return oneLine(value.text).replace(/(?<!\\)\|/g, '\\|');
  return escapeMarkdown(value);
}

function writeFullSummary(markdown: string): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'paved-summaries');
  mkdirSync(dir, { recursive: true });
  const name = `${(process.env.GITHUB_ACTION || 'step').replace(/[^\w.-]/g, '_')}-${process.pid}-${Date.now()}.md`;
  const file = join(dir, name);
  writeFileSync(file, markdown, 'utf8');
  return file;
}

/** Last resort when text outside tables alone is too big: cut at a line, close open blocks. */
function hardCut(text: string, budget: number, fullFile: string): string {
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
function closeBlocks(head: string): string {
  let fence = '';
  let details = 0;
  for (const line of head.split('\n')) {
    if (fence) {
      const close = /^ {0,3}(`{3,})\s*$/.exec(line);
      if (close && (close[1] as string).length >= fence.length) fence = '';
      continue;
    }
    const open = /^ {0,3}(`{3,})/.exec(line);
    if (open) fence = open[1] as string;
    else details += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  return `${fence ? `\n${fence}` : ''}${'\n\n</details>'.repeat(Math.max(0, details))}`;
}

/** Mermaid labels break on quotes, brackets and colons: keep only what renders. */
export function mermaidLabel(text: string): string {
  return (
    text
      .replace(/["`:;#[\]{}()<>&@|\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '-'
  );
}
