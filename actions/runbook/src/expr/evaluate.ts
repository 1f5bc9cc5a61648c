import { ConfigurationError } from '../../../../shared/errors';
import { lookup, type Scope } from '../../../../shared/template';
import type { Expr } from './parse';

/** Evaluates a parsed condition against a host's variables. Reading an undefined variable is an error. */
export function evaluate(expr: Expr, scope: Scope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'var': {
      const value = lookup(scope, expr.path);
      if (value === undefined) {
        throw new ConfigurationError(
          `Undefined variable "${expr.path}" in condition (use "${expr.path} is defined" to test for it)`,
        );
      }
      return value;
    }
    case 'list':
      return expr.items.map((i) => evaluate(i, scope));
    case 'defined': {
      const defined = lookup(scope, expr.path) !== undefined;
      return expr.negate ? !defined : defined;
    }
    case 'not':
      return !truthy(evaluate(expr.operand, scope));
    case 'and':
      return truthy(evaluate(expr.left, scope)) && truthy(evaluate(expr.right, scope));
    case 'or':
      return truthy(evaluate(expr.left, scope)) || truthy(evaluate(expr.right, scope));
    case 'compare':
      return compare(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope));
  }
}

export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  if (typeof value === 'string') return value !== '' && !/^(false|no|off|0)$/i.test(value);
  return Boolean(value);
}

function compare(op: string, left: unknown, right: unknown): boolean {
  switch (op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
  }
  const [a, b] = numericPair(left, right);
  if (a === undefined || b === undefined) {
    throw new ConfigurationError(`Cannot order ${JSON.stringify(left)} and ${JSON.stringify(right)} with ${op}`);
  }
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/** YAML and command output give numbers as strings; "10" == 10 is what a runbook author means. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) {
    return String(a).trim() === String(b).trim();
  }
  if (typeof a === 'boolean' && typeof b === 'string') return String(a) === b.toLowerCase();
  if (typeof b === 'boolean' && typeof a === 'string') return String(b) === a.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

function numericPair(a: unknown, b: unknown): [number | string | undefined, number | string | undefined] {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) return [na, nb];
  if (typeof a === 'string' && typeof b === 'string') return [a, b];
  return [undefined, undefined];
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

function contains(container: unknown, item: unknown): boolean {
  if (Array.isArray(container)) return container.some((c) => equal(c, item));
  if (typeof container === 'string') return container.includes(String(item));
  if (container && typeof container === 'object') return Object.hasOwn(container, String(item));
  return false;
}
