import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, referencedPaths, truthy } from '../../../actions/runbook/src/expr';

const scope = {
  env: { STAGE: 'prod' },
  port: 8080,
  count: '10',
  tags: ['web', 'db'],
  ver: { rc: 0, stdout: 'v1.2' },
  on: true,
  empty: '',
};
const run = (text: string) => evaluate(parseExpression(text), scope);

describe('when expressions', () => {
  it('compares, combines and negates', () => {
    expect(run("env.STAGE == 'prod' and port > 1024")).toBe(true);
    expect(run('port >= 8080 && count < 11')).toBe(true);
    expect(run('count == 10')).toBe(true); // "10" from YAML/output compares as a number
    expect(run('not on or port != 8080')).toBe(false);
    expect(run('!(port < 80)')).toBe(true);
    expect(run("'web' in tags and 'cache' not in tags")).toBe(true);
    expect(run("'1.2' in ver.stdout")).toBe(true);
    expect(run('ver.rc == 0')).toBe(true);
    expect(truthy(run('empty'))).toBe(false);
    expect(run('not empty')).toBe(true);
    expect(run('port in [80, 8080]')).toBe(true);
  });

  it('tests definedness without failing', () => {
    expect(run('missing is not defined')).toBe(true);
    expect(run('ver.stdout is defined')).toBe(true);
  });

  it('errors on undefined variables, naming them', () => {
    expect(() => run('missing == 1')).toThrow('Undefined variable "missing"');
  });

  it('refuses code: calls, prototype walking, assignments', () => {
    expect(() => parseExpression("constructor.constructor('x')()")).toThrow();
    expect(() => parseExpression('ver.__proto__')).toThrow('is not a variable a condition may read');
    expect(() => parseExpression('process.exit(1)')).toThrow(
      'function calls and other code are not part of conditions',
    );
    expect(() => parseExpression('port = 1')).toThrow('unexpected character "="');
    expect(() => parseExpression('port ==')).toThrow('ends too early');
  });

  it('lists what it reads', () => {
    expect(referencedPaths(parseExpression("ver.rc == 0 and env.STAGE == 'x' or x is defined"))).toEqual([
      'ver.rc',
      'env.STAGE',
    ]);
  });
});
