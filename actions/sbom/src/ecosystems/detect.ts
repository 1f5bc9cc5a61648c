import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ConfigurationError } from '../../../../shared/errors';
import type { Ecosystem, LockfileGraph } from '../model/types';
import { checkHashes, lineOf, newGraph } from './common';
import { type ManifestReader, manifestReader } from './manifest';

type Parser = (text: string, file: string, manifests: ManifestReader) => LockfileGraph | Promise<LockfileGraph>;

interface Kind {
  ecosystem: Ecosystem;
  /** File name, or a test on it. */
  match: string | RegExp;
  /** Parsers are loaded on first use: a Go-only repository never loads the YAML or TOML parsers. */
  load: () => Promise<Parser>;
}

export const KINDS: readonly Kind[] = [
  { ecosystem: 'npm', match: 'npm-shrinkwrap.json', load: async () => (await import('./npm')).parseNpm },
  { ecosystem: 'npm', match: 'package-lock.json', load: async () => (await import('./npm')).parseNpm },
  { ecosystem: 'yarn', match: 'yarn.lock', load: async () => (await import('./yarn')).parseYarn },
  { ecosystem: 'pnpm', match: 'pnpm-lock.yaml', load: async () => (await import('./pnpm')).parsePnpm },
  { ecosystem: 'poetry', match: 'poetry.lock', load: async () => (await import('./python')).parsePoetry },
  { ecosystem: 'pipenv', match: 'Pipfile.lock', load: async () => (await import('./python')).parsePipenv },
  { ecosystem: 'uv', match: 'uv.lock', load: async () => (await import('./python')).parseUv },
  {
    ecosystem: 'pip',
    match: /^(requirements([-_.][\w.-]*)?|[\w.-]+[-_]requirements)\.txt$/,
    load: async () => (await import('./python')).parseRequirements,
  },
  { ecosystem: 'gomod', match: 'go.mod', load: async () => (await import('./gomod')).parseGoMod },
  { ecosystem: 'cargo', match: 'Cargo.lock', load: async () => (await import('./cargo')).parseCargo },
  {
    ecosystem: 'maven',
    match: 'pom.xml',
    // Parents, BOMs and transitive dependencies come from ~/.m2/repository, then maven-repositories.
    load: async () => {
      const { MavenRepository, parsePomResolved } = await import('./maven-resolve');
      const repository = new MavenRepository((await import('../inputs')).mavenRepositories());
      return (text, file, manifests) => parsePomResolved(text, file, manifests, repository);
    },
  },
  { ecosystem: 'gradle', match: 'gradle.lockfile', load: async () => (await import('./maven')).parseGradleLock },
  { ecosystem: 'bundler', match: 'Gemfile.lock', load: async () => (await import('./bundler')).parseGemfileLock },
  { ecosystem: 'composer', match: 'composer.lock', load: async () => (await import('./composer')).parseComposer },
  { ecosystem: 'nuget', match: 'packages.lock.json', load: async () => (await import('./nuget')).parseNuget },
  { ecosystem: 'swift', match: 'Package.resolved', load: async () => (await import('./swift')).parseSwift },
  { ecosystem: 'pub', match: 'pubspec.lock', load: async () => (await import('./pub')).parsePub },
  { ecosystem: 'hex', match: 'mix.lock', load: async () => (await import('./hex')).parseMixLock },
  { ecosystem: 'cocoapods', match: 'Podfile.lock', load: async () => (await import('./cocoapods')).parsePodfileLock },
  { ecosystem: 'conan', match: 'conan.lock', load: async () => (await import('./conan')).parseConanLock },
];

/** What the "nothing found" error lists. */
export const LOOKED_FOR = [
  ...KINDS.map((k) => (typeof k.match === 'string' ? k.match : 'requirements*.txt')),
  'requirements/*.txt',
];

export interface Found {
  /** Absolute path. */
  path: string;
  /** As shown to the user and in annotations: relative to the working directory when inside it. */
  display: string;
  kind: Kind;
}

