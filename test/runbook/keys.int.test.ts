import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/** Encrypted ecdsa and rsa keys, bad keys, and the per-connection channel limit. */
describe.skipIf(!service('sshd').available)('runbook SSH keys and channels', () => {
  let dir: string;
  const PASS = 'correct horse battery';
  beforeAll(() => {
    dir = workspace({ 'hosts.ini': `k19 ansible_host=127.0.0.19 ansible_port=${sshPort()}\n` });
    const authorized = join(dirname(service('sshd').env.PAVED_SSH_KEY as string), 'authorized_keys');
    for (const [type, bits] of [
      ['ecdsa', '256'],
      ['rsa', '2048'],
    ]) {
      execFileSync('ssh-keygen', [
        '-q',
        '-t',
        type as string,
        '-b',
        bits as string,
        '-N',
        PASS,
        '-C',
        'paved-test-encrypted',
        '-f',
        join(dir, type as string),
      ]);
      appendFileSync(authorized, readFileSync(join(dir, `${type}.pub`), 'utf8'));
    }
    writeFileSync(
      join(dir, 'who.yml'),
      `hosts: all\ntasks:\n  - name: who\n    command: [sh, -c, 'echo $SSH_CONNECTION > ${dir}/conn-$0', '\${host.name}']\n`,
    );
  });
  afterAll(() => cleanup(dir));

  for (const type of ['ecdsa', 'rsa']) {
    it(`logs in with an encrypted ${type} key and its passphrase`, async () => {
      const result = await runbook(dir, {
        ...sshInputs(),
        'ssh-key': readFileSync(join(dir, type), 'utf8'),
        'ssh-passphrase': PASS,
        runbook: 'who.yml',
        inventory: 'hosts.ini',
      });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(readFileSync(join(dir, 'conn-k19'), 'utf8')).toContain(`127.0.0.19 ${sshPort()}`);
      expect(visibleLog(result)).not.toContain(PASS);
    });
  }

  it('refuses a wrong passphrase or a public key before connecting anywhere', async () => {
    const wrong = await runbook(dir, {
      ...sshInputs(),
      'ssh-key': readFileSync(join(dir, 'ecdsa'), 'utf8'),
      'ssh-passphrase': 'nope',
      runbook: 'who.yml',
      inventory: 'hosts.ini',
    });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain('The ssh-key input is encrypted and the ssh-passphrase does not open it');
    expect(wrong.outputs.report).toBeUndefined();
    const pub = await runbook(dir, {
      ...sshInputs(),
      'ssh-key': readFileSync(join(dir, 'rsa.pub'), 'utf8'),
      runbook: 'who.yml',
      inventory: 'hosts.ini',
    });
    expect(pub.exitCode).toBe(1);
    expect(pub.stdout).toContain('is a public key; the private key is needed');
  });

  it('runs a 12-task parallel block over one connection within sshd MaxSessions', async () => {
    const children = Array.from(
      { length: 12 },
      (_, i) =>
        `      - name: p${i}\n        shell: date +%s%N > ${dir}/start-${i}; sleep 0.3; date +%s%N > ${dir}/end-${i}\n`,
    ).join('');
    writeFileSync(join(dir, 'par.yml'), `hosts: all\ntasks:\n  - name: many\n    parallel:\n${children}`);
    const result = await runbook(dir, { ...sshInputs(), runbook: 'par.yml', inventory: 'hosts.ini' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const tasks = report(result).hosts[0]!.tasks;
    expect(tasks).toHaveLength(12);
    expect(tasks.every((t) => t.status === 'changed')).toBe(true);
    // 8 channels at once: judged from the order of starts and ends, not from how long the run
    // took (a busy machine stretches every task, never the order).
    // The host's own clock says when each command really ran (the report counts a task from when
    // it was queued for a channel).
    const stamp = (name: string) => Number(readFileSync(join(dir, name), 'utf8').trim());
    const events = tasks.flatMap((_, i) => [
      { at: stamp(`start-${i}`), delta: 1 },
      { at: stamp(`end-${i}`), delta: -1 },
    ]);
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let open = 0;
    let most = 0;
    for (const e of events) {
      open += e.delta;
      most = Math.max(most, open);
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
  });
});
