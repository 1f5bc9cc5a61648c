import { ConfigurationError } from '../../../../shared/errors';
import { closest } from '../../../../shared/suggest';
import type { ArgCheck } from './types';

/** Shared argument checks for modules: a mapping with known keys, required keys and value kinds. */
export function mapping(
  check: ArgCheck,
  allowed: readonly string[],
  required: readonly string[] = [],
): Record<string, unknown> {
  const { args } = check;
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    check.fail(`expects a mapping with ${required.length ? required.join(', ') : allowed.slice(0, 4).join(', ')}`);
  }
  const map = args as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    if (!allowed.includes(key)) {
      const guess = closest(key, allowed);
      check.fail(
        `has no argument "${key}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${allowed.join(', ')})`,
        key,
      );
    }
  }
  for (const key of required) {
    if (map[key] === undefined || map[key] === null || map[key] === '') check.fail(`needs "${key}"`);
  }
  return map;
}

export function oneOf(check: ArgCheck, map: Record<string, unknown>, key: string, values: readonly string[]): void {
  const v = map[key];
  if (v === undefined || isTemplated(v)) return;
  if (!values.includes(String(v))) {
    const guess = closest(String(v), values);
    check.fail(
      `${key} must be one of ${values.join(', ')}, got "${v}"${guess ? `; did you mean "${guess}"?` : ''}`,
      key,
    );
  }
}

export function stringList(check: ArgCheck, map: Record<string, unknown>, key: string): void {
  const v = map[key];
  if (v === undefined) return;
  if (!Array.isArray(v) || v.some((i) => typeof i === 'object' && i !== null))
    check.fail(`${key} must be a list of strings`, key);
}

export function stringMap(check: ArgCheck, map: Record<string, unknown>, key: string): void {
  const v = map[key];
  if (v === undefined) return;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    check.fail(`${key} must be a mapping of names to values`, key);
}

export function isTemplated(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

/** File modes as written in YAML: "0644", 0o644 or 644 (YAML 1.2 reads an unquoted 0644 as 644). */
export function parseMode(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  if (/^0o?[0-7]{3,4}$/.test(text)) return Number.parseInt(text.replace(/^0o?/, ''), 8);
  if (/^[0-7]{3,4}$/.test(text)) return Number.parseInt(text, 8);
  throw new ConfigurationError(`mode must be octal such as "0644", got "${text}"`);
}

export function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'boolean') return value;
  return /^(true|yes|on|1)$/i.test(String(value));
}

export function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/** A `mode` argument (unless templated) must be octal; reports the key's line otherwise. */
export function checkMode(check: ArgCheck, map: Record<string, unknown>, key = 'mode'): void {
  if (map[key] === undefined || isTemplated(map[key])) return;
  try {
    parseMode(map[key]);
  } catch (error) {
    check.fail((error as Error).message, key);
  }
}
