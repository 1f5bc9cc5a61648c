import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../cli/src/terminal';
import { clearSecrets, registerSecret } from '../../shared/secrets';
import { code, escapeMarkdown, md, plainText, Summary } from '../../shared/summary';
import { foreignTags, HOSTILE, links, renderGitHub, visibleText } from './github-markdown';

function renderAll(text: string): string {
  return renderGitHub(
    new Summary()
      .heading(text, 3)
      .paragraph(text)
      .paragraph(md`Text: ${text} and ${code(text)}.`)
      .table([text], [[text], [code(text)]])
      .list([text, code(text)])
      .details(text, new Summary().paragraph(text))
      .toMarkdown(),
  );
}

describe('summary escaping (Markdown and HTML)', () => {
  afterEach(() => clearSecrets());

  it.each(HOSTILE)('shows %j as text wherever it appears, with no tag or link from it', (text) => {
    const html = renderAll(text);
    expect(foreignTags(html), html).toEqual([]);
    expect(links(html), html).toEqual([]);
    const flat = text.replace(/\s*\r?\n\s*/g, ' ');
    // Every element shows the text itself: heading, paragraph, both cells, list items, details title.
    for (const tag of ['h3', 'th', 'td', 'li', 'summary', 'code']) {
      const bodies = [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
        visibleText(m[1] as string),
      );
      expect(bodies.length, `${tag} in ${html}`).toBeGreaterThan(0);
      for (const body of bodies) expect(body, tag).toContain(flat.trim());
    }
  });

  it('does not break the table when a cell holds pipes, backslashes before pipes or newlines', () => {
    const rows = HOSTILE.map((h) => [h, code(h), 'end']);
    const html = renderGitHub(new Summary().table(['text', 'code', 'last'], rows).toMarkdown());
    expect(html.match(/<tr>/g)?.length).toBe(HOSTILE.length + 1);
    expect(html.match(/<td>end<\/td>/g)?.length).toBe(HOSTILE.length);
  });

  it('never leaves an email-looking word to the autolinker', () => {
    const html = renderGitHub(new Summary().paragraph('lodash@4.17.21 by ops@example.com').toMarkdown());
    expect(html).not.toContain('mailto:');
    expect(visibleText(html)).toContain('lodash@4.17.21 by ops@example.com');
    expect(escapeMarkdown('a@b.co')).not.toMatch(/@/);
  });

  it('keeps intraword underscores and ordinary punctuation readable', () => {
    expect(escapeMarkdown('web-1 (10.0.0.1) snake_case')).toBe('web-1 (10.0.0.1) snake_case');
  });

  it('redacts a secret before escaping, even one made of characters that get escaped', () => {
    const secret = 'p<a|s*s>_w@rd';
    registerSecret(secret);
    const s = new Summary()
      .heading(`login ${secret}`)
      .table(['x'], [[secret], [code(secret)]])
      .details(secret, md`${secret}`);
    const markdown = s.toMarkdown();
    const html = renderGitHub(markdown);
    expect(visibleText(html)).not.toContain(secret);
    expect(visibleText(html)).toContain('***');
    expect(markdown).not.toContain('s\\*s');
  });

  it('fences a code block longer than any backtick run inside it', () => {
    const text = 'a\n````\n<img src=x>\n```\nb';
    const html = renderGitHub(new Summary().code(text, 'sh').toMarkdown());
    expect(foreignTags(html)).toEqual([]);
    expect(visibleText(html)).toContain(text);
  });

  it('undoes every escape for a plain-text reader', () => {
    for (const text of HOSTILE) expect(plainText(escapeMarkdown(text))).toBe(text.replace(/\s*\r?\n\s*/g, ' '));
    expect(plainText(code('a|b`c').text)).toBe('a|b`c');
  });

  it('shows every hostile text as is in the CLI, in headings, paragraphs, cells, code and lists', () => {
    const columns = process.env.COLUMNS;
    process.env.COLUMNS = '1000';
    try {
      for (const text of HOSTILE) {
        const flat = text.replace(/\s*\r?\n\s*/g, ' ');
        const out = renderMarkdown(
          new Summary()
            .heading(text)
            .paragraph(text)
            .table(['a', 'b'], [[text, code(text)]])
            .list([text])
            .toMarkdown(),
        );
        const lines = out.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
        const content = lines.filter((l) => l.trim() && !/^[─ab\s]+$/.test(l));
        expect(content.length).toBeGreaterThanOrEqual(4);
        for (const line of content) expect(line).toContain(flat);
      }
    } finally {
      if (columns === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = columns;
    }
  });

  it('shows the CLI the same text, unescaped', () => {
    const text = renderMarkdown(
      new Summary().table(['host', 'error'], [['web_1', '<b>x</b> a|b *c* pkg@1.0.0 $HOME']]).toMarkdown(),
    );
    expect(text).toContain('<b>x</b> a|b *c* pkg@1.0.0 $HOME');
  });
});
