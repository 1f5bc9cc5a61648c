import { posix } from 'node:path';
import { pep503 } from '../model/purl';
import type { EdgeKind, Hash, LockfileGraph, PackageRecord } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  directFromRoots,
  downloadUrl,
  fromPrefixed,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  str,
  unsupportedVersion,
} from './common';
import type { ManifestReader } from './manifest';
import { parseToml } from './toml';

type Entry = Record<string, unknown>;

function pypi(name: string, version: string, extra: Partial<PackageRecord> = {}): PackageRecord {
  return { purlType: 'pypi', name: pep503(name), version, ...extra };
}

/** The sdist's hash: one artifact, identified by name. Wheel hashes are per platform, not per package. */
function sdistHash(files: unknown): Hash[] {
  if (!Array.isArray(files)) return [];
  for (const f of files) {
    if (!isRecord(f)) continue;
    const name = str(f.file) ?? str(f.url) ?? '';
    if (/\.(tar\.gz|zip|tar\.bz2)$/.test(name)) {
      const hash = fromPrefixed(f.hash);
      return hash ? [hash] : [];
    }
  }
  return [];
}

// --- poetry.lock ---------------------------------------------------------------------------------

export function parsePoetry(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const data = parseToml(text, file);
  const meta = isRecord(data.metadata) ? data.metadata : {};
  const lockVersion = str(meta['lock-version']) ?? '1.0';
  if (!/^[12]\./.test(lockVersion)) {
    unsupportedVersion(
      file,
      'lock-version',
      lockVersion,
      '1.x and 2.x (Poetry 1.0 and later)',
      lineOf(text, 'lock-version'),
    );
  }
  const graph = newGraph('poetry', file, `lock-version ${lockVersion}`);
  const packages = Array.isArray(data.package) ? data.package : [];
  const legacyFiles = isRecord(meta.files) ? meta.files : {};
  const ids = new Map<string, string>();
  for (const pkg of packages) {
    if (!isRecord(pkg)) continue;
    const name = str(pkg.name);
    const version = str(pkg.version);
    if (!name || !version)
      malformed(
        file,
        `[[package]] without name or version${name ? ` (${name})` : ''}`,
        lineOf(text, `name = "${name ?? ''}"`),
      );
    const source = isRecord(pkg.source) ? pkg.source : {};
    const id = pep503(name);
    ids.set(id, id);
    addPackage(
      graph,
      id,
      pypi(name, version, {
        hashes: sdistHash(pkg.files ?? legacyFiles[name]),
        downloadLocation: downloadUrl(source.url),
        // Poetry < 1.2 wrote `category`; later versions record groups only in pyproject.toml.
        dev: pkg.category === 'dev' ? true : pkg.category === 'main' ? false : undefined,
        optional: pkg.optional === true,
      }),
    );
  }
  for (const pkg of packages) {
    if (!isRecord(pkg) || !isRecord(pkg.dependencies)) continue;
    const from = pep503(String(pkg.name));
    for (const [dep, spec] of Object.entries(pkg.dependencies)) {
      const to = ids.get(pep503(dep));
      const optional = isRecord(spec) && spec.optional === true;
      if (to) addEdge(graph, from, to, optional ? 'optional' : 'prod');
    }
  }
  pyprojectDirect(graph, manifests, ids);
  return graph;
}

/** Direct dependencies from pyproject.toml (PEP 621 and Poetry tables), when it is beside the lockfile. */
function pyprojectDirect(graph: LockfileGraph, manifests: ManifestReader, ids: Map<string, string>): void {
  const text = manifests.text('pyproject.toml');
  if (text !== undefined) {
    let data: Entry | undefined;
    try {
      data = parseToml(text, 'pyproject.toml');
    } catch {
      data = undefined;
    }
    const project = isRecord(data?.project) ? (data.project as Entry) : {};
    const poetry =
      isRecord(data?.tool) && isRecord((data.tool as Entry).poetry) ? ((data.tool as Entry).poetry as Entry) : {};
    graph.projectName = str(project.name) ?? str(poetry.name);
    graph.projectVersion = str(project.version) ?? str(poetry.version);
    const add = (name: string, kind: EdgeKind): void => {
      const id = ids.get(pep503(name));
      if (id) addDirect(graph, id, kind);
    };
    for (const req of Array.isArray(project.dependencies) ? project.dependencies : [])
      add(reqName(String(req)), 'prod');
    if (isRecord(poetry.dependencies)) for (const name of Object.keys(poetry.dependencies)) add(name, 'prod');
    if (isRecord(poetry['dev-dependencies']))
      for (const name of Object.keys(poetry['dev-dependencies'])) add(name, 'dev');
    if (isRecord(poetry.group))
      for (const [group, spec] of Object.entries(poetry.group)) {
        if (isRecord(spec) && isRecord(spec.dependencies))
          for (const name of Object.keys(spec.dependencies)) add(name, group === 'main' ? 'prod' : 'dev');
      }
    const groups = isRecord(data?.['dependency-groups']) ? (data['dependency-groups'] as Entry) : {};
    for (const list of Object.values(groups))
      if (Array.isArray(list)) for (const req of list) add(reqName(String(req)), 'dev');
  }
  directFromRoots(graph);
}

