import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, service, waitFor } from '../harness';
import { cleanup, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/** Host-key policy off, owners by name, and cancellation of commands running on remote hosts. */
describe.skipIf(!service('sshd').available)('runbook over SSH: policy off, owners, cancellation', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'hosts.ini': `[two]\ne20 ansible_host=127.0.0.20\ne21 ansible_host=127.0.0.21\n\n[two:vars]\nansible_port=${sshPort()}\n`,
    });
  });
  afterAll(() => cleanup(dir));

  it('host-key-policy off connects without pins, and says so', async () => {
    writeFileSync(join(dir, 'hi.yml'), `hosts: e20\ntasks:\n  - name: hi\n    shell: touch ${dir}/off-was-here\n`);
    const result = await runbook(dir, {
      ...sshInputs(),
      'known-hosts': '',
      'host-key-policy': 'off',
      runbook: 'hi.yml',
      inventory: 'hosts.ini',
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(existsSync(join(dir, 'off-was-here'))).toBe(true);
    expect(result.annotations.some((a) => a.level === 'warning' && a.message.includes('host-key-policy is off'))).toBe(
      true,
    );
  });

  it('sets owner and group by name and is idempotent about them', async () => {
    writeFileSync(
      join(dir, 'own.yml'),
      `hosts: e20\ntasks:\n  - name: dir\n    file: { path: ${dir}/owned, state: directory, owner: root, group: root, mode: "0710" }\n  - name: file\n    file: { path: ${dir}/owned/f, content: "x\\n", owner: root, group: "0", mode: "0604" }\n`,
    );
    const first = await runbook(dir, { ...sshInputs(), runbook: 'own.yml', inventory: 'hosts.ini' });
    expect(first.exitCode, visibleLog(first)).toBe(0);
    expect(statSync(join(dir, 'owned')).mode & 0o777).toBe(0o710);
    expect(statSync(join(dir, 'owned/f')).mode & 0o777).toBe(0o604);
    const second = await runbook(dir, { ...sshInputs(), runbook: 'own.yml', inventory: 'hosts.ini' });
    expect(second.outputs.changed).toBe('0');
  });

  it('cancels commands running on remote hosts on SIGTERM and writes the partial report', async () => {
    writeFileSync(
      join(dir, 'slow.yml'),
      `hosts: two\ntasks:\n  - name: quick\n    shell: "true"\n  - name: slow\n    shell: touch ${dir}/slow-\${host.name}; sleep 47\n  - name: never\n    shell: touch ${dir}/never-\${host.name}\n`,
    );
    const outFile = join(dir, 'gh-output');
    writeFileSync(outFile, '');
    const env: Record<string, string> = {
      ...process.env,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: outFile,
      RUNNER_TEMP: join(dir, '.rt'),
    } as Record<string, string>;
    for (const [k, v] of Object.entries({ ...sshInputs(), runbook: 'slow.yml', inventory: 'hosts.ini' }))
      env[`INPUT_${k.toUpperCase()}`] = v;
    const child = spawn(process.execPath, [join(ROOT, 'dist/runbook/index.js')], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    // SIGTERM once both hosts run the slow task (their marker files exist), not after a guessed delay.
    await waitFor('the slow task to start on both hosts', () =>
      ['e20', 'e21'].every((h) => existsSync(join(dir, `slow-${h}`))),
    );
    child.kill('SIGTERM');
    const code = await closed;
    expect(code).toBe(1);
    const path = /report<<(\S+)\n(.*)\n/.exec(readFileSync(outFile, 'utf8'))?.[2] ?? '';
    const rep = JSON.parse(readFileSync(path, 'utf8'));
    expect(rep.cancelled).toBe(true);
    for (const h of rep.hosts) {
      expect(h.tasks.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)).toEqual([
        'quick:changed',
        'slow:cancelled',
      ]);
    }
    expect(existsSync(join(dir, 'never-e20'))).toBe(false);
    expect(out).toContain('SIGTERM received');
    // The remote commands were killed (their process groups), not left running on the hosts.
    await waitFor('the remote sleep to be killed', () => spawnSync('pgrep', ['-f', 'sleep 47']).status === 1);
  });
});
