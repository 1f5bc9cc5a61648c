import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigurationError, errorMessage } from '../../../../shared/errors';
import type { Logger } from '../../../../shared/logging';
import { containsSecret, registerSecret } from '../../../../shared/secrets';
import { interpolateWithInfo } from '../../../../shared/template';
import { evaluate, referencedPaths, truthy } from '../expr';
import type { Host } from '../inventory';
import { moduleDef } from '../modules/registry';
import type { ModuleContext, ModuleResult } from '../modules/types';
import { realInside } from '../runbook/include';
import { insideWorkspace } from '../runbook/load';
import { type Loc, type ModuleTask, subtasks, type Task } from '../runbook/types';
import { type TaskClock, withTaskClock } from '../transport/task-clock';
import type { Connection } from '../transport/types';
import { becomeConnection, becomePassword } from './become';
import { untilAborted } from './deadline';
import { runBlock, runLeaf, type SharedRun, setFacts } from './language';
import type { HostResult, TaskResult } from './results';
import { resolveValue, resolveVars } from './scope';
import { maskSecretDiff, secretTemplateLines } from './secret-diff';

export interface HostSettings {
  check: boolean;
  become: boolean;
  workspace: string;
  selected(task: Task): boolean;
  signal: AbortSignal;
  /** The layers that win over block vars and registered results (vars-file, vars input). */
  overrides: Record<string, unknown>;
  /** State shared by every host of the run: run_once results, delegate_to connections, handlers. */
  shared?: SharedRun;
}

const CHECK_UNKNOWN = 'skipped in check mode: depends on the output of a command that does not run in check mode';

/** Thrown to stop a host after a failed task; the result is already recorded. */
class HostStopped extends Error {}

/**
 * Everything one host does: its variables, its connection, its results and notified handlers.
 * Serial blocks stop at the first failure; parallel blocks let running siblings finish, then stop.
 */
export class HostRun {
  readonly result: HostResult;
  readonly notified = new Set<string>();
  /** Tasks (by id) that rendered a template reading secrets, with those template lines: their diffs are masked. */
  private readonly secretRendered = new Map<string, string[]>();
  conn?: Connection;
  /** delegate_to: the connection a task (by id) runs over instead of this host's. */
  readonly delegated = new Map<string, Connection>();
  stopped = false;

  constructor(
    readonly host: Host,
    readonly scope: Record<string, unknown>,
    readonly settings: HostSettings,
    readonly log: Logger,
  ) {
    this.result = { name: host.name, address: host.address, status: 'ok', tasks: [] };
  }

  fail(status: 'failed' | 'unreachable' | 'cancelled', error: string): void {
    this.stopped = true;
    if (this.result.status === 'ok' || status === 'unreachable') this.result.status = status;
    this.result.error ??= error;
  }

  /** Runs tasks in order; returns false once the host has stopped. */
  async runList(
    tasks: readonly Task[],
    scope: Record<string, unknown> = this.scope,
    handler = false,
  ): Promise<boolean> {
    for (const task of tasks) {
      if (this.stopped) return false;
      try {
        await this.runTask(task, scope, handler);
      } catch (error) {
        if (error instanceof HostStopped) return false;
        throw error;
      }
    }
    return !this.stopped;
  }