function reqName(requirement: string): string {
  return (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement).trim();
}

// --- Pipfile.lock --------------------------------------------------------------------------------

export function parsePipenv(text: string, file: string): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data) || !isRecord(data._meta)) malformed(file, 'expected an object with "_meta"', 1, 1);
  const spec = Number(data._meta['pipfile-spec']);
  if (spec !== 6)
    unsupportedVersion(
      file,
      'pipfile-spec',
      String(data._meta['pipfile-spec']),
      '6 (pipenv 2018.05 and later)',
      lineOf(text, 'pipfile-spec'),
    );
  const graph = newGraph('pipenv', file, `pipfile-spec ${spec}`);
  for (const [section, kind] of [
    ['default', 'prod'],
    ['develop', 'dev'],
  ] as const) {
    const entries = isRecord(data[section]) ? data[section] : {};
    for (const [name, entry] of Object.entries(entries)) {
      if (!isRecord(entry)) continue;
      const version = str(entry.version)?.replace(/^===?/, '');
      const ref = str(entry.ref);
      const git = str(entry.git);
      if (!version && !ref) {
        graph.warnings.push({
          file,
          line: lineOf(text, `"${name}"`),
          message: `${name} has no pinned version; left out`,
        });
        continue;
      }
      // Keyed by name and version: a `develop` pin of another version than `default`'s is a package
      // of its own (dev-scoped), not lost under the same name.
      const id = `${pep503(name)}@${version ?? ref}`;
      // Pipfile.lock lists every allowed artifact hash without saying which artifact each belongs to.
      addPackage(graph, id, pypi(name, version ?? (ref as string), { downloadLocation: downloadUrl(git) }));
      // The lockfile is flat: everything it pins is something the project asked for, directly or not.
      addDirect(graph, id, kind);
    }
  }
  return graph;
}

// --- uv.lock -------------------------------------------------------------------------------------

export function parseUv(text: string, file: string): LockfileGraph {
  const data = parseToml(text, file);
  const version = Number(data.version);
  if (version !== 1)
    unsupportedVersion(
      file,
      'version',
      String(data.version ?? '(missing)'),
      '1 (uv 0.3 and later)',
      lineOf(text, 'version'),
    );
  const graph = newGraph(
    'uv',
    file,
    `version ${version}${data.revision !== undefined ? ` revision ${String(data.revision)}` : ''}`,
  );
  const packages = (Array.isArray(data.package) ? data.package : []).filter(isRecord);
  const byName = new Map<string, string[]>();
  for (const pkg of packages) {
    const name = str(pkg.name);
    const pkgVersion = str(pkg.version);
    if (!name) malformed(file, '[[package]] without a name', lineOf(text, '[[package]]'));
    const source = isRecord(pkg.source) ? pkg.source : {};
    const local = source.editable !== undefined || source.virtual !== undefined;
    const id = `${pep503(name)}@${pkgVersion ?? ''}`;
    const ids = byName.get(pep503(name)) ?? [];
    ids.push(id);
    byName.set(pep503(name), ids);
    const sdist = isRecord(pkg.sdist) ? fromPrefixed(pkg.sdist.hash) : undefined;
    addPackage(
      graph,
      id,
      pypi(name, pkgVersion ?? '', {
        hashes: sdist ? [sdist] : [],
        downloadLocation:
          downloadUrl(isRecord(pkg.sdist) ? pkg.sdist.url : undefined) ??
          downloadUrl(source.git) ??
          downloadUrl(source.url),
        project: local,
      }),
    );
    if (local && (source.editable === '.' || source.virtual === '.')) {
      graph.projectName ??= name;
      graph.projectVersion ??= pkgVersion;
    }
  }
  const resolve = (dep: Entry): string | undefined => {
    const ids = byName.get(pep503(String(dep.name)));
    if (!ids) return undefined;
    if (ids.length === 1 || dep.version === undefined) return ids[0];
    return ids.find((id) => id.endsWith(`@${String(dep.version)}`)) ?? ids[0];
  };
  for (const pkg of packages) {
    const from = `${pep503(String(pkg.name))}@${str(pkg.version) ?? ''}`;
    const link = (list: unknown, kind: EdgeKind): void => {
      for (const dep of Array.isArray(list) ? list : []) {
        if (!isRecord(dep)) continue;
        const to = resolve(dep);
        if (to && to !== from) addEdge(graph, from, to, kind);
      }
    };
    link(pkg.dependencies, 'prod');
    for (const list of Object.values(isRecord(pkg['optional-dependencies']) ? pkg['optional-dependencies'] : {}))
      link(list, 'optional');
    for (const list of Object.values(isRecord(pkg['dev-dependencies']) ? pkg['dev-dependencies'] : {}))
      link(list, 'dev');
  }
  for (const [id, record] of graph.packages) if (record.project) addDirect(graph, id, 'prod');
  directFromRoots(graph);
  return graph;
}

