import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

const USER = 'paved13web';
const sh = (command: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  execFileSync('sh', ['-c', command], { encoding: 'utf8', timeout: 240_000, ...options }).trim();
const isRoot = process.getuid?.() === 0;

/**
 * examples/ansible-port: the same webapp role as an Ansible role and as a Paved runbook. Both run
 * against a host over SSH (ansible-playbook, then Paved into another root), and must leave the same
 * end state: every file's type, mode, owner and content, the cron file, the user and the group.
 */
describe.skipIf(!service('sshd').available || (!IN_CI && (!isRoot || !onPath('ansible-playbook'))))(
  'examples/ansible-port: Ansible role and Paved runbook reach the same end state',
  () => {
    let dir: string;
    const inventory = (side: string) =>
      `[web]\nw1 ansible_host=127.0.0.12 ansible_port=${sshPort()} ansible_user=root app_root=${dir}/${side} cron_file=paved13-${side} app_user=${USER} ansible_python_interpreter=/usr/bin/python3\n`;
    beforeAll(() => {
      dir = workspace({});
      cpSync(join(__dirname, '../../examples/ansible-port'), dir, { recursive: true });
      writeFileSync(join(dir, 'ansible/inventory.ini'), inventory('a'));
      writeFileSync(join(dir, 'paved/inventory.ini'), inventory('p'));
      writeFileSync(join(dir, 'paved/plan.ini'), inventory('c'));
    });
    const removeAccount = () => sh(`userdel ${USER} 2>/dev/null; groupdel ${USER} 2>/dev/null; true`);
    afterAll(() => {
      removeAccount();
      for (const side of ['a', 'p', 'c']) rmSync(`/etc/cron.d/paved13-${side}`, { force: true });
      cleanup(dir);
    });

    /** Every path under root with type, mode, owner and content (root paths written as ROOT). */
    const snapshot = (side: string) => {
      const root = join(dir, side);
      const out: Record<string, string> = {};
      const walk = (rel: string) => {
        const full = join(root, rel);
        const st = lstatSync(full);
        const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        const body = st.isFile() ? readFileSync(full, 'utf8').split(root).join('ROOT') : '';
        out[rel || '.'] = `${kind} ${(st.mode & 0o7777).toString(8)} ${st.uid}:${st.gid} ${body}`;
        if (st.isDirectory()) for (const e of readdirSync(full).sort()) walk(rel ? `${rel}/${e}` : e);
      };
      walk('');
      out.cron = readFileSync(`/etc/cron.d/paved13-${side}`, 'utf8').split(root).join('ROOT');
      out.passwd = sh(`getent passwd ${USER}`);
      out.group = sh(`getent group ${USER}`);
      return out;
    };

    it('applies the Ansible role, then the Paved runbook, to the same end state', async () => {
      removeAccount();
      sh('ansible-playbook -i inventory.ini site.yml', {
        cwd: join(dir, 'ansible'),
        env: {
          ...process.env,
          ANSIBLE_HOST_KEY_CHECKING: 'False',
          ANSIBLE_PRIVATE_KEY_FILE: service('sshd').env.PAVED_SSH_KEY,
          ANSIBLE_NOCOLOR: '1',
          ANSIBLE_PIPELINING: 'True',
          ANSIBLE_GATHERING: 'explicit',
          ANSIBLE_LOCAL_TEMP: join(dir, '.ansible-tmp'),
        },
      });
      const viaAnsible = snapshot('a');
      removeAccount();
      const result = await runbook(dir, {
        ...sshInputs(),
        runbook: 'paved/runbook.yml',
        inventory: 'paved/inventory.ini',
      });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      const viaPaved = snapshot('p');
      expect(viaPaved).toEqual(viaAnsible);
      expect(viaPaved['etc/app.conf']).toContain('listen = 127.0.0.1:8080');
      expect(viaPaved['log/reloaded']).toBeDefined();
    });

    it('changes nothing on a second Paved run', async () => {
      const result = await runbook(dir, {
        ...sshInputs(),
        runbook: 'paved/runbook.yml',
        inventory: 'paved/inventory.ini',
      });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(report(result).totals.changed).toBe(0);
    });

    it('plans a fresh root in check mode without creating it', async () => {
      const result = await runbook(dir, {
        ...sshInputs(),
        runbook: 'paved/runbook.yml',
        inventory: 'paved/plan.ini',
        check: 'true',
      });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(existsSync(join(dir, 'c'))).toBe(false);
      expect(existsSync('/etc/cron.d/paved13-c')).toBe(false);
    });
  },
);
