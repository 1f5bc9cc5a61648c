import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { LockfileGraph, PackageRecord } from '../model/types';
import { addDirect, addEdge, addPackage, malformed, newGraph } from './common';
import type { ManifestReader } from './manifest';

interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

const DIRECTIVES = new Set([
  'module',
  'go',
  'toolchain',
  'require',
  'replace',
  'exclude',
  'retract',
  'tool',
  'godebug',
  'ignore',
]);

/**
 * `go.mod` with `go.sum` beside it. go.mod lists every module in the build list (Go 1.17+ records
 * indirect ones too) but no edges between them, so each is a dependency of the main module;
 * `replace` directives are applied, and go.sum contributes each module's `h1:` hash.
 */
export function parseGoMod(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const graph = newGraph('gomod', file, 'go.mod');
  const requires: Require[] = [];
  const replaces = new Map<string, { path: string; version?: string; local: boolean }>();
  const lines = text.split('\n');
  let block: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    const comment = raw.indexOf('//');
    const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment));
    const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (line === '') continue;
    if (block !== undefined) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      handle(block, line, i + 1, indirect);
      continue;
    }
    const m = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const directive = m[1] as string;
    const rest = (m[2] as string).trim();
    if (!DIRECTIVES.has(directive))
      malformed(file, `unknown directive "${directive}"`, i + 1, raw.indexOf(directive) + 1);
    if (rest === '(') block = directive;
    else handle(directive, rest, i + 1, indirect);
  }
  if (block !== undefined) malformed(file, `"${block} (" block is never closed`, lines.length, 1);

  function handle(directive: string, args: string, line: number, indirect: boolean): void {
    if (directive === 'module') graph.projectName = unquote(args);
    if (directive === 'require') {
      const parts = args.split(/\s+/);
      if (parts.length !== 2) malformed(file, `expected "<module> <version>" in require, got "${args}"`, line, 1);
      requires.push({ path: unquote(parts[0] as string), version: parts[1] as string, indirect, line });
    }
    if (directive === 'replace') {
      const [left, right] = args.split('=>').map((s) => s.trim());
      if (!left || !right)
        malformed(file, `expected "<module> [version] => <replacement> [version]", got "${args}"`, line, 1);
      const [from, fromVersion] = left.split(/\s+/);
      const [to, toVersion] = right.split(/\s+/);
      const local = /^(\.{1,2}\/|\/)/.test(to as string);
      const key = fromVersion ? `${from}@${fromVersion}` : (from as string);
      replaces.set(key, { path: unquote(to as string), version: toVersion, local });
    }
  }

  const sums = new Map<string, string>();
  for (const line of (manifests.text('go.sum') ?? '').split('\n')) {
    const [mod, version, hash] = line.trim().split(/\s+/);
    if (!mod || !version || !hash?.startsWith('h1:') || version.endsWith('/go.mod')) continue;
    sums.set(`${mod}@${version}`, Buffer.from(hash.slice(3), 'base64').toString('hex'));
  }

  const built = new Map<string, string>();
  const member = workspaceMember(manifests, graph.projectName);
  if (member && graph.projectName) {
    const module = graph.projectName;
    const slash = module.lastIndexOf('/');
    addPackage(graph, member, {
      purlType: 'golang',
      namespace: slash === -1 ? undefined : module.slice(0, slash),
      name: slash === -1 ? module : module.slice(slash + 1),
      // A workspace module is built from source: go.mod has no version for it.
      version: '',
      project: true,
    });
    addDirect(graph, member, 'prod');
  }
  for (const req of requires) {
    const replace = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
    if (replace?.local) {
      graph.warnings.push({
        file,
        line: req.line,
        message: `${req.path} is replaced by the local directory ${replace.path}; recorded at its required version ${req.version}`,
      });
    }
    const path = replace && !replace.local ? replace.path : req.path;
    const version = replace && !replace.local && replace.version ? replace.version : req.version;
    const slash = path.lastIndexOf('/');
    const sum = sums.get(`${path}@${version}`);
    const id = `${path}@${version}`;
    addPackage(graph, id, {
      purlType: 'golang',
      namespace: slash === -1 ? undefined : path.slice(0, slash),
      name: slash === -1 ? path : path.slice(slash + 1),
      version,
      // h1: is SHA-256 over the module's file list and file hashes (what `go mod verify` checks).
      hashes: sum ? [{ alg: 'SHA-256', value: sum }] : [],
      downloadLocation: `https://proxy.golang.org/${escapePath(path)}/@v/${version}.zip`,
    });
    // Only what the module itself imports is a direct dependency; an `// indirect` requirement only
    // pins the version of something a dependency needs, and is reached through that dependency.
    if (req.indirect) (graph.packages.get(id) as PackageRecord).indirect = true;
    else if (member) addEdge(graph, member, id, 'prod');
    else addDirect(graph, id, 'prod');
    built.set(path, id);
  }
  moduleCacheEdges(graph, built);
  return graph;
}

/**
 * A module `use`d by a go.work workspace (in this directory or up to three above) is one of the
 * workspace's own modules: it becomes a project component, and its requirements hang under it.
 */
function workspaceMember(manifests: ManifestReader, module: string | undefined): string | undefined {
  if (!module) return undefined;
  for (const up of ['', '../', '../../', '../../../']) {
    const work = manifests.text(`${up}go.work`);
    if (work === undefined) continue;
    const depth = up === '' ? 0 : up.split('/').length - 1;
    const here = depth === 0 ? '.' : (manifests.path ?? '').split('/').slice(-depth).join('/');
    const uses = [...work.replace(/\/\/.*$/gm, '').matchAll(/\buse\s*(?:\(([^)]*)\)|(\S+))/g)].flatMap((m) =>
      (m[1] ?? m[2] ?? '').split(/\s+/).filter(Boolean),
    );
    const normal = (u: string): string => u.replace(/^"|"$/g, '').replace(/^\.\//, '').replace(/\/$/, '') || '.';
    return uses.map(normal).includes(here) ? `workspace:${module}` : undefined;
  }
  return undefined;
}

/**
 * go.mod has no edges between the modules it lists; the module cache (when the checkout has
 * built, `$GOMODCACHE/cache/download/<module>/@v/<version>.mod`) has each one's own go.mod.
 * Its requirements become edges to the build list's version of each module (what MVS picked).
 * Read offline only: nothing is downloaded, and without a cache the indirect ones stay unlinked.
 */
function moduleCacheEdges(graph: LockfileGraph, built: Map<string, string>): void {
  const cache = goModCache();
  if (!cache) return;
  for (const [path, id] of built) {
    const version = id.slice(path.length + 1);
    let mod: string;
    try {
      mod = readFileSync(join(cache, 'cache', 'download', escapePath(path), '@v', `${version}.mod`), 'utf8');
    } catch {
      continue;
    }
    for (const m of mod.matchAll(/^\s*(?:require\s+)?([^\s()]+)\s+(v\S+)/gm)) {
      const target = built.get(m[1] as string);
      if (target && target !== id) addEdge(graph, id, target, 'prod');
    }
  }
}

function goModCache(): string | undefined {
  const env = process.env.GOMODCACHE;
  if (env) return env;
  const gopath = (process.env.GOPATH ?? '').split(delimiter)[0] || join(homedir(), 'go');
  const dir = join(gopath, 'pkg', 'mod');
  return existsSync(join(dir, 'cache', 'download')) ? dir : undefined;
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

/** The module proxy's case encoding: each upper-case letter becomes `!` + lower case. */
function escapePath(path: string): string {
  return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}