  async runTask(task: Task, parentScope: Record<string, unknown>, handler = false): Promise<void> {
    if (this.stopped) return;
    if (this.settings.signal.aborted) {
      this.fail('cancelled', 'cancelled');
      return;
    }
    // A notified handler runs whatever the tags: the selected task that changed something needs it.
    if (!handler && !this.settings.selected(task)) return;
    let scope = parentScope;
    if (task.vars) {
      // Block/include vars sit below vars-file and the vars input, which always win.
      scope = { ...parentScope, ...task.vars };
      for (const k of Object.keys(this.settings.overrides)) scope[k] = parentScope[k];
      try {
        resolveVars(
          scope,
          Object.keys(task.vars).filter((k) => !(k in this.settings.overrides)),
          `"${task.id}" on ${this.host.name}`,
        );
      } catch (error) {
        this.fail('failed', `${task.id}: ${errorMessage(error)}`);
        throw new HostStopped();
      }
    }
    let run = true;
    let why = task.when ? `when: ${task.when.text} is false` : '';
    // A looped task's `when` is judged per item (it may read the item).
    if (task.when && !task.loop) {
      try {
        run = this.condition(task.when, scope, task);
      } catch (error) {
        if (!this.unknownInCheckMode(error)) {
          this.fail('failed', errorMessage(error));
          throw new HostStopped();
        }
        run = false;
        why = CHECK_UNKNOWN;
      }
    }
    if (task.when && !run) {
      for (const leaf of leavesOf(task)) {
        if (handler || this.settings.selected(leaf))
          this.record(
            leaf,
            {
              status: 'skipped',
              msg: why,
              startedAt: Date.now(),
              durationMs: 0,
              attempts: 0,
            },
            handler,
          );
      }
      return;
    }
    if (task.kind === 'serial' && (task.rescue || task.always)) {
      await runBlock(this, task, scope, handler);
    } else if (task.kind === 'serial') {
      await this.runList(task.children, scope, handler);
    } else if (task.kind === 'parallel') {
      await Promise.all(
        task.children.map((c) =>
          this.runTask(c, scope, handler).catch((e) => {
            if (!(e instanceof HostStopped)) throw e;
          }),
        ),
      );
    } else {
      await runLeaf(this, task as ModuleTask, scope, handler);
    }
    if (this.stopped) throw new HostStopped();
  }

  /**
   * In check mode commands do not run, so a later task reading their registered output cannot be
   * planned: it is skipped with a note, not failed.
   */
  private unknownInCheckMode(error: unknown): boolean {
    return this.settings.check && error instanceof ConfigurationError && /Undefined variable/.test(error.message);
  }

  private condition(cond: NonNullable<Task['when']>, scope: Record<string, unknown>, task: Task): boolean {
    try {
      return truthy(evaluate(cond.expr, scope));
    } catch (error) {
      throw new ConfigurationError(`Task "${task.id}" on ${this.host.name}: ${errorMessage(error)}`, cond.loc);
    }
  }

