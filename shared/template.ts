import { ConfigurationError, type SourceLocation } from './errors';

/**
 * `${…}` interpolation for runbooks, templates and db2 scripts.
 *
 *   ${user}            a variable
 *   ${host.address}    a dotted path (own properties only: no prototype walking)
 *   ${items.0}         an array element
 *   ${port:-8080}      a default when the variable is undefined (or empty)
 *   $${literal}        the text `${literal}`
 *
 * Anything else between the braces is refused: templates interpolate values and never run code,
 * so `${constructor.constructor('x')()}` is an error, not an exploit.
 */
export type Scope = Readonly<Record<string, unknown>>;

export interface InterpolateOptions {
  /** Where the text came from, for error messages (file, first line of the text, column). */
  source?: SourceLocation;
  /** What is being interpolated, e.g. `task "install" field shell`. */
  context?: string;
}

export interface Interpolated {
  text: string;
  /** Every variable path that was read (defaults included only when the variable existed). */
  used: string[];
}

const PATH = /^[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+))*$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function interpolate(text: string, scope: Scope, options: InterpolateOptions = {}): string {
  return interpolateWithInfo(text, scope, options).text;
}

export function interpolateWithInfo(text: string, scope: Scope, options: InterpolateOptions = {}): Interpolated {
  const used: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const next = text.indexOf('$', i);
    if (next === -1) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, next);
    if (text.startsWith('$${', next)) {
      const end = findClose(text, next + 2);
      out += end === -1 ? text.slice(next + 1) : text.slice(next + 1, end + 1);
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    if (text[next + 1] !== '{') {
      out += '$';
      i = next + 1;
      continue;
    }
    const end = findClose(text, next + 1);
    if (end === -1) {
      throw templateError(`Unclosed "\${" in template`, text, next, options);
    }
    const body = text.slice(next + 2, end);
    out += resolve(body, scope, text, next, options, used);
    i = end + 1;
  }
  return { text: out, used };
}

/** Interpolates every string inside a YAML-ish value (objects, arrays), keeping other types. */
export function interpolateDeep<T>(value: T, scope: Scope, options: InterpolateOptions = {}, used: string[] = []): T {
  if (typeof value === 'string') {
    const r = interpolateWithInfo(value, scope, options);
    used.push(...r.used);
    return r.text as T;
  }
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, scope, options, used)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateDeep(v, scope, options, used);
    return out as T;
  }
  return value;
}

function findClose(text: string, openBrace: number): number {
  let depth = 0;
  for (let j = openBrace; j < text.length; j++) {
    const c = text[j];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function resolve(
  body: string,
  scope: Scope,
  text: string,
  at: number,
  options: InterpolateOptions,
  used: string[],
): string {
  const sep = body.indexOf(':-');
  const path = (sep === -1 ? body : body.slice(0, sep)).trim();
  const fallback = sep === -1 ? undefined : body.slice(sep + 2);
  if (!PATH.test(path) || path.split('.').some((p) => FORBIDDEN.has(p))) {
    throw templateError(
      `"\${${body}}" is not a variable reference: templates accept names and dotted paths (\${name}, \${host.address}, \${port:-8080}) and never evaluate code`,
      text,
      at,
      options,
    );
  }
  const value = lookup(scope, path);
  if (value === undefined || value === null || (value === '' && fallback !== undefined)) {
    if (fallback !== undefined) return interpolateWithInfo(fallback, scope, options).text;
    throw templateError(`Undefined variable "${path}"`, text, at, options);
  }
  used.push(path);
  return stringify(value);
}

export function lookup(scope: Scope, path: string): unknown {
  let current: unknown = scope;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function templateError(message: string, text: string, at: number, options: InterpolateOptions): ConfigurationError {
  const before = text.slice(0, at);
  const lineOffset = before.split('\n').length - 1;
  const col = at - (before.lastIndexOf('\n') + 1) + 1;
  const source = options.source ?? {};
  const line = source.line !== undefined ? source.line + lineOffset : undefined;
  const column = lineOffset === 0 && source.col !== undefined ? source.col + col - 1 : col;
  const where = options.context ? ` in ${options.context}` : '';
  return new ConfigurationError(`${message}${where}`, {
    file: source.file,
    line,
    col: line !== undefined ? column : undefined,
  });
}
