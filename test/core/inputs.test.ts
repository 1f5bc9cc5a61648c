import { afterEach, describe, expect, it } from 'vitest';
import {
  getBoolean,
  getDuration,
  getEnum,
  getInteger,
  getList,
  getMapping,
  getSecret,
  getString,
  parseDuration,
} from '../../shared/inputs';
import { clearSecrets, redact } from '../../shared/secrets';
import { configurationError } from '../expect-error';

const set = (name: string, value: string) => {
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
};

afterEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  clearSecrets();
});

describe('input readers', () => {
  it('reads strings with defaults and names a missing required input', () => {
    set('host-name', '  web-1 ');
    expect(getString('host-name')).toBe('web-1');
    expect(getString('other', { default: 'x' })).toBe('x');
    const e = configurationError(() => getString('runbook', { required: true }));
    expect(e.message).toBe('Input required and not supplied: runbook');
    expect(e.input).toBe('runbook');
  });

  it('parses booleans strictly', () => {
    set('a', 'TRUE');
    set('b', 'no');
    set('c', 'maybe');
    expect(getBoolean('a')).toBe(true);
    expect(getBoolean('b')).toBe(false);
    expect(getBoolean('unset', { default: true })).toBe(true);
    expect(configurationError(() => getBoolean('c')).message).toContain('Input c must be a boolean');
  });

  it('parses integers with bounds', () => {
    set('n', '42');
    set('bad', '4.5');
    set('big', '900');
    expect(getInteger('n')).toBe(42);
    expect(getInteger('unset', { default: 7 })).toBe(7);
    expect(configurationError(() => getInteger('bad')).message).toContain('whole number');
    expect(configurationError(() => getInteger('big', { max: 100 })).message).toContain('at most 100');
  });

  it('parses durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('12')).toBe(12_000);
    expect(parseDuration('5 minutes')).toBeUndefined();
    expect(parseDuration('5x')).toBeUndefined();
    set('t', '2m');
    set('bad', 'soon');
    expect(getDuration('t')).toBe(120_000);
    expect(getDuration('unset', { default: '120s' })).toBe(120_000);
    expect(configurationError(() => getDuration('bad')).message).toContain('must be a duration');
  });

  it('suggests the closest enum value', () => {
    set('policy', 'strcit');
    const e = configurationError(() => getEnum('policy', ['strict', 'accept-new', 'off'] as const));
    expect(e.message).toBe('Input policy must be one of strict, accept-new, off, got "strcit"; did you mean "strict"?');
    set('mode', 'lockstep');
    expect(getEnum('mode', ['free', 'lockstep'] as const)).toBe('lockstep');
    expect(getEnum('unset', ['free', 'lockstep'] as const, { default: 'free' })).toBe('free');
  });

  it('splits lists on lines and commas, skipping blanks and comments', () => {
    set('files', 'a.txt\n\n# comment\nb.txt, c.txt\n');
    expect(getList('files')).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(getList('files', { commas: false })).toEqual(['a.txt', 'b.txt, c.txt']);
  });

  it('parses YAML or JSON mappings and points at the bad line', () => {
    set('vars', 'user: ezios\nport: 8080\n');
    expect(getMapping('vars')).toEqual({ user: 'ezios', port: 8080 });
    set('json', '{"a": {"b": [1, 2]}}');
    expect(getMapping('json')).toEqual({ a: { b: [1, 2] } });
    set('bad', 'user: ezios\n  port: [8080\n');
    expect(configurationError(() => getMapping('bad')).message).toMatch(
      /^input bad is not valid YAML \(line \d+, column \d+\): /,
    );
    set('list', '- a\n- b\n');
    expect(configurationError(() => getMapping('list')).message).toContain('must be a mapping');
  });

  it('masks secrets, line by line, in what we write ourselves', () => {
    set('key', '-----BEGIN KEY-----\nabcdefgh\n-----END KEY-----');
    const key = getSecret('key');
    expect(redact(`key is ${key}`)).toBe('key is ***');
    expect(redact('line abcdefgh leaked')).toBe('line *** leaked');
  });
});
