import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../cli/src/terminal';

/** The CLI's view of a job summary: tables narrowed to the terminal, details folded as GitHub shows them. */
describe('renderMarkdown for a terminal', () => {
  let columns: string | undefined;
  beforeEach(() => {
    columns = process.env.COLUMNS;
    process.env.COLUMNS = '60';
  });
  afterEach(() => {
    if (columns === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = columns;
  });

  it('narrows a wide table to the terminal and keeps every row', () => {
    const long = 'x'.repeat(200);
    const md = [
      '| host | status | message |',
      '| --- | --- | --- |',
      `| web1 | ok | ${long} |`,
      '| web2 | failed | a \\| b |',
    ].join('\n');
    const lines = renderMarkdown(md).split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/…$/);
    // An escaped pipe is text, not a column break.
    expect(lines[2]).toContain('a | b');
  });

  it('folds <details> unless verbose, including nested ones', () => {
    const md = [
      '## Report',
      '<details><summary>web1: 32 tasks</summary>',
      '',
      'secret-looking body line',
      '<details><summary>inner</summary>',
      'inner body',
      '</details>',
      '</details>',
      'after the block',
    ].join('\n');
    const folded = renderMarkdown(md);
    expect(folded).toContain('▸ web1: 32 tasks');
    expect(folded).not.toContain('body line');
    expect(folded).not.toContain('inner body');
    expect(folded).toContain('after the block');
    const open = renderMarkdown(md, true);
    expect(open).toContain('body line');
    expect(open).toContain('inner body');
  });
});