// --- requirements.txt ----------------------------------------------------------------------------

/**
 * Pinned requirements (`pip freeze`, pip-compile, `uv pip compile`): `name==version`, with `--hash`
 * options when present. `-r` includes are read too (relative to the including file, as pip does);
 * `-c` constraint files only restrict versions and add nothing, so they are not.
 */
export function parseRequirements(text: string, file: string, manifests?: ManifestReader): LockfileGraph {
  const graph = newGraph('pip', file, 'requirements');
  const seen = new Set<string>([posix.normalize(file)]);
  const base = posix.dirname(file);
  const read = (body: string, shown: string, rel: string): void => {
    readRequirements(graph, body, shown, isDevFile(shown), (include, line) => {
      const target = posix.normalize(posix.join(posix.dirname(rel), include));
      const display = posix.normalize(posix.join(base, target));
      // Without a reader (a parser called on its own) there is nothing to follow includes with.
      if (seen.has(display) || !manifests) return;
      seen.add(display);
      const body = manifests?.text(target);
      if (body === undefined) {
        graph.warnings.push({
          file: shown,
          line,
          col: 1,
          message: `${shown}:${line}: -r ${include} cannot be read (${display}); its requirements are missing`,
        });
        return;
      }
      read(body, display, target);
    });
  };
  read(text, file, posix.basename(file));
  return graph;
}

function isDevFile(file: string): boolean {
  return /(^|[/_-])(dev|test|tests|lint|docs)[-_.]|[-_](dev|test|tests)\.txt$|(^|\/)(dev|test|tests|lint|docs)\.txt$/.test(
    file,
  );
}

function readRequirements(
  graph: LockfileGraph,
  text: string,
  file: string,
  dev: boolean,
  include: (path: string, line: number) => void,
): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).replace(/\r$/, '');
    const start = i + 1;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${(lines[++i] as string).trim()}`;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    const r = /^(?:-r|--requirement)(?:\s*=\s*|\s+)(\S+)$/.exec(line);
    if (r) include(r[1] as string, start);
    if (line === '' || line.startsWith('-')) continue;
    const hashes = [...line.matchAll(/--hash[=\s]+(\S+)/g)]
      .map((m) => fromPrefixed(m[1]))
      .filter((h): h is Hash => !!h);
    const requirement =
      line
        .replace(/--\S+(\s*=\s*|\s+)\S+/g, '')
        .split(';')[0]
        ?.trim() ?? '';
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(===?)\s*([^\s,;]+)\s*$/.exec(requirement);
    if (!m) {
      if (/^[A-Za-z0-9]/.test(requirement) && !requirement.includes('://'))
        graph.warnings.push({
          file,
          line: start,
          col: 1,
          message: `"${requirement}" is not pinned with ==; left out (pin it, e.g. with pip freeze or pip-compile)`,
        });
      continue;
    }
    const id = pep503(m[1] as string);
    // Several `--hash` values mean "any of these artifacts": only a single one identifies the package.
    addPackage(graph, id, pypi(m[1] as string, m[4] as string, { hashes: hashes.length === 1 ? hashes : [] }));
    addDirect(graph, id, dev ? 'dev' : 'prod');
  }
}
