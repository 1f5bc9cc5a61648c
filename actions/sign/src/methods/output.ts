import { isAbsolute, normalize, relative, sep } from 'node:path';
import { shellQuote } from '../../../../shared/exec';

/** A path as written inside verify.sh: relative to the script, POSIX separators, shell-quoted. */
export function scriptPath(dir: string, path: string): string {
  const rel = relativePath(dir, path).split(sep).join('/');
  return shellQuote(rel);
}

/** Directories already known to be absolute and normalized (the few a run writes to). */
const normalizedDirs = new Map<string, boolean>();
/** A `.` or `..` segment, an empty segment, a leading or trailing separator: left to path.relative. */
const UNUSUAL = /^\/|(^|\/)\.\.?(\/|$)|\/\/|\/$/;

/**
 * path.relative(from, to), with the common case cut short: `to` below `from`, both absolute and
 * normalized, is the rest of `to` after `from/`. path.relative resolves both paths on every call,
 * and a run over 1,000 files asks for a relative path about 6,000 times (log, outputs, summary,
 * verify.sh). Anything else (another branch, `..`, Windows paths) goes to path.relative.
 */
export function relativePath(from: string, to: string): string {
  if (sep === '/' && to.startsWith(from)) {
    let normal = normalizedDirs.get(from);
    if (normal === undefined) {
      normal = isAbsolute(from) && normalize(from) === from && (from === '/' || !from.endsWith('/'));
      normalizedDirs.set(from, normal);
    }
    const start = from === '/' ? 1 : from.length + 1;
    if (normal && (from === '/' || to[from.length] === '/')) {
      const rest = to.slice(start);
      if (rest !== '' && !UNUSUAL.test(rest)) return rest;
    }
  }
  return relative(from, to);
}

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END)[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

export function splitPem(text: string, label: string): string[] {
  const re = new RegExp(`-----BEGIN ${label}-----[\\s\\S]*?-----END ${label}-----`, 'g');
  return [...text.matchAll(re)].map((m) => `${m[0]}\n`);
}
