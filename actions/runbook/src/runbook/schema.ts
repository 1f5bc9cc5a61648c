import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { ConfigurationError } from '../../../../shared/errors';
import { parseDuration } from '../../../../shared/inputs';
import { closest } from '../../../../shared/suggest';
import { ExpressionError, parseExpression } from '../expr';
import { MODULE_NAMES, moduleDef } from '../modules/registry';
import type { ArgCheck } from '../modules/types';
import { blockSections, languageKeys } from './language';
import { keyLoc, locOf, mapKeys, type SourceFile, toJS, valueNode } from './load';
import type { BlockTask, Loc, ModuleTask, Task } from './types';

/** Keys every task may carry besides its one module (or block). */
export const TASK_KEYS = [
  'name',
  'when',
  'register',
  'retries',
  'delay',
  'timeout',
  'ignore_errors',
  'no_log',
  'tags',
  'notify',
  'become',
  'changed_when',
  'failed_when',
  'vars',
  'creates',
  'removes',
  'with',
  'loop',
  'loop_control',
  'run_once',
  'delegate_to',
  'become_user',
  'rescue',
  'always',
] as const;
export const BLOCK_KEYS = ['serial', 'parallel', 'include', 'block'] as const;
export const RUNBOOK_KEYS = [
  'name',
  'description',
  'hosts',
  'become',
  'gather_facts',
  'force_handlers',
  'vars',
  'tasks',
  'handlers',
] as const;

export interface SchemaContext {
  source: SourceFile;
  /** Loads an include and returns its tasks (see include.ts). */
  include(
    path: string,
    loc: Loc,
    parentId: string,
    inherited: string[],
  ): { tasks: Task[]; vars?: Record<string, unknown> };
  /** Resolves `uses:` to a module file or package. */
  resolveUses(spec: string, loc: Loc): string;
}

export function fail(message: string, loc: Loc): never {
  throw new ConfigurationError(message, loc);
}

export function parseTaskList(
  ctx: SchemaContext,
  node: Node | undefined,
  parentId: string,
  inheritedTags: string[],
  what: string,
): Task[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) fail(`${what} must be a list of tasks`, locOf(ctx.source, node));
  const seen = new Map<string, Loc>();
  const tasks: Task[] = [];
  for (const item of node.items) {
    const task = parseTask(ctx, item as Node, parentId, inheritedTags);
    const previous = seen.get(task.name);
    if (previous) {
      fail(
        `Duplicate task name "${task.name}" in ${what} (first at line ${previous.line}); names must be unique in their block so reports and notify can refer to them`,
        task.loc,
      );
    }
    seen.set(task.name, task.loc);
    tasks.push(task);
  }
  return tasks;
}

