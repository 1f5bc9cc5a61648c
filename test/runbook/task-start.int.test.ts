import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

const TASKS = 8;

/**
 * A task that waits for a shell of its connection (here: 8 parallel tasks, 5 persistent shells
 * per host) has not started: the report and the summary's Gantt chart count it from the moment
 * it got one, and keep the wait apart as queuedMs.
 */
describe.skipIf(!service('sshd').available)('runbook task start time', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({});
    // Each command stamps its start and end with the host's clock (the same clock: loopback),
    // then idles 0.2 s more: its shell is handed on only after that, so a queued task cannot
    // really begin before another task's end stamp.
    const children = Array.from(
      { length: TASKS },
      (_, i) =>
        `      - name: p${i}\n        shell: date +%s%N > ${dir}/start-${i}; sleep 1; date +%s%N > ${dir}/end-${i}; sleep 0.2\n`,
    ).join('');
    writeFileSync(join(dir, 'par.yml'), `name: queue\nhosts: all\ntasks:\n  - name: many\n    parallel:\n${children}`);
    const first = Array.from(
      { length: 5 },
      (_, i) =>
        `      - name: p${i}\n        shell: date +%s%N > ${dir}/lstart-${i}; sleep 1; date +%s%N > ${dir}/lend-${i}; sleep 0.2\n`,
    ).join('');
    writeFileSync(
      join(dir, 'loop.yml'),
      `name: queue\nhosts: all\ntasks:\n  - name: many\n    parallel:\n${first}` +
        `      - name: looped\n        loop: [a, b]\n        shell: date +%s%N > ${dir}/item-\${item}\n`,
    );
    writeFileSync(join(dir, 'hosts.ini'), `q ansible_host=127.0.0.21 ansible_port=${sshPort()}\n`);
  });
  afterAll(() => cleanup(dir));

  it('counts a task from when it got a shell, not from when it queued for one', async () => {
    const result = await runbook(dir, { ...sshInputs(), runbook: 'par.yml', inventory: 'hosts.ini' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const run = report(result);
    const tasks = run.hosts[0]!.tasks as ((typeof run.hosts)[0]['tasks'][0] & { queuedMs?: number; name: string })[];
    expect(tasks).toHaveLength(TASKS);
    const stamp = (name: string) => Number(readFileSync(join(dir, name), 'utf8').trim()) / 1e6;
    const ends = tasks.map((_, i) => stamp(`end-${i}`));
    const queued = tasks.filter((t) => (t.queuedMs ?? 0) > 0);
    // Five shells: three tasks waited for one.
    expect(queued.length).toBeGreaterThan(0);
    for (const t of queued) {
      // It began after a shell came free, i.e. after some other task's command had ended on the
      // host; before the fix it was counted from the start of the block, before any command ended.
      expect(t.startedAt).toBeGreaterThan(Math.min(...ends));
      // Its bar is its own command: the sleep, not the sleep plus the wait.
      expect(t.durationMs).toBeGreaterThanOrEqual(1000);
    }
    for (const t of tasks.filter((t) => t.queuedMs === undefined)) expect(t.startedAt).toBeLessThan(Math.min(...ends));
    // The summary's Gantt chart draws every bar from the task's real start.
    const chart = /```mermaid\n(gantt[\s\S]*?)```/.exec(result.summary)?.[1] ?? '';
    for (const t of tasks)
      expect(chart).toContain(
        `${t.name} :active, ${t.startedAt - (run as unknown as { startedAt: number }).startedAt}, ${t.durationMs}ms`,
      );
  });

  it('counts a loop from when its first item got a shell', async () => {
    const result = await runbook(dir, { ...sshInputs(), runbook: 'loop.yml', inventory: 'hosts.ini' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const tasks = report(result).hosts[0]!.tasks as unknown as { name: string; startedAt: number; queuedMs?: number }[];
    const looped = tasks.find((t) => t.name === 'looped');
    const stamp = (name: string) => Number(readFileSync(join(dir, name), 'utf8').trim()) / 1e6;
    // Five shells, five tasks ahead of it: the loop's first item waited for one.
    expect(looped?.queuedMs).toBeGreaterThan(0);
    expect(looped?.startedAt).toBeGreaterThan(Math.min(...Array.from({ length: 5 }, (_, i) => stamp(`lend-${i}`))));
  });
});
