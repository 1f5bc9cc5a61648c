import { dirname, resolve } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { closest } from '../../../../shared/suggest';
import { schemaContext } from './include';
import { keyLoc, loadYamlFile, locOf, mapKeys, valueNode } from './load';
import { fail, parseTaskList, RUNBOOK_KEYS, varsOf } from './schema';
import { type Runbook, subtasks } from './types';

/** Reads and validates a runbook and everything it includes. Throws ConfigurationError with file/line/col. */
export function loadRunbook(path: string, workspace: string): Runbook {
  const file = resolve(workspace, path);
  const source = loadYamlFile(file, workspace);
  const root = source.doc.contents;
  // The paper's runbooks are a bare list of tasks; accept that as well as the full mapping.
  const state = { workspace, stack: [file], files: new Set([file]) };
  const ctx = schemaContext(source, state);
  if (root && !isMap(root)) {
    const tasks = parseTaskList(ctx, root, '', [], 'tasks');
    return {
      file,
      dir: dirname(file),
      name: source.display,
      become: false,
      vars: {},
      tasks,
      handlers: [],
      files: [...state.files],
    };
  }
  if (!root) fail('The runbook is empty; it needs "tasks"', { file: source.display, line: 1, col: 1 });
  for (const key of mapKeys(root)) {
    if (!(RUNBOOK_KEYS as readonly string[]).includes(key)) {
      const guess = closest(key, RUNBOOK_KEYS);
      fail(
        `Unknown runbook key "${key}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${RUNBOOK_KEYS.join(', ')})`,
        keyLoc(source, root, key),
      );
    }
  }
  const scalar = (key: string): string | undefined => {
    const v = valueNode(root, key);
    if (v === undefined) return undefined;
    if (!isScalar(v) || typeof v.value === 'object') fail(`"${key}" must be text`, locOf(source, v));
    return String(v.value);
  };
  const flag = (key: string): boolean | undefined => {
    const v = valueNode(root, key);
    if (v === undefined) return undefined;
    if (!(isScalar(v) && typeof v.value === 'boolean')) fail(`"${key}" must be true or false`, locOf(source, v));
    return v.value as boolean;
  };
  const becomeNode = valueNode(root, 'become');
  flag('become');
  const tasksNode = valueNode(root, 'tasks');
  if (!tasksNode) fail('The runbook has no "tasks"', locOf(source, root));
  const tasks = parseTaskList(ctx, tasksNode, '', [], 'tasks');
  const handlers = parseTaskList(ctx, valueNode(root, 'handlers'), '', [], 'handlers');
  const hostsNode = valueNode(root, 'hosts');
  const runbook: Runbook = {
    file,
    dir: dirname(file),
    name: scalar('name') ?? source.display,
    description: scalar('description'),
    hosts: hostsNode ? { pattern: scalar('hosts') as string, loc: locOf(source, hostsNode) } : undefined,
    become: becomeNode ? Boolean((becomeNode as { value: unknown }).value) : false,
    gatherFacts: flag('gather_facts'),
    forceHandlers: flag('force_handlers'),
    vars: varsOf(source, root, 'runbook') ?? {},
    tasks,
    handlers,
    files: [...state.files],
  };
  checkNotify(runbook, source);
  return runbook;
}

function checkNotify(runbook: Runbook, _source: unknown): void {
  const names = runbook.handlers.map((h) => h.name);
  const visit = (tasks: Runbook['tasks']) => {
    for (const t of tasks) {
      for (const n of t.notify) {
        if (!names.includes(n)) {
          const guess = closest(n, names);
          fail(
            `Task "${t.name}" notifies "${n}", which is not a handler${guess ? `; did you mean "${guess}"?` : names.length ? ` (handlers: ${names.join(', ')})` : ' (the runbook has no handlers)'}`,
            t.loc,
          );
        }
      }
      if (t.kind !== 'module') visit(subtasks(t));
    }
  };
  visit(runbook.tasks);
  visit(runbook.handlers);
}
