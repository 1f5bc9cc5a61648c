import { createHash, createHmac } from 'node:crypto';

/**
 * known_hosts as OpenSSH reads it: plain and hashed (|1|salt|hash) names, [host]:port for
 * non-default ports, comma lists, * ? patterns, !negation, @revoked. @cert-authority lines are
 * ignored (we do not do host certificates).
 */
interface Entry {
  patterns: string[];
  hashed?: { salt: Buffer; hash: Buffer };
  revoked: boolean;
  type: string;
  blob: Buffer;
  line: number;
}

export interface HostKeys {
  keys: { type: string; blob: Buffer }[];
  revoked: Buffer[];
}

export class KnownHosts {
  private readonly entries: Entry[] = [];

  constructor(text: string) {
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const fields = line.split(/\s+/);
      let revoked = false;
      if (fields[0]?.startsWith('@')) {
        const marker = fields.shift();
        if (marker === '@cert-authority') return;
        revoked = marker === '@revoked';
      }
      const [names, type, key] = fields;
      if (!names || !type || !key) return;
      const blob = Buffer.from(key, 'base64');
      if (names.startsWith('|1|')) {
        const [, , salt, hash] = names.split('|');
        if (!salt || !hash) return;
        this.entries.push({
          patterns: [],
          hashed: { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') },
          revoked,
          type,
          blob,
          line: index + 1,
        });
      } else {
        this.entries.push({ patterns: names.split(','), revoked, type, blob, line: index + 1 });
      }
    });
  }

  get size(): number {
    return this.entries.length;
  }

  lookup(host: string, port: number): HostKeys {
    const name = hostPattern(host, port);
    const result: HostKeys = { keys: [], revoked: [] };
    for (const e of this.entries) {
      if (!matches(e, name)) continue;
      if (e.revoked) result.revoked.push(e.blob);
      else result.keys.push({ type: e.type, blob: e.blob });
    }
    return result;
  }
}

export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function matches(entry: Entry, name: string): boolean {
  if (entry.hashed) {
    const digest = createHmac('sha1', entry.hashed.salt).update(name).digest();
    return digest.equals(entry.hashed.hash);
  }
  let matched = false;
  for (const pattern of entry.patterns) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    if (glob(body, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

function glob(pattern: string, text: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.toLowerCase() === text.toLowerCase();
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(text);
}

/** The algorithm name inside a public key blob (string length + name). */
export function keyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}

export function knownHostsLine(host: string, port: number, blob: Buffer): string {
  return `${hostPattern(host, port)} ${keyType(blob)} ${blob.toString('base64')}`;
}

/** SHA256:… fingerprint as OpenSSH prints it, for error messages. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The host-key algorithms to ask for, so the server presents the type we pinned. */
export function algorithmsFor(types: string[]): string[] {
  const out: string[] = [];
  for (const t of types) {
    if (t === 'ssh-rsa') out.push('rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa');
    else out.push(t);
  }
  return [...new Set(out)];
}