function kindOf(name: string): Kind | undefined {
  return KINDS.find((k) => (typeof k.match === 'string' ? k.match === name : k.match.test(name)));
}

/** Manifests whose lockfile is missing: what the "nothing found" error points at. */
const MANIFESTS = new Set([
  'package.json',
  'pyproject.toml',
  'Pipfile',
  'Cargo.toml',
  'Gemfile',
  'composer.json',
  'build.gradle',
  'build.gradle.kts',
  'Package.swift',
  'pubspec.yaml',
  'mix.exs',
  'Podfile',
  'conanfile.txt',
  'conanfile.py',
]);

export async function findUnlockedManifests(root: string, exclude: readonly string[], cwd: string): Promise<string[]> {
  return walkFiles(root, await excluder(exclude), (name) => MANIFESTS.has(name)).map((path) => displayPath(path, cwd));
}

/** Walks `root` for lockfiles, skipping excluded directories without descending into them. */
export async function findLockfiles(root: string, exclude: readonly string[], cwd: string): Promise<Found[]> {
  const found: Found[] = [];
  const pip = KINDS.find((k) => k.ecosystem === 'pip') as Kind;
  const byContent = new Set<string>();
  const paths = walkFiles(root, await excluder(exclude), (name, siblings, dir) => {
    // npm itself ignores package-lock.json when npm-shrinkwrap.json is present.
    if (name === 'package-lock.json' && siblings.has('npm-shrinkwrap.json')) return false;
    if (kindOf(name) !== undefined) return true;
    // pip-tools / uv pip compile outputs live in requirements/*.txt (main.txt, dev.txt): taken
    // when their content is pinned requirements, not on the name alone.
    if (REQUIREMENTS_DIRS.has(basename(dir)) && name.endsWith('.txt') && pinnedRequirements(join(dir, name))) {
      byContent.add(join(dir, name));
      return true;
    }
    return false;
  });
  for (const path of paths)
    found.push({
      path,
      display: displayPath(path, cwd),
      kind: byContent.has(path) ? pip : (kindOf(basename(path)) as Kind),
    });
  return found;
}

/** Folders pip-tools and uv users keep compiled requirement sets in. */
const REQUIREMENTS_DIRS = new Set(['requirements', 'requirements.d', 'reqs', 'deps']);

/** A pip-compile / uv header, or at least one `name==version` line: a pinned requirements file. */
function pinnedRequirements(path: string): boolean {
  let head: string;
  try {
    head = readFileSync(path, 'utf8').slice(0, 64 * 1024);
  } catch {
    return false;
  }
  return (
    /^#\s+(This file is autogenerated by pip-compile|uv pip compile)/m.test(head) ||
    /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*[^\s=]/m.test(head)
  );
}

/** Files under `root` (sorted, depth-first) that `want` accepts, never entering an excluded directory. */
// `**` + `/<name>/` + `**`, the shape of the default excludes: a plain directory name at any depth.
const ANY_DEPTH_DIR = /^\*\*\/([A-Za-z0-9_][A-Za-z0-9._-]*|\.[A-Za-z0-9_][A-Za-z0-9._-]*)\/\*\*$/;

// Whether a path (relative to the root, `/`-separated) is excluded: it, or it as a directory,
// matches a pattern. Any-depth directory patterns (the defaults) reduce to "some segment is <name>",
// exactly what minimatch answers for them (unit-tested); minimatch is loaded only for other patterns.
export async function excluder(patterns: readonly string[]): Promise<(rel: string) => boolean> {
  const names = new Set<string>();
  const globs: string[] = [];
  for (const pattern of patterns) {
    const plain = ANY_DEPTH_DIR.exec(pattern);
    if (plain) names.add(plain[1] as string);
    else globs.push(pattern);
  }
  // Compiled once: the walk tests every directory entry against every pattern.
  const matchers =
    globs.length > 0
      ? await import('minimatch').then(({ Minimatch }) => globs.map((g) => new Minimatch(g, { dot: true })))
      : [];
  return (rel) =>
    (names.size > 0 && rel.split('/').some((segment) => names.has(segment))) ||
    matchers.some((m) => m.match(rel) || m.match(`${rel}/`));
}

