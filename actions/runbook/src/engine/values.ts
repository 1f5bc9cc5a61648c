import { ConfigurationError } from '../../../../shared/errors';
import { lookup } from '../../../../shared/template';
import type { Loc } from '../runbook/types';
import { resolveValue } from './scope';

const WHOLE = /^\$\{\s*([A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+))*)\s*\}$/;

/**
 * Like resolveValue, but a string that is exactly one `${path}` keeps the value's type, so
 * `loop: ${packages}` iterates a list and `set_fact: { ports: "${ports}" }` stays a list.
 */
export function rawValue(value: unknown, scope: Record<string, unknown>, context: string, loc?: Loc): unknown {
  if (typeof value === 'string') {
    const m = WHOLE.exec(value.trim());
    if (m && !m[1]?.startsWith('secrets')) {
      const v = lookup(scope, m[1] as string);
      if (v === undefined) throw new ConfigurationError(`Undefined variable "${m[1]}" in ${context}`, loc);
      return v;
    }
  }
  if (Array.isArray(value)) return value.map((v) => rawValue(v, scope, context, loc));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rawValue(v, scope, context, loc);
    return out;
  }
  return resolveValue(value, scope, context, loc);
}
