import { minimatch } from 'minimatch';
import { isRecord } from './common';
import type { ManifestReader } from './manifest';

type Entry = Record<string, unknown>;

/** Expands package.json `workspaces` (an array, or `{packages: [...]}`) into directories. */
export function workspaceDirs(manifest: Entry, reader: ManifestReader): string[] {
  const spec = manifest.workspaces;
  const patterns = Array.isArray(spec) ? spec : isRecord(spec) && Array.isArray(spec.packages) ? spec.packages : [];
  const dirs = new Set<string>();
  for (const pattern of patterns) {
    if (typeof pattern !== 'string') continue;
    for (const dir of expand(pattern.replace(/^\.\//, '').replace(/\/$/, ''), reader)) dirs.add(dir);
  }
  return [...dirs].sort();
}

function expand(pattern: string, reader: ManifestReader): string[] {
  let current = [''];
  for (const segment of pattern.split('/')) {
    const next: string[] = [];
    for (const base of current) {
      if (!/[*?[{]/.test(segment)) next.push(base ? `${base}/${segment}` : segment);
      else
        for (const name of reader.dirs(base || '.'))
          if (minimatch(name, segment === '**' ? '*' : segment)) next.push(base ? `${base}/${name}` : name);
    }
    current = next;
  }
  return current.filter((dir) => reader(`${dir}/package.json`) !== undefined);
}