function parseTask(ctx: SchemaContext, node: Node, parentId: string, inheritedTags: string[]): Task {
  const { source } = ctx;
  const loc = locOf(source, node);
  if (!isMap(node)) fail('A task must be a mapping with a name and one module (e.g. "shell: …")', loc);
  const keys = mapKeys(node);
  const nameNode = valueNode(node, 'name');
  if (nameNode === undefined || !isScalar(nameNode) || String(nameNode.value ?? '').trim() === '') {
    fail('Every task needs a "name"', loc);
  }
  const name = String(nameNode.value).trim();
  const id = parentId ? `${parentId} › ${name}` : name;

  const actionKeys = keys.filter((k) => !(TASK_KEYS as readonly string[]).includes(k));
  if (actionKeys.length === 0) {
    fail(`Task "${name}" has no module; use one of ${[...MODULE_NAMES, 'uses', ...BLOCK_KEYS].join(', ')}`, loc);
  }
  for (const key of actionKeys) {
    if (key === 'uses' || (BLOCK_KEYS as readonly string[]).includes(key) || MODULE_NAMES.includes(key)) continue;
    const guess = closest(key, [...MODULE_NAMES, 'uses', ...BLOCK_KEYS, ...TASK_KEYS]);
    fail(
      `Task "${name}": unknown module or key "${key}"${guess ? `; did you mean "${guess}"?` : ''} (modules: ${MODULE_NAMES.join(', ')}, uses, serial, parallel, block, include)`,
      keyLoc(source, node, key),
    );
  }
  if (actionKeys.length > 1) {
    fail(
      `Task "${name}" has more than one module (${actionKeys.join(', ')}); split it into tasks`,
      keyLoc(source, node, actionKeys[1] as string),
    );
  }
  const action = actionKeys[0] as string;
  const ownTags = stringList(source, node, 'tags', name);
  const tags = [...new Set([...inheritedTags, ...ownTags])];
  const base = {
    id,
    name,
    loc,
    tags,
    when: condition(source, node, 'when', name),
    changedWhen: condition(source, node, 'changed_when', name),
    failedWhen: condition(source, node, 'failed_when', name),
    register: identifier(source, node, 'register', name),
    retries: integer(source, node, 'retries', name) ?? 0,
    delayMs: duration(source, node, 'delay', name) ?? 1000,
    timeoutMs: duration(source, node, 'timeout', name),
    ignoreErrors: boolean(source, node, 'ignore_errors', name) ?? false,
    noLog: boolean(source, node, 'no_log', name) ?? false,
    become: boolean(source, node, 'become', name),
    notify: stringList(source, node, 'notify', name),
    vars: varsOf(source, node, name),
    ...languageKeys(source, node, name),
  };
  const sections = blockSections(ctx, node, name, id, tags, action);

  if (action === 'serial' || action === 'parallel' || action === 'block') {
    const block: BlockTask = {
      ...base,
      ...sections,
      kind: action === 'block' ? 'serial' : action,
      children: parseTaskList(ctx, valueNode(node, action), id, tags, `${action} block "${name}"`),
    };
    if (block.children.length === 0) fail(`${action} block "${name}" has no tasks`, keyLoc(source, node, action));
    rejectModuleOnlyKeys(source, node, name);
    return block;
  }
  if (action === 'include') {
    const target = valueNode(node, 'include');
    if (!target || !isScalar(target) || typeof target.value !== 'string') {
      fail(`Task "${name}": include takes the path of a task file`, keyLoc(source, node, 'include'));
    }
    rejectModuleOnlyKeys(source, node, name);
    const included = ctx.include(String(target.value), locOf(source, target), id, tags);
    // The include task's own vars win over the included file's defaults, as a role's parameters do.
    const vars = included.vars || base.vars ? { ...included.vars, ...base.vars } : undefined;
    return { ...base, vars, kind: 'serial', children: included.tasks, include: String(target.value) };
  }

  let module = action;
  let argsNode = valueNode(node, action);
  let uses: ModuleTask['uses'];
  if (action === 'uses') {
    if (!argsNode || !isScalar(argsNode) || typeof argsNode.value !== 'string') {
      fail(
        `Task "${name}": uses takes a module path (./modules/x.js) or an npm package name`,
        keyLoc(source, node, 'uses'),
      );
    }
    const spec = String(argsNode.value);
    uses = { spec, resolved: ctx.resolveUses(spec, locOf(source, argsNode)) };
    module = 'uses';
    argsNode = valueNode(node, 'with');
  } else if (valueNode(node, 'with') !== undefined) {
    fail(
      `Task "${name}": "with" passes arguments to a "uses" module; give ${action} its arguments directly`,
      keyLoc(source, node, 'with'),
    );
  }
  const args = toJS(argsNode);
  const argsLoc = argsNode ? locOf(source, argsNode) : loc;
  const def = moduleDef(module);
  const check: ArgCheck = {
    args,
    at: (key) => (key && argsNode && isMap(argsNode) ? keyLoc(source, argsNode as YAMLMap, key) : argsLoc),
    fail: (message, key) =>
      fail(`Task "${name}": ${module === 'uses' ? uses?.spec : module} ${message}`, check.at(key)),
  };
  try {
    def.validate(check);
  } catch (error) {
    if (error instanceof ConfigurationError && !error.location.file)
      fail(`Task "${name}": ${module} ${error.message}`, argsLoc);
    throw error;
  }
  const task: ModuleTask = {
    ...base,
    kind: 'module',
    module,
    args,
    argsLoc,
    uses,
    creates: scalarString(source, node, 'creates', name),
    removes: scalarString(source, node, 'removes', name),
  };
  if ((task.creates || task.removes) && !['shell', 'command'].includes(module)) {
    fail(
      `Task "${name}": creates/removes guard shell and command tasks only`,
      keyLoc(source, node, task.creates ? 'creates' : 'removes'),
    );
  }
  return task;
}

