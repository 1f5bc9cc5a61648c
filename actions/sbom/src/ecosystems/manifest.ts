import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isRecord } from './common';

type Entry = Record<string, unknown>;

/**
 * Read access to the files beside a lockfile (package.json, pyproject.toml, composer.json…),
 * relative to the lockfile's directory. Parsers use it for what the lockfile itself leaves out:
 * which dependencies are direct and which are dev-only.
 */
export interface ManifestReader {
  (relative: string): Entry | undefined;
  text(relative: string): string | undefined;
  dirs(relative: string): string[];
  /** The lockfile's directory, absolute, with forward slashes. */
  path?: string;
}

export function manifestReader(dir: string): ManifestReader {
  const text = (relative: string): string | undefined => {
    try {
      return readFileSync(join(dir, relative), 'utf8');
    } catch {
      return undefined;
    }
  };
  const json = ((relative: string): Entry | undefined => {
    const body = text(relative);
    if (body === undefined) return undefined;
    try {
      const data = JSON.parse(body) as unknown;
      return isRecord(data) ? data : undefined;
    } catch {
      // A broken manifest beside a good lockfile: the lockfile still describes what is installed.
      return undefined;
    }
  }) as ManifestReader;
  json.text = text;
  json.path = dir.split(sep).join('/');
  json.dirs = (relative: string): string[] => {
    try {
      return readdirSync(join(dir, relative), { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== 'node_modules' && !d.name.startsWith('.'))
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  };
  return json;
}
