import { OperationError } from '../../../../shared/errors';
import { docker } from './cli';
import { inspectContainer } from './inspect';

export const SETUP_COMPLETE = '(*) Setup has completed.';

/** Docker's own clock for `docker logs --since`: the container's StartedAt, so restarts don't match old lines. */
export async function startedAt(container: string): Promise<string> {
  const c = await inspectContainer(container);
  if (!c) throw new OperationError(`container ${container} disappeared`);
  return c.State.StartedAt;
}

export async function logs(container: string, options: { since?: string; tail?: number } = {}): Promise<string> {
  const args = ['logs'];
  if (options.since) args.push('--since', options.since);
  if (options.tail !== undefined) args.push('--tail', String(options.tail));
  args.push(container);
  const r = await docker(args, { quiet: true, ignoreReturnCode: true });
  // The entrypoint writes to both streams; order between them does not matter for a marker line.
  return `${r.stdout}${r.stderr}`;
}

/**
 * Waits until the container's log (since `since`) holds `line`. Fails fast when the container
 * exits, with the tail of its log, instead of waiting out the timeout.
 */
export async function waitForLogLine(
  container: string,
  line: string,
  since: string,
  deadline: number,
  pollMs = 250,
  watchRestarts = false,
): Promise<void> {
  for (;;) {
    const text = await logs(container, { since });
    if (text.includes(line)) return;
    const c = await inspectContainer(container);
    // A restart policy would hide an exit (Docker reports a restarting container as Running):
    // the count of restarts says so even then.
    if (!c?.State.Running || (watchRestarts && (c.RestartCount ?? 0) > 0)) {
      const tail = text.trim().split('\n').slice(-10).join('\n');
      const how = !c
        ? 'disappeared'
        : c.State.Running
          ? `was restarted ${c.RestartCount} time(s) by its restart policy`
          : `exited (exit code ${c.State.ExitCode})`;
      throw new ContainerExited(`container ${container} ${how} before logging "${line}"${tail ? `:\n${tail}` : ''}`);
    }
    if (Date.now() > deadline) {
      const tail = text.trim().split('\n').slice(-10).join('\n');
      throw new OperationError(
        `container ${container} did not log "${line}" in time${tail ? `; last lines:\n${tail}` : ''}`,
      );
    }
    await sleep(pollMs);
  }
}

/** The container exited (or restarted) while we waited for it: no point waiting any longer. */
export class ContainerExited extends OperationError {}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function stopContainer(container: string, timeoutSeconds: number): Promise<void> {
  await docker(['stop', '--time', String(timeoutSeconds), container], { timeoutMs: (timeoutSeconds + 60) * 1000 });
}

export async function startContainer(container: string): Promise<void> {
  await docker(['start', container]);
}

export async function removeContainer(container: string): Promise<void> {
  await docker(['rm', '--force', container], { ignoreReturnCode: true });
}

export async function renameContainer(from: string, to: string): Promise<void> {
  await docker(['rename', from, to]);
}

export async function setRestartPolicy(container: string, policy: string): Promise<void> {
  await docker(['update', '--restart', policy, container]);
}

/** A free container name: `base`, else `base-2`, `base-3`, … (a clash is handled, not fatal). */
export async function freeName(base: string, taken: ReadonlySet<string> = new Set()): Promise<string> {
  for (let i = 1; i < 100; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (taken.has(name)) continue;
    if (!(await inspectContainer(name))) return name;
  }
  throw new OperationError(`no free container name like ${base}`);
}
