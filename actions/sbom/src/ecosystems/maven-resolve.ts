import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAVEN_CENTRAL } from '../inputs';
import type { EdgeKind, LockfileGraph, PackageRecord } from '../model/types';
import { addDirect, addEdge, addPackage, isRecord, lineOf, malformed, newGraph } from './common';
import type { ManifestReader } from './manifest';

type Entry = Record<string, unknown>;

interface Dep {
  g: string;
  a: string;
  v?: string;
  scope: string;
  type?: string;
  classifier?: string;
  optional: boolean;
  exclusions: string[];
}

interface Model {
  g: string;
  a: string;
  v: string;
  props: Map<string, string>;
  managed: Map<string, Dep>;
  deps: Dep[];
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'dependency' || name === 'exclusion',
});

/**
 * POMs by coordinates: the local repository first (`~/.m2/repository`), then each remote in order
 * (`maven-repositories`, Maven Central by default), over HTTP(S) with a timeout. Each POM is read
 * once per run; one that none has is remembered as missing, with why when a remote failed rather
 * than said "not found" (an HTTP error, no answer in time, unreachable).
 */
export class MavenRepository {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  private readonly problems = new Map<string, string[]>();
  /**
   * Remotes that timed out or could not be reached, with why: not asked again this run, so an
   * unreachable repository costs one timeout, not one per POM (they are read one after another).
   */
  private readonly down = new Map<string, string>();
  /** Each remote as asked: without user info in the URL (fetch refuses it), which becomes Basic auth. */
  private readonly sources: { base: string; authorization?: string }[];
  /** The remotes as shown in messages: never with their credentials. */
  readonly remotes: readonly string[];
  constructor(
    remotes: readonly string[],
    readonly local: string = join(homedir(), '.m2', 'repository'),
    readonly timeoutMs = 15_000,
  ) {
    this.sources = remotes.map((remote) => {
      const url = new URL(remote.replace(/\/$/, ''));
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      url.username = '';
      url.password = '';
      const base = url.toString().replace(/\/$/, '');
      return user || password
        ? { base, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
        : { base };
    });
    this.remotes = this.sources.map((source) => source.base);
  }

  pom(g: string, a: string, v: string): Promise<string | undefined> {
    const key = `${g}:${a}:${v}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.fetch(key, `${g.replace(/\./g, '/')}/${a}/${v}/${a}-${v}.pom`);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Where the repositories failed for `g:a:v` other than by not having it; undefined when none did. */
  problem(key: string): string | undefined {
    return this.problems.get(key)?.join('; ');
  }

  private async fetch(key: string, path: string): Promise<string | undefined> {
    try {
      return readFileSync(join(this.local, path), 'utf8');
    } catch {
      // not in the local repository
    }
    const problems: string[] = [];
    for (const { base: remote, authorization } of this.sources) {
      const down = this.down.get(remote);
      if (down) {
        problems.push(`${remote} ${down} earlier, so was not asked again`);
        continue;
      }
      try {
        const response = await fetch(`${remote}/${path}`, {
          headers: authorization ? { Authorization: authorization } : {},
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (response.ok) return await response.text();
        await response.body?.cancel();
        if (response.status !== 404 && response.status !== 410)
          problems.push(`${remote} answered HTTP ${response.status}`);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        const why =
          (error as Error).name === 'TimeoutError'
            ? `did not answer within ${this.timeoutMs / 1000} s`
            : `was unreachable (${cause ?? (error as Error).message})`;
        this.down.set(remote, why);
        problems.push(`${remote} ${why}`);
      }
    }
    if (problems.length > 0) this.problems.set(key, problems);
    return undefined;
  }
}

/**
 * Maven `pom.xml` resolved the way Maven does, from a repository: parent POMs (relativePath first,
 * then the repository), their properties and dependencyManagement, `import`-scoped BOMs, and the
 * transitive dependencies of compile/runtime ones (nearest version wins, exclusions and optional
 * dependencies honoured, test/provided ones of dependencies left out). A POM no repository has is
 * a warning; its dependency stays, without its own dependencies.
 */
export async function parsePomResolved(
  text: string,
  file: string,
  manifests: ManifestReader,
  repository: MavenRepository,
): Promise<LockfileGraph> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) malformed(file, `not valid XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const graph = newGraph('maven', file, 'pom.xml (resolved)');
  /** Parent POMs and BOMs that could not be had, with why ('' when merely not found). */
  const missing = new Map<string, string>();
  const warn = (message: string, line?: number): void => {
    graph.warnings.push({ file, line, col: line ? 1 : undefined, message });
  };
  const root = await model(readPom(text, file), repository, manifests, '', missing, 0);
  graph.projectName = root.a;
  graph.projectVersion = root.v;
  const chosen = new Map<string, string>();
  type Item = { from?: string; dep: Dep; kind: EdgeKind; exclusions: string[]; managedBy: Model };
  let level: Item[] = root.deps.map((dep) => ({ dep, kind: kindOf(dep), exclusions: dep.exclusions, managedBy: root }));
  for (let depth = 0; level.length > 0 && depth < 30; depth++) {
    const next: Item[] = [];
    const resolved = await Promise.all(
      level.map(async (item) => {
        const ga = `${item.dep.g}:${item.dep.a}`;
        // The project's dependencyManagement governs transitive versions too; then the declaring POM's.
        const version =
          (depth > 0 ? root.managed.get(ga)?.v : undefined) ?? item.dep.v ?? item.managedBy.managed.get(ga)?.v;
        return { item, ga, version };
      }),
    );
    for (const { item, ga, version } of resolved) {
      if (!version || version.includes('${')) {
        if (depth === 0)
          warn(
            `${file}: ${ga} has ${version ? `an unresolved version ${version}` : 'no version'} even with the parent POMs and BOMs; left out`,
            lineOf(text, `<artifactId>${item.dep.a}</artifactId>`),
          );
        continue;
      }
      // Nearest wins: a coordinate already chosen at a shallower depth keeps its version.
      const existing = chosen.get(ga);
      const id = existing ?? `${ga}:${version}`;
      if (!existing) {
        chosen.set(ga, id);
        addPackage(graph, id, record(item.dep, version));
      }
      if (item.from) addEdge(graph, item.from, id, item.kind);
      else addDirect(graph, id, item.kind);
      if (existing || item.dep.type === 'pom') continue;
      const pom = await repository.pom(item.dep.g, item.dep.a, version);
      if (pom === undefined) {
        // Each coordinate is fetched once (a chosen one is not looked at again), so warned once.
        warn(`${file}: the POM of ${id} ${notHad(repository, id)}; its dependencies are missing`);
        continue;
      }
      let child: Model;
      try {
        child = await model(readPom(pom, id), repository, undefined, '', missing, 0);
      } catch (error) {
        warn(`${file}: the POM of ${id} cannot be read (${(error as Error).message}); its dependencies are missing`);
        continue;
      }
      for (const dep of child.deps) {
        if (dep.optional || dep.scope === 'test' || dep.scope === 'provided' || dep.scope === 'system') continue;
        if (item.exclusions.some((x) => x === `${dep.g}:${dep.a}` || x === `${dep.g}:*` || x === '*:*')) continue;
        next.push({
          from: id,
          dep,
          kind: item.kind === 'prod' && dep.scope === 'runtime' ? 'prod' : item.kind,
          exclusions: [...item.exclusions, ...dep.exclusions],
          managedBy: child,
        });
      }
    }
    level = next;
  }
  // Without them, the versions and dependencies they would have given are unknown, not wrong.
  for (const [id, why] of missing)
    warn(
      `${file}: the parent POM or BOM ${id} ${why || notHad(repository, id)}; the versions and dependencies it manages are unknown`,
    );
  return graph;
}

/** Why a POM could not be had: in no repository, and why a remote failed if one did. */
function notHad(repository: MavenRepository, id: string): string {
  const problem = repository.problem(id);
  return `is in none of ${[repository.local, ...repository.remotes].join(', ')}${problem ? ` (${problem})` : ''}`;
}

function kindOf(dep: Dep): EdgeKind {
  if (dep.scope === 'test') return 'dev';
  if (dep.optional || dep.scope === 'provided' || dep.scope === 'system') return 'optional';
  return 'prod';
}

function record(dep: Dep, version: string): PackageRecord {
  const qualifiers: Record<string, string> = {};
  if (dep.type && dep.type !== 'jar' && dep.type !== 'bundle') qualifiers.type = dep.type;
  if (dep.classifier) qualifiers.classifier = dep.classifier;
  const ext = dep.type && dep.type !== 'bundle' ? dep.type : 'jar';
  return {
    purlType: 'maven',
    namespace: dep.g,
    name: dep.a,
    version,
    qualifiers: Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
    downloadLocation: `${MAVEN_CENTRAL}/${dep.g.replace(/\./g, '/')}/${dep.a}/${version}/${dep.a}-${version}${dep.classifier ? `-${dep.classifier}` : ''}.${ext}`,
  };
}

function readPom(text: string, where: string): Entry {
  const doc = xml.parse(text) as Entry;
  if (!isRecord(doc.project)) malformed(where, 'expected a <project> root element', 1, 1);
  return doc.project;
}

/**
 * The effective model of one POM: its parent chain merged (child wins), properties interpolated,
 * dependencyManagement with `import` BOMs expanded (first declaration wins, as Maven does).
 */
async function model(
  project: Entry,
  repository: MavenRepository,
  manifests: ManifestReader | undefined,
  dir: string,
  missing: Map<string, string>,
  depth: number,
): Promise<Model> {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  /** A parent or BOM from the repositories; one they lack, or that is not a POM, is remembered in `missing`. */
  const fromRepository = async (id: string, g: string, a: string, v: string): Promise<Model | undefined> => {
    const text = await repository.pom(g, a, v);
    if (text === undefined) {
      missing.set(id, '');
      return undefined;
    }
    try {
      return await model(readPom(text, id), repository, undefined, '', missing, depth + 1);
    } catch (error) {
      missing.set(id, `is not a POM (${(error as Error).message})`);
      return undefined;
    }
  };
  const parentRef = isRecord(project.parent) ? project.parent : undefined;
  let parent: Model | undefined;
  if (parentRef && depth < 10) {
    const pg = str(parentRef.groupId);
    const pa = str(parentRef.artifactId);
    const pv = str(parentRef.version);
    // relativePath (default ../pom.xml) first, when it is the parent; then the repository.
    const rel = manifests ? `${dir}${str(parentRef.relativePath) ?? '../pom.xml'}` : undefined;
    const localText = rel ? manifests?.text(rel.endsWith('.xml') ? rel : `${rel}/pom.xml`) : undefined;
    const local = localText === undefined ? undefined : readPom(localText, rel as string);
    if (local && str(local.artifactId) === pa)
      parent = await model(local, repository, undefined, '', missing, depth + 1);
    else if (pg && pa && pv) parent = await fromRepository(`${pg}:${pa}:${pv}`, pg, pa, pv);
  }
  const g = str(project.groupId) ?? str(parentRef?.groupId) ?? '';
  const a = str(project.artifactId) ?? '';
  const rawVersion = str(project.version) ?? str(parentRef?.version) ?? '';
  const props = new Map(parent?.props ?? []);
  if (isRecord(project.properties))
    for (const [k, v] of Object.entries(project.properties)) if (typeof v === 'string') props.set(k, v);
  for (const [k, v] of [
    ['project.groupId', g],
    ['project.artifactId', a],
    ['project.version', rawVersion],
    ['pom.version', rawVersion],
    ['version', rawVersion],
    ['project.parent.groupId', str(parentRef?.groupId)],
    ['project.parent.version', str(parentRef?.version)],
  ] as const)
    if (v) props.set(k, v);
  const interpolate = (value: unknown): string | undefined => {
    let out = str(value);
    for (let i = 0; out?.includes('${') && i < 10; i++)
      out = out.replace(/\$\{([^}]+)\}/g, (m, key: string) => props.get(key) ?? m);
    return out;
  };
  const deps = (list: unknown): Dep[] => {
    const items = isRecord(list) && Array.isArray(list.dependency) ? list.dependency : [];
    return items.filter(isRecord).map((d) => ({
      g: interpolate(d.groupId) ?? '',
      a: interpolate(d.artifactId) ?? '',
      v: interpolate(d.version),
      scope: interpolate(d.scope) ?? 'compile',
      type: interpolate(d.type),
      classifier: interpolate(d.classifier),
      optional: interpolate(d.optional) === 'true',
      exclusions: (isRecord(d.exclusions) && Array.isArray(d.exclusions.exclusion) ? d.exclusions.exclusion : [])
        .filter(isRecord)
        .map((x) => `${interpolate(x.groupId) ?? '*'}:${interpolate(x.artifactId) ?? '*'}`),
    }));
  };
  const managed = new Map<string, Dep>();
  const management = isRecord(project.dependencyManagement) ? project.dependencyManagement.dependencies : undefined;
  for (const dep of deps(management)) {
    const ga = `${dep.g}:${dep.a}`;
    if (dep.scope === 'import' && dep.v) {
      const imported = await fromRepository(`${ga}:${dep.v}`, dep.g, dep.a, dep.v);
      for (const [k, d] of imported?.managed ?? []) if (!managed.has(k)) managed.set(k, d);
    } else if (!managed.has(ga)) managed.set(ga, dep);
  }
  // The parent's management comes after the child's own (child wins).
  for (const [k, d] of parent?.managed ?? []) if (!managed.has(k)) managed.set(k, d);
  const own = deps(project.dependencies);
  // A dependency without version or scope takes them from dependencyManagement.
  for (const dep of own) {
    const m = managed.get(`${dep.g}:${dep.a}`);
    if (!m) continue;
    dep.v ??= m.v;
    if (dep.scope === 'compile' && m.scope !== 'compile' && m.scope !== 'import') dep.scope = m.scope;
    if (dep.exclusions.length === 0) dep.exclusions = m.exclusions;
  }
  // Inherited dependencies (a parent's <dependencies>) apply to the child.
  const inherited = (parent?.deps ?? []).filter((d) => !own.some((o) => o.g === d.g && o.a === d.a));
  return { g, a, v: interpolate(rawVersion) ?? rawVersion, props, managed, deps: [...own, ...inherited] };
}
