import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/** Inventories Ansible users already have, bastions, and the fleet controls (lockstep, batches, shards). */
describe.skipIf(!service('sshd').available)('runbook fleet features over SSH', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'touch.yml':
        'name: touch\nhosts: all\ntasks:\n  - name: mark\n    shell: echo "${greeting} ${host.address}" > ${out}/${host.name}\n',
    });
  });
  afterAll(() => cleanup(dir));

  it('runs on an Ansible INI inventory as it is', async () => {
    writeFileSync(
      join(dir, 'hosts.ini'),
      `[app]\nn[8:10] \n\n[app:vars]\nansible_port=${sshPort()}\ngreeting=hi\nout=${dir}\n\n`.replace(
        'n[8:10] ',
        'n8 ansible_host=127.0.0.8\nn9 ansible_host=127.0.0.9\nn10 ansible_host=127.0.0.10',
      ),
    );
    const result = await runbook(dir, { ...sshInputs(), runbook: 'touch.yml', inventory: 'hosts.ini' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    for (const n of [8, 9, 10]) expect(readFileSync(join(dir, `n${n}`), 'utf8')).toBe(`hi 127.0.0.${n}\n`);
  });

  it('runs on hosts from a dynamic-inventory executable', async () => {
    writeFileSync(
      join(dir, 'inventory.sh'),
      `#!/bin/sh\n[ "$1" = "--list" ] || { echo '{}'; exit 0; }\ncat <<JSON\n{"dyn": {"hosts": ["d11", "d12"], "vars": {"greeting": "dyn", "out": "${dir}", "ansible_port": ${sshPort()}}},\n "_meta": {"hostvars": {"d11": {"ansible_host": "127.0.0.11"}, "d12": {"ansible_host": "127.0.0.12"}}}}\nJSON\n`,
      { mode: 0o755 },
    );
    const result = await runbook(dir, { ...sshInputs(), runbook: 'touch.yml', inventory: 'inventory.sh' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(readFileSync(join(dir, 'd11'), 'utf8')).toBe('dyn 127.0.0.11\n');
    expect(readFileSync(join(dir, 'd12'), 'utf8')).toBe('dyn 127.0.0.12\n');
  });

  it('reaches hosts through a jump host (and fails them all when the bastion is down)', async () => {
    writeFileSync(
      join(dir, 'jump.ini'),
      `j13 ansible_host=127.0.0.13 ansible_port=${sshPort()} greeting=jumped out=${dir}\n`,
    );
    const ok = await runbook(dir, {
      ...sshInputs(),
      runbook: 'touch.yml',
      inventory: 'jump.ini',
      'jump-host': `root@127.0.0.24:${sshPort()}`,
    });
    expect(ok.exitCode, visibleLog(ok)).toBe(0);
    expect(readFileSync(join(dir, 'j13'), 'utf8')).toBe('jumped 127.0.0.13\n');
    // A jump host that listens nowhere: not port 2222, which another sshd may serve on .99.
    const port = await closedPort('127.0.0.99');
    const down = await runbook(dir, {
      ...sshInputs(),
      runbook: 'touch.yml',
      inventory: 'jump.ini',
      'jump-host': `root@127.0.0.99:${port}`,
    });
    expect(down.exitCode).toBe(1);
    expect(report(down).hosts[0]).toMatchObject({ status: 'unreachable' });
    expect(report(down).hosts[0]?.error).toContain('jump host 127.0.0.99');
  });

  it('lockstep finishes each task everywhere before the next; a failed batch stops later batches', async () => {
    const hosts = [14, 15, 16, 17].map((n) => `l${n} ansible_host=127.0.0.${n}`).join('\n');
    writeFileSync(join(dir, 'lock.ini'), `[lock]\n${hosts}\n\n[lock:vars]\nansible_port=${sshPort()}\n`);
    writeFileSync(
      join(dir, 'lock.yml'),
      `hosts: lock\ntasks:\n  - name: one\n    shell: 'sleep 0.$(( $(echo \${host.name} | tr -dc 0-9) % 3 )); echo "one \${host.name}" >> ${dir}/order'\n  - name: two\n    shell: 'echo "two \${host.name}" >> ${dir}/order'\n`,
    );
    const result = await runbook(dir, {
      ...sshInputs(),
      runbook: 'lock.yml',
      inventory: 'lock.ini',
      strategy: 'lockstep',
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const order = readFileSync(join(dir, 'order'), 'utf8').trim().split('\n');
    expect(order.slice(0, 4).every((l) => l.startsWith('one'))).toBe(true);
    expect(order.slice(4).every((l) => l.startsWith('two'))).toBe(true);
    expect(result.stdout).toMatch(/::group::one \(4 hosts\)/);

    writeFileSync(
      join(dir, 'batch.yml'),
      `hosts: lock\ntasks:\n  - name: maybe\n    shell: 'test \${host.name} != l15 && touch ${dir}/batch-\${host.name}'\n`,
    );
    const batched = await runbook(dir, {
      ...sshInputs(),
      runbook: 'batch.yml',
      inventory: 'lock.ini',
      batch: '50%',
      'max-fail-percentage': '0',
    });
    expect(batched.exitCode).toBe(1);
    expect(existsSync(join(dir, 'batch-l14'))).toBe(true);
    expect(existsSync(join(dir, 'batch-l16'))).toBe(false);
    const rep = report(batched);
    expect(rep.hosts.map((h) => h.status)).toEqual(['ok', 'failed', 'not-run', 'not-run']);
    expect(batched.summary).toContain('stopped early');
  });

  it('runs only its shard of the hosts', async () => {
    writeFileSync(
      join(dir, 'shard.yml'),
      `hosts: lock\ntasks:\n  - name: mark\n    shell: touch ${dir}/shard-\${host.name}\n`,
    );
    const result = await runbook(dir, { ...sshInputs(), runbook: 'shard.yml', inventory: 'lock.ini', shard: '2/2' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(['l14', 'l15', 'l16', 'l17'].map((h) => existsSync(join(dir, `shard-${h}`)))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});