  async runModule(task: ModuleTask, scope: Record<string, unknown>, handler: boolean): Promise<ModuleResult> {
    const startedAt = Date.now();
    const started = performance.now();
    const def = moduleDef(task.module);
    let attempts = 0;
    let result: ModuleResult;
    // become_user implies become (in Ansible it does nothing without become: true, a common trap).
    const become = task.become ?? (task.becomeUser !== undefined || this.settings.become);
    const taskSignal = task.timeoutMs
      ? AbortSignal.any([this.settings.signal, AbortSignal.timeout(task.timeoutMs)])
      : this.settings.signal;
    // Waiting for a channel or shell before the task's first operation is queue time: the task
    // is reported from the moment it got one (the Gantt chart shows it running, not queued).
    const clock: TaskClock = { begun: false, queuedMs: 0 };
    for (;;) {
      attempts++;
      try {
        const args = resolveValue(task.args, scope, `task "${task.id}"`, task.argsLoc);
        const guards = {
          creates:
            task.creates === undefined
              ? undefined
              : (resolveValue(task.creates, scope, `task "${task.id}" creates`) as string),
          removes:
            task.removes === undefined
              ? undefined
              : (resolveValue(task.removes, scope, `task "${task.id}" removes`) as string),
        };
        const ctx = this.moduleContext({ ...task, ...guards }, args, scope, become, taskSignal);
        result = await untilAborted(
          withTaskClock(clock, () => def.run(ctx)),
          taskSignal,
        );
      } catch (error) {
        if (this.unknownInCheckMode(error)) {
          result = { changed: false, skipped: true, msg: CHECK_UNKNOWN };
          break;
        }
        // A template or variable error at run time (e.g. a registered value missing a field) fails this host only.
        const timedOut = task.timeoutMs !== undefined && taskSignal.aborted && !this.settings.signal.aborted;
        result = {
          changed: false,
          failed: true,
          msg: timedOut ? `timed out after ${task.timeoutMs! / 1000}s` : errorMessage(error),
        };
      }
      try {
        this.applyConditions(task, result, scope);
      } catch (error) {
        result = { ...result, failed: true, msg: errorMessage(error) };
      }
      if (!result.failed || attempts > task.retries || this.settings.signal.aborted || this.conn?.lost) break;
      this.log.info(
        `[${task.name}] attempt ${attempts} failed (${result.msg ?? 'failed'}); retrying in ${task.delayMs / 1000}s`,
      );
      // A cancel (or the run's timeout) ends the wait: the task then reports as cancelled.
      await abortableDelay(task.delayMs, this.settings.signal);
      if (this.settings.signal.aborted) break;
    }
    const cancelled = this.settings.signal.aborted && result.failed;
    const status = cancelled
      ? 'cancelled'
      : result.failed
        ? 'failed'
        : result.skipped && !result.changed
          ? 'skipped'
          : result.changed
            ? 'changed'
            : 'ok';
    // vars-file and the vars input win over registered results too.
    if (task.register && !(task.register in this.settings.overrides)) {
      scope[task.register] = {
        ...result,
        changed: result.changed,
        failed: Boolean(result.failed),
        skipped: Boolean(result.skipped),
      };
      if (scope !== this.scope) this.scope[task.register] = scope[task.register];
    }
    if (!result.failed) setFacts(this, scope, result.ansible_facts);
    if (result.changed && !result.failed) for (const n of task.notify) this.notified.add(n);
    const hidden = task.noLog ? '(output hidden: no_log)' : undefined;
    const queuedMs = Math.round(clock.queuedMs);
    this.record(
      task,
      {
        status,
        ignored: result.failed && task.ignoreErrors ? true : undefined,
        startedAt: startedAt + queuedMs,
        durationMs: performance.now() - started - queuedMs,
        queuedMs: queuedMs > 0 ? queuedMs : undefined,
        attempts,
        msg: hidden ?? result.msg,
        diff:
          hidden && result.diff ? hidden : maskSecretDiff(result.diff, this.secretRendered.get(task.id)) || undefined,
        rc: result.rc,
        stdout: hidden ?? result.stdout,
        stderr: hidden ?? result.stderr,
        wouldRun: hidden ?? result.wouldRun,
      },
      handler,
    );
    if (cancelled) this.fail('cancelled', 'cancelled');
    else if (result.failed && this.conn?.lost) this.fail('unreachable', `${task.id}: ${this.conn.lost}`);
    else if (result.failed && !task.ignoreErrors) this.fail('failed', `${task.id}: ${result.msg ?? 'failed'}`);
    return result;
  }

  /**
   * changed_when/failed_when judge what a command did, so a condition reading `result` is only
   * evaluated when the command ran:
   * - skipped by its creates/removes guard: nothing ran, nothing changed, nothing failed;
   * - check mode, where the command would run: it is reported as "would run / changed" (the
   *   conservative plan: `'created' in result.stdout` cannot be known without running it), and
   *   not failed; a condition that does not read `result` (`changed_when: "false"` on a read-only
   *   command) is still evaluated, so such a task plans as ok;
   * - check mode, a module that planned without producing the fields a condition reads (a custom
   *   module's own check-mode answer): its answer stands.
   */
  private applyConditions(task: ModuleTask, result: ModuleResult, scope: Record<string, unknown>): void {
    if (!task.changedWhen && !task.failedWhen) return;
    if (result.skipped) return;
    const unrun = this.settings.check && result.wouldRun !== undefined;
    const local = { ...scope, result };
    const judge = (cond: NonNullable<ModuleTask['changedWhen']>, fallback: boolean): boolean => {
      if (unrun && referencedPaths(cond.expr).some((p) => p === 'result' || p.startsWith('result.'))) return fallback;
      try {
        return this.condition(cond, local, task);
      } catch (error) {
        if (!this.unknownInCheckMode(error)) throw error;
        return fallback;
      }
    };
    if (task.failedWhen) result.failed = judge(task.failedWhen, Boolean(result.failed));
    if (task.changedWhen && !result.failed) result.changed = judge(task.changedWhen, result.changed);
  }

