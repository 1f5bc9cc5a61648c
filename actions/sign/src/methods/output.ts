import { relative, sep } from 'node:path';
import { shellQuote } from '../../../../shared/exec';

/** A path as written inside verify.sh: relative to the script, POSIX separators, shell-quoted. */
export function scriptPath(dir: string, path: string): string {
  const rel = relative(dir, path).split(sep).join('/');
  return shellQuote(rel);
}

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export function splitPem(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => `${m[0]}\n`);
}
