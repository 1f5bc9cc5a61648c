import { PackageURL } from 'packageurl-js';
import type { PackageRecord } from './types';

/**
 * The canonical purl of a package. packageurl-js does the type-specific normalisation (npm and
 * PyPI names lower-cased, PyPI `_` → `-`) and encodes an npm scope as `%40scope` exactly once;
 * we never build purl strings by hand, so nothing can encode twice.
 */
export function purlOf(record: PackageRecord): string {
  const qualifiers = record.qualifiers && Object.keys(record.qualifiers).length > 0 ? record.qualifiers : undefined;
  return new PackageURL(
    record.purlType,
    record.namespace ?? undefined,
    record.name,
    record.version,
    qualifiers,
    undefined,
  ).toString();
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
