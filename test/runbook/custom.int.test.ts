import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, expectRefused, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/**
 * Custom modules in the paper's callback style `(args, cb)` beside async ones, and `runsOn:
 * 'runner'` (the module's commands run on the runner, not over SSH) — over real SSH.
 */
describe.skipIf(!service('sshd').available)('runbook custom modules: callback style and runsOn', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({});
    cpSync(join(__dirname, 'fixtures/custom'), dir, { recursive: true });
    mkdirSync(join(dir, 'host'));
    mkdirSync(join(dir, 'runner'));
    writeFileSync(
      join(dir, 'inventory.yml'),
      `all:\n  vars: { ansible_port: ${sshPort()}, runner_dir: "${dir}/runner" }\n  hosts:\n    c1: { ansible_host: 127.0.0.17, root: "${dir}/host" }\n`,
    );
  });
  afterAll(() => cleanup(dir));
  const inputs = (rb = 'site.yml') => ({ ...sshInputs(), runbook: rb, inventory: 'inventory.yml' });
  const statuses = (result: Awaited<ReturnType<typeof runbook>>) =>
    report(result).hosts[0]!.tasks.map((t) => `${t.id}: ${t.status}`);

  it('plans both in check mode without running their commands', async () => {
    const result = await runbook(dir, { ...inputs(), check: 'true' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(statuses(result)).toEqual(['callback style on the target: changed', 'async on the runner: changed']);
    expect(existsSync(join(dir, 'host/marker'))).toBe(false);
    expect(existsSync(join(dir, 'runner/c1'))).toBe(false);
  });

  it('runs the callback module over SSH and the runner module locally', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(readFileSync(join(dir, 'host/marker'), 'utf8')).toBe('ssh=yes\n');
    expect(readFileSync(join(dir, 'runner/c1'), 'utf8')).toBe('ssh=\n');
  });

  it('changes nothing on the second run', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(statuses(result)).toEqual(['callback style on the target: ok', 'async on the runner: ok']);
  });

  it('fails the task with the error a callback module passes', async () => {
    writeFileSync(
      join(dir, 'broken.yml'),
      'hosts: all\ntasks:\n  - name: b\n    uses: ./modules/broken.cjs\n    with: { why: testing }\n',
    );
    const result = await runbook(dir, inputs('broken.yml'));
    expect(result.exitCode).not.toBe(0);
    expect(report(result).hosts[0]!.error).toBe('b: broken on purpose: testing');
  });

  it('refuses a module whose runsOn is neither target nor runner', async () => {
    writeFileSync(join(dir, 'moon.yml'), 'hosts: all\ntasks:\n  - name: m\n    uses: ./modules/moon.mjs\n');
    const result = await runbook(dir, inputs('moon.yml'));
    expect(result.exitCode).not.toBe(0);
    expect(report(result).hosts[0]!.error).toContain('exports runsOn "moon"');
  });

  it('refuses a uses path that does not exist, with file and line', async () => {
    await expectRefused(dir, 'tasks:\n  - name: x\n    uses: ./modules/nope.cjs\n', 'does not exist', 3);
  });
});
