import { inflateRawSync } from 'node:zlib';
import { licenseText } from '../licenses/text';
import { npmName, pep503 } from '../model/purl';
import type { License, PackageRecord } from '../model/types';

/** `…/node_modules/name/package.json` or `…/node_modules/@scope/name/package.json` (not files deeper in a package). */
export const NODE_PACKAGE = /\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
export const PYTHON_METADATA = /\/[^/]+\.dist-info\/METADATA$|\/[^/]+\.egg-info\/PKG-INFO$|\/[^/]+\.egg-info$/;
export const JAVA_ARCHIVE = /\.(jar|war|ear|jpi|hpi)$/;

export function parseNodePackage(data: Buffer, path: string): PackageRecord | undefined {
  let json: { name?: unknown; version?: unknown; license?: unknown; licenses?: unknown };
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof json.name !== 'string' || typeof json.version !== 'string' || !json.name) return undefined;
  const license = licenseText(json.license ?? json.licenses);
  return {
    purlType: 'npm',
    ...npmName(json.name),
    version: json.version,
    license: license ? { expression: license, valid: false, source: path } : undefined,
  };
}

/** Core metadata (METADATA / PKG-INFO): Name, Version, License-Expression or License or the license classifiers. */
export function parsePythonMetadata(data: Buffer, path: string): PackageRecord | undefined {
  const head = data.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
  const fields = new Map<string, string>();
  const classifiers: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    if (key === 'classifier' && (m[2] as string).startsWith('License :: OSI Approved :: ')) {
      classifiers.push((m[2] as string).slice('License :: OSI Approved :: '.length));
    }
    if (!fields.has(key)) fields.set(key, (m[2] as string).trim());
  }
  const name = fields.get('name');
  const version = fields.get('version');
  if (!name || !version) return undefined;
  const stated = fields.get('license-expression') ?? fields.get('license');
  const text =
    stated && stated !== 'UNKNOWN' && !stated.includes('\n') && stated.length < 100
      ? stated
      : classifiers.join(' OR ') || undefined;
  const license: License | undefined = text ? { expression: text, valid: false, source: path } : undefined;
  return { purlType: 'pypi', name: pep503(name), version, license };
}

/**
 * The Maven coordinates in a jar: every `META-INF/maven/<group>/<artifact>/pom.properties`, and
 * those of jars nested one level deep (Spring Boot's BOOT-INF/lib, a war's WEB-INF/lib).
 */
export function parseJar(data: Buffer, depth = 0): PackageRecord[] {
  const out: PackageRecord[] = [];
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (/^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(entry.name)) {
      const props = new Map<string, string>();
      for (const line of zipRead(data, entry).toString('utf8').split(/\r?\n/)) {
        const m = /^\s*([^#!=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
        if (m) props.set(m[1] as string, (m[2] as string).trim());
      }
      const group = props.get('groupId');
      const artifact = props.get('artifactId');
      const version = props.get('version');
      if (group && artifact && version) out.push({ purlType: 'maven', namespace: group, name: artifact, version });
    } else if (depth === 0 && JAVA_ARCHIVE.test(entry.name)) {
      out.push(...parseJar(zipRead(data, entry), depth + 1));
    }
  }
  return out;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/**
 * The central directory of a zip (jars are zips). Only what pom.properties needs: stored and
 * deflated entries, no zip64 or encryption (a jar using them is skipped, not misread).
 */
function zipEntries(data: Buffer): ZipEntry[] {
  const min = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error('bad central directory');
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    entries.push({ name, method, compressedSize, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(data: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localOffset;
  if (data.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  const body = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return body;
  if (entry.method === 8) return inflateRawSync(body);
  throw new Error(`compression method ${entry.method}`);
}

const GO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF = Buffer.from('\x7fELF', 'latin1');

export interface GoBuildInfo {
  goVersion: string;
  path?: string;
  main?: { path: string; version: string };
  deps: { path: string; version: string; sum?: string }[];
}

/**
 * The build info Go ≥ 1.18 embeds in every binary (what `go version -m` prints): a 32-byte header
 * starting "\xff Go buildinf:" whose flags byte says the two strings follow inline as varint-length
 * strings (the Go version, then the module info between 16-byte sentinels). Older binaries point
 * at the strings through the data segment instead; they are reported as unreadable, not guessed.
 */
export function parseGoBuildInfo(data: Buffer): GoBuildInfo | 'old-format' | undefined {
  if (data.length < 64 || !data.subarray(0, 4).equals(ELF)) return undefined;
  const at = data.indexOf(GO_MAGIC);
  if (at < 0) return undefined;
  const flags = data[at + 15] ?? 0;
  if ((flags & 0x2) === 0) return 'old-format';
  let p = at + 32;
  const read = (): string | undefined => {
    let length = 0;
    let shift = 0;
    for (;;) {
      const byte = data[p++];
      if (byte === undefined || shift > 28) return undefined;
      length |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) break;
    }
    if (p + length > data.length) return undefined;
    const text = data.subarray(p, p + length).toString('utf8');
    p += length;
    return text;
  };
  const goVersion = read();
  const modRaw = read();
  if (!goVersion || modRaw === undefined) return undefined;
  const mod = modRaw.length >= 33 ? modRaw.slice(16, -16) : modRaw;
  const info: GoBuildInfo = { goVersion, deps: [] };
  let last: { path: string; version: string } | undefined;
  for (const line of mod.split('\n')) {
    const [kind, path, version, sum] = line.split('\t');
    if (kind === 'path' && path) info.path = path;
    else if (kind === 'mod' && path) info.main = { path, version: version ?? '' };
    else if (kind === 'dep' && path) {
      last = { path, version: version ?? '' };
      info.deps.push({ ...last, sum });
    } else if (kind === '=>' && path && last) {
      // A replaced dependency: the replacement is what was built in.
      last.path = path;
      last.version = version ?? '';
      const entry = info.deps[info.deps.length - 1];
      if (entry) Object.assign(entry, { path, version: version ?? '', sum });
    }
  }
  return info;
}

/** Go module path → purl namespace/name (`github.com/spf13/cobra` → `github.com/spf13` + `cobra`). */
export function goRecord(path: string, version: string): PackageRecord {
  const slash = path.lastIndexOf('/');
  return {
    purlType: 'golang',
    namespace: slash > 0 ? path.slice(0, slash) : undefined,
    name: slash > 0 ? path.slice(slash + 1) : path,
    // `(devel)` is what Go writes for an unversioned main module: no version, never a made-up one.
    version: version === '(devel)' ? '' : version,
  };
}
