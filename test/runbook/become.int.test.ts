import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, service } from '../harness';
import { cleanup, expectRefused, report, reportText, runbook, sshInputs, visibleLog, workspace } from './helpers';
import { type SshdInstance, startSshd } from './sshd-instance';

const OPERATOR = 'paved13op';
const APP = 'paved13app';
const PASSWORD = 'sudo-Pw-7c41e9d2';
const SUDOERS = '/etc/sudoers.d/paved13op';
const hasSudo = onPath('sudo');
const isRoot = process.getuid?.() === 0;

/**
 * become over real SSH as an unprivileged user whose sudo asks for a password: become: true with
 * ansible_become_password from secrets (fed to sudo -S, never on argv or in a log), and
 * become_user switching to another user. The test creates the users and the sudoers rule itself.
 */
describe.skipIf(!service('sshd').available || (!IN_CI && (!hasSudo || !isRoot)))(
  'runbook become_user and become password over SSH',
  () => {
    let dir: string;
    let sshd: SshdInstance;
    const uid = (name: string) => Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    beforeAll(async () => {
      for (const user of [OPERATOR, APP]) {
        execFileSync('sh', ['-c', `id ${user} >/dev/null 2>&1 || useradd -m -s /bin/sh ${user}`]);
      }
      // The shared sshd reads one root-owned authorized_keys; the operator logs in with its own.
      const home = `/home/${OPERATOR}`;
      execFileSync('install', ['-d', '-m', '0700', '-o', OPERATOR, '-g', OPERATOR, `${home}/.ssh`]);
      writeFileSync(`${home}/.ssh/authorized_keys`, readFileSync(`${service('sshd').env.PAVED_SSH_KEY}.pub`));
      execFileSync('chown', [`${OPERATOR}:${OPERATOR}`, `${home}/.ssh/authorized_keys`]);
      sshd = await startSshd([`Match User ${OPERATOR}`, `  AuthorizedKeysFile ${home}/.ssh/authorized_keys`]);
      execFileSync('chpasswd', { input: `${OPERATOR}:${PASSWORD}\n` });
      writeFileSync(SUDOERS, `${OPERATOR} ALL=(ALL:ALL) ALL\n`, { mode: 0o440 });
      dir = workspace({
        'site.yml': [
          'name: become',
          'hosts: all',
          'become: true',
          'tasks:',
          '  - name: out',
          '    file: { path: "${out}", state: directory, mode: "0755" }',
          '  - name: root file',
          '    file: { path: "${out}/root-file", content: "root only\\n", mode: "0600" }',
          '  - name: who',
          '    command: id -un',
          `    become_user: ${APP}`,
          '    register: who',
          '    changed_when: false',
          '  - name: is app',
          `    assert: { that: "who.stdout == '${APP}'" }`,
          '  - name: app file',
          `    file: { path: "/home/${APP}/paved13-app-file", content: "app\\n" }`,
          `    become_user: ${APP}`,
          '  - name: plain',
          '    command: id -un',
          '    become: false',
          '    register: plain',
          '    changed_when: false',
          '  - name: is operator',
          `    assert: { that: "plain.stdout == '${OPERATOR}'" }`,
          '',
        ].join('\n'),
      });
      writeFileSync(
        join(dir, 'inventory.yml'),
        [
          'all:',
          '  hosts:',
          '    op1:',
          '      ansible_host: 127.0.0.1',
          `      ansible_port: ${sshd.port}`,
          `      ansible_user: ${OPERATOR}`,
          '      ansible_become_password: "${secrets.sudo_pw}"',
          `      out: ${dir}/out`,
          '',
        ].join('\n'),
      );
    });
    afterAll(async () => {
      await sshd?.stop();
      cleanup(dir);
      rmSync(SUDOERS, { force: true });
      rmSync(`/home/${APP}/paved13-app-file`, { force: true });
    });

    const inputs = (password = PASSWORD) => ({
      ...sshInputs(),
      'known-hosts': sshd.knownHosts,
      runbook: 'site.yml',
      inventory: 'inventory.yml',
      secrets: JSON.stringify({ sudo_pw: password }),
    });
    const leaks = (result: Awaited<ReturnType<typeof runbook>>) =>
      [visibleLog(result), result.summary, result.outputs.report ? reportText(result) : ''].some((t) =>
        t.includes(PASSWORD),
      );

    it('plans in check mode without changing anything', async () => {
      const result = await runbook(dir, { ...inputs(), check: 'true' });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(leaks(result)).toBe(false);
    });

    it('runs privileged tasks through sudo with the password, and as become_user', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      const rootFile = statSync(join(dir, 'out/root-file'));
      expect([rootFile.uid, rootFile.mode & 0o777]).toEqual([0, 0o600]);
      expect(statSync(`/home/${APP}/paved13-app-file`).uid).toBe(uid(APP));
      expect(readFileSync(`/home/${APP}/paved13-app-file`, 'utf8')).toBe('app\n');
      expect(leaks(result)).toBe(false);
    });

    it('changes nothing on the second run', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(report(result).totals.changed).toBe(0);
    });

    it('fails clearly on a wrong password and still never shows it', async () => {
      const wrong = `${PASSWORD}-wrong`;
      const result = await runbook(dir, inputs(wrong));
      expect(result.exitCode).not.toBe(0);
      expect(report(result).hosts[0]!.error).toContain('sudo refused the become password');
      expect(visibleLog(result)).not.toContain(wrong);
      expect(reportText(result)).not.toContain(wrong);
    });

    it('refuses a become_user that is not a name, with file and line', async () => {
      await expectRefused(
        dir,
        'tasks:\n  - name: x\n    command: id\n    become_user: [a, b]\n',
        'become_user must be a user name',
        4,
      );
    });
  },
);
