import * as core from '../../../../shared/actions-core';
import { errorMessage } from '../../../../shared/errors';
import { BufferedGroup, type Logger, prefixed } from '../../../../shared/logging';
import type { Host } from '../inventory';
import type { Runbook, Task } from '../runbook/types';
import { Semaphore } from '../transport/semaphore';
import type { Connection } from '../transport/types';
import { gatherFacts } from './facts';
import { HostRun } from './host';
import { withFailureHeld } from './language';
import { type HostResult, type RunReport, totals } from './results';
import { baseScope, overrides, type VarSources } from './scope';
import { sharedRun } from './shared';

export interface EngineOptions {
  runbook: Runbook;
  hosts: Host[];
  sources: VarSources;
  check: boolean;
  strategy: 'free' | 'lockstep';
  concurrency: number;
  /** Batch size in hosts (already resolved from N or N%). */
  batchSize?: number;
  maxFailPercentage?: number;
  selected(task: Task): boolean;
  workspace: string;
  signal: AbortSignal;
  connect(host: Host): Promise<Connection>;
  /** Every inventory host, for delegate_to (defaults to `hosts`). */
  inventoryHosts?: Host[];
  /** Called whenever a host finishes, so a cancelled run can still write what it has. */
  onProgress?(report: RunReport): void;
}

/**
 * Runs the runbook over the hosts: rolling batches, at most `concurrency` hosts at once, each host
 * at its own pace (free) or every host finishing a top-level task before the next (lockstep).
 */
export async function runEngine(options: EngineOptions): Promise<RunReport> {
  const startedAt = Date.now();
  const results: HostResult[] = options.hosts.map((h) => ({
    name: h.name,
    address: h.address,
    status: 'not-run',
    tasks: [],
  }));
  // Built whenever a host finishes (onProgress): the totals, a walk over every task of every
  // host, are only counted when read, or a large fleet would count them hosts² times.
  const report = (): RunReport => {
    const finishedAt = Date.now();
    return {
      runbook: options.runbook.file,
      name: options.runbook.name,
      check: options.check,
      strategy: options.strategy,
      startedAt,
      finishedAt,
      durationMs: finishedAt - startedAt,
      cancelled: options.signal.aborted,
      stoppedEarly,
      hosts: results,
      get totals() {
        return totals(results);
      },
    };
  };
  let stoppedEarly: string | undefined;
  const shared = sharedRun(options.inventoryHosts ?? options.hosts, options.connect, (run) =>
    runHandlers(run, options),
  );
  const size = options.batchSize && options.batchSize > 0 ? options.batchSize : options.hosts.length;
  const hostSlots = new Semaphore(Math.max(1, options.concurrency));
  let done = 0;
  let failedSoFar = 0;
  for (let start = 0; start < options.hosts.length; start += size) {
    if (options.signal.aborted) break;
    const batch = options.hosts.slice(start, start + size);
    if (size < options.hosts.length) core.info(`Batch ${start / size + 1}: ${batch.map((h) => h.name).join(', ')}`);
    const runs = batch.map((host, i) => {
      const index = start + i;
      const logger =
        options.strategy === 'free' ? new BufferedGroup(`${host.name} (${host.address})`) : prefixed(host.name);
      let run: HostRun;
      try {
        const scope = baseScope(host, options.sources);
        run = new HostRun(host, scope, { ...hostSettings(options), shared }, logger);
      } catch (error) {
        run = new HostRun(host, {}, { ...hostSettings(options), shared }, logger);
        run.fail('failed', errorMessage(error));
      }
      results[index] = run.result;
      return { run, logger };
    });
    if (options.strategy === 'free') {
      await Promise.all(
        runs.map(({ run, logger }) =>
          hostSlots.use(async () => {
            await runWholeHost(run, options);
            (logger as BufferedGroup).flush();
            options.onProgress?.(report());
          }),
        ),
      );
    } else {
      await runLockstep(
        runs.map((r) => r.run),
        options,
        hostSlots,
      );
      options.onProgress?.(report());
    }
    done += batch.length;
    failedSoFar += runs.filter(
      ({ run }) => run.result.status === 'failed' || run.result.status === 'unreachable',
    ).length;
    if (options.maxFailPercentage !== undefined && start + size < options.hosts.length) {
      const pct = (failedSoFar / done) * 100;
      if (pct > options.maxFailPercentage) {
        stoppedEarly = `${failedSoFar} of ${done} hosts failed (${pct.toFixed(0)}% > max-fail-percentage ${options.maxFailPercentage}%); later batches were not started`;
        core.warning(stoppedEarly);
        break;
      }
    }
  }
  await shared.close();
  // The final report as plain data: totals counted once.
  return { ...report() };
}

