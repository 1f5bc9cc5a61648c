import type { PackageRecord } from './types';

type Encoder = (record: PackageRecord) => string;

/**
 * Types whose canonical form packageurl-js reaches by lower-casing alone (npm, composer) or by
 * nothing at all (cargo, gem), and which it validates no further. For them, a name, namespace and
 * version made only of characters percent-encoding leaves alone are written directly; see `fast`.
 */
const SIMPLE: Partial<Record<PackageRecord['purlType'], boolean>> = {
  npm: true,
  composer: true,
  cargo: false,
  gem: false,
};
// Unreserved in RFC 3986 and untouched by encodeURIComponent and trim; the version may add `+`
// (packageurl-js re-instates it after encoding) and the npm namespace a leading `@` (→ `%40`).
const SAFE = /^[A-Za-z0-9._~-]+$/;
const SAFE_VERSION = /^[A-Za-z0-9._~+-]+$/;

/**
 * The purl packageurl-js would write, for the records that need no more than `SIMPLE` says;
 * undefined for anything else (qualifiers, other types, characters that need encoding). The unit
 * tests hold this to packageurl-js's output for every fixture's packages and odd names.
 */
export function fast(record: PackageRecord): string | undefined {
  const lower = SIMPLE[record.purlType];
  if (lower === undefined || !SAFE.test(record.name) || !SAFE_VERSION.test(record.version)) return undefined;
  if ((record.qualifiers && Object.keys(record.qualifiers).length > 0) || record.subpath) return undefined;
  const name = lower ? record.name.toLowerCase() : record.name;
  const ns = record.namespace;
  if (ns === undefined || ns === '') return `pkg:${record.purlType}/${name}@${record.version}`;
  let namespace: string;
  if (ns.charCodeAt(0) === 64 /* @ */ && record.purlType === 'npm') {
    const scope = ns.slice(1);
    if (!SAFE.test(scope)) return undefined;
    namespace = `%40${scope.toLowerCase()}`;
  } else {
    if (!SAFE.test(ns)) return undefined;
    namespace = lower ? ns.toLowerCase() : ns;
  }
  return `pkg:${record.purlType}/${namespace}/${name}@${record.version}`;
}

let library: Promise<Encoder> | undefined;

/**
 * The canonical purl of each package, keyed like the input. packageurl-js does the type-specific
 * normalisation (npm and PyPI names lower-cased, PyPI `_` → `-`) and encodes an npm scope as
 * `%40scope` exactly once; we never concatenate a purl that needs encoding or normalisation by
 * hand, so nothing can encode twice. The library (and the ICU collator it builds on load, ~10 ms)
 * is loaded only when some package is outside the `fast` path: a large npm lockfile never needs it.
 */
export async function purlsOf(packages: ReadonlyMap<string, PackageRecord>): Promise<Map<string, string>> {
  const purls = new Map<string, string>();
  const rest: [string, PackageRecord][] = [];
  for (const [id, record] of packages) {
    const purl = fast(record);
    if (purl !== undefined) purls.set(id, purl);
    else rest.push([id, record]);
  }
  if (rest.length > 0) {
    library ??= import('packageurl-js').then(libraryEncoder);
    const encode = await library;
    for (const [id, record] of rest) purls.set(id, encode(record));
  }
  return purls;
}

/** packageurl-js itself, for the records `fast` does not cover (and for the tests to compare with). */
export function libraryEncoder({ PackageURL }: typeof import('packageurl-js')): Encoder {
  return (record) => {
    const qualifiers = record.qualifiers && Object.keys(record.qualifiers).length > 0 ? record.qualifiers : undefined;
    return new PackageURL(
      record.purlType,
      record.namespace ?? undefined,
      record.name,
      // No version is no version: never a made-up one a scanner would match against every advisory.
      record.version || undefined,
      qualifiers,
      record.subpath,
    ).toString();
  };
}

/** Splits `@scope/name` into the purl namespace and name. */
export function npmName(full: string): { namespace?: string; name: string } {
  if (full.startsWith('@')) {
    const slash = full.indexOf('/');
    if (slash > 0) return { namespace: full.slice(0, slash), name: full.slice(slash + 1) };
  }
  return { name: full };
}

/** A package's display name in its ecosystem's own spelling (`@scope/name`, `group:artifact`). */
export function displayName(record: Pick<PackageRecord, 'purlType' | 'namespace' | 'name'>): string {
  if (!record.namespace) return record.name;
  switch (record.purlType) {
    case 'maven':
      return `${record.namespace}:${record.name}`;
    default:
      return `${record.namespace}/${record.name}`;
  }
}

/** PEP 503 normalised name: the identity PyPI and every Python lockfile agree on. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
