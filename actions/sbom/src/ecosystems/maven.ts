import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EdgeKind, LockfileGraph } from '../model/types';
import { addDirect, addPackage, isRecord, lineOf, malformed, newGraph } from './common';

type Entry = Record<string, unknown>;

/**
 * Maven `pom.xml`: the declared dependencies, with `${properties}` and `dependencyManagement`
 * versions resolved. Without running Maven there is no transitive graph, so every dependency is
 * a direct one; a version that only a parent POM or imported BOM could supply is reported, not guessed.
 */
export function parsePom(text: string, file: string): LockfileGraph {
  const valid = XMLValidator.validate(text);
  if (valid !== true) malformed(file, `not valid XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'dependency',
  });
  const doc = parser.parse(text) as Entry;
  const project = isRecord(doc.project) ? doc.project : undefined;
  if (!project) malformed(file, 'expected a <project> root element', 1, 1);
  const graph = newGraph('maven', file, `modelVersion ${String(project.modelVersion ?? '4.0.0')}`);
  const parent = isRecord(project.parent) ? project.parent : {};
  const props = new Map<string, string>();
  const own = (key: string): string | undefined =>
    typeof project[key] === 'string' ? (project[key] as string) : undefined;
  const groupId = own('groupId') ?? (typeof parent.groupId === 'string' ? parent.groupId : undefined);
  const version = own('version') ?? (typeof parent.version === 'string' ? parent.version : undefined);
  for (const [key, value] of [
    ['project.groupId', groupId],
    ['project.artifactId', own('artifactId')],
    ['project.version', version],
    ['pom.version', version],
    ['version', version],
    ['project.parent.version', typeof parent.version === 'string' ? parent.version : undefined],
    ['project.parent.groupId', typeof parent.groupId === 'string' ? parent.groupId : undefined],
  ] as const)
    if (value) props.set(key, value);
  if (isRecord(project.properties))
    for (const [key, value] of Object.entries(project.properties)) if (typeof value === 'string') props.set(key, value);
  const resolve = (value: unknown): string | undefined => {
    if (typeof value !== 'string') return undefined;
    let out = value;
    for (let i = 0; i < 10 && out.includes('${'); i++)
      out = out.replace(/\$\{([^}]+)\}/g, (m, key: string) => props.get(key) ?? m);
    return out;
  };
  graph.projectName = own('artifactId');
  graph.projectVersion = resolve(version);

  const managed = new Map<string, string>();
  const management =
    isRecord(project.dependencyManagement) && isRecord(project.dependencyManagement.dependencies)
      ? project.dependencyManagement.dependencies
      : {};
  for (const dep of Array.isArray(management.dependency) ? management.dependency : []) {
    if (!isRecord(dep)) continue;
    const v = resolve(dep.version);
    if (v) managed.set(`${resolve(dep.groupId)}:${resolve(dep.artifactId)}`, v);
  }
  const deps =
    isRecord(project.dependencies) && Array.isArray(project.dependencies.dependency)
      ? project.dependencies.dependency
      : [];
  for (const dep of deps) {
    if (!isRecord(dep)) continue;
    const g = resolve(dep.groupId);
    const a = resolve(dep.artifactId);
    if (!g || !a) malformed(file, 'a <dependency> without groupId or artifactId', lineOf(text, '<dependency>'));
    const v = resolve(dep.version) ?? managed.get(`${g}:${a}`);
    if (!v || v.includes('${')) {
      graph.warnings.push({
        file,
        line: lineOf(text, `<artifactId>${a}</artifactId>`),
        message: `${g}:${a} has ${v ? `an unresolved version ${v}` : 'no version'} (set by a parent POM or BOM?); left out`,
      });
      continue;
    }
    const scope = resolve(dep.scope) ?? 'compile';
    const type = resolve(dep.type);
    const classifier = resolve(dep.classifier);
    const qualifiers: Record<string, string> = {};
    if (type && type !== 'jar') qualifiers.type = type;
    if (classifier) qualifiers.classifier = classifier;
    const id = `${g}:${a}:${v}:${classifier ?? ''}`;
    addPackage(graph, id, {
      purlType: 'maven',
      namespace: g,
      name: a,
      version: v,
      qualifiers,
      downloadLocation: `https://repo.maven.apache.org/maven2/${g.replace(/\./g, '/')}/${a}/${v}/${a}-${v}${classifier ? `-${classifier}` : ''}.${type && type !== 'bundle' ? type : 'jar'}`,
    });
    const kind: EdgeKind =
      scope === 'test'
        ? 'dev'
        : resolve(dep.optional) === 'true' || scope === 'provided' || scope === 'system'
          ? 'optional'
          : 'prod';
    addDirect(graph, id, kind);
  }
  return graph;
}

/** Gradle dependency locking (`gradle.lockfile`): `group:artifact:version=configurations`. */
export function parseGradleLock(text: string, file: string): LockfileGraph {
  const graph = newGraph('gradle', file, 'gradle.lockfile');
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#') || line.startsWith('empty=')) continue;
    const m = /^([^:\s]+):([^:\s]+):([^=\s]+)=(.*)$/.exec(line);
    if (!m) malformed(file, `expected "group:artifact:version=configurations", got "${line.slice(0, 80)}"`, i + 1, 1);
    const [, g, a, v, confs] = m as unknown as [string, string, string, string, string];
    const configurations = confs.split(',').filter(Boolean);
    const testOnly = configurations.length > 0 && configurations.every((c) => /^test|Test/.test(c));
    const id = `${g}:${a}:${v}`;
    addPackage(graph, id, {
      purlType: 'maven',
      namespace: g,
      name: a,
      version: v,
      downloadLocation: `https://repo.maven.apache.org/maven2/${g.replace(/\./g, '/')}/${a}/${v}/${a}-${v}.jar`,
    });
    // The lockfile is the resolved classpath, flat: each entry is something the build resolves.
    addDirect(graph, id, testOnly ? 'dev' : 'prod');
  }
  return graph;
}