function walkFiles(
  root: string,
  excluded: (rel: string) => boolean,
  want: (name: string, siblings: Set<string>, dir: string) => boolean,
): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!excluded(rel) && !excluded(`${rel}/x`)) walk(full);
      } else if (entry.isFile() && want(entry.name, names, dir) && !excluded(rel)) out.push(full);
    }
  };
  walk(root);
  return out;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** Written by a tool that always ends it with a newline: one that does not was cut short. */
const TOOL_WRITTEN = new Set(['yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'uv.lock', 'Cargo.lock', 'Gemfile.lock']);

/**
 * One lockfile's graph. An empty file is a warning and no packages (never a silently empty SBOM);
 * a tool-written file that stops mid-line is a warning at that line; bad hashes are dropped.
 */
async function readOne(parse: Parser, text: string, item: Found): Promise<LockfileGraph> {
  const display = item.display;
  if (text.trim() === '') {
    const graph = newGraph(item.kind.ecosystem, display, 'empty');
    graph.warnings.push({
      file: display,
      line: 1,
      col: 1,
      message: `${display}:1: the file is empty, so no packages were read from it; regenerate it with its package manager`,
    });
    return graph;
  }
  const graph = await parse(text, display, manifestReader(dirname(item.path)));
  const name = basename(item.path);
  if (TOOL_WRITTEN.has(name) && !text.endsWith('\n')) {
    const line = text.split('\n').length;
    graph.warnings.push({
      file: display,
      line,
      col: 1,
      message: `${display}:${line}: the last line has no line end, so the file looks cut short (${name} files always end with one); packages after it are missing - regenerate it`,
    });
  }
  checkHashes(graph, text, display);
  for (const record of graph.packages.values()) {
    if (record.version !== '') continue;
    const who = record.namespace ? `${record.namespace}/${record.name}` : record.name;
    const line = lineOf(text, who);
    graph.warnings.push({
      file: display,
      line,
      col: line ? 1 : undefined,
      message: `${display}${line ? `:${line}` : ''}: ${who} has no version in ${name}${record.project ? ' or its manifest' : ''}; it is written without one (NOASSERTION in SPDX, no version in CycloneDX and its purl) rather than a made-up one, and counts as missing in the NTIA table`,
    });
  }
  return graph;
}

/** Parses each lockfile; a parser's ConfigurationError already names the file, line and column. */
export async function parseLockfiles(found: readonly Found[], cwd: string, root: string): Promise<LockfileGraph[]> {
  const graphs: LockfileGraph[] = [];
  for (const item of found) {
    const parse = await item.kind.load();
    let text: string;
    try {
      text = readFileSync(item.path, 'utf8');
    } catch (error) {
      throw new ConfigurationError(`${item.display}: cannot read: ${(error as Error).message}`, { file: item.display });
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const graph = await readOne(parse, text, item);
    const dir = displayPath(dirname(item.path), cwd);
    // What the SBOM records is relative to the scanned directory, so it reads the same on any machine;
    // annotations (warnings, errors) keep paths relative to the workspace, where GitHub shows them.
    const content = relative(root, item.path).split(sep).join('/');
    for (const record of graph.packages.values()) {
      // Install paths are relative to the lockfile; make them relative to the working directory.
      if (record.installPath !== undefined)
        record.installPath = dir === '' ? record.installPath : `${dir}/${record.installPath}`;
      if (record.license?.source === item.display) record.license.source = content;
    }
    graph.file = content;
    graph.display = item.display;
    graphs.push(graph);
  }
  return graphs;
}
