import { posix } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { licenseText } from '../licenses/text';
import { npmName, pep503 } from '../model/purl';
import type { License, PackageRecord } from '../model/types';
import javaGroupIds from './java-group-ids.json';

/** `…/node_modules/name/package.json` or `…/node_modules/@scope/name/package.json` (not files deeper in a package). */
export const NODE_PACKAGE = /\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
export const PYTHON_METADATA = /\/[^/]+\.dist-info\/METADATA$|\/[^/]+\.egg-info\/PKG-INFO$|\/[^/]+\.egg-info$/;
/** Java archives by syft's archiveFormatGlobs: NiFi's .nar, Karaf's .kar, Liferay's .lpkg… are jars too. */
export const JAVA_ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar|far|lpkg)$/;

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

/** How one part of a package's identity was found, as CycloneDX's evidence.identity records it. */
export interface IdentityEvidence {
  field: 'group' | 'name' | 'version';
  value: string;
  technique: 'manifest-analysis' | 'filename' | 'other';
  /** Where: `META-INF/MANIFEST.MF Bundle-SymbolicName`, `file name commons-foo-1.2.jar`. */
  source: string;
  confidence: number;
}

export interface JarPackage {
  record: PackageRecord;
  /** Set when the identity was inferred (MANIFEST.MF, file name) rather than read from pom.properties. */
  evidence?: IdentityEvidence[];
}

/** What a Java archive holds, and what in it could not be read (a nested jar, an oversized entry). */
export interface JarContents {
  packages: JarPackage[];
  problems: string[];
}

/**
 * Inflated size limits: a manifest or pom.properties of more is not one (a zip bomb), nor is a
 * nested jar of more; and what one archive's entries, its nested jars' included, inflate to
 * together is at most `total` (a 50 MB jar of thousands of small bombs would otherwise inflate for
 * minutes). Tests lower them.
 */
export const JAR_LIMITS = {
  metadata: 16 * 1024 * 1024,
  nested: 256 * 1024 * 1024,
  total: 2 * 1024 * 1024 * 1024,
};

/**
 * The packages in a Java archive, as syft's java cataloger finds them: every
 * `META-INF/maven/<group>/<artifact>/pom.properties`; and, when the archive has a MANIFEST.MF and
 * none of those is the archive itself, the archive as a package named from its manifest and file
 * name (a Gradle- or Ant-built jar has no pom.properties). Jars nested one level deep (Spring
 * Boot's BOOT-INF/lib, a war's WEB-INF/lib) are read the same way. An archive that is not a
 * readable zip throws; a nested jar or entry that cannot be read is a problem, the rest is kept.
 */
