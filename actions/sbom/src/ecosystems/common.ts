import { ConfigurationError } from '../../../../shared/errors';
import type { Ecosystem, EdgeKind, Hash, HashAlgorithm, LockfileGraph, PackageRecord } from '../model/types';

export function newGraph(ecosystem: Ecosystem, file: string, format: string): LockfileGraph {
  return { ecosystem, file, format, packages: new Map(), edges: new Map(), direct: new Map(), warnings: [] };
}

export function addPackage(graph: LockfileGraph, id: string, record: PackageRecord): void {
  if (!graph.packages.has(id)) graph.packages.set(id, record);
}

/** Adds an edge; a stronger kind wins when the lockfile lists the same pair twice (prod beats optional beats dev). */
export function addEdge(graph: LockfileGraph, from: string, to: string, kind: EdgeKind): void {
  let out = graph.edges.get(from);
  if (!out) {
    out = new Map();
    graph.edges.set(from, out);
  }
  const had = out.get(to);
  if (!had || RANK[kind] < RANK[had]) out.set(to, kind);
}

export function addDirect(graph: LockfileGraph, to: string, kind: EdgeKind): void {
  const had = graph.direct.get(to);
  if (!had || RANK[kind] < RANK[had]) graph.direct.set(to, kind);
}

const RANK: Record<EdgeKind, number> = { prod: 0, peer: 1, optional: 2, dev: 3 };

/** Without a manifest saying what the project needs, the graph's roots are what nothing else depends on. */
export function directFromRoots(graph: LockfileGraph): void {
  if (graph.direct.size > 0) return;
  const targeted = new Set<string>();
  for (const out of graph.edges.values()) for (const to of out.keys()) targeted.add(to);
  for (const [id, record] of graph.packages) {
    if (!targeted.has(id)) graph.direct.set(id, record.dev ? 'dev' : record.optional ? 'optional' : 'prod');
  }
}

/** 1-based line and column of a character offset. */
export function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Line (1-based) at which `needle` first occurs, for pointing a warning at a lockfile entry. */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at === -1 ? undefined : position(text, at).line;
}

/** JSON.parse with the failure turned into a ConfigurationError naming file, line and column. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc
      ? { line: Number(lc[1]), col: Number(lc[2]) }
      : pos
        ? position(text, Number(pos[1]))
        : position(text, text.length);
    throw new ConfigurationError(
      `${file}:${where.line}:${where.col}: not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`,
      { file, ...where },
    );
  }
}

export function unsupportedVersion(file: string, what: string, found: string, supported: string, line?: number): never {
  throw new ConfigurationError(
    `${file}: unsupported ${what} ${found}; supported: ${supported}. Regenerate the lockfile with a supported tool version.`,
    { file, line, col: line ? 1 : undefined },
  );
}

export function malformed(file: string, message: string, line?: number, col?: number): never {
  const where = line ? `:${line}${col ? `:${col}` : ''}` : '';
  throw new ConfigurationError(`${file}${where}: ${message}`, { file, line, col: line ? (col ?? 1) : undefined });
}

const SRI: Record<string, HashAlgorithm> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** Hex digits of each algorithm's digest: a value of any other length is not that algorithm's hash. */
export const HEX_LENGTH: Record<HashAlgorithm, number> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128,
};

/** Whether a hash is what its algorithm produces; `checkHashes` drops (and reports) the rest. */
export function wellFormed(hash: Hash): boolean {
  return hash.value.length === HEX_LENGTH[hash.alg] && /^[0-9a-f]+$/.test(hash.value);
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Subresource-integrity strings (`sha512-<base64> sha1-<base64>`) as hex hashes. A part that is not
 * base64 comes back with an empty value and its raw text, for `checkHashes` to report and drop.
 */
export function fromIntegrity(integrity: unknown): Hash[] {
  if (typeof integrity !== 'string') return [];
  const hashes: Hash[] = [];
  for (const part of integrity.trim().split(/\s+/)) {
    const dash = part.indexOf('-');
    const alg = SRI[part.slice(0, dash).toLowerCase()];
    if (!alg) continue;
    const encoded = part.slice(dash + 1);
    const value = BASE64.test(encoded) ? Buffer.from(encoded, 'base64').toString('hex') : '';
    hashes.push(wellFormedOrRaw({ alg, value }, part));
  }
  return hashes;
}

function wellFormedOrRaw(hash: Hash, raw: string): Hash {
  return wellFormed(hash) ? hash : { ...hash, raw };
}

/** A hex digest as a lockfile wrote it; kept raw when malformed, for `checkHashes` to report. */
export function hexHash(alg: HashAlgorithm, text: string): Hash {
  return wellFormedOrRaw({ alg, value: text.toLowerCase() }, text);
}

/**
 * Drops every malformed hash a parser kept, with a warning naming the file, the line the hash is
 * written on and the package: one bad entry costs that entry's checksum, never the run.
 */
export function checkHashes(graph: LockfileGraph, text: string, file: string): void {
  for (const record of graph.packages.values()) {
    if (!record.hashes || record.hashes.every(wellFormed)) continue;
    const kept: Hash[] = [];
    for (const hash of record.hashes) {
      if (wellFormed(hash)) {
        kept.push(hash);
        continue;
      }
      const raw = hash.raw ?? hash.value;
      const line = (raw ? lineOf(text, raw) : undefined) ?? lineOf(text, record.name);
      const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
      graph.warnings.push({
        file,
        line,
        col: line ? 1 : undefined,
        message: `${file}${line ? `:${line}` : ''}: ${record.name}@${record.version ?? '?'} has a malformed ${hash.alg} hash ${JSON.stringify(shown)} (expected ${HEX_LENGTH[hash.alg]} hex digits); the checksum is left out`,
      });
    }
    record.hashes = kept;
  }
}

/** A `<alg>:<hex>` pair as used by Python and Cargo tooling; a malformed value is kept raw for `checkHashes`. */
export function fromPrefixed(text: unknown): Hash | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(sha256|sha384|sha512|sha1|md5)[:=](.*)$/i.exec(text.trim());
  if (!m) return undefined;
  const algs: Record<string, HashAlgorithm> = {
    sha256: 'SHA-256',
    sha384: 'SHA-384',
    sha512: 'SHA-512',
    sha1: 'SHA-1',
    md5: 'MD5',
  };
  return wellFormedOrRaw(
    { alg: algs[(m[1] as string).toLowerCase()] as HashAlgorithm, value: (m[2] as string).toLowerCase() },
    text.trim(),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** http(s) and git URLs only; `file:` and relative paths are not download locations. */
export function downloadUrl(value: unknown): string | undefined {
  const url = str(value);
  if (!url) return undefined;
  return /^(https?|git\+https?|git\+ssh|git|ssh):\/\//.test(url) ? url : undefined;
}
