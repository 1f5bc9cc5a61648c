import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { ConfigurationError } from '../../../../shared/errors';
import { closest } from '../../../../shared/suggest';
import { insideWorkspace, keyLoc, loadYamlFile, locOf, mapKeys, type SourceFile, valueNode } from './load';
import { fail, parseTaskList, type SchemaContext, varsOf } from './schema';
import type { Loc } from './types';

/**
 * Includes are the runbook's roles: a task file with its own defaults, pulled in by
 * `include: file.yml` with `vars`. We expand them at load time, so a cycle, a missing file or
 * a path outside the workspace is an error before anything runs, not halfway through a deploy.
 */
export interface LoadState {
  workspace: string;
  /** Include chain from the runbook to the file being read, for cycle errors. */
  stack: string[];
  files: Set<string>;
}

export function schemaContext(source: SourceFile, state: LoadState): SchemaContext {
  const dir = dirname(source.file);
  return {
    source,
    include(path: string, loc: Loc, parentId: string, inherited: string[]) {
      const full = realInside(
        insideWorkspace(path, dir, state.workspace, loc, 'include'),
        state.workspace,
        loc,
        'include',
      );
      if (!existsSync(full))
        throw new ConfigurationError(`The included file "${path}" does not exist (looked for ${full})`, loc);
      const cycle = state.stack.indexOf(full);
      if (cycle !== -1) {
        const chain = [...state.stack.slice(cycle), full].map((f) => f.slice(state.workspace.length + 1) || f);
        throw new ConfigurationError(`Include cycle: ${chain.join(' → ')}`, loc);
      }
      const child = loadYamlFile(full, state.workspace, 'included file');
      state.files.add(full);
      state.stack.push(full);
      try {
        return parseIncludedFile(child, state, parentId, inherited);
      } finally {
        state.stack.pop();
      }
    },
    resolveUses(spec: string, loc: Loc) {
      if (/^(\.{1,2}\/|\/)/.test(spec)) {
        const full = realInside(
          insideWorkspace(spec, dir, state.workspace, loc, 'module'),
          state.workspace,
          loc,
          'module',
        );
        if (!existsSync(full))
          throw new ConfigurationError(`The module "${spec}" does not exist (looked for ${full})`, loc);
        return full;
      }
      if (!/^(@[\w.-]+\/)?[\w.-]+(\/[\w./-]+)?$/.test(spec)) {
        throw new ConfigurationError(`uses "${spec}" is neither a path (./modules/x.js) nor an npm package name`, loc);
      }
      try {
        return createRequire(join(state.workspace, 'package.json')).resolve(spec);
      } catch {
        throw new ConfigurationError(
          `The module package "${spec}" is not installed in the workspace (run npm install ${spec} before this step)`,
          loc,
        );
      }
    },
  };
}

function parseIncludedFile(source: SourceFile, state: LoadState, parentId: string, inherited: string[]) {
  const root = source.doc.contents;
  const ctx = schemaContext(source, state);
  if (isSeq(root)) return { tasks: parseTaskList(ctx, root, parentId, inherited, source.display) };
  if (isMap(root)) {
    for (const key of mapKeys(root)) {
      if (key !== 'tasks' && key !== 'vars') {
        const guess = closest(key, ['tasks', 'vars']);
        fail(
          `An included file holds "tasks" and "vars"; "${key}" is not allowed here${guess ? ` (did you mean "${guess}"?)` : ''}`,
          keyLoc(source, root, key),
        );
      }
    }
    return {
      tasks: parseTaskList(ctx, valueNode(root, 'tasks'), parentId, inherited, source.display),
      vars: varsOf(source, root, source.display),
    };
  }
  if (root && isScalar(root) && root.value === null) return { tasks: [] };
  fail(
    'An included file must be a list of tasks, or a mapping with "tasks" (and optional "vars")',
    locOf(source, root),
  );
}

/** Symlinks must not smuggle a path out of the workspace either. */
export function realInside(full: string, workspace: string, loc: Loc, what: string): string {
  if (!existsSync(full)) return full;
  const real = realpathSync(full);
  const realWorkspace = realpathSync(workspace);
  if (real !== realWorkspace && !real.startsWith(`${realWorkspace}/`)) {
    throw new ConfigurationError(`The ${what} "${full}" is a link to ${real}, outside the workspace`, loc);
  }
  return full;
}
