// Container image sources (issue 18): built by a separate engineer in parallel with the sbom owner;
// do not start another implementation here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { exec } from '../../../../shared/exec';
import type { Platform } from '../../../../shared/oci';
import { purlsOf } from '../model/purl';
import type { EdgeKind, LockfileGraph, PackageRecord, ParseWarning, RootComponent } from '../model/types';
import {
  goMainVersion,
  goRecord,
  type IdentityEvidence,
  JAVA_ARCHIVE,
  type JarContents,
  NODE_PACKAGE,
  PYTHON_METADATA,
  parseGoBuildInfo,
  parseJar,
  parseNodePackage,
  parsePythonMetadata,
} from './languages';
import { type FoundFile, type Interest, type Squashed, squash } from './layers';
import {
  type Distro,
  dependencyEdges,
  distroQualifier,
  dpkgCopyrightLicense,
  type OsPackage,
  parseApkInstalled,
  parseDpkgStatus,
  parseOsRelease,
} from './os';
import { type OpenedImage, openImage, platformOf } from './sources';

export { parseImageInput, SCHEMES } from './sources';

const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];
const DPKG_STATUS = '/var/lib/dpkg/status';
const DPKG_STATUS_D = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const APK_INSTALLED = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];
const RPM_DB = /^\/(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/(?:Packages|Packages\.db|rpmdb\.sqlite)$/;
const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;

/** Where a component was found in the image: the layer that added it and the file that lists it. */
export interface Location {
  layer: number;
  diffId: string;
  path: string;
}

export interface ScannedImage {
  graphs: LockfileGraph[];
  root: RootComponent;
  /** purl → where it was found (the first location when several). */
  locations: Map<string, Location>;
  /** purl → how its identity was inferred, for packages not named by a package database (jars without pom.properties). */
  evidence: Map<string, IdentityEvidence[]>;
  image: { name: string; digest?: string; imageId: string; platform: string; scheme: string; layers: string[] };
  distro?: Distro;
}

export interface ScanOptions {
  cwd: string;
  /** The `platform` input: which image of a multi-platform index (default: the runner's platform). */
  platform?: Platform;
  name?: string;
  version?: string;
}

/** Opens the image from whichever source the input names and catalogs what its final filesystem holds. */
export async function scanImage(input: string, options: ScanOptions): Promise<ScannedImage> {
  const opened = await openImage(input, { cwd: options.cwd, platform: options.platform });
  try {
    core.info(
      `${opened.scheme}: ${opened.name} (${platformOf(opened.config)}, ${opened.layers.length} layer${opened.layers.length === 1 ? '' : 's'}${opened.digest ? `, ${opened.digest}` : ''})`,
    );
    const squashed = await squash(opened.layers, INTEREST, `${opened.scheme}:${opened.name}`);
    return await catalog(opened, squashed, options);
  } finally {
    opened.cleanup();
  }
}

const INTEREST: Interest = {
  keep: (path) =>
    OS_RELEASE.includes(path) ||
    path === DPKG_STATUS ||
    DPKG_STATUS_D.test(path) ||
    APK_INSTALLED.includes(path) ||
    RPM_DB.test(path) ||
    COPYRIGHT.test(path) ||
    NODE_PACKAGE.test(path) ||
    PYTHON_METADATA.test(path),
  parse(path, mode, size) {
    if (JAVA_ARCHIVE.test(path)) return (data) => parseJar(data, path);
    // Go binaries: executables large enough to be one (the smallest is over a megabyte).
    if ((mode & 0o111) !== 0 && size > 64 * 1024) return (data) => parseGoBuildInfo(data);
    return undefined;
  },
  history: (path) => path === DPKG_STATUS || DPKG_STATUS_D.test(path) || APK_INSTALLED.includes(path),
};

async function catalog(opened: OpenedImage, squashed: Squashed, options: ScanOptions): Promise<ScannedImage> {
  const { files } = squashed;
  const diffIds = opened.layers.map((l) => l.diffId);
  const distro = findDistro(files);
  const graphs: LockfileGraph[] = [];
  const locations = new Map<string, Location>();
  const evidence = new Map<string, IdentityEvidence[]>();
  const inferred = new Map<string, IdentityEvidence[]>();
  const pending: { graph: LockfileGraph; where: Map<string, { layer: number; path: string }> }[] = [];
  const graphFor = (file: string, format: string) => {
    const graph: LockfileGraph = {
      ecosystem: 'image',
      file,
      format,
      packages: new Map(),
      edges: new Map(),
      direct: new Map(),
      warnings: [],
    };
    const where = new Map<string, { layer: number; path: string }>();
    graphs.push(graph);
    pending.push({ graph, where });
    return {
      graph,
      add(id: string, record: PackageRecord, layer: number, path: string) {
        if (graph.packages.has(id)) return;
        graph.packages.set(id, record);
        graph.direct.set(id, 'prod' as EdgeKind);
        where.set(id, { layer, path });
      },
    };
  };

  // OS packages, each attributed to the first layer of the run of layers that list it unchanged up to the top.
  // dpkg: the status file, and distroless's one-stanza-per-package status.d (read as one database).
  const statusD = [...files.keys()].filter((p) => DPKG_STATUS_D.test(p) && !p.endsWith('.md5sums')).sort();
  const dpkgDatabases: [string, string[]][] = [
    [DPKG_STATUS, files.has(DPKG_STATUS) ? [DPKG_STATUS] : []],
    ['/var/lib/dpkg/status.d', statusD],
  ];
  for (const [name, paths] of dpkgDatabases) {
    if (paths.length === 0) continue;
    const db = graphFor(name, 'dpkg');
    const all: OsPackage[] = [];
    for (const path of paths) {
      const file = files.get(path) as FoundFile;
      if (!file.data) continue;
      const packages = parseDpkgStatus(file.data.toString('utf8'), distro);
      const introduced = introducedIn(squashed, path, (text) => parseDpkgStatus(text, distro));
      for (const p of packages) {
        const copyright = files.get(`/usr/share/doc/${p.record.name.replace(/:.*$/, '')}/copyright`);
        if (copyright?.data) p.record.license = dpkgCopyrightLicense(copyright.data.toString('utf8'), copyright.path);
        db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
      }
      all.push(...packages);
    }
    addEdges(db.graph, all);
    if (all.length === 0) db.graph.warnings.push({ message: `${name} lists no installed packages`, file: name });
  }
  for (const path of APK_INSTALLED) {
    const file = files.get(path);
    if (!file?.data) continue;
    const db = graphFor(path, 'apk');
    const introduced = introducedIn(squashed, path, (text) => parseApkInstalled(text, distro, path));
    const packages = parseApkInstalled(file.data.toString('utf8'), distro, path);
    for (const p of packages) db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
    addEdges(db.graph, packages);
  }
  const rpmDb = [...files.values()].filter((f) => RPM_DB.test(f.path));
  if (rpmDb.length > 0) await catalogRpm(rpmDb, distro, graphFor);

  // Language packages, each from the file that declares it.
  const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let npm: ReturnType<typeof graphFor> | undefined;
  let python: ReturnType<typeof graphFor> | undefined;
  let java: ReturnType<typeof graphFor> | undefined;
  let go: ReturnType<typeof graphFor> | undefined;
  for (const file of sorted) {
    if (file.data && NODE_PACKAGE.test(file.path)) {
      const record = parseNodePackage(file.data, file.path);
      if (!record) continue;
      npm ??= graphFor('node_modules/**/package.json', 'installed npm packages');
      npm.add(file.path, record, file.layer, file.path);
    } else if (file.data && PYTHON_METADATA.test(file.path)) {
      const record = parsePythonMetadata(file.data, file.path);
      if (!record) continue;
      python ??= graphFor('site-packages/*.dist-info', 'installed Python distributions');
      python.add(file.path, record, file.layer, file.path);
    } else if (JAVA_ARCHIVE.test(file.path) && file.parsed) {
      const jar = file.parsed as JarContents;
      if (jar.packages.length > 0 || jar.problems.length > 0)
        java ??= graphFor('**/*.jar (pom.properties, MANIFEST.MF)', 'java archives');
      for (const [i, found] of jar.packages.entries()) {
        java?.add(`${file.path}#${i}`, found.record, file.layer, file.path);
        if (found.evidence) inferred.set(`${file.path}#${i}`, found.evidence);
      }
      for (const problem of jar.problems.slice(0, 5))
        java?.graph.warnings.push({
          message: `Could not read ${problem} in ${file.path} (layer ${file.layer + 1}); the packages in it are not listed`,
          file: file.path,
        });
      // Say how many more, so a jar of a thousand broken entries is five warnings and a count, not silence.
      if (jar.problems.length > 5)
        java?.graph.warnings.push({
          message: `Could not read ${jar.problems.length - 5} more entries in ${file.path} (layer ${file.layer + 1}); the packages in them are not listed`,
          file: file.path,
        });
    } else if (file.parsed === 'old-format') {
      go ??= graphFor('Go binaries (build info)', 'go build info');
      go.graph.warnings.push({
        message: `${file.path} is a Go binary built before Go 1.18, whose build info is not read`,
        file: file.path,
      });
    } else if (file.parsed && typeof file.parsed === 'object' && 'goVersion' in file.parsed) {
      const info = file.parsed as Exclude<ReturnType<typeof parseGoBuildInfo>, string | undefined>;
      go ??= graphFor('Go binaries (build info)', 'go build info');
      go.add(`${file.path}#stdlib`, goRecord('stdlib', info.goVersion.replace(/^go/, '')), file.layer, file.path);
      if (info.main) go.add(`${file.path}#main`, goRecord(info.main.path, goMainVersion(info)), file.layer, file.path);
      for (const dep of info.deps)
        go.add(`${file.path}#${dep.path}`, goRecord(dep.path, dep.version), file.layer, file.path);
    }
  }

  for (const { graph, where } of pending) {
    const purls = await purlsOf(graph.packages);
    for (const [id, location] of where) {
      const purl = purls.get(id);
      if (purl && !locations.has(purl)) locations.set(purl, { ...location, diffId: diffIds[location.layer] as string });
      const how = inferred.get(id);
      if (purl && how && !evidence.has(purl)) evidence.set(purl, how);
    }
  }
  if (squashed.unreadable.length > 0) {
    const first = graphs[0] ?? graphFor(opened.name, 'container image').graph;
    for (const problem of squashed.unreadable.slice(0, 20))
      first.warnings.push({
        message: `Could not read ${problem}; its packages are not listed`,
        file: problem.split(' ')[0] as string,
      });
  }
  if (graphs.length === 0) {
    graphs.push({
      ecosystem: 'image',
      file: opened.name,
      format: 'container image',
      packages: new Map(),
      edges: new Map(),
      direct: new Map(),
      warnings: [
        {
          message: `Found no package database (dpkg, apk, rpm) and no language packages in ${opened.name}`,
          file: opened.name,
        },
      ],
    });
  }
  return {
    graphs,
    root: await rootOf(opened, options),
    locations,
    evidence,
    distro,
    image: {
      name: opened.name,
      digest: opened.digest,
      imageId: opened.imageId,
      platform: platformOf(opened.config),
      scheme: opened.scheme,
      layers: diffIds,
    },
  };
}

/** Package-to-package edges of an OS package database (Depends / D:), besides the image's edge to each. */
function addEdges(graph: LockfileGraph, packages: readonly OsPackage[]): void {
  for (const [from, targets] of dependencyEdges(packages)) {
    if (!graph.packages.has(from)) continue;
    graph.edges.set(from, new Map(targets.filter((t) => graph.packages.has(t)).map((t) => [t, 'prod' as EdgeKind])));
  }
}

/** The layer in which each package (name, version, arch) appeared and stayed, from each layer's copy of the database. */
function introducedIn(squashed: Squashed, path: string, parse: (text: string) => OsPackage[]): Map<string, number> {
  const since = new Map<string, number>();
  const versions = squashed.history.get(path) ?? [];
  for (const [i, version] of versions.entries()) {
    // A layer that replaces the file records its removal, then the new copy: only the last counts.
    if (versions[i + 1]?.layer === version.layer) continue;
    const present = new Set(version.data ? parse(version.data.toString('utf8')).map((p) => p.key) : []);
    for (const key of [...since.keys()]) if (!present.has(key)) since.delete(key);
    for (const key of present) if (!since.has(key)) since.set(key, version.layer);
  }
  return since;
}

function findDistro(files: Map<string, FoundFile>): Distro | undefined {
  for (const path of OS_RELEASE) {
    let file = files.get(path);
    // /etc/os-release is usually a symlink to ../usr/lib/os-release.
    for (let hops = 0; file?.link !== undefined && hops < 5; hops++) {
      file = files.get(
        posix.normalize(file.link.startsWith('/') ? file.link : posix.join(posix.dirname(file.path), file.link)),
      );
    }
    if (file?.data) {
      const distro = parseOsRelease(file.data.toString('utf8'), path);
      if (distro) return distro;
    }
  }
  return undefined;
}

type GraphFor = (
  file: string,
  format: string,
) => { graph: LockfileGraph; add(id: string, r: PackageRecord, layer: number, path: string): void };

/** rpm packages through the `rpm` tool on this machine, reading the image's database from a copy. */
async function catalogRpm(db: FoundFile[], distro: Distro | undefined, graphFor: GraphFor): Promise<void> {
  const path = posix.dirname((db[0] as FoundFile).path);
  const { graph, add } = graphFor(path, 'rpm');
  const dir = mkdtempSync(join(tmpdir(), 'paved-sbom-rpmdb-'));
  try {
    for (const f of db) {
      const target = join(dir, posix.basename(f.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.data ?? Buffer.alloc(0));
    }
    const fmt = '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\t%{LICENSE}\\t%{SOURCERPM}\\n';
    let result: Awaited<ReturnType<typeof exec>>;
    try {
      result = await exec('rpm', ['--dbpath', dir, '-qa', '--qf', fmt], {
        quiet: true,
        ignoreReturnCode: true,
        timeoutMs: 120_000,
      });
    } catch {
      graph.warnings.push({
        message: `The image has an rpm database (${path}) but the rpm tool is not installed here, so its rpm packages were not read: install rpm on the runner to include them`,
        file: path,
      });
      return;
    }
    if (result.exitCode !== 0) {
      graph.warnings.push({
        message: `rpm could not read ${path}: ${result.stderr.trim().split('\n')[0]}`,
        file: path,
      });
      return;
    }
    const layer = Math.max(...db.map((f) => f.layer));
    for (const line of result.stdout.split('\n')) {
      const [name, version, epoch, arch, license, source] = line.split('\t');
      if (!name || !version) continue;
      const qualifiers: Record<string, string> = {};
      if (arch && arch !== '(none)') qualifiers.arch = arch;
      if (epoch && epoch !== '(none)') qualifiers.epoch = epoch;
      if (source && source !== '(none)') qualifiers.upstream = source;
      const d = distroQualifier(distro);
      if (d) qualifiers.distro = d;
      const record: PackageRecord = {
        purlType: 'rpm',
        namespace: distro?.id,
        name,
        version,
        qualifiers,
        license: license && license !== '(none)' ? { expression: license, valid: false, source: path } : undefined,
      };
      add(`${name} ${version} ${arch}`, record, layer, path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The image itself: its name, its digest as the version, and a `pkg:oci` purl. */
async function rootOf(opened: OpenedImage, options: ScanOptions): Promise<RootComponent> {
  const version = options.version ?? opened.digest ?? opened.imageId;
  const ref = opened.reference;
  const name =
    options.name ??
    (ref
      ? `${ref.registry === 'docker.io' ? '' : `${ref.registry}/`}${ref.repository.replace(/^library\//, ref.registry === 'docker.io' ? '' : 'library/')}${ref.tag ? `:${ref.tag}` : ''}`
      : opened.name);
  const { PackageURL } = await import('packageurl-js');
  const qualifiers: Record<string, string> = { arch: opened.config.architecture ?? 'unknown' };
  if (ref) qualifiers.repository_url = `${ref.registry}/${ref.repository}`;
  if (ref?.tag) qualifiers.tag = ref.tag;
  const digest = opened.digest ?? opened.imageId;
  const last = ref
    ? (ref.repository.split('/').pop() as string)
    : posix
        .basename(opened.name)
        .replace(/[^a-z0-9._-]+/gi, '-')
        .toLowerCase();
  const purl = new PackageURL('oci', undefined, last, digest, qualifiers, undefined).toString();
  return { name, version, purl };
}

const OS_PURL = /^pkg:(deb|apk|rpm)\//;

/** Adds where each component was found: a `paved:layer` property (CycloneDX) and sourceInfo (SPDX). */
export function describeCycloneDx(doc: Record<string, unknown>, scanned: ScannedImage): void {
  const metadata = doc.metadata as {
    component?: Record<string, unknown>;
    properties?: { name: string; value: string }[];
  };
  if (metadata.component) {
    metadata.component.type = 'container';
    const props = [
      ...(scanned.image.digest ? [{ name: 'paved:image:digest', value: scanned.image.digest }] : []),
      { name: 'paved:image:id', value: scanned.image.imageId },
      { name: 'paved:image:platform', value: scanned.image.platform },
      ...scanned.image.layers.map((l, i) => ({ name: `paved:image:layer:${i}`, value: l })),
      ...(scanned.distro
        ? [
            {
              name: 'paved:image:distro',
              value: `${scanned.distro.id}${scanned.distro.versionId ? ` ${scanned.distro.versionId}` : ''}`,
            },
          ]
        : []),
    ];
    metadata.component.properties = props;
  }
  for (const component of (doc.components as Record<string, unknown>[]) ?? []) {
    // A distro package's purl namespace is the distro, not a group it belongs to (as syft writes them).
    if (OS_PURL.test(component.purl as string)) delete component.group;
    const location = scanned.locations.get(component.purl as string);
    if (!location) continue;
    const properties = (component.properties as { name: string; value: string }[] | undefined) ?? [];
    properties.push(
      { name: 'paved:layer', value: location.diffId },
      { name: 'paved:layer-index', value: String(location.layer) },
      { name: 'paved:location', value: location.path },
    );
    component.properties = properties;
    const how = scanned.evidence.get(component.purl as string);
    if (how) {
      // CycloneDX 1.6 evidence.identity: one entry per inferred field, with the method and where it was read.
      component.evidence = {
        identity: how.map((e) => ({
          field: e.field,
          confidence: e.confidence,
          concludedValue: e.value,
          methods: [
            { technique: e.technique, confidence: e.confidence, value: `${location?.path ?? ''}: ${e.source}` },
          ],
        })),
      };
    }
  }
}

export function describeSpdx(doc: Record<string, unknown>, scanned: ScannedImage): void {
  const packages = (doc.packages as Record<string, unknown>[]) ?? [];
  const root = packages[0];
  if (root) {
    root.primaryPackagePurpose = 'CONTAINER';
    root.comment = `Container image ${scanned.image.name} (${scanned.image.platform}), image id ${scanned.image.imageId}${scanned.image.digest ? `, digest ${scanned.image.digest}` : ''}; layers ${scanned.image.layers.join(', ')}.`;
  }
  for (const pkg of packages.slice(1)) {
    const purl = (pkg.externalRefs as { referenceType: string; referenceLocator: string }[] | undefined)?.find(
      (r) => r.referenceType === 'purl',
    )?.referenceLocator;
    const location = purl ? scanned.locations.get(purl) : undefined;
    if (purl && OS_PURL.test(purl) && typeof pkg.name === 'string')
      pkg.name = pkg.name.slice(pkg.name.indexOf('/') + 1);
    // `comment` rather than `sourceInfo`: the validator admits only the fields the writer emits.
    if (location) pkg.comment = `Found in layer ${location.layer} (${location.diffId}) at ${location.path}.`;
    const how = purl ? scanned.evidence.get(purl) : undefined;
    if (how)
      pkg.comment =
        `${pkg.comment ?? ''} Identified without pom.properties: ${how.map((e) => `${e.field} ${e.value} from ${e.source}`).join('; ')}.`.trim();
  }
}

export type { ParseWarning };
