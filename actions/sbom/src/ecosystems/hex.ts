import type { LockfileGraph, PackageRecord } from '../model/types';
import { addDirect, addEdge, addPackage, directFromRoots, hexHash, malformed, newGraph, position } from './common';
import type { ManifestReader } from './manifest';

/** An Elixir term as mix.lock writes it: maps, tuples, lists, strings, atoms, keywords, numbers. */
type Term = string | number | boolean | null | { atom: string } | Term[] | { tuple: Term[] } | Map<string, Term>;

/**
 * Elixir `mix.lock`: a map from app name to `{:hex, :name, "version", "inner", [managers],
 * [{:dep, "req", [hex: :dep, repo: "hexpm", optional: bool]}], "repo", "outer"}` or
 * `{:git, "url", "sha", opts}`. Read with a small reader for the literal subset mix writes
 * (never evaluated). Hex packages are `pkg:hex/<name>@<version>` (a private organisation's repo
 * `hexpm:org` becomes the namespace); git dependencies are `pkg:github/...` or `pkg:generic/...`.
 */
export function parseMixLock(text: string, file: string, manifests: ManifestReader): LockfileGraph {
  const root = readTerm(text, file);
  if (!(root instanceof Map)) malformed(file, 'expected %{...} at the top', 1, 1);
  const graph = newGraph('hex', file, 'mix.lock');
  const deps = new Map<string, Term[]>();
  for (const [app, value] of root) {
    const t = value && typeof value === 'object' && 'tuple' in value ? value.tuple : undefined;
    const kind = t && atom(t[0]);
    if (kind === 'hex' && t) {
      const name = atom(t[1]) ?? app;
      const version = typeof t[2] === 'string' ? t[2] : '';
      const repo = typeof t[6] === 'string' ? t[6] : 'hexpm';
      const outer = typeof t[7] === 'string' ? t[7] : undefined;
      const record: PackageRecord = {
        purlType: 'hex',
        namespace: repo.startsWith('hexpm:') ? repo.slice('hexpm:'.length) : undefined,
        name,
        version,
        // The outer checksum is the SHA-256 of the package tarball (what `mix hex.audit` checks).
        hashes: outer ? [hexHash('SHA-256', outer)] : [],
        downloadLocation: repo === 'hexpm' ? `https://repo.hex.pm/tarballs/${name}-${version}.tar` : undefined,
      };
      addPackage(graph, app, record);
      deps.set(app, Array.isArray(t[5]) ? t[5] : []);
    } else if (kind === 'git' && t) {
      const url = typeof t[1] === 'string' ? t[1] : '';
      const sha = typeof t[2] === 'string' ? t[2] : '';
      const gh = /github\.com[/:]([^/]+)\/(.+?)(?:\.git)?$/.exec(url);
      addPackage(graph, app, {
        purlType: gh ? 'github' : 'generic',
        namespace: gh?.[1],
        name: gh ? (gh[2] as string) : app,
        version: sha,
        qualifiers: gh ? undefined : { vcs_url: `git+${url}@${sha}` },
        downloadLocation: /^https?:\/\//.test(url) ? url : undefined,
      });
    } else {
      graph.warnings.push({
        file,
        line: lineAt(text, `"${app}"`),
        message: `${file}: ${app} is a ${kind ?? 'non-tuple'} dependency this reader does not know; left out`,
      });
    }
  }
  for (const [app, list] of deps) {
    for (const dep of list) {
      const t = dep && typeof dep === 'object' && 'tuple' in dep ? dep.tuple : undefined;
      const name = t && atom(t[0]);
      if (!name || !graph.packages.has(name)) continue;
      const opts = Array.isArray(t[2]) ? t[2] : [];
      const optional = opts.some(
        (o) => o && typeof o === 'object' && 'tuple' in o && atom(o.tuple[0]) === 'optional' && o.tuple[1] === true,
      );
      addEdge(graph, app, name, optional ? 'optional' : 'prod');
    }
  }
  // mix.exs `deps` names the direct ones (`{:jason, "~> 1.0", only: :test}` is dev).
  const mixExs = manifests.text('mix.exs');
  if (mixExs) {
    for (const m of mixExs.matchAll(/\{\s*:([a-z0-9_]+)\s*,([^}]*)\}/g)) {
      const app = m[1] as string;
      if (!graph.packages.has(app)) continue;
      const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(m[2] as string)?.[1] ?? '';
      addDirect(graph, app, only && !/:prod\b/.test(only) ? 'dev' : 'prod');
    }
    graph.projectName = /app:\s*:([a-z0-9_]+)/.exec(mixExs)?.[1];
    graph.projectVersion = /version:\s*"([^"]+)"/.exec(mixExs)?.[1];
  }
  directFromRoots(graph);
  return graph;
}

