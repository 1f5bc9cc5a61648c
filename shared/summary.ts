import { appendFileSync } from 'node:fs';
import * as core from './actions-core';
import { redact } from './secrets';

/**
 * Job summary as Markdown. We write Markdown ourselves instead of using core.summary's HTML
 * helpers because GitHub renders Mermaid only from ```mermaid fences, and because the CLI
 * renders the same Markdown as terminal text.
 */
export type Cell = string | number | boolean | null | undefined;

export class Summary {
  private readonly parts: string[] = [];

  heading(text: string, level: 1 | 2 | 3 | 4 = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${oneLine(text)}`);
    return this;
  }

  paragraph(text: string): this {
    this.parts.push(text);
    return this;
  }

  list(items: readonly string[]): this {
    if (items.length > 0) this.parts.push(items.map((i) => `- ${oneLine(i)}`).join('\n'));
    return this;
  }

  table(headers: readonly string[], rows: readonly (readonly Cell[])[]): this {
    const head = `| ${headers.map(cell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    const body = rows.map((r) => `| ${headers.map((_, i) => cell(r[i])).join(' | ')} |`);
    this.parts.push([head, rule, ...body].join('\n'));
    return this;
  }

  details(title: string, body: string | Summary): this {
    const inner = (typeof body === 'string' ? body : body.toMarkdown()).trimEnd();
    this.parts.push(`<details><summary>${escapeHtml(title)}</summary>\n\n${inner}\n\n</details>`);
    return this;
  }

  code(text: string, lang = ''): this {
    const fence = text.includes('```') ? '````' : '```';
    this.parts.push(`${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`);
    return this;
  }

  mermaid(diagram: string): this {
    return this.code(diagram, 'mermaid');
  }

  toMarkdown(): string {
    return `${redact(this.parts.join('\n\n'))}\n`;
  }

  /** Appends to $GITHUB_STEP_SUMMARY; a run without one (plain node) only logs that it was skipped. */
  write(): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
      core.debug('GITHUB_STEP_SUMMARY is not set; job summary not written');
      return;
    }
    appendFileSync(file, `${this.toMarkdown()}\n`, 'utf8');
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return oneLine(String(value)).replace(/\|/g, '\\|');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Mermaid labels break on quotes, brackets and colons: keep only what renders. */
export function mermaidLabel(text: string): string {
  return (
    text
      .replace(/["`:;#[\]{}()<>]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '-'
  );
}
