import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, service } from '../harness';
import {
  cleanup,
  expectRefused,
  report,
  reportText,
  runbook,
  sshInputs,
  sshPort,
  visibleLog,
  workspace,
} from './helpers';

const HASH = '$6$paved13salt$ZdbI4ivTAyOsg/Pl0QsH/vKRI19NCmtNQ1jTwjt0too0VkUPLlpGevuVc1FDnlSO5YyMGoVMi1cUJjtcmyCn0.';
const SYSCTL = '/proc/sys/net/ipv4/tcp_keepalive_intvl';
const sh = (command: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8' }).trim();
const isRoot = process.getuid?.() === 0;
const hasCrontab = onPath('crontab');

/**
 * user, group, authorized_key, cron and sysctl over real SSH, as root on a loopback host: the
 * accounts, keys and cron entries are real (names paved13*, removed afterwards); sysctl changes
 * one per-network-namespace keepalive setting by one second and puts it back.
 */
describe.skipIf(!service('sshd').available || (!IN_CI && (!isRoot || !hasCrontab)))(
  'runbook system modules over SSH',
  () => {
    let dir: string;
    let original: string;
    beforeAll(() => {
      original = readFileSync(SYSCTL, 'utf8').trim();
      dir = workspace({});
      cpSync(join(__dirname, 'fixtures/modules-system'), dir, { recursive: true });
      writeFileSync(
        join(dir, 'inventory.yml'),
        `all:\n  hosts:\n    h1: { ansible_host: 127.0.0.24, ansible_port: ${sshPort()}, root: "${dir}" }\n`,
      );
    });
    afterAll(() => {
      writeFileSync(SYSCTL, `${original}\n`);
      sh('userdel -r paved13u 2>/dev/null; groupdel paved13g1 2>/dev/null; groupdel paved13g2 2>/dev/null; true');
      rmSync('/etc/cron.d/paved13-cleanup', { force: true });
      cleanup(dir);
    });
    const inputs = (rb = 'site.yml') => ({
      ...sshInputs(),
      runbook: rb,
      inventory: 'inventory.yml',
      vars: JSON.stringify({ password_hash: HASH, keepalive: String(Number(original) + 1) }),
    });
    const changed = (result: Awaited<ReturnType<typeof runbook>>) =>
      report(result)
        .hosts[0]!.tasks.filter((t) => t.status === 'changed')
        .map((t) => t.id);

    it('creates groups, the user, its key, cron entries and the sysctl setting', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(sh('getent group paved13g1')).toMatch(/^paved13g1:x:34501:/);
      expect(sh('getent passwd paved13u')).toBe('paved13u:x:34502:34501:Paved test:/home/paved13u:/bin/sh');
      expect(sh('id -Gn paved13u').split(' ').sort()).toEqual(['paved13g1', 'paved13g2']);
      expect(sh('getent shadow paved13u').split(':')[1]).toBe(HASH);
      const keys = '/home/paved13u/.ssh/authorized_keys';
      expect(readFileSync(keys, 'utf8')).toContain('deploy@paved');
      expect([statSync(keys).mode & 0o777, statSync(keys).uid]).toEqual([0o600, 34502]);
      expect(statSync('/home/paved13u/.ssh').mode & 0o777).toBe(0o700);
      expect(sh('crontab -u paved13u -l')).toBe('#Ansible: backup\n30 2 * * * /bin/true backup');
      expect(readFileSync('/etc/cron.d/paved13-cleanup', 'utf8')).toBe(
        '#Ansible: cleanup\n@daily paved13u /bin/true\n',
      );
      expect(readFileSync(SYSCTL, 'utf8').trim()).toBe(String(Number(original) + 1));
      expect(readFileSync(join(dir, 'sysctl.conf'), 'utf8')).toBe(
        `net.ipv4.tcp_keepalive_intvl=${Number(original) + 1}\n`,
      );
      expect(reportText(result)).not.toContain(HASH);
    });

    it('changes nothing on the second run', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(changed(result)).toEqual([]);
    });

    it('plans drift back in check mode, changing nothing', async () => {
      sh('usermod -s /bin/bash paved13u');
      rmSync('/etc/cron.d/paved13-cleanup');
      const result = await runbook(dir, { ...inputs(), check: 'true' });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(changed(result).sort()).toEqual(['account', 'daily file']);
      const account = report(result).hosts[0]!.tasks.find((t) => t.id === 'account');
      expect(account?.diff).toContain('usermod -s /bin/sh paved13u');
      expect(sh('getent passwd paved13u')).toMatch(/:\/bin\/bash$/);
      expect(existsSync('/etc/cron.d/paved13-cleanup')).toBe(false);
    });

    it('removes everything with state absent, then reports no change', async () => {
      const first = await runbook(dir, inputs('remove.yml'));
      expect(first.exitCode, visibleLog(first)).toBe(0);
      expect(sh('getent passwd paved13u || echo none')).toBe('none');
      expect(sh('getent group paved13g1 || echo none')).toBe('none');
      expect(readFileSync(join(dir, 'sysctl.conf'), 'utf8')).toBe('');
      const again = await runbook(dir, inputs('remove.yml'));
      expect(again.exitCode, visibleLog(again)).toBe(0);
      expect(changed(again)).toEqual([]);
    });

    it('refuses a key variable that holds no key at run time, naming the line, not the value', async () => {
      writeFileSync(
        join(dir, 'keyvar.yml'),
        'tasks:\n  - name: key\n    authorized_key: { user: paved13u, key: "${keys}" }\n',
      );
      const keys = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPaved13TestKeyPaved13TestKeyPaved13Test0 ok\nnot-a-key-9f3c';
      const result = await runbook(dir, { ...inputs('keyvar.yml'), vars: JSON.stringify({ keys }) });
      expect(result.exitCode).toBe(1);
      const key = report(result).hosts[0]?.tasks[0];
      expect(key).toMatchObject({ status: 'failed', msg: expect.stringContaining('line 2 is not') });
      expect(reportText(result)).not.toContain('not-a-key-9f3c');
      expect(existsSync('/home/paved13u/.ssh/authorized_keys')).toBe(false);
    });

    it.each([
      ['cron job', 'cron: { name: x, cron_file: "${root}/cron.test", job: "${v}" }', 'job must be one line'],
      [
        'sysctl value',
        'sysctl: { name: vm.swappiness, value: "${v}", sysctl_file: "${root}/cron.test", reload: false }',
        'value must be one line',
      ],
      ['user name', 'user: { name: "${v}", state: absent }', 'is not a valid user name'],
      ['group name', 'group: { name: "${v}", state: absent }', 'is not a valid group name'],
    ])('refuses a %s variable with a line break, writing nothing', async (_what, task, message) => {
      writeFileSync(join(dir, 'linevar.yml'), `tasks:\n  - name: one\n    ${task}\n`);
      const v = '1\n* * * * * root /bin/sh -c id';
      const result = await runbook(dir, { ...inputs('linevar.yml'), vars: JSON.stringify({ v }) });
      expect(result.exitCode, visibleLog(result)).toBe(1);
      expect(result.outputs.report, visibleLog(result)).toBeDefined();
      expect(report(result).hosts[0]?.tasks[0]).toMatchObject({
        status: 'failed',
        msg: expect.stringContaining(message),
      });
      expect(existsSync(join(dir, 'cron.test'))).toBe(false);
    });

    it.each([
      ['user with a bad name', 'user: { name: "bad name" }', 'not a valid user name'],
      ['group with a text gid', 'group: { name: g, gid: abc }', 'gid must be a number'],
      ['group with an option for a name', 'group: { name: "-r" }', 'not a valid group name'],
      ['authorized_key that is no key', 'authorized_key: { user: u, key: "hello" }', 'must be public key lines'],
      ['cron without job', 'cron: { name: x }', 'needs job'],
      [
        'cron with an unknown special_time',
        'cron: { name: x, job: y, special_time: nightly }',
        'special_time must be one of',
      ],
      ['sysctl without value', 'sysctl: { name: vm.swappiness }', 'needs value'],
    ])('refuses %s with file and line', async (_what, task, message) => {
      await expectRefused(dir, `tasks:\n  - name: bad\n    ${task}\n`, message, 3);
    });
  },
);