export async function parseJar(
  data: Buffer,
  path: string,
  depth = 0,
  budget = { left: JAR_LIMITS.total },
): Promise<JarContents> {
  const zip = await openZip(data);
  const out: JarContents = { packages: [], problems: [] };
  try {
    const poms: PackageRecord[] = [];
    let manifest: Manifest | undefined;
    const nested: JarPackage[] = [];
    for (const entry of await entriesOf(zip)) {
      const name = entry.fileName;
      const isPom = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(name);
      const isManifest = name === 'META-INF/MANIFEST.MF';
      const isNested = depth === 0 && JAVA_ARCHIVE.test(name);
      if (!isPom && !isManifest && !isNested) continue;
      const limit = isNested ? JAR_LIMITS.nested : JAR_LIMITS.metadata;
      // Sizes as the central directory states them (yauzl refuses an entry that inflates to other
      // than it says); one over its own limit is refused by readEntry without counting.
      if (entry.uncompressedSize <= limit) {
        if (entry.uncompressedSize > budget.left) {
          out.problems.push(
            `${name}: not read, the archive's entries would inflate past the ${mib(JAR_LIMITS.total)} limit together`,
          );
          continue;
        }
        budget.left -= entry.uncompressedSize;
      }
      let bytes: Buffer;
      try {
        bytes = await readEntry(zip, entry, limit);
      } catch (error) {
        out.problems.push(`${name}: ${(error as Error).message}`);
        continue;
      }
      if (isPom) {
        const props = new Map<string, string>();
        for (const line of bytes.toString('utf8').split(/\r?\n/)) {
          const m = /^\s*([^#!=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
          if (m) props.set(m[1] as string, (m[2] as string).trim());
        }
        const group = props.get('groupId');
        const artifact = props.get('artifactId');
        const version = props.get('version');
        if (group && artifact && version) poms.push({ purlType: 'maven', namespace: group, name: artifact, version });
      } else if (isManifest) {
        manifest = parseManifest(bytes.toString('utf8'));
      } else {
        try {
          const inner = await parseJar(bytes, name, depth + 1, budget);
          nested.push(...inner.packages);
          out.problems.push(...inner.problems.map((p) => `${name}!/${p}`));
        } catch (error) {
          out.problems.push(`${name}: ${(error as Error).message}`);
        }
      }
    }
    out.packages.push(...poms.map((record) => ({ record })));
    const file = posix.basename(path);
    const fileName = splitArchiveName(file).name;
    // The archive's own pom.properties (the only one, named like the file) is its identity, as in
    // syft; otherwise the archive is a package of its own unless a pom.properties names the same.
    const own = poms.length === 1 && fileName !== '' && (poms[0] as PackageRecord).name.startsWith(fileName);
    // A nested jar's manifest is named by its path in the outer one (BOOT-INF/lib/x.jar!/META-INF/MANIFEST.MF).
    const self = manifest && !own ? fromManifest(manifest, file, depth > 0 ? `${path}!/` : '') : undefined;
    if (
      self &&
      !poms.some((p) => p.name === self.record.name && (!self.record.version || p.version === self.record.version))
    )
      out.packages.unshift(self);
    out.packages.push(...nested);
    return out;
  } finally {
    zip.close();
  }
}

/** MANIFEST.MF: the main section's attributes, then each named section's (72-byte lines continue with a space). */
interface Manifest {
  main: Map<string, string>;
  sections: Map<string, string>[];
}

export function parseManifest(text: string): Manifest {
  const sections: Map<string, string>[] = [new Map()];
  let last: string | undefined;
  for (const line of text.split(/\r?\n|\r/)) {
    const current = sections[sections.length - 1] as Map<string, string>;
    if (line.trim() === '') {
      if (current.size > 0) sections.push(new Map());
      last = undefined;
    } else if (line.startsWith(' ')) {
      if (last) current.set(last, `${current.get(last) ?? ''}${line.slice(1)}`);
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  return { main: sections[0] as Map<string, string>, sections: sections.slice(1).filter((s) => s.size > 0) };
}

/**
 * `commons-text-1.10.0` → name and version, as syft splits archive file names: dash-separated
 * words up to the first part that starts with a digit (or is `build<n>…`, `r<n>`, `rc<n>`); else
 * a `_1.2` / `.1.2` suffix.
 */
export function splitArchiveName(file: string): { name: string; version: string } {
  const base = file.replace(/\.[^.]*$/, '');
  const parts = base.split('-');
  const versionAt = parts.findIndex((p, i) => i > 0 && /^(?:\d|build\d|rc?\d+$)/i.test(p));
  const nameParts = versionAt < 0 ? parts : parts.slice(0, versionAt);
  if (!nameParts.every((p) => /^[A-Za-z][\w.]*$/.test(p))) return { name: '', version: '' };
  let name = nameParts.join('-');
  let version = versionAt < 0 ? '' : parts.slice(versionAt).join('-');
  if (!version) {
    const m = /[._-]((?:\d|build\d|rc?\d+$).*)$/i.exec(name);
    if (m && m.index > 0) {
      version = m[1] as string;
      name = name.slice(0, m.index);
    }
  }
  return { name, version };
}

const GROUP_FIELDS = [
  'Group-Id',
  'Bundle-SymbolicName',
  'Extension-Name',
  'Specification-Vendor',
  'Implementation-Vendor',
  'Implementation-Vendor-Id',
  'Implementation-Title',
  'Bundle-Activator',
];
const SECONDARY_GROUP_FIELDS = ['Automatic-Module-Name', 'Main-Class', 'Package'];
const NAME_FIELDS = ['Name', 'Bundle-Name', 'Short-Name', 'Extension-Name', 'Implementation-Title'];
const VERSION_FIELDS = ['Implementation-Version', 'Specification-Version', 'Plugin-Version', 'Bundle-Version'];
/**
 * A value is taken as a group id when it starts like a reverse domain, by syft's check: the bare
 * prefix, so `commons-io` passes as `com…` does (syft's startsWithTopLevelDomain).
 */
const REVERSE_DOMAIN = /^(?:com|org|net|io|be)/;
/** syft's tables: the group of well-known artifacts that ship without pom.properties, and group corrections. */
const KNOWN_GROUPS = new Map(Object.entries(javaGroupIds.groups));
const GROUP_CORRECTIONS = new Map(Object.entries(javaGroupIds.corrections));
/** `org.bar;singleton:=true` → `org.bar` (OSGi directives), `x#y` → `x`. */
const stripDirectives = (value: string) => (value.split(';')[0] as string).split('#')[0]?.trim() ?? '';
/** A group id as syft cleans it: directives stripped, then its corrections (`org.lz4.java` → `org.lz4`). */
const cleanGroup = (value: string) => {
  const group = stripDirectives(value);
  return GROUP_CORRECTIONS.get(group) ?? group;
};

/** The archive as a package from its MANIFEST.MF and file name, with the order of evidence syft uses. */
function fromManifest(manifest: Manifest, file: string, inside: string): JarPackage | undefined {
  const evidence: IdentityEvidence[] = [];
  const field = (key: string): string | undefined => {
    const value = manifest.main.get(key) || manifest.sections.map((s) => s.get(key)).find(Boolean);
    return value || undefined;
  };
  const fromFile = splitArchiveName(file);
  const mf = `${inside}META-INF/MANIFEST.MF`;
  let name = '';
  // 1. The Apache Maven Bundle Plugin writes Bundle-SymbolicName as group + artifact.
  const symbolic = field('Bundle-SymbolicName');
  if (
    field('Created-By')?.includes('Apache Maven Bundle Plugin') &&
    symbolic &&
    symbolic !== field('Implementation-Vendor-Id')
  ) {
    name = stripDirectives(symbolic).split('.').pop() ?? '';
    if (name) evidence.push(identity('name', name, 'manifest-analysis', `${mf} Bundle-SymbolicName`, 0.7));
  }
  // 2. The file name (`group.artifact-1.0.jar` counts as the artifact, Eclipse's dotted names excepted).
  if (!name && fromFile.name) {
    const fields = fromFile.name.split('.');
    name =
      fields.length > 1 &&
      !fromFile.name.startsWith('org.eclipse.') &&
      fields.every((f) => /^[\p{L}\p{Nl}\p{Sc}_]/u.test(f))
        ? (fields[fields.length - 1] as string)
        : fromFile.name;
    evidence.push(identity('name', name, 'filename', `file name ${file}`, 0.5));
  }
  // 3. The manifest's own name fields.
  if (!name) {
    const key = NAME_FIELDS.find((k) => manifest.main.get(k));
    if (key) {
      name = manifest.main.get(key) as string;
      evidence.push(identity('name', name, 'manifest-analysis', `${mf} ${key}`, 0.5));
    }
  }
  if (!name) return undefined;
  let version = fromFile.version;
  if (version) evidence.push(identity('version', version, 'filename', `file name ${file}`, 0.5));
  else {
    const key = VERSION_FIELDS.find((k) => field(k));
    if (key) {
      version = field(key) as string;
      evidence.push(identity('version', version, 'manifest-analysis', `${mf} ${key}`, 0.6));
    }
  }
  // As syft: a well-known artifact's group (Spring's Gradle-built jars have no pom.properties) before the manifest's.
  let group = KNOWN_GROUPS.get(name);
  if (group) evidence.push(identity('group', group, 'other', `syft's list of known artifact groups (${name})`, 0.5));
  for (const fields of group ? [] : [GROUP_FIELDS, SECONDARY_GROUP_FIELDS]) {
    const candidates: [string, string][] = [];
    for (const key of fields) {
      for (const section of [manifest.main, ...manifest.sections]) {
        const value = section.get(key);
        if (value && REVERSE_DOMAIN.test(value)) candidates.push([cleanGroup(value), key]);
      }
    }
    // syft takes the alphabetically first candidate of the first group of fields that has any.
    candidates.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const first = candidates[0];
    if (first) {
      group = first[0];
      evidence.push(identity('group', group, 'manifest-analysis', `${mf} ${first[1]}`, 0.3));
      break;
    }
  }
  if (!group) {
    // No group anywhere: syft uses the name, as Maven does for artifacts like junit:junit.
    group = name;
    evidence.push(identity('group', group, 'other', 'the name (no group in MANIFEST.MF)', 0.1));
  }
  const license = field('Bundle-License');
  return {
    record: {
      purlType: 'maven',
      namespace: group,
      name,
      version,
      license: license ? { expression: license, valid: false, source: inside ? mf : `${file}!/${mf}` } : undefined,
    },
    evidence,
  };
}

function identity(
  field: IdentityEvidence['field'],
  value: string,
  technique: IdentityEvidence['technique'],
  source: string,
  confidence: number,
): IdentityEvidence {
  return { field, value, technique, source, confidence };
}

function openZip(data: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(new Error(`not a readable zip: ${error.message}`)) : resolve(zip),
    ),
  );
}

/** Every entry of the central directory (zip64 and data-descriptor entries included: yauzl reads both). */
function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', (error: Error) => reject(new Error(`not a readable zip: ${error.message}`)));
    zip.readEntry();
  });
}

