import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigurationError } from '../../../../shared/errors';
import { lookup } from '../../../../shared/template';
import { referencedPaths } from '../expr';
import type { Host } from '../inventory';
import { moduleDef } from '../modules/registry';
import { realInside } from '../runbook/include';
import { insideWorkspace } from '../runbook/load';
import { allTasks, type Loc, type ModuleTask, type Runbook, type Task } from '../runbook/types';
import { baseScope, references, type VarSources } from './scope';
import { staticWhen } from './static-when';
import { jinjaReference, shellVariableHint, templateLoc } from './syntax-hints';

/**
 * Everything that can be known before the first connection is checked here, for every host:
 * undefined variables (by name, with the task and the line), template and copy sources that are
 * missing or outside the workspace. A runbook that would fail halfway fails now instead.
 */
const VARIABLE = /^[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+))*$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** A variable a host lacks on a branch whose condition is only known at run time. */
export interface DeferredVariable {
  message: string;
  loc: Loc;
}

export function precheck(
  runbook: Runbook,
  hosts: Host[],
  sources: VarSources,
  workspace: string,
  selectedTask: (t: Task) => boolean,
): DeferredVariable[] {
  // Notified handlers run whatever the tags, so they are always checked.
  const handlerTasks = new Set(allTasks(runbook.handlers));
  const selected = (t: Task) => handlerTasks.has(t) || selectedTask(t);
  const registered = new Set<string>();
  for (const t of allTasks([...runbook.tasks, ...runbook.handlers]))
    if (t.kind === 'module') for (const name of setByTask(t)) registered.add(name);
  if (runbook.gatherFacts) registered.add('facts');
  const lacking = new Map<string, { path: string; what: string; loc: Loc; hosts: string[] }>();
  const templates = new Map<string, string[]>();
  const templateText = new Map<string, string>();
  const firstScope = hosts[0] ? baseScope(hosts[0], sources) : {};
  const knownName = (root: string, t: ModuleTask) =>
    root in firstScope ||
    registered.has(root) ||
    root === 'item' ||
    root === t.loop?.loopVar ||
    Object.hasOwn(t.vars ?? {}, root);

  for (const t of allTasks([...runbook.tasks, ...runbook.handlers])) {
    if (t.kind !== 'module' || !selected(t)) continue;
    const jinja = jinjaReference([t.args, t.when?.text, t.changedWhen?.text, t.failedWhen?.text], (root) =>
      knownName(root, t),
    );
    if (jinja)
      throw new ConfigurationError(
        `Task "${t.id}" uses Ansible's ${jinja.found}: runbooks interpolate \${…} (conditions take bare names); did you mean "${jinja.suggestion}"?`,
        t.argsLoc,
      );
    const def = moduleDef(t.module);
    for (const path of def.sources?.(t.args) ?? []) {
      const baseDir = dirname(resolve(workspace, t.loc.file));
      const full = realInside(
        insideWorkspace(path, baseDir, workspace, t.argsLoc, `${t.module} source`),
        workspace,
        t.argsLoc,
        `${t.module} source`,
      );
      if (!existsSync(full))
        throw new ConfigurationError(
          `Task "${t.id}": the ${t.module} source "${path}" does not exist (looked for ${full})`,
          t.argsLoc,
        );
      if (t.module === 'template' && !templates.has(full)) {
        const text = readFileSync(full, 'utf8');
        templates.set(full, references(text));
        templateText.set(full, text);
        const jinja = jinjaReference(text, (root) => knownName(root, t));
        if (jinja) {
          const file = relative(workspace, full);
          const index = text.split('\n').findIndex((l) => l.includes(jinja.found));
          throw new ConfigurationError(
            `The template ${file} uses Ansible's ${jinja.found}: runbooks interpolate \${…}; did you mean "${jinja.suggestion}"?`,
            { file, line: index + 1, col: (text.split('\n')[index]?.indexOf(jinja.found) ?? 0) + 1 },
          );
        }
      }
    }
  }

  for (const host of hosts) {
    const scope = baseScope(host, sources);
    const check = (paths: string[], loc: Loc, what: string, known: Set<string>, deferred = false) => {
      for (const path of paths) {
        if (!VARIABLE.test(path) || path.split('.').some((p) => FORBIDDEN.has(p))) {
          throw new ConfigurationError(
            `"\${${path}}" in ${what} is not a variable reference: templates accept names and dotted paths (\${name}, \${host.address}, \${port:-8080}) and never evaluate code`,
            loc,
          );
        }
        const root = path.split('.')[0] as string;
        if (registered.has(root) || known.has(root)) continue;
        if (lookup(scope, path) === undefined) {
          // Under a condition decided at run time, the host may never take the branch: the run
          // fails it there, on that host only, if it does.
          if (deferred) {
            const key = `${what}\0${path}`;
            const entry = lacking.get(key) ?? { path, what, loc, hosts: [] };
            entry.hosts.push(host.name);
            lacking.set(key, entry);
            continue;
          }
          const hint =
            lookup(scope, root) === undefined
              ? ''
              : ` (${root} is defined, but has no "${path.slice(root.length + 1)}")`;
          throw new ConfigurationError(
            `Undefined variable "${path}" in ${what} for host ${host.name}${hint || shellVariableHint(path)}`,
            loc,
          );
        }
      }
    };
    const visit = (tasks: readonly Task[], known: Set<string>, deferred: boolean) => {
      for (const t of tasks) {
        if (!selected(t)) continue;
        const loopNames = t.kind === 'module' && t.loop ? ['item', t.loop.loopVar, t.loop.indexVar] : [];
        // A branch this host never takes does not need its variables; one taken only if a run-time
        // value says so has them checked when it is taken.
        const taken = t.when
          ? staticWhen(
              t.when.expr,
              scope,
              new Set([...registered, ...known, ...loopNames.filter((n): n is string => !!n)]),
            )
          : true;
        if (taken === false) continue;
        const inner = new Set(known);
        if (t.vars) for (const k of Object.keys(t.vars)) inner.add(k);
        if (t.vars) check(references(t.vars), t.loc, `the vars of "${t.id}"`, inner, deferred);
        if (t.when && !(t.kind === 'module' && t.loop))
          check(referencedPaths(t.when.expr), t.when.loc, `the condition of "${t.id}"`, inner, deferred);
        const under = deferred || taken === undefined;
        if (t.kind !== 'module') {
          visit(t.children, inner, under);
          if (t.rescue) visit(t.rescue, new Set([...inner, 'ansible_failed_task', 'ansible_failed_result']), under);
          if (t.always) visit(t.always, inner, under);
          continue;
        }
        if (t.loop) {
          check(references(t.loop.items), t.loop.loc, `the loop of "${t.id}"`, inner, deferred);
          for (const name of [t.loop.loopVar, t.loop.indexVar]) if (name) inner.add(name);
          if (t.when) check(referencedPaths(t.when.expr), t.when.loc, `the condition of "${t.id}"`, inner, deferred);
        }
        const withResult = new Set([...inner, 'result']);
        if (t.changedWhen)
          check(referencedPaths(t.changedWhen.expr), t.changedWhen.loc, `changed_when of "${t.id}"`, withResult, under);
        if (t.failedWhen)
          check(referencedPaths(t.failedWhen.expr), t.failedWhen.loc, `failed_when of "${t.id}"`, withResult, under);
        check(references([t.args, t.creates, t.removes]), t.argsLoc, `task "${t.id}"`, inner, under);
        if (t.module === 'template') {
          const a = t.args as Record<string, unknown>;
          const source = String(a.source ?? a.src);
          if (source.includes('${')) continue;
          const full = resolve(dirname(resolve(workspace, t.loc.file)), source);
          const refs = templates.get(full) ?? [];
          const vars = new Set([...inner, ...Object.keys((a.variables ?? {}) as object)]);
          const text = templateText.get(full) ?? '';
          const file = relative(workspace, full);
          for (const ref of refs)
            check([ref], templateLoc(text, ref, file), `template ${file} (task "${t.id}")`, vars, under);
        }
      }
    };
    visit(runbook.tasks, new Set(), false);
    visit(runbook.handlers, new Set(), false);
  }

  // Lacking on some hosts is what a guard is for; lacking on every host that can reach the branch
  // is most likely a typo, and the run would fail wherever the condition holds: say so now.
  return [...lacking.values()]
    .filter((e) => e.hosts.length === hosts.length)
    .map((e) => ({
      message: `Undefined variable "${e.path}" in ${e.what} for every host${shellVariableHint(e.path)}: the task fails on any host where its condition holds at run time`,
      loc: e.loc,
    }));
}

/** Variables a task defines for later tasks: its `register`, and the names a set_fact sets. */
function setByTask(t: ModuleTask): string[] {
  const out = t.register ? [t.register] : [];
  if (t.module === 'set_fact' && t.args && typeof t.args === 'object') out.push(...Object.keys(t.args));
  return out;
}
