import correct from 'spdx-correct';
import { parseExpression, render } from '../licenses/expression';
import type { License, PackageRecord } from '../model/types';

/** /etc/os-release's ID and VERSION_ID (syft's `distro` qualifier: `debian-12`, `alpine-3.19.1`). */
export interface Distro {
  id: string;
  versionId?: string;
  prettyName?: string;
  source: string;
}

export function parseOsRelease(text: string, source: string): Distro | undefined {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    let value = (m[2] as string).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1).replace(/\\(["'\\$`])/g, '$1');
    fields[m[1] as string] = value;
  }
  if (!fields.ID) return undefined;
  return { id: fields.ID.toLowerCase(), versionId: fields.VERSION_ID, prettyName: fields.PRETTY_NAME, source };
}

export function distroQualifier(distro: Distro | undefined): string | undefined {
  if (!distro) return undefined;
  return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}

/** RFC 822-style stanzas (dpkg status, Debian copyright), with the line each starts on. */
export function stanzas(text: string): { fields: Map<string, string>; line: number }[] {
  const out: { fields: Map<string, string>; line: number }[] = [];
  let fields = new Map<string, string>();
  let start = 1;
  let last: string | undefined;
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') {
      if (fields.size > 0) out.push({ fields, line: start });
      fields = new Map();
      last = undefined;
      continue;
    }
    if (fields.size === 0) start = i + 1;
    if (/^\s/.test(line) && last) {
      fields.set(last, `${fields.get(last)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    fields.set(last, line.slice(colon + 1).trim());
  }
  if (fields.size > 0) out.push({ fields, line: start });
  return out;
}

export interface OsPackage {
  record: PackageRecord;
  /** Identity across layers: name, version and architecture. */
  key: string;
  line: number;
  /** What the package needs, each entry a list of alternatives (dpkg `a | b`), names only. */
  depends: string[][];
  /** Names it answers to besides its own (dpkg Provides, apk `p:` such as so:libc.musl…). */
  provides: string[];
}

/**
 * Dependency edges between installed packages, keyed by package key: each requirement goes to the
 * first alternative something installed is or provides. Requirements nothing installed satisfies
 * (a package's dependency removed by hand, a virtual package) are left out, never invented.
 */
export function dependencyEdges(packages: readonly OsPackage[]): Map<string, string[]> {
  const byName = new Map<string, string>();
  for (const p of packages) byName.set(p.record.name, p.key);
  for (const p of packages) for (const name of p.provides) if (!byName.has(name)) byName.set(name, p.key);
  const edges = new Map<string, string[]>();
  for (const p of packages) {
    const targets = new Set<string>();
    for (const alternatives of p.depends) {
      const hit = alternatives.map((name) => byName.get(name)).find((key) => key !== undefined);
      if (hit && hit !== p.key) targets.add(hit);
    }
    if (targets.size > 0) edges.set(p.key, [...targets]);
  }
  return edges;
}

/** `libc6 (>= 2.34), libssl3 (>= 3.0.9) | libssl1.1, python3:any` → [[libc6], [libssl3, libssl1.1], [python3]]. */
function dpkgRelations(text: string | undefined): string[][] {
  if (!text) return [];
  return text
    .split(',')
    .map((group) =>
      group
        .split('|')
        .map((alt) => alt.trim().split(/[\s(:[]/)[0] as string)
        .filter(Boolean),
    )
    .filter((group) => group.length > 0);
}

/** Installed packages of a dpkg status file (or a distroless status.d entry). */
export function parseDpkgStatus(text: string, distro: Distro | undefined): OsPackage[] {
  const out: OsPackage[] = [];
  const namespace = distro?.id ?? 'debian';
  for (const { fields, line } of stanzas(text)) {
    const name = fields.get('package');
    const version = fields.get('version');
    if (!name || !version) continue;
    const status = fields.get('status');
    // status.d entries have no Status: they list what is installed.
    if (status && !/\binstalled$/.test(status)) continue;
    const arch = fields.get('architecture');
    const qualifiers: Record<string, string> = {};
    if (arch) qualifiers.arch = arch;
    const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(fields.get('source') ?? '');
    if (source && source[1] !== name)
      qualifiers.upstream = source[2] ? `${source[1]}@${source[2]}` : (source[1] as string);
    else if (source?.[2]) qualifiers.upstream = `${name}@${source[2]}`;
    const distroName = distroQualifier(distro);
    if (distroName) qualifiers.distro = distroName;
    const maintainer = fields
      .get('maintainer')
      ?.replace(/\s*<[^>]*>\s*/g, '')
      .trim();
    out.push({
      record: { purlType: 'deb', namespace, name, version, qualifiers, supplier: maintainer || undefined },
      key: `${name} ${version} ${arch ?? ''}`,
      line,
      depends: [...dpkgRelations(fields.get('pre-depends')), ...dpkgRelations(fields.get('depends'))],
      provides: dpkgRelations(fields.get('provides')).flat(),
    });
  }
  return out;
}

/** Alpine's /lib/apk/db/installed: `P:` name, `V:` version, `A:` arch, `L:` license, `o:` origin. */
export function parseApkInstalled(text: string, distro: Distro | undefined, source: string): OsPackage[] {
  const out: OsPackage[] = [];
  let fields = new Map<string, string>();
  let start = 1;
  const flush = () => {
    const name = fields.get('P');
    const version = fields.get('V');
    if (name && version) {
      const qualifiers: Record<string, string> = {};
      const arch = fields.get('A');
      if (arch) qualifiers.arch = arch;
      const origin = fields.get('o');
      if (origin && origin !== name) qualifiers.upstream = origin;
      const distroName = distroQualifier(distro);
      if (distroName) qualifiers.distro = distroName;
      const license = fields.get('L');
      const maintainer = fields
        .get('m')
        ?.replace(/\s*<[^>]*>\s*/g, '')
        .trim();
      out.push({
        record: {
          purlType: 'apk',
          namespace: distro?.id ?? 'alpine',
          name,
          version,
          qualifiers,
          supplier: maintainer || undefined,
          license: license ? apkLicense(license, source) : undefined,
        },
        key: `${name} ${version} ${arch ?? ''}`,
        line: start,
        // `D:so:libc.musl-x86_64.so.1 busybox>=1.36 !conflict`: conflicts are not needs.
        depends: words(fields.get('D'))
          .filter((d) => !d.startsWith('!'))
          .map((d) => [d.split(/[<>=~]/)[0] as string]),
        provides: words(fields.get('p')).map((d) => d.split('=')[0] as string),
      });
    }
    fields = new Map();
  };
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (fields.size === 0) start = i + 1;
    const m = /^([A-Za-z]):(.*)$/.exec(line);
    // Repeated keys (R:, F: file lists) keep the first; only the package's own fields are read.
    if (m && !fields.has(m[1] as string)) fields.set(m[1] as string, (m[2] as string).trim());
  }
  flush();
  return out;
}

function words(text: string | undefined): string[] {
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

/** apk writes `MIT AND BSD-2-Clause`, or space-separated ids (`MIT BSD GPL2+`) in older packages. */
function apkLicense(text: string, source: string): License {
  if (parseExpression(text)) return { expression: text, valid: false, source };
  const parts = text.split(/\s+/).filter(Boolean);
  const mapped = parts.map((p) => spdxId(p));
  if (mapped.every((m): m is string => m !== undefined))
    return { expression: mapped.join(' AND '), valid: false, source };
  return { expression: text, valid: false, source };
}

/** Debian short names that are not SPDX ids or that spdx-correct reads differently. */
const DEBIAN_NAMES: Record<string, string> = {
  Expat: 'MIT',
  'GPL-1+': 'GPL-1.0-or-later',
  'GPL-2+': 'GPL-2.0-or-later',
  'GPL-3+': 'GPL-3.0-or-later',
  'LGPL-2+': 'LGPL-2.0-or-later',
  'LGPL-2.1+': 'LGPL-2.1-or-later',
  'LGPL-3+': 'LGPL-3.0-or-later',
  'GFDL-1.2+': 'GFDL-1.2-or-later',
  'GFDL-1.3+': 'GFDL-1.3-or-later',
  'AGPL-3+': 'AGPL-3.0-or-later',
  'MPL-2.0+': 'MPL-2.0',
  'Apache-2': 'Apache-2.0',
  'BSD-2-clause': 'BSD-2-Clause',
  'BSD-3-clause': 'BSD-3-Clause',
  'BSD-4-clause': 'BSD-4-Clause',
  Artistic: 'Artistic-1.0-Perl',
  'Artistic-1': 'Artistic-1.0',
  'Artistic-2': 'Artistic-2.0',
  'PSF-2': 'PSF-2.0',
  Zlib: 'Zlib',
};

/** One license name as an SPDX id, when the mapping is certain. */
function spdxId(name: string): string | undefined {
  const known = DEBIAN_NAMES[name];
  if (known) return known;
  const ast = parseExpression(name);
  if (ast && !('conjunction' in ast)) return render(ast);
  // `+` means "or later" in Debian and apk; spdx-correct would drop it.
  if (name.endsWith('+')) return undefined;
  const fixed = correct(name);
  return fixed?.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)) ? fixed : undefined;
}

/**
 * The licenses a machine-readable Debian copyright file states (`License:` of the header and Files
 * paragraphs), as one AND expression when every name maps to SPDX; the names as written otherwise.
 * A free-form copyright file (no `Format:` line) states nothing we can read: undefined.
 */
export function dpkgCopyrightLicense(text: string, source: string): License | undefined {
  const all = stanzas(text);
  const header = all[0]?.fields;
  if (!header?.get('format')?.includes('copyright-format')) return undefined;
  const names: string[] = [];
  for (const { fields } of all) {
    if (!fields.has('files') && fields !== header) continue;
    const first = fields.get('license')?.split('\n')[0]?.trim();
    if (first && !names.includes(first)) names.push(first);
  }
  if (names.length === 0) return undefined;
  const expressions: string[] = [];
  let allMapped = true;
  for (const name of names) {
    // `GPL-2+ or Artistic`, `BSD-3-clause and MIT`: the words are Debian's operators.
    const pieces = name.split(/\s+(or|and)\s+/i);
    const out: string[] = [];
    for (const [i, piece] of pieces.entries()) {
      if (i % 2 === 1) {
        out.push(piece.toUpperCase());
        continue;
      }
      const id = spdxId(piece.replace(/,$/, '').trim());
      if (!id) allMapped = false;
      out.push(id ?? piece);
    }
    const text = out.join(' ');
    expressions.push(pieces.length > 1 && names.length > 1 ? `(${text})` : text);
  }
  const unique = [...new Set(expressions)].sort();
  return { expression: allMapped ? unique.join(' AND ') : names.join(' AND '), valid: false, source };
}
