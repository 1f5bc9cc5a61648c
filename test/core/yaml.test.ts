import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../shared/yaml';
import { configurationError } from '../expect-error';

describe('parseYaml', () => {
  it('keeps node positions', () => {
    const { doc, lines } = parseYaml('a: 1\nb:\n  c: 2\n', { what: 'x.yml', file: 'x.yml' });
    const node = doc.getIn(['b', 'c'], true) as { range: [number, number, number] };
    expect(lines.linePos(node.range[0])).toEqual({ line: 3, col: 6 });
  });

  it('annotates a syntax error in a file at its line and column', () => {
    const e = configurationError(() => parseYaml('a: 1\nb: [2\nc: 3\n', { what: 'deploy.yml', file: 'deploy.yml' }));
    expect(e.message).toMatch(/^deploy\.yml is not valid YAML: /);
    expect(e.location.file).toBe('deploy.yml');
    expect(e.location.line).toBeGreaterThanOrEqual(2);
    expect(e.location.col).toBeGreaterThanOrEqual(1);
  });

  it('puts the position in the text when there is no file to annotate', () => {
    const e = configurationError(() => parseYaml('a: 1\n  b: 2\n', { what: 'input vars', input: 'vars' }));
    expect(e.message).toMatch(/^input vars is not valid YAML \(line \d+, column \d+\): /);
    expect(e.input).toBe('vars');
    expect(e.location.line).toBeUndefined();
  });

  it('refuses duplicate keys unless told otherwise', () => {
    expect(() => parseYaml('a: 1\na: 2\n', { what: 'x' })).toThrow(/not valid YAML/);
    expect(parseYaml('a: 1\na: 2\n', { what: 'x', uniqueKeys: false }).doc.errors).toEqual([]);
  });
});
