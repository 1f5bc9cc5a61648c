import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Document, LineCounter, Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { ConfigurationError } from '../../../../shared/errors';
import { parseYaml } from '../../../../shared/yaml';
import type { Loc } from './types';

/**
 * A YAML file kept with its positions, so every later error can name file, line and column.
 * shared/yaml.ts keeps each node's offset; we never use the position-less `parse`.
 */
export interface SourceFile {
  file: string;
  /** Path as shown to the user (relative to the workspace). */
  display: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export function loadYamlFile(path: string, workspace: string, what = 'runbook'): SourceFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigurationError(
      code === 'ENOENT'
        ? `The ${what} ${displayPath(path, workspace)} does not exist`
        : `Cannot read the ${what} ${path}: ${code}`,
    );
  }
  return parseYamlText(text, path, workspace);
}

export function parseYamlText(text: string, path: string, workspace: string): SourceFile {
  const display = displayPath(path, workspace);
  const { doc, lines } = parseYaml(text, { what: display, file: display });
  return { file: path, display, doc, lines };
}

export function displayPath(path: string, workspace: string): string {
  const rel = relative(workspace, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function locOf(source: SourceFile, node: Node | null | undefined): Loc {
  const offset = node?.range?.[0] ?? 0;
  const pos = source.lines.linePos(offset);
  return { file: source.display, line: pos.line, col: pos.col };
}

/** The key node of `key` in a map, for errors about that key. */
export function keyLoc(source: SourceFile, map: YAMLMap, key: string): Loc {
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return locOf(source, (pair?.key as Node | undefined) ?? map);
}

export function valueNode(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.value as Node | null | undefined) ?? undefined;
}

export function mapKeys(map: YAMLMap): string[] {
  return map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
}

export function toJS(node: Node | undefined): unknown {
  return node === undefined ? undefined : node.toJSON();
}

export { isMap, isScalar, isSeq };

/**
 * Resolves a path the runbook names (template source, include, module) against the file that
 * names it, and refuses anything outside the workspace: a runbook from a pull request must not
 * read the runner's own files (~/.ssh, /etc) into a template that is then copied to a host.
 */
export function insideWorkspace(path: string, fromDir: string, workspace: string, loc: Loc, what: string): string {
  const full = resolve(fromDir, path);
  const rel = relative(workspace, full);
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new ConfigurationError(
      `The ${what} "${path}" resolves to ${full}, outside the workspace ${workspace}; runbooks may only read files inside the workspace`,
      loc,
    );
  }
  return full;
}
