import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../shared/errors';
import { interpolate, interpolateDeep, interpolateWithInfo } from '../../shared/template';
import { configurationError } from '../expect-error';

const scope = {
  user: 'ezios',
  port: 8080,
  empty: '',
  host: { name: 'web-1', address: '127.0.0.2', tags: ['a', 'b'] },
  secrets: { token: 's3cr3t' },
};

describe('${} interpolation', () => {
  it('replaces names, dotted paths and array indexes', () => {
    expect(interpolate('useradd -m ${user}', scope)).toBe('useradd -m ezios');
    expect(interpolate('${host.name}@${host.address}:${port}', scope)).toBe('web-1@127.0.0.2:8080');
    expect(interpolate('${host.tags.1}', scope)).toBe('b');
    expect(interpolate('${ user }', scope)).toBe('ezios');
    expect(interpolate('${host.tags}', scope)).toBe('["a","b"]');
  });

  it('applies defaults for undefined or empty variables', () => {
    expect(interpolate('${missing:-8080}', scope)).toBe('8080');
    expect(interpolate('${empty:-fallback}', scope)).toBe('fallback');
    expect(interpolate('${port:-1}', scope)).toBe('8080');
    expect(interpolate('${missing:-${user}}', scope)).toBe('ezios');
    expect(interpolate('${missing:-}', scope)).toBe('');
  });

  it('keeps escaped references and lone dollars literal', () => {
    expect(interpolate('echo $${HOME} $PATH costs $5', scope)).toBe('echo ${HOME} $PATH costs $5');
  });

  it('names the undefined variable and where it is used', () => {
    const e = configurationError(() =>
      interpolate('line one\nmkdir ${dir}', scope, {
        source: { file: 'runbook.yml', line: 10, col: 12 },
        context: 'task "make dir"',
      }),
    );
    expect(e.message).toBe('Undefined variable "dir" in task "make dir"');
    expect(e.location).toEqual({ file: 'runbook.yml', line: 11, col: 7 });
  });

  it('never evaluates code', () => {
    for (const attack of [
      "${constructor.constructor('return process')()}",
      '${user.constructor}',
      '${__proto__}',
      '${process.exit(1)}',
      '${1+1}',
      '${`x`}',
    ]) {
      expect(() => interpolate(attack, scope)).toThrow(ConfigurationError);
    }
    expect(configurationError(() => interpolate("${constructor.constructor('x')()}", scope)).message).toContain(
      'never evaluate code',
    );
    // Inherited properties are not variables either.
    expect(() => interpolate('${toString}', scope)).toThrow('Undefined variable "toString"');
  });

  it('reports which variables were read, so strings built from secrets can be masked', () => {
    const r = interpolateWithInfo('curl -H "Authorization: ${secrets.token}" ${host.address}', scope);
    expect(r.text).toBe('curl -H "Authorization: s3cr3t" 127.0.0.2');
    expect(r.used).toEqual(['secrets.token', 'host.address']);
  });

  it('interpolates nested structures and keeps non-strings', () => {
    const used: string[] = [];
    expect(interpolateDeep({ a: ['${user}', 3, true], b: { c: '${port}' } }, scope, {}, used)).toEqual({
      a: ['ezios', 3, true],
      b: { c: '8080' },
    });
    expect(used).toEqual(['user', 'port']);
  });

  it('refuses an unclosed reference', () => {
    expect(() => interpolate('echo ${user', scope)).toThrow('Unclosed');
  });
});
