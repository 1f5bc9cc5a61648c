import { OperationError } from '../../../../shared/errors';
import { inspectContainer } from '../docker/inspect';
import { ContainerExited, SETUP_COMPLETE, sleep, waitForLogLine } from '../docker/lifecycle';
import type { Db2Instance } from './instance';

/**
 * Ready means serving, not started: IBM's entrypoint logs `(*) Setup has completed.` after its
 * scripts, but the instance can still be down (a failed db2start is only logged), so we then ask
 * the instance itself (db2gcf -s) and finally each database (CONNECT + SELECT 1).
 */
export interface ReadinessStep {
  step: string;
  ms: number;
}

export async function waitReady(
  db2: Db2Instance,
  databases: readonly string[],
  since: string,
  deadline: number,
  /** watchRestarts: the container was started without a restart policy, so any restart is a crash loop. */
  options: { skipLog?: boolean; watchRestarts?: boolean } = {},
): Promise<ReadinessStep[]> {
  const steps: ReadinessStep[] = [];
  let t = performance.now();
  const mark = (step: string) => {
    const now = performance.now();
    steps.push({ step, ms: Math.round(now - t) });
    t = now;
  };
  if (!options.skipLog) {
    await waitForLogLine(db2.container, SETUP_COMPLETE, since, deadline, 250, options.watchRestarts);
    mark('log line');
  }
  for (;;) {
    if (await db2.gcfAvailable().catch(() => false)) break;
    await stillRunning(db2.container, options.watchRestarts);
    if (Date.now() > deadline)
      throw new OperationError(`instance ${db2.instance} in ${db2.container} is not available (db2gcf -s)`);
    await sleep(500);
  }
  mark('db2gcf -s');
  for (const db of databases) {
    for (;;) {
      const r = await db2.probe(db).catch((error: Error) => ({ exitCode: 124, stdout: error.message, stderr: '' }));
      if (r.exitCode === 0) break;
      await stillRunning(db2.container, options.watchRestarts);
      if (Date.now() > deadline) {
        const msg = `${r.stdout}${r.stderr}`.match(/SQL\d{4,5}[NCW][^\n]*/)?.[0] ?? `exit ${r.exitCode}`;
        throw new OperationError(`database ${db} in ${db2.container} does not answer CONNECT/SELECT 1: ${msg}`);
      }
      await sleep(500);
    }
  }
  if (databases.length > 0) mark(`CONNECT + SELECT 1 (${databases.join(', ')})`);
  return steps;
}

/** A container that exited (or was restarted) while we wait will not become ready: fail now. */
async function stillRunning(container: string, watchRestarts = false): Promise<void> {
  const c = await inspectContainer(container);
  if (!c) throw new ContainerExited(`container ${container} disappeared`);
  if (!c.State.Running) throw new ContainerExited(`container ${container} exited (exit code ${c.State.ExitCode})`);
  if (watchRestarts && (c.RestartCount ?? 0) > 0)
    throw new ContainerExited(`container ${container} was restarted ${c.RestartCount} time(s) by its restart policy`);
}
