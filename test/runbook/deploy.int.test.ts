import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, service } from '../harness';
import { cleanup, report, reportText, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

const SECRET = 'pa55-Wörd-9f3c1e77';
const HOSTS = [1, 2, 3, 4, 5];

describe.skipIf(!service('sshd').available)('runbook over SSH on 5 loopback hosts', () => {
  let dir: string;
  const root = (n: number) => join(dir, 'hosts', `web${n}`);

  beforeAll(async () => {
    // "down" listens nowhere: a port just freed on its address, not the shared port 2222, which another
    // sshd (a benchmark's, started for more hosts) may well serve on 127.0.0.99.
    const port = await closedPort('127.0.0.99');
    dir = workspace({
      'inventory.yml': [
        'all:',
        '  vars:',
        `    ansible_port: ${sshPort()}`,
        '  children:',
        '    web:',
        '      hosts:',
        ...HOSTS.map((n) => `        web${n}: { ansible_host: 127.0.0.${n} }`),
        '      vars:',
        '        root: "${WORKSPACE}/hosts/${host.name}"'.replace('${WORKSPACE}', '__WS__'),
        '    broken:',
        '      hosts:',
        `        down: { ansible_host: 127.0.0.99, ansible_port: ${port}, root: /nonexistent }`,
        '',
      ].join('\n'),
      'files/app.sh': '#!/bin/sh\necho demo-1.0\n',
      'templates/app.conf':
        'name=${app}\nhost=${host.name} (${host.address})\nlisten=${port:-8080}\npassword=${secrets.db_password}\n',
      'deploy.yml': `
name: deploy demo
hosts: web
vars:
  app: demo
  dsn: "postgres://app:\${secrets.db_password}@db/app"
tasks:
  - name: layout
    file: { path: "\${root}", state: directory, mode: "0750" }
  - name: install
    parallel:
      - name: copy script
        file: { source: files/app.sh, path: "\${root}/app.sh", mode: "0755" }
        notify: restart app
      - name: config
        template: { source: templates/app.conf, destination: "\${root}/app.conf", mode: "0600" }
        notify: [restart app]
      - name: marker
        shell: { cmd: "echo \${app} > marker", chdir: "\${root}", creates: "\${root}/marker" }
  - name: version
    command: ["sh", "\${root}/app.sh"]
    register: ver
    changed_when: false
  - name: check version
    shell: test "\${ver.stdout}" = "demo-1.0"
    changed_when: false
    when: ver.rc == 0 and host.name != 'nobody'
  - name: only web3
    shell: touch \${root}/only3
    creates: \${root}/only3
    when: host.name == 'web3'
  - name: flaky
    shell: 'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; [ $n -ge 2 ] && touch flaky-done'
    args_dir: unused
handlers:
  - name: restart app
    shell: echo restarted >> \${root}/restarts
`,
    });
    // Fill in the workspace path and finish the flaky task (retries, delay, creates guard).
    const inv = join(dir, 'inventory.yml');
    writeFileSync(inv, readFileSync(inv, 'utf8').replace('__WS__', dir));
    const rb = join(dir, 'deploy.yml');
    writeFileSync(
      rb,
      readFileSync(rb, 'utf8')
        .replace(
          '    args_dir: unused\n',
          '    retries: 2\n    delay: 100ms\n    creates: "${root}/flaky-done"\n    chdir_note: x\n',
        )
        .replace("shell: 'n=$(cat count", "shell: 'cd ${root} && n=$(cat count")
        .replace('    chdir_note: x\n', ''),
    );
  });
  afterAll(() => cleanup(dir));

  const inputs = () => ({
    ...sshInputs(),
    runbook: 'deploy.yml',
    inventory: 'inventory.yml',
    secrets: JSON.stringify({ db_password: SECRET }),
  });

  it('deploys files, modes and handlers to every host and reports per host', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    for (const n of HOSTS) {
      const r = root(n);
      expect(statSync(r).mode & 0o777).toBe(0o750);
      expect(statSync(join(r, 'app.sh')).mode & 0o777).toBe(0o755);
      expect(statSync(join(r, 'app.conf')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(r, 'app.conf'), 'utf8')).toBe(
        `name=demo\nhost=web${n} (127.0.0.${n})\nlisten=8080\npassword=${SECRET}\n`,
      );
      expect(readFileSync(join(r, 'marker'), 'utf8')).toBe('demo\n');
      // Two notifications from one host, one handler run.
      expect(readFileSync(join(r, 'restarts'), 'utf8')).toBe('restarted\n');
      expect(existsSync(join(r, 'only3'))).toBe(n === 3);
      expect(readFileSync(join(r, 'count'), 'utf8').trim()).toBe('2');
    }
    const rep = report(result);
    expect(rep.hosts.map((h) => h.status)).toEqual(HOSTS.map(() => 'ok'));
    const web1 = rep.hosts[0]!;
    expect(web1.tasks.find((t) => t.id === 'flaky')).toMatchObject({ status: 'changed', attempts: 2 });
    expect(web1.tasks.find((t) => t.id === 'only web3')).toMatchObject({ status: 'skipped' });
    expect(web1.tasks.find((t) => t.id === 'restart app')).toMatchObject({ status: 'changed', handler: true });
    expect(web1.tasks.find((t) => t.id === 'version')).toMatchObject({ status: 'ok' });
    // 4 changes per host (layout, copy, config, marker) + flaky + handler; web3 one more.
    expect(Number(result.outputs.changed)).toBe(HOSTS.length * 6 + 1);
    expect(result.outputs.failed).toBe('0');
    expect(result.outputs['failed-hosts']).toBe('');
    expect(result.summary).toContain('| Host | Status |');
    expect(result.summary).toContain('```mermaid\ngantt');
    expect(result.summary).toMatch(/web3 \| ✅ ok/);
    // Logs: one group per host, lines tagged with the task.
    expect(result.stdout).toMatch(/::group::web1 \(127\.0\.0\.1\)/);
    expect(result.stdout).toContain('[copy script] changed');
  });

  it('reports 0 changed on an identical second run (idempotent)', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const rep = report(result);
    const changed = rep.hosts.flatMap((h) =>
      h.tasks.filter((t) => t.status === 'changed').map((t) => `${h.name}:${t.id}`),
    );
    expect(changed).toEqual([]);
    expect(result.outputs.changed).toBe('0');
    expect(rep.totals.changed).toBe(0);
    expect(rep.hosts[0]!.tasks.find((t) => t.id === 'install › marker')?.status).toBe('skipped');
    for (const n of HOSTS) expect(readFileSync(join(root(n), 'restarts'), 'utf8')).toBe('restarted\n');
  });

  it('never shows a secret (or a string built from one) in stdout, summary or report', async () => {
    const rb = join(dir, 'secret.yml');
    writeFileSync(
      rb,
      `name: secret handling\nhosts: web1\nvars:\n  app: demo\n  dsn: "postgres://app:\${secrets.db_password}@db/app"\ntasks:\n  - name: say\n    echo: "dsn is \${dsn}"\n  - name: print it\n    shell: echo "\${secrets.db_password}" && echo "\${dsn}" >&2 && exit 3\n    ignore_errors: true\n  - name: render\n    template: { source: templates/app.conf, destination: "\${root}/other.conf", variables: { port: 9 } }\n`,
    );
    const result = await runbook(dir, { ...inputs(), runbook: 'secret.yml' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(result.masks).toContain(SECRET);
    expect(result.masks).toContain(`postgres://app:${SECRET}@db/app`);
    for (const text of [visibleLog(result), result.summary, reportText(result)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('pa55');
    }
    expect(visibleLog(result)).toContain('dsn is ***');
    expect(reportText(result)).toContain('***');
    expect(readFileSync(join(root(1), 'other.conf'), 'utf8')).toContain(`password=${SECRET}`);
  });

  it('check mode shows diffs and commands but changes nothing', async () => {
    const before = HOSTS.map((n) => readFileSync(join(root(n), 'app.conf'), 'utf8'));
    const mtime = statSync(join(root(2), 'app.conf')).mtimeMs;
    const result = await runbook(dir, { ...inputs(), check: 'true', vars: '{ app: demo2, port: 9090 }' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(HOSTS.map((n) => readFileSync(join(root(n), 'app.conf'), 'utf8'))).toEqual(before);
    expect(statSync(join(root(2), 'app.conf')).mtimeMs).toBe(mtime);
    for (const n of HOSTS) expect(readFileSync(join(root(n), 'restarts'), 'utf8')).toBe('restarted\n');
    expect(Number(result.outputs.changed)).toBeGreaterThan(0);
    expect(result.summary).toContain('check mode');
    expect(result.summary).toContain('Planned changes');
    expect(result.summary).toContain('-name=demo');
    expect(result.summary).toContain('+name=demo2');
    expect(result.summary).toContain('+listen=9090');
    const web1 = report(result).hosts[0]!;
    expect(web1.tasks.find((t) => t.id === 'install › config')?.diff).toContain('@@ -1,4 +1,4 @@');
  });

  it('reports an unreachable host while the others succeed', async () => {
    writeFileSync(
      join(dir, 'reach.yml'),
      'name: reach\nhosts: web:broken\ntasks:\n  - name: touch\n    shell: touch ${root}/reached\n',
    );
    const result = await runbook(dir, { ...inputs(), runbook: 'reach.yml' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.failed).toBe('1');
    expect(result.outputs['failed-hosts']).toBe('down');
    for (const n of HOSTS) expect(existsSync(join(root(n), 'reached'))).toBe(true);
    const down = report(result).hosts.find((h) => h.name === 'down')!;
    expect(down.status).toBe('unreachable');
    expect(down.error).toMatch(/127\.0\.0\.99:\d+ unreachable after 3 attempts/);
    expect(result.summary).toContain('Failed hosts');
    expect(result.annotations.some((a) => a.level === 'error' && a.message.includes('down'))).toBe(true);
  });

  it('refuses a host whose key changed under strict, connecting to nothing there', async () => {
    const ssh = sshInputs();
    // Pin a different key for 127.0.0.6 (the client's public key stands in for "some other host key").
    const other = readFileSync(`${service('sshd').env.PAVED_SSH_KEY}.pub`, 'utf8')
      .trim()
      .split(' ')
      .slice(0, 2)
      .join(' ');
    const known =
      `${ssh['known-hosts']}`
        .split('\n')
        .filter((l) => !l.startsWith(`[127.0.0.6]:`))
        .join('\n') + `\n[127.0.0.6]:${sshPort()} ${other}\n`;
    writeFileSync(
      join(dir, 'six.yml'),
      `name: six\nhosts: web6\ntasks:\n  - name: touch\n    shell: touch ${dir}/six-was-here\n`,
    );
    writeFileSync(join(dir, 'six.ini'), `web6 ansible_host=127.0.0.6 ansible_port=${sshPort()}\n`);
    const result = await runbook(dir, { ...ssh, 'known-hosts': known, runbook: 'six.yml', inventory: 'six.ini' });
    expect(result.exitCode).toBe(1);
    expect(existsSync(join(dir, 'six-was-here'))).toBe(false);
    const web6 = report(result).hosts[0]!;
    expect(web6.status).toBe('unreachable');
    expect(web6.error).toContain('HOST KEY CHANGED');
    // accept-new does not accept a changed key either.
    const again = await runbook(dir, {
      ...ssh,
      'known-hosts': known,
      'host-key-policy': 'accept-new',
      runbook: 'six.yml',
      inventory: 'six.ini',
    });
    expect(again.exitCode).toBe(1);
    expect(existsSync(join(dir, 'six-was-here'))).toBe(false);
  });

  it('accept-new accepts an unknown host and writes its key for pinning', async () => {
    const ssh = sshInputs();
    writeFileSync(join(dir, 'seven.yml'), `name: seven\nhosts: all\ntasks:\n  - name: hi\n    command: [true]\n`);
    const strict = await runbook(dir, {
      ...ssh,
      'known-hosts': '',
      runbook: 'seven.yml',
      inventory: `127.0.0.7:${sshPort()}`,
    });
    expect(strict.exitCode).toBe(1);
    expect(report(strict).hosts[0]!.error).toContain('not in known-hosts');
    const result = await runbook(dir, {
      ...ssh,
      'known-hosts': '',
      'host-key-policy': 'accept-new',
      runbook: 'seven.yml',
      inventory: `127.0.0.7:${sshPort()}`,
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const seen = readFileSync(result.outputs['seen-host-keys'] as string, 'utf8');
    expect(seen).toMatch(new RegExp(`^\\[127\\.0\\.0\\.7\\]:${sshPort()} ssh-ed25519 `));
  });

  it('does not execute ${constructor.constructor(…)()} and runs nothing', async () => {
    writeFileSync(
      join(dir, 'evil.yml'),
      `name: evil\nhosts: web\ntasks:\n  - name: first\n    shell: touch ${dir}/evil-ran\n  - name: evil\n    shell: echo \${constructor.constructor('return process')().mainModule.require('fs').writeFileSync('${dir}/pwned','x')}\n`,
    );
    const result = await runbook(dir, { ...inputs(), runbook: 'evil.yml' });
    expect(result.exitCode).toBe(1);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'evil-ran'))).toBe(false);
    const error = result.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain('is not a variable reference');
    expect(error?.file).toBe('evil.yml');
    expect(error?.line).toBe(7);
  });
});