function atom(t: Term | undefined): string | undefined {
  return t && typeof t === 'object' && 'atom' in t ? t.atom : undefined;
}

function lineAt(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at === -1 ? undefined : position(text, at).line;
}

/** Reads the literal Elixir subset mix.lock uses; anything else is a positioned error. */
export function readTerm(text: string, file: string): Term {
  let i = 0;
  const fail = (what: string): never => {
    const { line, col } = position(text, i);
    malformed(file, `${what} in Elixir term`, line, col);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else if (/\s/.test(c)) i++;
      else break;
    }
  };
  const str = (): string => {
    i++;
    let out = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      out += text[i++];
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return out;
  };
  const seq = (close: string): Term[] => {
    const items: Term[] = [];
    ws();
    while (text[i] !== close) {
      // `key: value` keyword pairs become {key, value} tuples, as Elixir reads them.
      const kw = /^([a-z_][a-zA-Z0-9_?!]*):\s/.exec(text.slice(i, i + 64));
      if (kw) {
        i += (kw[1] as string).length + 1;
        items.push({ tuple: [{ atom: kw[1] as string }, value()] });
      } else items.push(value());
      ws();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail(`expected "," or "${close}"`);
      ws();
    }
    i++;
    return items;
  };
  const value = (): Term => {
    ws();
    const c = text[i];
    if (c === '"') return str();
    if (c === '[') {
      i++;
      return seq(']');
    }
    if (c === '{') {
      i++;
      return { tuple: seq('}') };
    }
    if (c === '%' && text[i + 1] === '{') {
      i += 2;
      const map = new Map<string, Term>();
      ws();
      while (text[i] !== '}') {
        let key: string;
        if (text[i] === '"') {
          key = str();
          ws();
          if (text[i] === ':') i++;
          else if (text.startsWith('=>', i)) i += 2;
          else fail('expected ":" or "=>" after a map key');
        } else {
          const m = /^([a-z_][a-zA-Z0-9_]*):/.exec(text.slice(i, i + 64));
          if (!m) fail('expected a map key');
          key = (m as RegExpExecArray)[1] as string;
          i += key.length + 1;
        }
        map.set(key, value());
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return map;
    }
    if (c === ':') {
      const m = /^:("?)([^\s,\]}"]+)\1/.exec(text.slice(i, i + 256));
      if (!m) fail('bad atom');
      i += (m as RegExpExecArray)[0].length;
      return { atom: (m as RegExpExecArray)[2] as string };
    }
    const word = /^(true|false|nil|-?\d+(?:\.\d+)?)/.exec(text.slice(i, i + 64));
    if (word) {
      i += (word[1] as string).length;
      const w = word[1] as string;
      return w === 'true' ? true : w === 'false' ? false : w === 'nil' ? null : Number(w);
    }
    return fail(`unexpected ${c === undefined ? 'end of file' : JSON.stringify(c)}`);
  };
  const result = value();
  ws();
  if (i < text.length) fail('trailing text');
  return result;
}
