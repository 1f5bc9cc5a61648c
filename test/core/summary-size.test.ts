import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFileCommand } from '../../shared/runner-protocol';
import { code, md, SUMMARY_BUDGET_BYTES, SUMMARY_LIMIT_BYTES, Summary } from '../../shared/summary';
import { foreignTags, renderGitHub } from './github-markdown';

/** Summary.write() against real files, as the runner provides them: any size stays under 1 MiB. */
describe('Summary.write size guard', () => {
  let dir: string;
  let summaryFile: string;
  let outputFile: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paved-summary-size-'));
    summaryFile = join(dir, 'step_summary');
    outputFile = join(dir, 'output');
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    process.env.GITHUB_OUTPUT = outputFile;
    process.env.RUNNER_TEMP = dir;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const outputs = () => parseFileCommand(readFileSync(outputFile, 'utf8'));
  // 200 bytes of multi-byte, hostile text per cell: sizes are counted in bytes, not characters.
  const wide = (i: number) => `pkg-${i}@1.0.${i} <img src=x> | ✅ ünïcödé ${'€'.repeat(40)} ${'x'.repeat(40)}`;

  it('cuts a 20,000-row table to fit, says how many rows are left out and where they all are', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [wide(i), code(`sha256:${i}`), i]);
    new Summary().heading('SBOM').table(['Component', 'Digest', 'n'], rows, { max: 20_000 }).write();
    const size = statSync(summaryFile).size;
    expect(size).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(size).toBeLessThan(SUMMARY_LIMIT_BYTES * 0.8);
    const text = readFileSync(summaryFile, 'utf8');
    const shown = text.split('\n').filter((l) => l.startsWith('| pkg')).length;
    expect(shown).toBeGreaterThan(100);
    const more = /_(\d+) more rows in `([^`]+)`\._/.exec(text);
    expect(more, text.slice(-400)).not.toBeNull();
    expect(Number(more?.[1]) + shown).toBe(20_000);
    const full = outputs()['summary-file'];
    expect(full).toBe(more?.[2]);
    const all = readFileSync(full as string, 'utf8');
    expect(all.split('\n').filter((l) => l.startsWith('| pkg')).length).toBe(20_000);
    expect(foreignTags(renderGitHub(text))).toEqual([]);
  });

  it('shows 100 rows by default and points at the caller-named report for the rest', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`host-${i}`, 'ok']);
    const md1 = new Summary().table(['Host', 'Status'], rows, { rest: md`the JSON report (${code('report.json')})` });
    const text = md1.toMarkdown();
    expect(text.split('\n').filter((l) => l.startsWith('| host-')).length).toBe(100);
    expect(text).toContain('_50 more rows in the JSON report (`report.json`)._');
    expect(
      md1
        .toFullMarkdown()
        .split('\n')
        .filter((l) => l.startsWith('| host-')).length,
    ).toBe(150);
  });

  it('leaves room for what the step already wrote', () => {
    writeFileSync(summaryFile, `${'already written\n'.repeat(45_000)}`); // ~700 KiB
    const before = statSync(summaryFile).size;
    new Summary()
      .table(
        ['a'],
        Array.from({ length: 5_000 }, (_, i) => [wide(i)]),
        { max: 5_000 },
      )
      .write();
    const after = statSync(summaryFile).size;
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
  });

  it('cuts lists inside details (an SBOM diff) and still closes every block', () => {
    const changes = Array.from({ length: 30_000 }, (_, i) => `changed ${wide(i)}`);
    new Summary()
      .heading('Changes')
      .details(`${changes.length} changes`, new Summary().list(changes, { max: 30_000 }))
      .paragraph('after the list')
      .write();
    const text = readFileSync(summaryFile, 'utf8');
    expect(statSync(summaryFile).size).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(text).toMatch(/- _\d+ more items in `[^`]+`_\n\n<\/details>/);
    expect(text).toContain('after the list');
    const html = renderGitHub(text);
    expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
  });

  it('cuts text that is not a table (a 3 MiB code block) at a line and closes the fence', () => {
    const log = Array.from({ length: 40_000 }, (_, i) => `line ${i} ${'€'.repeat(30)} <b>`).join('\n');
    new Summary().heading('Log').details('output', new Summary().code(log, 'text')).paragraph('end').write();
    const text = readFileSync(summaryFile, 'utf8');
    expect(statSync(summaryFile).size).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(text).not.toContain('\uFFFD');
    expect(text).toMatch(/```\n\n<\/details>\n\n_The summary was cut at \d+ KiB; all of it is in `[^`]+`\._/);
    const html = renderGitHub(text);
    expect(foreignTags(html)).toEqual([]);
    expect(html).toContain('</code></pre>');
    expect(readFileSync(outputs()['summary-file'] as string, 'utf8')).toContain('line 39999');
  });

  it('closes a code block whose text has shorter fences in it (a log of Markdown) when it cuts inside it', () => {
    // The body's ``` lines are content of the ```` block Summary.code opens: counting them as
    // fences would leave the block open (or "close" it with ```), swallowing the note and
    // everything later steps write.
    const log = Array.from(
      { length: 30_000 },
      (_, i) => `step ${i} ${'€'.repeat(20)}\n\`\`\`js\nrun(${i})\n\`\`\``,
    ).join('\n');
    new Summary().heading('Log').details('output', new Summary().code(log, 'markdown')).paragraph('end').write();
    const text = readFileSync(summaryFile, 'utf8');
    expect(statSync(summaryFile).size).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    const html = renderGitHub(text);
    expect(foreignTags(html)).toEqual([]);
    const after = html.slice(html.lastIndexOf('</pre>'));
    expect(after).toContain('</details>');
    expect(after).toMatch(/<em>The summary was cut at \d+ KiB; all of it is in <code>/);
  });

  it('drops a table whose single cell is bigger than the budget, keeping what follows and pointing at the full file', () => {
    const huge = `stderr: ${'<b>ünï</b> | '.repeat(200_000)}`;
    new Summary()
      .heading('Failed hosts')
      .table(['Host', 'Error'], [['web-1', huge]])
      .heading('Next', 3)
      .table(['Host'], [['web-2']])
      .write();
    const text = readFileSync(summaryFile, 'utf8');
    expect(statSync(summaryFile).size).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(text).not.toContain('ünï');
    expect(text).toMatch(/_1 more row in `[^`]+`\._/);
    expect(text).toContain('### Next\n\n| Host |\n| --- |\n| web-2 |');
    expect(foreignTags(renderGitHub(text))).toEqual([]);
    expect(readFileSync(outputs()['summary-file'] as string, 'utf8')).toContain('web-1');
  });

  it('writes no summary-file output when nothing was cut', () => {
    new Summary().table(['a'], [['b']]).write();
    expect(outputs()['summary-file']).toBeUndefined();
    expect(readFileSync(summaryFile, 'utf8')).toBe('| a |\n| --- |\n| b |\n\n');
  });
});
