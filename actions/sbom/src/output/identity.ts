import { createHash, hash } from 'node:crypto';
import { exec } from '../../../../shared/exec';
import type { SbomGraph } from '../model/types';

/**
 * A digest of everything the SBOM says (root, components with hashes, licenses and scopes, edges),
 * so that the CycloneDX serial number and the SPDX namespace are the same for the same content and
 * different for different content, without a random UUID making every run differ.
 */
export function contentDigest(graph: SbomGraph): string {
  // One string hashed once: thousands of small update() calls cost more than the hashing.
  const parts: string[] = [`${graph.root.name}\0${graph.root.version}\0${graph.root.purl ?? ''}\n`];
  for (const c of graph.components) {
    let hashes = '';
    for (const h of c.hashes ?? []) hashes += `${hashes ? ',' : ''}${h.alg}:${h.value}`;
    parts.push(
      `${c.purl}\0${c.dev}\0${c.optional}\0${c.license?.expression ?? ''}\0${c.license?.source ?? ''}\0${c.downloadLocation ?? ''}\0${hashes}\n`,
    );
  }
  for (const [from, to] of graph.dependencies) parts.push(`${from}>${to.join(',')}\n`);
  return hash('sha256', parts.join(''), 'hex');
}

/** An RFC 4122 version-5-shaped UUID from a hex digest (name-based, so deterministic). */
export function uuidFrom(hex: string, salt: string): string {
  const bytes = createHash('sha1').update(`${salt}:${hex}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface Timestamp {
  iso: string;
  source: 'SOURCE_DATE_EPOCH' | 'git commit' | 'clock';
}

/**
 * The creation time written into both documents. Reproducible runs take SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) or the checked-out commit's time, so a rebuild of the same
 * commit yields the same bytes; only without either does the wall clock leak in.
 */
export async function creationTime(reproducible: boolean, dir: string): Promise<Timestamp> {
  if (reproducible) {
    const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
    if (epoch && /^\d+$/.test(epoch)) return { iso: iso(Number(epoch) * 1000), source: 'SOURCE_DATE_EPOCH' };
    const git = await exec('git', ['log', '-1', '--format=%ct'], {
      cwd: dir,
      quiet: true,
      ignoreReturnCode: true,
      timeoutMs: 10_000,
    }).catch(() => undefined);
    const seconds = git?.exitCode === 0 ? git.stdout.trim() : '';
    if (/^\d+$/.test(seconds)) return { iso: iso(Number(seconds) * 1000), source: 'git commit' };
  }
  return { iso: iso(Date.now()), source: 'clock' };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
