import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Minimatch } from 'minimatch';
import { ConfigurationError } from '../../../shared';
import { fsError } from './fs-errors';
import { relativePath } from './methods/output';
import { Inputs } from './names';

/** Extensions this action writes: a wildcard that picks them up again is not asking to sign signatures. */
const OWN_OUTPUTS = /(\.sig|\.sigstore\.json|\.p7s|\.asc|\.intoto\.jsonl|(^|\/)verify\.sh)$/;

export interface Target {
  /** Absolute path. */
  path: string;
  /** Path relative to the workspace, as shown to the user. */
  display: string;
}

/**
 * Expands the `files` globs. Every positive pattern must match at least one regular file:
 * a typo in a release path must fail the step, not sign nothing and pass.
 */
export async function resolveFiles(patterns: readonly string[], workspace: string): Promise<Target[]> {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => new Minimatch(p.slice(1), { dot: true }));
  if (include.length === 0) {
    throw new ConfigurationError(`Input ${Inputs.files} has only exclusions (!pattern); add a pattern to sign`, {
      input: Inputs.files,
    });
  }
  const found = new Map<string, Target>();
  for (const pattern of include) {
    const literal = !/[*?[\]{}]/.test(pattern);
    let matched = 0;
    for (const entry of await expand(pattern, workspace)) {
      if (exclude.some((x) => x.match(entry))) continue;
      const path = resolve(workspace, entry);
      const info = statOrUndefined(path);
      if (literal && info?.isDirectory()) {
        throw new ConfigurationError(
          `Input ${Inputs.files}: ${entry} is a directory, not a file; write "${entry.replace(/\/+$/, '')}/**" to sign the files in it`,
          { input: Inputs.files },
        );
      }
      if (!info?.isFile()) continue;
      if (!literal && OWN_OUTPUTS.test(entry)) continue;
      // An unreadable file is found now, naming it, not as a failed read halfway through signing.
      // stat and access are synchronous: a few microseconds each, where a round trip through the
      // thread pool per file cost more than the call itself (1,000 files, bench/sign).
      try {
        accessSync(path, constants.R_OK);
      } catch (error) {
        throw fsError(error, `read ${Inputs.files} entry`, entry, Inputs.files);
      }
      matched++;
      found.set(path, { path, display: relativePath(workspace, path) || path });
    }
    if (matched === 0) {
      throw new ConfigurationError(
        `Input ${Inputs.files}: pattern "${pattern}" matched no file under ${workspace}${literal ? ' (no such file)' : ''}`,
        { input: Inputs.files },
      );
    }
  }
  return [...found.values()].sort((a, b) => a.display.localeCompare(b.display));
}

/** What stat says about a path, or undefined when it cannot say (missing, dangling link, no permission). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Walks only below the pattern's literal prefix (`dist/` for `dist/**\/*.tgz`), so a pattern never
 * scans the whole workspace. minimatch gives the same semantics as actions/glob; `.git` is skipped.
 */
async function expand(pattern: string, workspace: string): Promise<string[]> {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const mm = new Minimatch(normalized, { dot: false });
  if (!mm.hasMagic()) return [normalized];
  const parts = normalized.split('/');
  const literal: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (new Minimatch(part).hasMagic()) break;
    literal.push(part);
  }
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(workspace, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || (entry.name === 'node_modules' && !normalized.includes('node_modules'))) continue;
        if (mm.match(child, true)) await walk(child);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && mm.match(child)) {
        out.push(child);
      }
    }
  };
  await walk(literal.join('/'));
  return out;
}
