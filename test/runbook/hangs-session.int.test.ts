import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, service, waitFor } from '../harness';
import { cleanup, report, runbook, sshHostKey, sshInputs, sshPort, visibleLog, workspace } from './helpers';
import { actionPid } from './processes';

const require = createRequire(import.meta.url);
const { Server } = require('ssh2') as typeof import('ssh2');

/**
 * Two waits that had no end. A host that accepts the login and then never opens a session (sshd
 * stuck in PAM, a home directory on an unresponsive NFS server): ssh2's channel opens have no
 * deadline and keepalives keep the connection "alive", so the run waited for ever. And a cancel
 * during a task's retry `delay` waited the delay out before stopping.
 */
describe.skipIf(!service('sshd').available)('runbook waits that must end', () => {
  let dir: string;
  let mute: import('ssh2').Server;
  let port: number;
  let hostKey: string;
  beforeAll(async () => {
    const { pub, privateKeyFile: keyFile } = sshHostKey();
    hostKey = pub;
    // An SSH server (ssh2's) that lets anyone in and then ignores every session request.
    mute = new Server({ hostKeys: [readFileSync(keyFile)] }, (client) => {
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => ctx.accept());
      client.on('session', () => undefined);
    });
    port = await closedPort('127.0.4.2');
    await new Promise<void>((resolve) => mute.listen(port, '127.0.4.2', () => resolve()));
    dir = workspace({
      'site.yml': 'hosts: all\ntasks:\n  - name: mark\n    shell: echo done > ${dir}/${host.name}\n',
      'retry.yml': [
        'hosts: all',
        'tasks:',
        '  - name: flaky',
        '    shell: echo tried >> ${dir}/tries; false',
        '    retries: 3',
        '    delay: 3600',
        '',
      ].join('\n'),
      'hosts.ini': `mute ansible_host=127.0.4.2 ansible_port=${port}\ngood ansible_host=127.0.0.1 ansible_port=${sshPort()}\n`,
      'one.ini': `good ansible_host=127.0.0.1 ansible_port=${sshPort()}\n`,
    });
  });
  afterAll(async () => {
    await new Promise((r) => mute.close(r));
    cleanup(dir);
  });

  it('gives up on a host that logs in but never opens a session, and finishes the others', async () => {
    const ssh = sshInputs();
    const result = await runbook(dir, {
      ...ssh,
      'known-hosts': `${ssh['known-hosts']}\n[127.0.4.2]:${port} ${hostKey}\n`,
      runbook: 'site.yml',
      inventory: 'hosts.ini',
      vars: `dir: ${dir}`,
    });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    expect(readFileSync(join(dir, 'good'), 'utf8')).toBe('done\n');
    expect(existsSync(join(dir, 'mute'))).toBe(false);
    expect(result.outputs['failed-hosts']).toBe('mute');
    const host = report(result).hosts.find((h) => h.name === 'mute');
    expect(host?.status).toBe('unreachable');
    expect(host?.error).toContain(
      `127.0.4.2:${port} logged us in but opened no session within 30s (sshd stuck in PAM, or the home directory on an unresponsive file system?)`,
    );
  });

  it('stops during a retry delay when the run is cancelled', async () => {
    const pending = runbook(dir, { ...sshInputs(), runbook: 'retry.yml', inventory: 'one.ini', vars: `dir: ${dir}` });
    await waitFor('the first attempt to fail', () => existsSync(join(dir, 'tries')), { timeoutMs: 90_000 });
    const pid = await waitFor('the action process', () => actionPid(dir), { timeoutMs: 30_000 });
    process.kill(pid, 'SIGTERM');
    // Before the fix the task slept out its hour-long delay: the test's own deadline would end it.
    const result = await pending;
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    expect(readFileSync(join(dir, 'tries'), 'utf8')).toBe('tried\n');
    const task = report(result).hosts[0]?.tasks.find((t) => t.id === 'flaky');
    expect(task?.status, log).toBe('cancelled');
    expect(result.outputs['failed-hosts']).toBe('good');
  });
});
