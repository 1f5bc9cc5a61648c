import type { EdgeKind, LockfileGraph } from '../model/types';
import {
  addDirect,
  addEdge,
  addPackage,
  fromIntegrity,
  isRecord,
  lineOf,
  malformed,
  newGraph,
  parseJson,
  str,
  unsupportedVersion,
} from './common';

/**
 * NuGet `packages.lock.json` (version 1 and 2, `dotnet restore --use-lock-file`): per target
 * framework (and runtime), each package with its type (Direct, Transitive, CentralTransitive or
 * Project), resolved version, contentHash (SHA-512 of the .nupkg) and its own dependencies. The
 * same package version under several frameworks is one component. `Project` entries are other
 * projects of the solution, not packages: their dependencies count as the project's own.
 */
export function parseNuget(text: string, file: string): LockfileGraph {
  const data = parseJson(text, file);
  if (!isRecord(data) || !isRecord(data.dependencies)) malformed(file, 'expected an object with "dependencies"', 1, 1);
  const version = Number(data.version);
  if (version !== 1 && version !== 2)
    unsupportedVersion(file, 'version', String(data.version), '1, 2 (NuGet 4.9 and later)', lineOf(text, '"version"'));
  const graph = newGraph('nuget', file, `version ${version}`);
  const key = (name: string, v: string): string => `${name.toLowerCase()}@${v.toLowerCase()}`;
  for (const [framework, entries] of Object.entries(data.dependencies)) {
    if (!isRecord(entries)) continue;
    // Within one framework, a name has one resolved version: what a dependency range resolved to.
    const resolved = new Map<string, string>();
    for (const [name, entry] of Object.entries(entries)) {
      if (!isRecord(entry)) continue;
      if (entry.type === 'Project') {
        resolved.set(name.toLowerCase(), `project:${name.toLowerCase()}`);
        continue;
      }
      const v = str(entry.resolved);
      if (!v) {
        graph.warnings.push({
          file,
          line: lineOf(text, `"${name}"`),
          message: `${file}: ${name} (${framework}) has no resolved version; left out`,
        });
        continue;
      }
      const id = key(name, v);
      resolved.set(name.toLowerCase(), id);
      addPackage(graph, id, {
        purlType: 'nuget',
        name,
        version: v,
        // contentHash is the base64 SHA-512 of the .nupkg, as nuget.org publishes it.
        hashes: fromIntegrity(typeof entry.contentHash === 'string' ? `sha512-${entry.contentHash}` : undefined),
        downloadLocation: `https://api.nuget.org/v3-flatcontainer/${name.toLowerCase()}/${v.toLowerCase()}/${name.toLowerCase()}.${v.toLowerCase()}.nupkg`,
      });
    }
    for (const [name, entry] of Object.entries(entries)) {
      if (!isRecord(entry)) continue;
      const from = resolved.get(name.toLowerCase());
      if (!from) continue;
      const project = from.startsWith('project:');
      if (entry.type === 'Direct') addDirect(graph, from, 'prod');
      for (const dep of Object.keys(isRecord(entry.dependencies) ? entry.dependencies : {})) {
        const to = resolved.get(dep.toLowerCase());
        if (!to || to.startsWith('project:')) continue;
        const kind: EdgeKind = 'prod';
        if (project) addDirect(graph, to, kind);
        else addEdge(graph, from, to, kind);
      }
    }
  }
  return graph;
}
