import { unescapeProperty } from '../../shared/runner-protocol';
import { plainText } from '../../shared/summary';

/**
 * Turns what an action prints for the runner (workflow commands) and writes for the job summary
 * (Markdown) into text for a person at a terminal.
 */
const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const style = (code: string) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = style('1');
export const dim = style('2');
export const red = style('31');
export const yellow = style('33');
export const cyan = style('36');

/** One line of action stdout → terminal text, or undefined to hide it. */
export function renderCommandLine(line: string, verbose: boolean): string | undefined {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return line;
  const [, command, props = '', message = ''] = m;
  const where = () => {
    const file = /file=([^,]*)/.exec(props)?.[1];
    const ln = /line=(\d+)/.exec(props)?.[1];
    const col = /col=(\d+)/.exec(props)?.[1];
    return file ? ` ${dim(`(${unescapeProperty(file)}${ln ? `:${ln}` : ''}${col ? `:${col}` : ''})`)}` : '';
  };
  switch (command) {
    case 'group':
      return bold(`▶ ${unescapeProperty(message)}`);
    case 'endgroup':
      return undefined;
    case 'error':
      return `${red('error:')} ${unescapeProperty(message)}${where()}`;
    case 'warning':
      return `${yellow('warning:')} ${unescapeProperty(message)}${where()}`;
    case 'notice':
      return `${cyan('notice:')} ${unescapeProperty(message)}${where()}`;
    case 'debug':
      return verbose ? dim(`debug: ${unescapeProperty(message)}`) : undefined;
    default:
      // add-mask, save-state, set-output, echo: protocol, not information.
      return undefined;
  }
}

/** Splits a stream into whole lines. */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; end(): void } {
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + chunk).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const l of lines) onLine(l);
    },
    end() {
      if (partial) onLine(partial);
      partial = '';
    },
  };
}

/**
 * The job summary's Markdown as plain aligned text. `<details>` blocks stay folded, as GitHub
 * shows them (their title only), unless `verbose`.
 */
export function renderMarkdown(markdown: string, verbose = false): string {
  const out: string[] = [];
  const lines = markdown.split(/\r?\n/);
  let folded = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (folded > 0) {
      if (/<details\b/.test(line)) folded++;
      if (/<\/details>/.test(line)) folded--;
      continue;
    }
    const fence = /^(`{3,})(\w*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== fence[1]) body.push(lines[i++] as string);
      if (fence[2] === 'mermaid') out.push(dim('  (chart, rendered as a diagram on GitHub)'));
      for (const b of body) out.push(`    ${b}`);
      continue;
    }
    if (/^\|.*\|\s*$/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i] as string)) rows.push(splitRow(lines[i++] as string));
      i--;
      out.push(...renderTable(rows));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2] as string);
      out.push(bold(text));
      if ((heading[1] as string).length <= 2) out.push(bold('─'.repeat(Math.min(text.length, 80))));
      continue;
    }
    const details = /<details[^>]*><summary>(.*)<\/summary>/.exec(line);
    if (details) {
      out.push(bold(`▸ ${inline(details[1] as string)}`) + (verbose ? '' : dim(' (folded; --verbose shows it)')));
      if (!verbose && !/<\/details>/.test(line)) folded = 1;
      continue;
    }
    if (/^<\/details>/.test(line)) continue;
    out.push(inline(line));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells.map(inline);
}

function renderTable(rows: string[][]): string[] {
  const data = rows.filter((r) => !r.every((c) => /^:?-{3,}:?$/.test(c)));
  const widths: number[] = [];
  for (const r of data) {
    r.forEach((c, j) => {
      widths[j] = Math.max(widths[j] ?? 0, visibleLength(c));
    });
  }
  fitWidths(widths, terminalWidth());
  return data.map((r, k) => {
    const text = r.map((c, j) => fitCell(c, widths[j] ?? 0)).join('  ');
    return k === 0 ? bold(text) : text;
  });
}

/** Columns to fit: the terminal's, else $COLUMNS, else 100 (a pipe or a CI log). */
export function terminalWidth(): number {
  const fromEnv = Number(process.env.COLUMNS);
  const width = process.stdout.columns || (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 100);
  return Math.max(40, width);
}

/** Narrows the widest columns until the table fits `total` columns (never below 6). */
function fitWidths(widths: number[], total: number): void {
  const gaps = 2 * Math.max(0, widths.length - 1);
  while (widths.reduce((a, b) => a + b, 0) + gaps > total) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= 6) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
}

const visibleLength = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').length;

function fitCell(cell: string, width: number): string {
  const length = visibleLength(cell);
  if (length <= width) return cell + ' '.repeat(width - length);
  const plain = cell.replace(/\u001b\[[0-9;]*m/g, '');
  return `${plain.slice(0, Math.max(0, width - 1))}…`;
}

/** Bold and code styled, escapes undone; code is set aside first so its text is shown as is. */
function inline(text: string): string {
  const codes: string[] = [];
  const stash = (shown: string) => `\u0000${codes.push(shown) - 1}\u0000`;
  return plainText(
    text
      .replace(/<code>(.*?)<\/code>/g, (_, t: string) => stash(cyan(plainText(t))))
      .replace(/(?<!\\)`([^`]+)`/g, (_, t: string) => stash(cyan(t)))
      .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, (_, t: string) => bold(t)),
  ).replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)] ?? '');
}
