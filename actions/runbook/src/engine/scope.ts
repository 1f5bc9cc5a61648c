import { ConfigurationError } from '../../../../shared/errors';
import { registerSecret } from '../../../../shared/secrets';
import { interpolateWithInfo, type Scope } from '../../../../shared/template';
import type { Host } from '../inventory';

/**
 * Variables for one host. Precedence, lowest first:
 *   runbook vars < inventory group vars < host vars < block/include vars < registered results
 *   < vars-file < `vars` input.
 * `env`, `secrets` and `host` are built in and cannot be overridden.
 */
export interface VarSources {
  runbook: Record<string, unknown>;
  varsFile: Record<string, unknown>;
  varsInput: Record<string, unknown>;
  secrets: Record<string, string>;
  env: Record<string, string>;
}

export function hostInfo(host: Host) {
  return {
    name: host.name,
    address: host.address,
    port: host.port ?? null,
    user: host.user ?? null,
    groups: host.groups,
    connection: host.connection,
  };
}

/** The highest layers, which must win over anything set later (block vars, registered results). */
export function overrides(sources: VarSources): Record<string, unknown> {
  return { ...sources.varsFile, ...sources.varsInput };
}

export function baseScope(host: Host, sources: VarSources): Record<string, unknown> {
  const vars = { ...sources.runbook, ...host.vars, ...overrides(sources) };
  const scope: Record<string, unknown> = {
    ...vars,
    env: sources.env,
    secrets: sources.secrets,
    host: hostInfo(host),
  };
  return resolveVars(scope, Object.keys(vars), `host ${host.name}`);
}

/**
 * Variable values may reference other variables (`url: http://${host.address}:${port}`).
 * We resolve them by repeated passes (values only, never code); a reference that still cannot
 * resolve after the passes is undefined or circular, and is reported by name.
 */
export function resolveVars(scope: Record<string, unknown>, keys: string[], where: string): Record<string, unknown> {
  const pending = new Set(keys.filter((k) => containsRef(scope[k])));
  const waitsOn = (key: string) =>
    references(scope[key])
      .map((r) => r.split('.')[0] as string)
      .filter((r) => pending.has(r));
  for (let pass = 0; pending.size > 0 && pass <= keys.length; pass++) {
    let progressed = false;
    for (const key of [...pending]) {
      const blockers = waitsOn(key);
      if (blockers.includes(key)) throw new ConfigurationError(`Variable "${key}" refers to itself (${where})`);
      if (blockers.length > 0) continue;
      scope[key] = resolveValue(scope[key], scope, `variable "${key}" (${where})`);
      pending.delete(key);
      progressed = true;
    }
    if (!progressed) {
      throw new ConfigurationError(
        `Variables ${[...pending].map((k) => `"${k}"`).join(', ')} refer to each other in a circle (${where})`,
      );
    }
  }
  return scope;
}

function containsRef(value: unknown): boolean {
  if (typeof value === 'string') return /(^|[^$])\$\{/.test(value);
  if (Array.isArray(value)) return value.some(containsRef);
  if (value && typeof value === 'object') return Object.values(value).some(containsRef);
  return false;
}

/**
 * Interpolates every string in a value. A string built from a secret is registered as a secret
 * itself, so `Authorization: Bearer ${secrets.token}` is masked whole, not just the token.
 */
export function resolveValue(
  value: unknown,
  scope: Scope,
  context: string,
  source?: { file: string; line: number; col: number },
): unknown {
  if (typeof value === 'string') {
    const r = interpolateWithInfo(value, scope, { context, source });
    if (r.used.some((p) => p === 'secrets' || p.startsWith('secrets.'))) registerSecret(r.text);
    return r.text;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope, context, source));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, scope, context, source);
    return out;
  }
  return value;
}

/** `${a.b}` references in a value (escaped `$${…}` and ones with a `:-default` excluded). */
export function references(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/(^|[^$])\$\{([^}]*)\}/g)) {
      const body = m[2] as string;
      if (body.includes(':-')) continue;
      out.push(body.trim());
    }
  } else if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) references(v, out);
  return out;
}