/**
 * One entry's bytes, inflated up to `limit`: an entry that says it is larger, or inflates past
 * it, is refused (a zip bomb) without inflating the rest; one that inflates to more or fewer bytes
 * than it says, or fails its CRC, is refused by yauzl.
 */
const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

function readEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  if (entry.isEncrypted()) return Promise.reject(new Error('encrypted'));
  if (entry.uncompressedSize > limit)
    return Promise.reject(new Error(`inflates to ${mib(entry.uncompressedSize)}, over the ${mib(limit)} limit`));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) stream.destroy(new Error(`inflates past the ${mib(limit)} limit`));
        else chunks.push(chunk);
      });
      stream.once('error', reject);
      stream.once('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

const GO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF = Buffer.from('\x7fELF', 'latin1');

export interface GoBuildInfo {
  goVersion: string;
  path?: string;
  main?: { path: string; version: string };
  deps: { path: string; version: string; sum?: string }[];
  /** `build` lines: GOARCH, vcs.revision, vcs.time… */
  settings: Map<string, string>;
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
  const info: GoBuildInfo = { goVersion, deps: [], settings: new Map() };
  let last: { path: string; version: string } | undefined;
  for (const line of mod.split('\n')) {
    const [kind, path, version, sum] = line.split('\t');
    if (kind === 'path' && path) info.path = path;
    else if (kind === 'build' && path) {
      const eq = path.indexOf('=');
      if (eq > 0) info.settings.set(path.slice(0, eq), unquoteSetting(path.slice(eq + 1)));
    } else if (kind === 'mod' && path) info.main = { path, version: version ?? '' };
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

/** Go writes a build setting's value quoted (strconv.Quote) when it holds spaces or quotes: `-ldflags="-s -X a=b"`. */
function unquoteSetting(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    const text: unknown = JSON.parse(value);
    return typeof text === 'string' ? text : value;
  } catch {
    return value;
  }
}

/** syft's knownBuildFlagPatterns: `-X main.version=1.2.3`, `-X <module>/pkg.gitTag=v1.2.3`… */
const LDFLAGS_VERSION = [
  String.raw`\.[a-zA-Z0-9]*(?:[rR]elease)?(?:[gG]it)?(?:[bB]uild)?[vV]er(?:sion)?=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
  String.raw`\.[a-zA-Z0-9]*[tT]ag=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
];

/** The version `-ldflags -X` stamped into the main package or a package of the main module, `v`-prefixed as syft does. */
function ldflagsVersion(ldflags: string, mainModule: string): string {
  if (!ldflags) return '';
  const owner = `(?:main|${mainModule.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}\\/\\S*)`;
  for (const pattern of LDFLAGS_VERSION) {
    const version = new RegExp(owner + pattern).exec(ldflags)?.[1];
    if (version) return version.startsWith('v') ? version : `v${version}`;
  }
  return '';
}

/**
 * The main module's version. Go before 1.24 writes `(devel)` for it; as syft does, a version
 * stamped with `-ldflags -X main.version=…` comes first, else a build from a VCS checkout gets the
 * pseudo-version of its commit (`v0.0.0-<vcs.time UTC>-<12 hex of vcs.revision>`), which names
 * exactly what was built. Otherwise no version (never a made-up one).
 */
export function goMainVersion(info: GoBuildInfo): string {
  const version = info.main?.version ?? '';
  if (version !== '(devel)') return version;
  const stamped = ldflagsVersion(info.settings.get('-ldflags') ?? '', info.main?.path ?? '');
  if (stamped) return stamped;
  const revision = info.settings.get('vcs.revision');
  const time = Date.parse(info.settings.get('vcs.time') ?? '');
  if (!revision || !/^[0-9a-f]{12,}$/.test(revision) || Number.isNaN(time)) return '';
  const stamp = new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `v0.0.0-${stamp}-${revision.slice(0, 12)}`;
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
