import { describe, expect, it } from 'vitest';
import { inputEnvName } from '../../shared/action-metadata';
import { parseAnnotations, parseFileCommand } from '../../shared/runner-protocol';

describe('runner protocol', () => {
  it('names input variables as the runner does', () => {
    expect(inputEnvName('ssh-key')).toBe('INPUT_SSH-KEY');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('parses key=value and heredoc file commands', () => {
    const text = 'a=1\nreport<<ghadelimiter_123\n{\n  "x": 1\n}\nghadelimiter_123\nb=two=2\n';
    expect(parseFileCommand(text)).toEqual({ a: '1', report: '{\n  "x": 1\n}', b: 'two=2' });
    expect(() => parseFileCommand('x<<EOF\nno end')).toThrow(/Unterminated/);
  });

  it('parses annotations with escaped properties and data', () => {
    const out = [
      'plain line',
      '::error file=run%3Abook.yml,line=3,col=7,title=runbook%2C config::bad%0Aline 2',
      '::warning::careful',
    ].join('\n');
    expect(parseAnnotations(out)).toEqual([
      { level: 'error', message: 'bad\nline 2', file: 'run:book.yml', line: 3, col: 7, title: 'runbook, config' },
      { level: 'warning', message: 'careful', file: undefined, line: undefined, col: undefined, title: undefined },
    ]);
  });
});
