import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, visibleLog, workspace } from './helpers';
import { type SshdInstance, startSshd } from './sshd-instance';

/**
 * Hardened servers often drop the sftp subsystem. File and template tasks then go over the exec
 * channel (as Ansible's `smart` transfer does), still atomic and still compared by checksum.
 */
describe.skipIf(!service('sshd').available)('runbook on a host without the sftp subsystem', () => {
  let sshd: SshdInstance;
  let dir: string;
  let target: string;

  beforeAll(async () => {
    sshd = await startSshd();
    target = mkdtempSync(join(tmpdir(), 'rb-nosftp-target-'));
    dir = workspace({
      'app.conf.tpl': 'listen ${port}\nname ${host.name}\n',
      'files.yml': [
        'name: files',
        'hosts: all',
        'tasks:',
        '  - name: dir',
        '    file: { path: "${target}/etc/app", state: directory, mode: "0750" }',
        '  - name: config',
        '    template: { source: app.conf.tpl, destination: "${target}/etc/app/app.conf", mode: "0640" }',
        '  - name: motd',
        '    file: { path: "${target}/motd", content: "hello ${host.name}\\n" }',
        '',
      ].join('\n'),
    });
    writeFileSync(join(dir, 'hosts.ini'), `h1 ansible_host=127.0.0.1 ansible_port=${sshd.port}\n`);
  });
  afterAll(async () => {
    await sshd?.stop();
    cleanup(dir);
    rmSync(target, { recursive: true, force: true });
  });

  const inputs = () => ({
    ...sshInputs(),
    'known-hosts': sshd.knownHosts,
    runbook: 'files.yml',
    inventory: 'hosts.ini',
    vars: `target: ${target}\nport: 8080`,
  });

  it('writes files and templates over exec, atomically, and is idempotent by checksum', async () => {
    const first = await runbook(dir, inputs());
    expect(first.exitCode, visibleLog(first)).toBe(0);
    expect(visibleLog(first)).not.toMatch(/subsystem/i);
    expect(readFileSync(join(target, 'etc/app/app.conf'), 'utf8')).toBe('listen 8080\nname h1\n');
    expect(statSync(join(target, 'etc/app/app.conf')).mode & 0o777).toBe(0o640);
    expect(statSync(join(target, 'etc/app')).mode & 0o777).toBe(0o750);
    expect(readFileSync(join(target, 'motd'), 'utf8')).toBe('hello h1\n');
    // Temp file renamed into place: nothing left beside the file.
    expect(readdirSync(join(target, 'etc/app'))).toEqual(['app.conf']);
    expect(report(first).hosts[0]?.tasks.map((t) => t.status)).toEqual(['changed', 'changed', 'changed']);

    const again = await runbook(dir, inputs());
    expect(again.exitCode, visibleLog(again)).toBe(0);
    expect(report(again).hosts[0]?.tasks.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('shows the diff of a changed file read over exec', async () => {
    writeFileSync(join(target, 'motd'), 'old motd\n');
    const check = await runbook(dir, { ...inputs(), check: 'true' });
    expect(check.exitCode, visibleLog(check)).toBe(0);
    const motd = report(check).hosts[0]?.tasks.find((t) => t.id.includes('motd'));
    expect(motd?.diff).toContain('-old motd');
    expect(motd?.diff).toContain('+hello h1');
    expect(readFileSync(join(target, 'motd'), 'utf8')).toBe('old motd\n');
  });

  it('carries any bytes to a hostile file name over exec, and a write that cannot land fails the task', async () => {
    // Every byte value plus shell syntax in the content (it goes through stdin, not the command line),
    // and a name with a quote, a command substitution and a backslash (quoted, never run).
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("'$(touch pwned)`id`\\\n"),
    ]);
    writeFileSync(join(dir, 'blob.bin'), bytes);
    writeFileSync(join(target, 'plain'), 'a file, not a directory\n');
    writeFileSync(
      join(dir, 'hostile.yml'),
      [
        'name: hostile',
        'hosts: all',
        'tasks:',
        '  - name: blob',
        `    copy: { src: blob.bin, dest: '\${target}/it''s "$(touch pwned)" \\ x.bin' }`,
        '  - name: under a file',
        '    copy: { content: "x\\n", dest: "${target}/plain/x.conf" }',
        '',
      ].join('\n'),
    );
    const result = await runbook(dir, { ...inputs(), runbook: 'hostile.yml' });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    const tasks = report(result).hosts[0]?.tasks ?? [];
    expect(
      tasks.map((t) => t.status),
      JSON.stringify(tasks),
    ).toEqual(['changed', 'failed']);
    expect(tasks[1]?.msg).toContain(`${target}/plain/x.conf`);
    expect(readFileSync(join(target, `it's "$(touch pwned)" \\ x.bin`))).toEqual(bytes);
    // Nothing ran the substitution, neither in the remote login's directory nor beside the file.
    for (const where of [homedir(), target, dir]) expect(existsSync(join(where, 'pwned')), where).toBe(false);
    expect(readFileSync(join(target, 'plain'), 'utf8')).toBe('a file, not a directory\n');
    // Compared by checksum over exec: the hostile name is already right the second time.
    const again = await runbook(dir, { ...inputs(), runbook: 'hostile.yml' });
    expect(report(again).hosts[0]?.tasks.map((t) => t.status)).toEqual(['ok', 'failed']);
  });
});
