import * as core from './actions-core';
import { ConfigurationError } from './errors';
import { registerSecret } from './secrets';
import { closest } from './suggest';
import { parseYaml } from './yaml';

/**
 * Typed readers over the runner's INPUT_* variables. Each throws a ConfigurationError naming
 * the input, so an action parses its inputs once, up front, before it changes anything.
 */
interface ReadOptions {
  required?: boolean;
}

function raw(name: string, options: ReadOptions = {}): string {
  const value = core.getInput(name, { trimWhitespace: true });
  if (options.required && value === '') {
    throw new ConfigurationError(`Input required and not supplied: ${name}`, { input: name });
  }
  return value;
}

export function getString(name: string, options: ReadOptions & { default?: string } = {}): string {
  const value = raw(name, options);
  return value === '' ? (options.default ?? '') : value;
}

/** Like getString, and masks the value in every later log line. */
export function getSecret(name: string, options: ReadOptions = {}): string {
  const value = core.getInput(name, { trimWhitespace: false });
  if (options.required && value.trim() === '') {
    throw new ConfigurationError(`Input required and not supplied: ${name}`, { input: name });
  }
  registerSecret(value);
  return value;
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

export function getBoolean(name: string, options: ReadOptions & { default?: boolean } = {}): boolean {
  const value = raw(name, options).toLowerCase();
  if (value === '') return options.default ?? false;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new ConfigurationError(`Input ${name} must be a boolean (true or false), got "${value}"`, { input: name });
}

export function getInteger(
  name: string,
  options: ReadOptions & { default?: number; min?: number; max?: number } = {},
): number {
  const value = raw(name, options);
  if (value === '') {
    if (options.default === undefined) return Number.NaN;
    return options.default;
  }
  if (!/^-?\d+$/.test(value)) {
    throw new ConfigurationError(`Input ${name} must be a whole number, got "${value}"`, { input: name });
  }
  const n = Number(value);
  checkRange(name, n, options.min, options.max);
  return n;
}

function checkRange(name: string, n: number, min?: number, max?: number): void {
  if (min !== undefined && n < min) {
    throw new ConfigurationError(`Input ${name} must be at least ${min}, got ${n}`, { input: name });
  }
  if (max !== undefined && n > max) {
    throw new ConfigurationError(`Input ${name} must be at most ${max}, got ${n}`, { input: name });
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `5m`, `1h30m`, `250ms` or a bare number of seconds into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(value); match; match = re.exec(value)) {
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
    consumed = re.lastIndex;
  }
  return consumed === value.length && consumed > 0 ? Math.round(total) : undefined;
}

/** A duration in milliseconds. */
export function getDuration(name: string, options: ReadOptions & { default?: string | number } = {}): number {
  const value = raw(name, options);
  if (value === '') {
    const d = options.default;
    if (d === undefined) return Number.NaN;
    return typeof d === 'number' ? d : (parseDuration(d) as number);
  }
  const ms = parseDuration(value);
  if (ms === undefined) {
    throw new ConfigurationError(
      `Input ${name} must be a duration such as 90s, 5m, 1h30m or a number of seconds, got "${value}"`,
      { input: name },
    );
  }
  return ms;
}

export function getEnum<T extends string>(
  name: string,
  allowed: readonly T[],
  options: ReadOptions & { default?: T } = {},
): T {
  const value = raw(name, options);
  if (value === '') {
    if (options.default === undefined) {
      throw new ConfigurationError(`Input required and not supplied: ${name} (one of ${allowed.join(', ')})`, {
        input: name,
      });
    }
    return options.default;
  }
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const guess = closest(value, allowed);
  throw new ConfigurationError(
    `Input ${name} must be one of ${allowed.join(', ')}, got "${value}"${guess ? `; did you mean "${guess}"?` : ''}`,
    { input: name },
  );
}

/** A multi-line list; commas also separate items unless `commas: false`. Blank lines and `#` comments are skipped. */
export function getList(name: string, options: ReadOptions & { commas?: boolean } = {}): string[] {
  const value = raw(name, options);
  return splitList(value, options.commas ?? true);
}

export function splitList(value: string, commas = true): string[] {
  return value
    .split(commas ? /[\r\n,]+/ : /\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

/** A YAML or JSON mapping (JSON is YAML). Errors point at the line inside the input. */
export function getMapping(name: string, options: ReadOptions = {}): Record<string, unknown> {
  const value = raw(name, options);
  if (value === '') return {};
  return parseMapping(value, `input ${name}`, name);
}

export function parseMapping(text: string, what: string, input?: string): Record<string, unknown> {
  const data = parseYaml(text, { what, input }).doc.toJS() as unknown;
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigurationError(`${what} must be a mapping of keys to values`, { input });
  }
  return data as Record<string, unknown>;
}
