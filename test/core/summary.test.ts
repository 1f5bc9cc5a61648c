import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../cli/src/terminal';
import { clearSecrets, registerSecret } from '../../shared/secrets';
import { mermaidLabel, Summary } from '../../shared/summary';

describe('Summary', () => {
  it('builds Markdown with tables, details and Mermaid fences', () => {
    const md = new Summary()
      .heading('Runbook')
      .table(
        ['host', 'result'],
        [
          ['web|1', 'ok'],
          ['web-2', null],
        ],
      )
      .details('Diff', new Summary().code('- a\n+ b', 'diff'))
      .mermaid('gantt\n  title Run')
      .toMarkdown();
    expect(md).toContain('## Runbook');
    expect(md).toContain('| host | result |\n| --- | --- |\n| web\\|1 | ok |\n| web-2 |  |');
    expect(md).toContain('<details><summary>Diff</summary>\n\n```diff\n- a\n+ b\n```\n\n</details>');
    expect(md).toContain('```mermaid\ngantt\n  title Run\n```');
  });

  it('appends to GITHUB_STEP_SUMMARY and redacts secrets', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paved-summary-')), 'summary.md');
    writeFileSync(file, 'before\n');
    process.env.GITHUB_STEP_SUMMARY = file;
    registerSecret('tops3cret');
    try {
      new Summary().paragraph('token tops3cret').write();
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
      clearSecrets();
    }
    expect(readFileSync(file, 'utf8')).toBe('before\ntoken \\*\\*\\*\n\n');
  });

  it('keeps Mermaid labels renderable', () => {
    expect(mermaidLabel('install: "app" [v2]')).toBe('install app v2');
  });

  it('renders as aligned terminal text for the CLI', () => {
    const text = renderMarkdown(
      new Summary()
        .heading('Hosts')
        .table(['host', 'changed'], [['web-1', 2]])
        .toMarkdown(),
    );
    expect(text).toContain('host   changed');
    expect(text).toContain('web-1  2');
    expect(text).not.toContain('|');
  });
});