function hostSettings(options: EngineOptions) {
  return {
    check: options.check,
    become: options.runbook.become,
    workspace: options.workspace,
    selected: options.selected,
    signal: options.signal,
    overrides: overrides(options.sources),
  };
}

async function open(run: HostRun, options: EngineOptions): Promise<boolean> {
  if (run.stopped) return false;
  try {
    run.conn = await options.connect(run.host);
    if (options.runbook.gatherFacts) return await gatherFacts(run);
    return true;
  } catch (error) {
    run.fail(options.signal.aborted ? 'cancelled' : 'unreachable', errorMessage(error));
    run.log.info(`unreachable: ${errorMessage(error)}`);
    return false;
  }
}

async function close(run: HostRun): Promise<void> {
  await run.conn?.close().catch(() => undefined);
}

async function runWholeHost(run: HostRun, options: EngineOptions): Promise<void> {
  const started = performance.now();
  run.result.startedAt = Date.now();
  try {
    if (!(await open(run, options))) return;
    await run.runList(options.runbook.tasks);
    await runHandlers(run, options);
  } catch (error) {
    run.fail('failed', errorMessage(error));
  } finally {
    await close(run);
    run.result.durationMs = Math.round(performance.now() - started);
  }
}

async function runHandlers(run: HostRun, options: EngineOptions): Promise<void> {
  if (run.stopped && options.runbook.forceHandlers && run.notified.size > 0)
    return withFailureHeld(run, () => runHandlers(run, options));
  if (run.stopped || run.notified.size === 0) return;
  // Handlers run once per host, in the order they are defined, and only if something notified them.
  const due = options.runbook.handlers.filter((h) => run.notified.has(h.name));
  run.log.info(`handlers: ${due.map((h) => h.name).join(', ')}`);
  run.notified.clear();
  await run.runList(due, run.scope, true);
}

async function runLockstep(runs: HostRun[], options: EngineOptions, slots: Semaphore): Promise<void> {
  const started = performance.now();
  for (const run of runs) run.result.startedAt = Date.now();
  await Promise.all(runs.map((run) => slots.use(() => open(run, options))));
  const steps: { title: string; tasks: Task[]; handler: boolean }[] = options.runbook.tasks.map((t) => ({
    title: t.name,
    tasks: [t],
    handler: false,
  }));
  steps.push({ title: 'handlers', tasks: [], handler: true });
  try {
    for (const step of steps) {
      const active = runs.filter((r) => !r.stopped);
      if (active.length === 0 || options.signal.aborted) break;
      if (!step.handler && !step.tasks.some(options.selected)) continue;
      if (step.handler && !active.some((r) => r.notified.size > 0)) continue;
      await core.group(`${step.title} (${active.length} host${active.length === 1 ? '' : 's'})`, async () => {
        await Promise.all(
          active.map((run) =>
            slots.use(async () => {
              try {
                if (step.handler) await runHandlers(run, options);
                else await run.runList(step.tasks);
              } catch (error) {
                run.fail('failed', errorMessage(error));
              }
            }),
          ),
        );
      });
    }
  } finally {
    await Promise.all(runs.map(close));
    for (const run of runs) run.result.durationMs = Math.round(performance.now() - started);
  }
}

export type { Logger };