function rejectModuleOnlyKeys(source: SourceFile, node: YAMLMap, name: string): void {
  for (const key of [
    'register',
    'retries',
    'delay',
    'creates',
    'removes',
    'changed_when',
    'failed_when',
    'run_once',
    'delegate_to',
    'become_user',
  ]) {
    if (valueNode(node, key) !== undefined) {
      fail(`Task "${name}": "${key}" applies to module tasks, not to blocks or includes`, keyLoc(source, node, key));
    }
  }
}

function condition(source: SourceFile, node: YAMLMap, key: string, task: string): ModuleTask['when'] {
  const v = valueNode(node, key);
  if (v === undefined) return undefined;
  const loc = locOf(source, v);
  if (!isScalar(v)) fail(`Task "${task}": ${key} must be a condition such as "env == 'prod' and port > 1024"`, loc);
  const text = String(v.value);
  try {
    return { expr: parseExpression(text), text, loc };
  } catch (error) {
    if (error instanceof ExpressionError) {
      // Quoted scalars start one column after the node.
      const shift = v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE' ? 1 : 0;
      fail(`Task "${task}": ${key} "${text}": ${error.message}`, { ...loc, col: loc.col + shift + error.offset });
    }
    throw error;
  }
}

function scalarString(source: SourceFile, node: YAMLMap, key: string, task: string): string | undefined {
  const v = valueNode(node, key);
  if (v === undefined) return undefined;
  if (!isScalar(v) || v.value === null) fail(`Task "${task}": ${key} must be a string`, locOf(source, v));
  return String(v.value);
}

function identifier(source: SourceFile, node: YAMLMap, key: string, task: string): string | undefined {
  const value = scalarString(source, node, key, task);
  if (value !== undefined && !/^[A-Za-z_]\w*$/.test(value)) {
    fail(
      `Task "${task}": ${key} must be a variable name (letters, digits, _), got "${value}"`,
      locOf(source, valueNode(node, key)),
    );
  }
  if (value && ['env', 'secrets', 'host', 'result', 'vars'].includes(value)) {
    fail(
      `Task "${task}": ${key} "${value}" would hide the built-in variable of that name`,
      locOf(source, valueNode(node, key)),
    );
  }
  return value;
}

function integer(source: SourceFile, node: YAMLMap, key: string, task: string): number | undefined {
  const v = valueNode(node, key);
  if (v === undefined) return undefined;
  const value = isScalar(v) ? Number(v.value) : Number.NaN;
  if (!Number.isInteger(value) || value < 0)
    fail(`Task "${task}": ${key} must be a whole number ≥ 0`, locOf(source, v));
  return value;
}

function duration(source: SourceFile, node: YAMLMap, key: string, task: string): number | undefined {
  const v = valueNode(node, key);
  if (v === undefined) return undefined;
  const ms = isScalar(v) ? parseDuration(String(v.value)) : undefined;
  if (ms === undefined)
    fail(`Task "${task}": ${key} must be a duration such as 500ms, 5s, 2m or a number of seconds`, locOf(source, v));
  return ms;
}

function boolean(source: SourceFile, node: YAMLMap, key: string, task: string): boolean | undefined {
  const v = valueNode(node, key);
  if (v === undefined) return undefined;
  if (!isScalar(v) || typeof v.value !== 'boolean')
    fail(`Task "${task}": ${key} must be true or false`, locOf(source, v));
  return v.value as boolean;
}

function stringList(source: SourceFile, node: YAMLMap, key: string, task: string): string[] {
  const v = valueNode(node, key);
  if (v === undefined) return [];
  if (isScalar(v) && v.value !== null)
    return String(v.value)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (isSeq(v) && v.items.every((i) => isScalar(i))) return v.items.map((i) => String((i as { value: unknown }).value));
  fail(`Task "${task}": ${key} must be a name or a list of names`, locOf(source, v));
}

export function varsOf(source: SourceFile, node: YAMLMap, owner: string): Record<string, unknown> | undefined {
  const v = valueNode(node, 'vars');
  if (v === undefined) return undefined;
  if (!isMap(v)) fail(`${owner}: vars must be a mapping of names to values`, locOf(source, v));
  for (const key of mapKeys(v)) {
    if (!/^[A-Za-z_][\w-]*$/.test(key)) fail(`${owner}: "${key}" is not a valid variable name`, keyLoc(source, v, key));
    if (['env', 'secrets', 'host'].includes(key))
      fail(`${owner}: "${key}" is a built-in variable and cannot be set`, keyLoc(source, v, key));
  }
  return v.toJSON() as Record<string, unknown>;
}
