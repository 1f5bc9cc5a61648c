import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { service, waitFor } from '../harness';
import { cleanup, report, reportText, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';
import { sessionSshd } from './processes';

/**
 * What a production fleet does to a run: a host that accepts TCP but never speaks SSH, a
 * connection dropped mid-task, a host that stops answering. Each time the other hosts finish, the
 * report, summary and outputs are complete, and the run fails naming the host.
 */
describe.skipIf(!service('sshd').available)('runbook faults over SSH', () => {
  let dir: string;
  let silent: Server;
  let silentPort: number;
  const held: Socket[] = [];
  const good = [2, 3, 4, 5].map((n) => `g${n} ansible_host=127.0.0.${n}`).join('\n');

  beforeAll(async () => {
    dir = workspace({
      'work.yml': [
        'name: work',
        'hosts: all',
        'tasks:',
        '  - name: first',
        '    shell: echo first ${host.name}',
        '  - name: work',
        '    shell: |',
        '      if [ "${host.name}" = victim ]; then echo $$ > ${dir}/victim.pid; exec sleep 60; fi',
        '      echo worked',
        '  - name: last',
        '    shell: echo last ${host.name} > ${dir}/last-${host.name}',
        '',
      ].join('\n'),
    });
    // A tarpit: accepts connections and never sends the SSH banner.
    silent = createServer((socket) => {
      socket.on('error', () => undefined);
      held.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
    cleanup(dir);
  });

  function inventory(extra: string): Record<string, string> {
    return {
      runbook: 'work.yml',
      inventory: 'hosts.ini',
      vars: `dir: ${dir}`,
      ...sshInputs(),
      'connect-timeout': '2s',
      __ini: `[fleet]\n${good}\n${extra}\n\n[fleet:vars]\nansible_port=${sshPort()}\n`,
    };
  }

  async function run(extra: string, during?: () => Promise<void>): Promise<RunBundleResult> {
    const { __ini, ...inputs } = inventory(extra);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'hosts.ini'), __ini as string);
    const pending = runbook(dir, inputs);
    if (during) {
      // If the run ends before the fault could be injected, show why instead of waiting out the deadline.
      const early = pending.then((r) => {
        throw new Error(`the run ended before the fault was injected:\n${visibleLog(r)}`);
      });
      await Promise.race([during(), early]);
      early.catch(() => undefined);
    }
    return pending;
  }

  /** Everything a fault must leave: the others done, a complete report, summary and outputs naming the host. */
  function expectFaultReported(result: RunBundleResult, host: string, status: string, reason: RegExp): void {
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    expect(log).not.toMatch(/Unhandled 'error' event|uncaught/i);
    const r = report(result);
    const faulty = r.hosts.find((h) => h.name === host);
    expect(faulty, reportText(result)).toMatchObject({ status });
    expect(faulty?.error).toMatch(reason);
    for (const n of [2, 3, 4, 5]) {
      expect(r.hosts.find((h) => h.name === `g${n}`)?.status, log).toBe('ok');
      expect(readFileSync(join(dir, `last-g${n}`), 'utf8')).toBe(`last g${n}\n`);
    }
    expect(result.outputs.failed).toBe('1');
    expect(result.outputs['failed-hosts']).toBe(host);
    expect(result.summary).toContain(host);
    expect(result.annotations.some((a) => a.level === 'error' && a.message.includes(host))).toBe(true);
  }

  it('a host that accepts TCP but never speaks SSH is unreachable; the others finish', async () => {
    const result = await run(`victim ansible_host=127.0.0.1 ansible_port=${silentPort}`);
    expectFaultReported(result, 'victim', 'unreachable', /unreachable after 3 attempts: .*handshake/i);
  });

  it('a connection dropped mid-task (the session sshd killed) fails that host as unreachable', async () => {
    const pidFile = join(dir, 'victim.pid');
    let killed: number[] = [];
    const result = await run('victim ansible_host=127.0.0.6', async () => {
      await waitFor('the victim task', () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), {
        timeoutMs: 90_000,
      });
      const task = Number(readFileSync(pidFile, 'utf8'));
      killed = sessionSshd(task);
      expect(killed.length).toBeGreaterThan(0);
      for (const pid of killed) process.kill(pid, 'SIGKILL');
      try {
        process.kill(task, 'SIGKILL');
      } catch {
        /* already gone with its session */
      }
    });
    expectFaultReported(result, 'victim', 'unreachable', /work: connection to 127\.0\.0\.6:\d+ lost/);
  });

  it('a host that stops answering mid-run is detected by keepalives', async () => {
    const pidFile = join(dir, 'victim.pid');
    const { rmSync } = await import('node:fs');
    rmSync(pidFile, { force: true });
    let frozen: number[] = [];
    let task = 0;
    try {
      const result = await run('victim ansible_host=127.0.0.7', async () => {
        await waitFor('the victim task', () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').endsWith('\n'), {
          timeoutMs: 90_000,
        });
        task = Number(readFileSync(pidFile, 'utf8'));
        frozen = sessionSshd(task);
        expect(frozen.length).toBeGreaterThan(0);
        // The kernel still ACKs TCP for a stopped process: only SSH-level keepalives notice.
        for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      });
      expectFaultReported(result, 'victim', 'unreachable', /connection to 127\.0\.0\.7:\d+ lost \(Keepalive timeout\)/);
    } finally {
      for (const pid of frozen) {
        try {
          process.kill(pid, 'SIGKILL');
          process.kill(pid, 'SIGCONT');
        } catch {
          /* gone */
        }
      }
      if (task) {
        try {
          process.kill(task, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  });
});
