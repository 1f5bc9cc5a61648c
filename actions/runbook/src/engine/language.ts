import { errorMessage } from '../../../../shared/errors';
import { evaluate, truthy } from '../expr';
import type { ModuleResult } from '../modules/types';
import type { BlockTask, ModuleTask } from '../runbook/types';
import type { Connection } from '../transport/types';
import type { HostRun } from './host';
import type { TaskResult, TaskStatus } from './results';
import { resolveValue } from './scope';
import { rawValue } from './values';

/** What every host of one run shares: run_once results, delegate_to connections, handler flushing. */
export interface SharedRun {
  once: Map<string, Promise<{ host: string; result?: ModuleResult }>>;
  /** Opens (once) the connection to an inventory host or `localhost` for delegate_to. */
  connectTo(name: string): Promise<Connection>;
  /** Runs the handlers notified so far on this host (meta: flush_handlers). */
  flush(run: HostRun): Promise<void>;
}

/** set_fact results: host variables from here on (vars-file and the vars input still win). */
export function setFacts(run: HostRun, scope: Record<string, unknown>, facts: unknown): void {
  if (!facts || typeof facts !== 'object') return;
  for (const [k, v] of Object.entries(facts)) {
    if (k in run.settings.overrides) continue;
    scope[k] = v;
    run.scope[k] = v;
  }
}

/** A failure that rescue/always/force_handlers may look past: not a cancellation or lost host. */
function recoverable(run: HostRun): boolean {
  return run.stopped && run.result.status === 'failed' && !run.settings.signal.aborted;
}

/**
 * Runs `body` on a host that failed (always:, force_handlers), then puts the failure back unless
 * `body` failed itself (its error then stands).
 */
export async function withFailureHeld(run: HostRun, body: () => Promise<unknown>): Promise<void> {
  if (!recoverable(run)) return;
  const held = { status: run.result.status, error: run.result.error };
  run.stopped = false;
  run.result.status = 'ok';
  run.result.error = undefined;
  await body();
  if (!run.stopped) {
    run.stopped = true;
    run.result.status = held.status;
    run.result.error = held.error;
  }
}

/**
 * `block:` / `rescue:` / `always:`: a failed task in the block runs rescue (the host recovers when
 * rescue succeeds, the failed task is marked rescued); always runs in every case.
 */