  private moduleContext(
    task: ModuleTask,
    args: unknown,
    scope: Record<string, unknown>,
    become: boolean,
    signal: AbortSignal,
  ): ModuleContext {
    const { workspace } = this.settings;
    const baseDir = dirname(resolve(workspace, task.loc.file));
    const source = (path: string, what: string) =>
      realInside(insideWorkspace(path, baseDir, workspace, task.argsLoc, what), workspace, task.argsLoc, what);
    return {
      host: { name: this.host.name, address: this.host.address, vars: this.host.vars },
      conn: becomeConnection(
        this.delegated.get(task.id) ?? (this.conn as Connection),
        become,
        task.becomeUser,
        becomePassword(scope),
      ),
      args,
      task,
      check: this.settings.check,
      become,
      signal,
      timeoutMs: task.timeoutMs,
      workspace,
      baseDir,
      scope,
      render: (text: string, extra: Record<string, unknown>, loc: Loc, what: string) => {
        const full = source(loc.file, what);
        const display = full.startsWith(`${workspace}/`) ? full.slice(workspace.length + 1) : full;
        const local = { ...scope, ...extra };
        const out = interpolateWithInfo(text, local, {
          source: { file: display, line: 1, col: 1 },
          context: `${what} for ${this.host.name}`,
        });
        // Template lines reading a secret, directly or through a variable given one (variables:).
        const secretVariables = Object.keys(extra).filter((k) => containsSecret(String(extra[k] ?? '')));
        const secretLines = secretTemplateLines(text, secretVariables);
        if (secretLines.length) this.secretRendered.set(task.id, secretLines);
        if (out.used.some((p) => p.startsWith('secrets'))) {
          // Mask each rendered line that carries a secret-derived value, not the whole file.
          for (const line of out.text.split('\n')) if (lineUsesSecret(line, text, local)) registerSecret(line.trim());
        }
        return out.text;
      },
      readSource: (path: string, what: string) => {
        const full = source(path, what);
        try {
          return readFileSync(full);
        } catch {
          throw new ConfigurationError(`The ${what} "${path}" does not exist (looked for ${full})`, task.argsLoc);
        }
      },
      log: (line: string) => {
        if (!task.noLog) this.log.info(`[${task.name}] ${line}`);
      },
    };
  }

  record(task: ModuleTask, fields: Omit<TaskResult, 'id' | 'name' | 'module'>, handler: boolean): void {
    const r: TaskResult = { id: task.id, name: task.name, module: task.uses?.spec ?? task.module, ...fields };
    if (handler) r.handler = true;
    r.durationMs = Math.round(r.durationMs);
    this.result.tasks.push(r);
    const secs = (r.durationMs / 1000).toFixed(2);
    const label = r.ignored ? 'failed (ignored)' : r.status;
    this.log.info(
      `[${task.name}] ${label} (${secs}s)${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}${r.msg ? `: ${r.msg}` : ''}`,
    );
    if (r.wouldRun && r.wouldRun !== r.msg) this.log.info(`[${task.name}]   would run: ${r.wouldRun}`);
    for (const line of (r.stdout ?? '').split('\n').filter(Boolean).slice(0, 200))
      this.log.info(`[${task.name}]   ${line}`);
    if (r.status === 'failed')
      for (const line of (r.stderr ?? '').split('\n').filter(Boolean).slice(-20))
        this.log.info(`[${task.name}]   stderr: ${line}`);
  }
}

/** Whether a rendered line came from a template line that reads `secrets.…`. Cheap heuristic by line count. */
function lineUsesSecret(rendered: string, template: string, _scope: Record<string, unknown>): boolean {
  return template.split('\n').some((t) => /\$\{\s*secrets\./.test(t) && sharesStatic(t, rendered));
}

function sharesStatic(templateLine: string, rendered: string): boolean {
  const staticParts = templateLine.split(/\$\{[^}]*\}/).filter((p) => p.trim().length > 0);
  return staticParts.every((p) => rendered.includes(p));
}

function* leavesOf(task: Task): Generator<ModuleTask> {
  if (task.kind === 'module') yield task;
  else for (const c of subtasks(task)) yield* leavesOf(c);
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
