import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service, waitFor } from '../harness';
import { cleanup, report, reportText, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';
import { actionPid, alive } from './processes';

/**
 * Stopping a run (SIGTERM from the runner on cancel) leaves a partial report naming what ran and
 * outputs that say the hosts cut short did not finish; odd destinations fail one task, never hang.
 */
describe.skipIf(!service('sshd').available)('runbook cancel, deadlines and odd destinations', () => {
  let dir: string;
  let fifoDir: string;
  beforeAll(() => {
    dir = workspace({
      'slow.yml': [
        'name: slow',
        'hosts: all',
        'tasks:',
        '  - name: first',
        '    shell: echo first',
        '  - name: second',
        '    shell: |',
        '      echo started > ${dir}/started-${host.name}',
        '      if [ "${slow}" = yes ]; then sleep 60; fi',
        '      echo finished > ${dir}/finished-${host.name}',
        '  - name: third',
        '    shell: echo done > ${dir}/done-${host.name}',
        '',
      ].join('\n'),
    });
    fifoDir = mkdtempSync(join(tmpdir(), 'rb-fifo-'));
    execFileSync('mkfifo', [join(fifoDir, 'pipe')]);
  });
  afterAll(() => {
    cleanup(dir);
    rmSync(fifoDir, { recursive: true, force: true });
  });

  it('SIGTERM during a 20-host run: partial report, and failed/failed-hosts name the hosts cut short', async () => {
    const fast = Array.from({ length: 10 }, (_, i) => `f${i + 1} ansible_host=127.0.0.${i + 1} slow=no`);
    const slow = Array.from({ length: 10 }, (_, i) => `s${i + 11} ansible_host=127.0.0.${i + 11} slow=yes`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'fleet.ini'),
      `${[...fast, ...slow].join('\n')}\n\n[all:vars]\nansible_port=${sshPort()}\n`,
    );
    const pending = runbook(dir, {
      ...sshInputs(),
      runbook: 'slow.yml',
      inventory: 'fleet.ini',
      vars: `dir: ${dir}`,
      concurrency: '20',
    });
    // Every fast host done, every slow host inside its long task: then the runner cancels.
    await waitFor(
      'all hosts to reach the long task',
      () =>
        fast.every((_, i) => existsSync(join(dir, `done-f${i + 1}`))) &&
        slow.every((_, i) => existsSync(join(dir, `started-s${i + 11}`))),
      { timeoutMs: 90_000 },
    );
    const pid = actionPid(dir);
    expect(pid, 'the action process').toBeDefined();
    process.kill(pid as number, 'SIGTERM');
    const result = await pending;
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    expect(log).toContain('SIGTERM received');
    const r = report(result);
    expect(r.cancelled, reportText(result)).toBe(true);
    for (let i = 1; i <= 10; i++) {
      const host = r.hosts.find((h) => h.name === `f${i}`);
      expect(host?.status).toBe('ok');
      expect(host?.tasks.map((t) => `${t.id}:${t.status}`)).toEqual([
        'first:changed',
        'second:changed',
        'third:changed',
      ]);
    }
    for (let i = 11; i <= 20; i++) {
      const host = r.hosts.find((h) => h.name === `s${i}`);
      expect(host?.status).toBe('cancelled');
      // What ran is named: the first task done, the second cut short, the third never started.
      expect(host?.tasks.map((t) => `${t.id}:${t.status}`)).toEqual(['first:changed', 'second:cancelled']);
      expect(existsSync(join(dir, `finished-s${i}`))).toBe(false);
    }
    const slowNames = slow.map((_, i) => `s${i + 11}`);
    expect(result.outputs.failed).toBe('10');
    expect(result.outputs['failed-hosts']?.split(',').sort()).toEqual(slowNames.sort());
    expect(result.summary).toContain('cancelled');
    expect(
      result.annotations.some(
        (a) => a.level === 'error' && /cancelled: 10 of 20 host\(s\) did not finish/.test(a.message),
      ),
    ).toBe(true);
  });

  it('a task timeout kills a command that ignores TERM and reports the timeout', async () => {
    const pidFile = join(dir, 'stubborn.pid');
    const w = workspace({
      'timeout.yml': [
        'name: timeout',
        'hosts: all',
        'tasks:',
        '  - name: stubborn',
        '    timeout: 1s',
        `    shell: trap "" TERM; echo $$ >> ${pidFile}; sleep 60 & wait; sleep 60`,
        '',
      ].join('\n'),
      'hosts.ini': `t1 ansible_host=127.0.0.21 ansible_port=${sshPort()}\nlocalhost ansible_connection=local\n`,
    });
    try {
      const result = await runbook(w, { ...sshInputs(), runbook: 'timeout.yml', inventory: 'hosts.ini' });
      expect(result.exitCode, visibleLog(result)).toBe(1);
      for (const host of report(result).hosts) {
        expect(host.tasks[0]?.status, host.name).toBe('failed');
        expect(host.tasks[0]?.msg, host.name).toBe('timed out after 1s');
      }
      // TERM was ignored; KILL follows in the background.
      const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
      await waitFor('the stubborn commands to be killed', () => pids.every((p) => !alive(p)), { timeoutMs: 30_000 });
    } finally {
      cleanup(w);
    }
  });

  it('a destination under /proc or a FIFO is a clear error for that task, not a hang', async () => {
    const pipe = join(fifoDir, 'pipe');
    const w = workspace({
      'odd.yml': [
        'name: odd',
        'hosts: all',
        'tasks:',
        '  - name: proc file',
        '    file: { path: /proc/uptime, content: "1\\n" }',
        '    ignore_errors: true',
        '  - name: proc new',
        '    file: { path: /proc/sys/kernel/paved-test, content: "1\\n" }',
        '    ignore_errors: true',
        '  - name: proc dir',
        '    file: { path: /proc/self/paved-dir, state: directory }',
        '    ignore_errors: true',
        '  - name: fifo',
        `    file: { path: ${pipe}, content: "1\\n" }`,
        '    ignore_errors: true',
        '  - name: after',
        '    shell: echo still running',
        '',
      ].join('\n'),
      'hosts.ini': `o1 ansible_host=127.0.0.22 ansible_port=${sshPort()}\nlocalhost ansible_connection=local\n`,
    });
    try {
      const result = await runbook(w, { ...sshInputs(), runbook: 'odd.yml', inventory: 'hosts.ini' });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      for (const host of report(result).hosts) {
        const msg = (id: string) => host.tasks.find((t) => t.id === id)?.msg;
        expect(msg('proc file'), host.name).toBe('/proc/uptime exists and is a pseudo-file, not a file');
        expect(msg('proc new'), host.name).toMatch(/^\/proc\/sys\/kernel\/paved-test is on a kernel pseudo-filesystem/);
        expect(msg('proc dir'), host.name).toMatch(/^\/proc\/self\/paved-dir is on a kernel pseudo-filesystem/);
        expect(msg('fifo'), host.name).toBe(`${pipe} exists and is a fifo, not a file`);
        expect(host.tasks.find((t) => t.id === 'after')?.status).toBe('changed');
      }
      expect(result.summary).toMatch(/8 failed \(ignored\)/);
      expect(result.summary).toMatch(/· 0 failed/);
    } finally {
      cleanup(w);
    }
  });
});