export async function runBlock(
  run: HostRun,
  task: BlockTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<void> {
  const first = run.result.tasks.length;
  let ok = await run.runList(task.children, scope, handler);
  if (!ok && task.rescue && recoverable(run)) {
    const failed = run.result.tasks.slice(first).filter((t) => t.status === 'failed' && !t.ignored);
    for (const t of failed) {
      t.rescued = true;
      t.ignored = true;
    }
    const last = failed.at(-1);
    run.stopped = false;
    run.result.status = 'ok';
    run.result.error = undefined;
    const local = {
      ...scope,
      ansible_failed_task: { name: last?.name ?? '', id: last?.id ?? '' },
      ansible_failed_result: failedResult(last),
    };
    ok = await run.runList(task.rescue, local, handler);
  }
  if (!task.always) return;
  if (ok) await run.runList(task.always, scope, handler);
  else await withFailureHeld(run, () => run.runList(task.always ?? [], scope, handler));
}

function failedResult(t: TaskResult | undefined): Record<string, unknown> {
  return { failed: true, msg: t?.msg ?? '', rc: t?.rc ?? null, stdout: t?.stdout ?? '', stderr: t?.stderr ?? '' };
}

/** A module task with its Ansible keys: run_once, loop, delegate_to, meta. */
export async function runLeaf(
  run: HostRun,
  task: ModuleTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<void> {
  if (task.runOnce && run.settings.shared) await runOnce(run, run.settings.shared, task, scope, handler);
  else await runItems(run, task, scope, handler);
}

async function runItems(
  run: HostRun,
  task: ModuleTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<ModuleResult | undefined> {
  const result = task.loop ? await runLoop(run, task, scope, handler) : await runDelegated(run, task, scope, handler);
  if (task.module === 'meta' && result?.meta === 'flush_handlers' && !run.stopped)
    await run.settings.shared?.flush(run);
  return result;
}

async function runOnce(
  run: HostRun,
  shared: SharedRun,
  task: ModuleTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<void> {
  const pending = shared.once.get(task.id);
  if (!pending) {
    const mine = runItems(run, task, scope, handler).then((result) => ({ host: run.host.name, result }));
    shared.once.set(task.id, mine);
    await mine;
    return;
  }
  const startedAt = Date.now();
  const { host, result } = await pending;
  const failed = Boolean(result?.failed);
  run.record(
    task,
    {
      status: 'skipped',
      msg: `run_once: ran on ${host}${failed ? ' and failed' : ''}`,
      startedAt,
      durationMs: 0,
      attempts: 0,
    },
    handler,
  );
  if (result && task.register && !(task.register in run.settings.overrides)) {
    const value = { ...result, failed, skipped: Boolean(result.skipped) };
    scope[task.register] = value;
    run.scope[task.register] = value;
  }
  if (result && !failed) setFacts(run, scope, result.ansible_facts);
  if (failed && !task.ignoreErrors) run.fail('failed', `${task.id}: failed on ${host} (run_once)`);
}

async function runDelegated(
  run: HostRun,
  task: ModuleTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<ModuleResult | undefined> {
  const shared = run.settings.shared;
  if (!task.delegateTo || !shared) return run.runModule(task, scope, handler);
  let conn: Connection;
  try {
    const name = String(resolveValue(task.delegateTo, scope, `delegate_to of "${task.id}"`, task.loc));
    conn = await shared.connectTo(name);
  } catch (error) {
    return failedBeforeModule(run, task, handler, `delegate_to: ${errorMessage(error)}`);
  }
  run.delegated.set(task.id, conn);
  try {
    return await run.runModule(task, scope, handler);
  } finally {
    run.delegated.delete(task.id);
  }
}

/** A task that failed before its module ran (its loop or delegate_to could not be resolved). */
function failedBeforeModule(
  run: HostRun,
  task: ModuleTask,
  handler: boolean,
  msg: string,
  startedAt = Date.now(),
): ModuleResult {
  run.record(task, { status: 'failed', msg, startedAt, durationMs: 0, attempts: 0 }, handler);
  if (!task.ignoreErrors) run.fail('failed', `${task.id}: ${msg}`);
  return { changed: false, failed: true, msg };
}

/**
 * `loop:` runs the module once per item with `${item}` (or loop_control.loop_var) set, `when`
 * judged per item, and reports one result for the task: changed if any item changed, failed if
 * any failed (every item still runs, as in Ansible). `register` gets `results`, one per item.
 */
async function runLoop(
  run: HostRun,
  task: ModuleTask,
  scope: Record<string, unknown>,
  handler: boolean,
): Promise<ModuleResult | undefined> {
  const loop = task.loop as NonNullable<ModuleTask['loop']>;
  const startedAt = Date.now();
  const started = performance.now();
  let items: unknown;
  try {
    items = rawValue(loop.items, scope, `loop of "${task.id}"`, loop.loc);
    if (!Array.isArray(items)) throw new Error(`loop must be a list, got ${JSON.stringify(items)?.slice(0, 80)}`);
  } catch (error) {
    return failedBeforeModule(run, task, handler, errorMessage(error), startedAt);
  }
  const results: Record<string, unknown>[] = [];
  const statuses: TaskStatus[] = [];
  const diffs: string[] = [];
  const wouldRun: string[] = [];
  let firstFailure: string | undefined;
  // Items waiting for a channel or shell is queue time, as for any task: not shown as running.
  let queuedMs = 0;
  let firstQueuedMs: number | undefined;
  for (const [index, item] of items.entries()) {
    if (run.stopped) break;
    const local: Record<string, unknown> = { ...scope, [loop.loopVar]: item };
    if (loop.indexVar) local[loop.indexVar] = index;
    let label: string;
    try {
      label = loop.label
        ? String(resolveValue(loop.label, local, `loop_control label of "${task.id}"`))
        : typeof item === 'string' || typeof item === 'number'
          ? String(item)
          : JSON.stringify(item);
      if (task.when && !truthy(evaluate(task.when.expr, local))) {
        results.push({ changed: false, skipped: true, item, [loop.loopVar]: item });
        statuses.push('skipped');
        continue;
      }
    } catch (error) {
      run.fail('failed', `${task.id} (item ${index}): ${errorMessage(error)}`);
      return { changed: false, failed: true, msg: errorMessage(error) };
    }
    if (label.length > 60) label = `${label.slice(0, 57)}…`;
    const itemTask: ModuleTask = {
      ...task,
      loop: undefined,
      when: undefined,
      register: undefined,
      notify: [],
      ignoreErrors: true,
      name: `${task.name} (${label})`,
    };
    const before = run.result.tasks.length;
    const r = (await runDelegated(run, itemTask, local, handler)) ?? { changed: false };
    const record = run.result.tasks.splice(before).at(-1);
    queuedMs += record?.queuedMs ?? 0;
    firstQueuedMs ??= record?.queuedMs ?? 0;
    statuses.push(record?.status ?? (r.failed ? 'failed' : r.changed ? 'changed' : 'ok'));
    if (record?.diff) diffs.push(record.diff);
    if (record?.wouldRun) wouldRun.push(record.wouldRun);
    if (r.failed) firstFailure ??= `item ${label}: ${r.msg ?? 'failed'}`;
    if (!r.failed) setFacts(run, scope, r.ansible_facts);
    results.push({ ...r, failed: Boolean(r.failed), item, [loop.loopVar]: item });
  }
  const failed = statuses.includes('failed');
  const changed = statuses.includes('changed');
  const cancelled = statuses.includes('cancelled');
  const status: TaskStatus = cancelled
    ? 'cancelled'
    : failed
      ? 'failed'
      : changed
        ? 'changed'
        : statuses.length > 0 && statuses.every((s) => s === 'skipped')
          ? 'skipped'
          : 'ok';
  const counts = ['changed', 'ok', 'skipped', 'failed']
    .map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const msg = firstFailure ?? `${items.length} item${items.length === 1 ? '' : 's'}${counts ? `: ${counts}` : ''}`;
  run.record(
    task,
    {
      status,
      ignored: failed && task.ignoreErrors ? true : undefined,
      startedAt: startedAt + (firstQueuedMs ?? 0),
      durationMs: performance.now() - started - queuedMs,
      queuedMs: queuedMs > 0 ? Math.round(queuedMs) : undefined,
      attempts: 1,
      msg: task.noLog ? '(output hidden: no_log)' : msg,
      diff: task.noLog ? undefined : diffs.join('') || undefined,
      wouldRun: task.noLog ? undefined : wouldRun.join('\n') || undefined,
    },
    handler,
  );
  const result: ModuleResult = { changed, failed, skipped: status === 'skipped', msg, results };
  if (task.register && !(task.register in run.settings.overrides)) {
    scope[task.register] = result;
    run.scope[task.register] = result;
  }
  if (changed && !failed) for (const n of task.notify) run.notified.add(n);
  if (failed && !task.ignoreErrors && !run.stopped) run.fail('failed', `${task.id}: ${msg}`);
  return result;
}
