import { readFileSync } from 'node:fs';
import { PackageURL } from 'packageurl-js';
import { ConfigurationError } from '../../../../shared/errors';
import { isRecord, parseJson } from '../ecosystems/common';
import { compare } from '../model/build';
import type { Component } from '../model/types';
import { Inputs } from '../names';

export interface SbomDiff {
  /** The file compared against, as given. */
  against: string;
  added: string[];
  removed: string[];
  changed: { package: string; from: string[]; to: string[] }[];
  unchanged: number;
}

/**
 * Components of a previous SBOM (SPDX 2.x or CycloneDX JSON, ours or another tool's) against this
 * one, by purl. A package whose versions differ is "changed" (an upgrade), not removed + added.
 */
export function diffAgainst(file: string, display: string, components: readonly Component[]): SbomDiff {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Input ${Inputs.compareTo}: cannot read ${display}: ${(error as Error).message}`, {
      input: Inputs.compareTo,
    });
  }
  const previous = purlsOf(parseJson(text, display), display);
  const current = components.map((c) => c.purl);
  return diffPurls(display, previous, current);
}

export function diffPurls(against: string, previous: readonly string[], current: readonly string[]): SbomDiff {
  const before = group(previous);
  const after = group(current);
  const added: string[] = [];
  const removed: string[] = [];
  const changed: SbomDiff['changed'] = [];
  let unchanged = 0;
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
    const old = before.get(key) ?? new Map<string, string>();
    const now = after.get(key) ?? new Map<string, string>();
    if (old.size === 0) added.push(...[...now.values()].sort(compare));
    else if (now.size === 0) removed.push(...[...old.values()].sort(compare));
    else {
      const from = [...old.keys()].filter((v) => !now.has(v)).sort(compare);
      const to = [...now.keys()].filter((v) => !old.has(v)).sort(compare);
      if (from.length > 0 || to.length > 0) changed.push({ package: key, from, to });
      unchanged += [...now.keys()].filter((v) => old.has(v)).length;
    }
  }
  return { against, added, removed, changed, unchanged };
}

/** purl without version → (version → purl). */
function group(purls: readonly string[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const purl of purls) {
    let parsed: PackageURL;
    try {
      parsed = PackageURL.fromString(purl);
    } catch {
      continue;
    }
    const key = new PackageURL(
      parsed.type,
      parsed.namespace,
      parsed.name,
      undefined,
      parsed.qualifiers,
      undefined,
    ).toString();
    let versions = out.get(key);
    if (!versions) {
      versions = new Map();
      out.set(key, versions);
    }
    versions.set(parsed.version ?? '', purl);
  }
  return out;
}

function purlsOf(doc: unknown, display: string): string[] {
  if (isRecord(doc) && doc.bomFormat === 'CycloneDX') {
    const purls: string[] = [];
    const walk = (list: unknown): void => {
      for (const c of Array.isArray(list) ? list : []) {
        if (!isRecord(c)) continue;
        if (typeof c.purl === 'string') purls.push(c.purl);
        walk(c.components);
      }
    };
    walk(doc.components);
    return purls;
  }
  if (isRecord(doc) && typeof doc.spdxVersion === 'string') {
    const purls: string[] = [];
    for (const p of Array.isArray(doc.packages) ? doc.packages : []) {
      if (!isRecord(p) || !Array.isArray(p.externalRefs)) continue;
      for (const ref of p.externalRefs)
        if (isRecord(ref) && ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string')
          purls.push(ref.referenceLocator);
    }
    // Our own root package carries no purl; a root with one would show up here and be compared like any other.
    return purls;
  }
  throw new ConfigurationError(
    `Input ${Inputs.compareTo}: ${display} is neither a CycloneDX nor an SPDX JSON document`,
    {
      input: Inputs.compareTo,
      file: display,
      line: 1,
      col: 1,
    },
  );
}
