import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPath, requireTool, runAction, service } from '../harness';
// @ts-expect-error plain JS helper shared with the bench
import { buildStandinImages } from './standin/build.mjs';

/**
 * The db2 action's built bundle against a real Docker engine and a stand-in Db2 image (busybox
 * shims honouring IBM's container contract: test/db2/standin). Each test makes uniquely named
 * containers and volumes and removes them afterwards.
 */
function docker(...args: string[]): string {
  try {
    return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; status?: number };
    throw new Error(`docker ${args.join(' ')} exited ${x.status}:\n${x.stdout ?? ''}${x.stderr ?? ''}`);
  }
}
const dockerRc = (...args: string[]) => {
  try {
    return { ok: true, out: docker(...args) };
  } catch (e) {
    return {
      ok: false,
      out: String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? ''),
    };
  }
};
const run = `pvdb2-${process.pid.toString(36)}-${Date.now().toString(36)}`;
const containers = new Set<string>();
const volumes = new Set<string>();
const dirs: string[] = [];
let seq = 0;
const unique = (what: string) => `${run}-${what}-${++seq}`;
const PASSWORD = 'Db2-Secret-4-tests';

interface Images {
  old: string;
  new: string;
  broken: string;
}
let images: Images;

function sql(container: string, script: string): string {
  return docker('exec', container, 'su', '-', 'db2inst1', '-c', script);
}

/** Waits for the `starts`-th "(*) Setup has completed." (the log keeps earlier starts' lines). */
async function waitSetup(container: string, starts = 1, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const logs = dockerRc('logs', container).out;
    if (logs.split('(*) Setup has completed.').length > starts) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${container} did not complete setup:\n${dockerRc('logs', container).out}`);
}

/** An "old" Db2 container as the cookbook runs it: named, hostname, storage, port, env, caps, restart policy. */
async function startOld(options: { image?: string; bind?: boolean; archive?: boolean } = {}): Promise<string> {
  const name = unique('db2');
  let storage: string;
  if (options.bind) {
    storage = mkdtempSync(join(tmpdir(), `${run}-fs-`));
    dirs.push(storage);
  } else {
    storage = unique('vol');
    volumes.add(storage);
  }
  containers.add(name);
  docker(
    'run',
    '--detach',
    '--name',
    name,
    '--hostname',
    'db2server',
    // IBM documents --privileged or these capabilities; this sandbox refuses --privileged.
    '--cap-add',
    'IPC_LOCK',
    '--cap-add',
    'IPC_OWNER',
    '--env',
    'LICENSE=accept',
    '--env',
    `DB2INST1_PASSWORD=${PASSWORD}`,
    '--env',
    'DBNAME=testdb',
    '--volume',
    `${storage}:/database`,
    '--publish',
    '127.0.0.1::50000',
    '--restart',
    'unless-stopped',
    '--label',
    `paved.test=${run}`,
    options.image ?? images.old,
  );
  await waitSetup(name);
  sql(
    name,
    `db2 connect to testdb && db2 "create table app.orders (id int, item varchar(20))" && db2 "insert into app.orders values (1, 'written before')"`,
  );
  if (options.archive)
    sql(name, 'mkdir -p /database/archive && db2 update db cfg for testdb using LOGARCHMETH1 DISK:/database/archive');
  return name;
}

function rows(container: string): string {
  return sql(container, 'db2 connect to testdb >/dev/null && db2 -x "select * from app.orders"');
}

function containerState(): string {
  return docker('ps', '-a', '--filter', `label=paved.test=${run}`, '--format', '{{.Names}} {{.State}} {{.Image}}')
    .split('\n')
    .sort()
    .join('\n');
}

function paved() {
  return docker('ps', '-a', '--filter', 'label=io.paved.db2.upgraded-from', '--format', '{{.Names}}')
    .split('\n')
    .filter(Boolean);
}

describe.skipIf(!service('dockerd').available)('db2 action (real Docker engine, stand-in Db2 image)', () => {
  beforeAll(() => {
    images = buildStandinImages() as Images;
  });

  afterAll(() => {
    const all = [...containers, ...paved().filter((n) => n.startsWith(run))];
    if (all.length) dockerRc('rm', '--force', '--volumes', ...all);
    if (volumes.size) dockerRc('volume', 'rm', '--force', ...volumes);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('upgrades: keeps data written before, carries the setup over, reports both levels and a timeline', async () => {
    const old = await startOld();
    const tag = images.new.split(':')[1] as string;
    // A container already holds the default new name: the clash is handled with a suffix.
    const clash = `${old}_${tag}`;
    containers.add(clash);
    docker('create', '--name', clash, '--label', `paved.test=${run}`, images.old);
    const oldPort = docker('port', old, '50000/tcp');

    const r = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: images.new,
      'stop-timeout': '30s',
      'readiness-timeout': '60s',
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const fresh = `${clash}-2`;
    containers.add(fresh);
    expect(r.outputs).toMatchObject({
      'from-level': '11.5.8.0',
      'to-level': '11.5.9.0',
      container: fresh,
      'rolled-back': 'false',
    });
    expect(r.outputs['backup-timestamp']).toMatch(/^\d{14}$/);
    expect(JSON.parse(r.outputs.backups as string)).toEqual([
      { database: 'TESTDB', timestamp: r.outputs['backup-timestamp'], online: false, path: '/database/backup' },
    ]);
    const downtime = Number(r.outputs['downtime-seconds']);
    expect(downtime).toBeGreaterThan(0.5);
    expect(downtime).toBeLessThan(60);

    // The data, on the same storage, in the new container; the old one stopped and retired.
    expect(rows(fresh)).toContain("1, 'written before'");
    expect(docker('inspect', '--format', '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
      'exited no',
    );
    expect(
      docker(
        'inspect',
        '--format',
        '{{.State.Running}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.CapAdd}} {{.Config.Hostname}}',
        fresh,
      ),
    ).toMatch(/^true unless-stopped \[(CAP_)?IPC_LOCK (CAP_)?IPC_OWNER\] db2server$/);
    expect(docker('port', fresh, '50000/tcp')).toBe(oldPort);
    expect(sql(fresh, 'db2level')).toContain('DB2 v11.5.9.0');
    // The backup image is on the storage, and the post-upgrade steps ran once for this level.
    expect(docker('exec', fresh, 'ls', '/database/backup')).toContain(
      `TESTDB.0.db2inst1.DBPART000.${r.outputs['backup-timestamp']}.001`,
    );
    expect(docker('exec', fresh, 'cat', '/database/data/db2inst1/TESTDB/updv.log')).toBe('11.5.9.0');
    // Passwords travel in an env file: never in the log (only in the runner's mask command).
    expect(r.masks).toContain(PASSWORD);
    expect(unmasked(r.stdout)).not.toContain(PASSWORD);
    expect(r.summary).toContain('```mermaid\ngantt');
    expect(r.summary).toMatch(/\| ✅ Readiness of .* \| ok \|/);
    expect(r.summary).not.toContain(PASSWORD);
  });

  it('rolls back to a serving old container when the new image never becomes ready', async () => {
    const old = await startOld({ bind: true });
    const oldId = docker('inspect', '--format', '{{.Id}}', old);
    const before = paved();
    // Same name for the new container: the old one is renamed aside first, and back on rollback.
    const r = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: images.broken,
      'new-name': old,
      'readiness-timeout': '6s',
      'stop-timeout': '10s',
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.outputs.container).toBe(old);
    expect(r.outputs['to-level']).toBe('11.5.8.0');
    expect(Number(r.outputs['downtime-seconds'])).toBeGreaterThan(0);
    expect(r.stdout).toMatch(
      /Upgrade failed at readiness: .*not available \(db2gcf -s\).*Rolled back: .* is serving Db2 11\.5\.8\.0 again/s,
    );
    expect(r.stdout).toMatch(/Backups taken before the stop: TESTDB \d{14}/);
    expect(r.stdout).not.toMatch(/Stack trace/);
    // The very same old container serves again under its name, with its data; the failed one is gone.
    expect(docker('inspect', '--format', '{{.Id}} {{.State.Running}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
      `${oldId} true unless-stopped`,
    );
    expect(rows(old)).toContain("'written before'");
    expect(sql(old, 'db2gcf -s')).toContain('Available');
    expect(dockerRc('inspect', `${old}_11.5.8.0`).ok).toBe(false);
    expect(paved()).toEqual(before);
    expect(r.summary).toContain('Roll back to');
    expect(r.summary).toMatch(/:crit, /);
  });

  it('dry-run inspects and plans, and changes nothing', async () => {
    const old = await startOld();
    const stateBefore = containerState();
    const filesBefore = docker('exec', old, 'ls', '-R', '/database');
    const r = await runAction('db2', { command: 'upgrade', container: old, image: images.new, 'dry-run': true });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ 'from-level': '11.5.8.0', 'to-level': '11.5.9.0', container: old });
    expect(r.summary).toContain('**Dry run**: nothing was changed.');
    expect(r.summary).toContain('docker run --detach --name');
    expect(containerState()).toBe(stateBefore);
    expect(docker('exec', old, 'ls', '-R', '/database')).toBe(filesBefore);

    // A failure before the stop (here: the backup cannot be written) leaves it serving, and says so.
    const failed = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: images.new,
      'backup-path': '/proc/paved-backup',
    });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/backup of TESTDB failed.*was not stopped and still serves; nothing was changed/s);
    expect(failed.outputs['rolled-back']).toBe('false');
    expect(containerState()).toBe(stateBefore);
    expect(rows(old)).toContain("'written before'");
  });

  it('refuses bad inputs and downgrades before changing anything', async () => {
    const current = await startOld({ image: images.new });
    const stateBefore = containerState();
    const cases: [Record<string, string>, RegExp][] = [
      [
        { command: 'upgrade', container: current, image: images.old },
        /older than 11\.5\.9\.0.*allow-downgrade: true.*Nothing was changed/,
      ],
      [
        { command: 'upgrade', container: current, image: images.new, databases: 'testdb;drop' },
        /Database name "testdb;drop" is not valid/,
      ],
      [
        { command: 'upgrade', container: `${current}; docker rm -f x`, image: images.new },
        /Container name .* is not valid/,
      ],
      [
        { command: 'upgrade', container: current, image: '--privileged' },
        /Image reference "--privileged" is not valid/,
      ],
      [
        { command: 'upgrade', container: current, image: images.new, 'new-name': '$(id)' },
        /Container name "\$\(id\)" is not valid/,
      ],
      [{ command: 'upgrad', container: current }, /did you mean "upgrade"/],
      [{ command: 'build', users: "bob'; rm -rf /" }, /User name .* is not valid/],
      [{ command: 'upgrade', container: `${run}-missing`, image: images.new }, /No container named/],
    ];
    for (const [inputs, message] of cases) {
      const r = await runAction('db2', inputs);
      expect(r.exitCode, JSON.stringify(inputs)).toBe(1);
      expect(r.stdout).toMatch(message);
      expect(r.stdout).not.toMatch(/Stack trace/);
    }
    expect(containerState()).toBe(stateBefore);
    expect(docker('exec', current, 'ls', '/database')).not.toContain('backup');
  });

  it('builds an image with the generated scripts, users without passwords, custom scripts and labels', async () => {
    const scripts = mkdtempSync(join(tmpdir(), `${run}-custom-`));
    dirs.push(scripts);
    writeFileSync(join(scripts, '50-hello.sh'), '#!/bin/sh\necho "(*) custom hello from $(hostname)"\n');
    const repo = `${run}-custom`;
    const r = await runAction('db2', {
      command: 'build',
      'base-image': images.new,
      // docker/metadata-action's output: one full reference per line.
      tags: `${repo}:11.5.9.0\n${repo}:latest\n`,
      labels: 'org.opencontainers.image.source=https://example.org/db2\norg.opencontainers.image.revision=abc123',
      users: 'appuser1\nappuser2:1200',
      'custom-scripts': scripts,
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const id = r.outputs['image-id'] as string;
    expect(id).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.outputs.tags).toBe(`${repo}:11.5.9.0\n${repo}:latest`);
    // The Dockerfile lives in RUNNER_TEMP (which the harness removes after the run); the summary shows it.
    expect(r.outputs.dockerfile).toMatch(/paved-db2-build-\w+\/Dockerfile$/);
    expect(r.summary).toContain(`FROM ${images.new}`);
    expect(r.summary).toContain('RUN useradd -M -N appuser1');
    try {
      expect(
        docker(
          'image',
          'inspect',
          '--format',
          '{{index .Config.Labels "org.opencontainers.image.revision"}}',
          `${repo}:latest`,
        ),
      ).toBe('abc123');
      const look = docker(
        'run',
        '--rm',
        '--entrypoint',
        '/bin/sh',
        `${repo}:11.5.9.0`,
        '-c',
        'grep -E "^appuser" /etc/passwd; ls -l /var/custom',
      );
      expect(look).toMatch(/^appuser1:x:\d+:/m);
      expect(look).toMatch(/^appuser2:x:1200:/m);
      expect(look).toMatch(/-rwxr-xr-x .* 10-paved-activate-databases\.sh/);
      expect(look).toMatch(/-rwxr-xr-x .* 20-paved-text-search\.sh/);
      expect(look).toMatch(/-rwxr-xr-x .* 50-hello\.sh/);
      // Run it: databases activate at start, and TEXT_SEARCH=false switches text search off.
      const name = unique('built');
      containers.add(name);
      docker(
        'run',
        '--detach',
        '--name',
        name,
        '--label',
        `paved.test=${run}`,
        '-e',
        'LICENSE=accept',
        '-e',
        `DB2INST1_PASSWORD=${PASSWORD}`,
        '-e',
        'DBNAME=testdb',
        '-e',
        'TEXT_SEARCH=false',
        `${repo}:latest`,
      );
      await waitSetup(name);
      // The scripts rerun at every start: activation must be idempotent.
      docker('restart', '--time', '5', name);
      await waitSetup(name, 2);
      const logs = docker('logs', name);
      expect(logs.split('(*) Activating database TESTDB...').length).toBe(3);
      expect(logs).toContain('(*) TEXT_SEARCH=false: not starting the text search service');
      expect(logs).toContain('(*) custom hello from');
      expect(sql(name, 'db2 list active databases')).toContain('TESTDB');
    } finally {
      dockerRc('rmi', '--force', `${repo}:11.5.9.0`, `${repo}:latest`);
    }
  });

  it('pushes to a registry and outputs the digest', async (ctx) => {
    requireTool(ctx, 'docker-registry', onPath('docker-registry'), 'apt-get install docker-registry');
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), `${run}-registry-`));
    dirs.push(dir);
    writeFileSync(
      join(dir, 'config.yml'),
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
    );
    const registry: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
    try {
      await waitPort(port);
      const ref = `127.0.0.1:${port}/paved/db2-custom:11.5.9.0`;
      const r = await runAction('db2', {
        command: 'build',
        'base-image': images.new,
        tags: ref,
        push: true,
        'text-search': false,
      });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(docker('image', 'inspect', '--format', '{{join .RepoDigests " "}}', ref)).toContain(r.outputs.digest);
      dockerRc('rmi', '--force', ref);
    } finally {
      registry.kill();
    }
  });

  it('backs up online when archive logging is on, and reports status', async () => {
    const db = await startOld({ archive: true });
    const r = await runAction('db2', { command: 'backup', container: db, 'backup-path': '/database/backup/nightly' });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.backups as string)).toEqual([
      { database: 'TESTDB', timestamp: r.outputs['backup-timestamp'], online: true, path: '/database/backup/nightly' },
    ]);
    expect(docker('exec', db, 'ls', '/database/backup/nightly')).toContain(r.outputs['backup-timestamp']);

    const offline = await runAction('db2', { command: 'backup', container: db, online: 'false', databases: 'testdb' });
    expect(offline.exitCode, offline.stdout).toBe(0);
    expect(JSON.parse(offline.outputs.backups as string)[0].online).toBe(false);

    sql(db, 'db2 activate database testdb');
    const s = await runAction('db2', { command: 'status', container: db });
    expect(s.exitCode, s.stdout).toBe(0);
    expect(JSON.parse(s.outputs.level as string)).toMatchObject({
      version: '11.5.8.0',
      fixPack: '0',
      installPath: '/opt/ibm/db2/V11.5',
    });
    expect(s.outputs['active-databases']).toBe('TESTDB');
    expect(s.outputs.state).toBe('running');
  });

  it('schedules ATS tasks declaratively and emits working crontab lines', async () => {
    const db = await startOld({ archive: true });
    const jobs = (extra: string) => `
- name: DAILY BACKUP
  cron: "5 13 * * *"
  database: TESTDB
  backup: { path: /database/backup }
- name: RUNSTATS ORDERS
  cron: "0 15 * * *"
  database: TESTDB
  runstats: { table: APP.ORDERS }
${extra}`;
    const first = await runAction('db2', {
      command: 'schedule',
      container: db,
      jobs: jobs('- name: REORG\n  cron: "0 3 * * 0"\n  database: TESTDB\n  reorg: APP.ORDERS\n'),
    });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(
      JSON.parse(first.outputs.tasks as string).map((t: { name: string; action: string }) => `${t.name}:${t.action}`),
    ).toEqual(['DAILY BACKUP:added', 'RUNSTATS ORDERS:added', 'REORG:added']);
    expect(sql(db, 'db2set DB2_ATS_ENABLE')).toBe('YES');
    expect(first.summary).toContain('SYSTOOLS.ADMIN_TASK_STATUS');

    const second = await runAction('db2', {
      command: 'schedule',
      container: db,
      jobs: jobs('').replace('0 15 * * *', '30 15 * * *'),
    });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(
      JSON.parse(second.outputs.tasks as string).map((t: { name: string; action: string }) => `${t.name}:${t.action}`),
    ).toEqual(['DAILY BACKUP:unchanged', 'RUNSTATS ORDERS:updated', 'REORG:removed']);

    // An empty list with the database named removes the managed tasks (a hand-made one stays).
    sql(
      db,
      `db2 connect to testdb && db2 "CALL SYSPROC.ADMIN_TASK_ADD('DBA OWN', CURRENT TIMESTAMP, NULL, NULL, '0 4 * * *', 'DBA', 'MINE', NULL, NULL, 'hand made')"`,
    );
    const pruned = await runAction('db2', { command: 'schedule', container: db, jobs: '[]', databases: 'testdb' });
    expect(pruned.exitCode, pruned.stdout).toBe(0);
    expect(
      JSON.parse(pruned.outputs.tasks as string).map((t: { name: string; action: string }) => `${t.name}:${t.action}`),
    ).toEqual(['DAILY BACKUP:removed', 'RUNSTATS ORDERS:removed']);
    expect(sql(db, 'db2 connect to testdb >/dev/null && db2 -x "SELECT NAME FROM SYSTOOLS.ADMIN_TASK_LIST"')).toContain(
      'DBA OWN',
    );

    const cron = await runAction('db2', { command: 'schedule', target: 'cron', container: db, jobs: jobs('') });
    expect(cron.exitCode, cron.stdout).toBe(0);
    const line = (cron.outputs.crontab as string).split('\n').find((l) => l.includes('BACKUP DATABASE')) as string;
    // Run the line's command as cron would (after the five schedule fields).
    const command = line.split(' ').slice(5).join(' ').replace(/\\%/g, '%');
    const out = execFileSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(out).toMatch(/Backup successful\. The timestamp for this backup image is : \d{14}/);
  });

  it('configures LDAP authentication without leaking the search password', async () => {
    const db = await startOld();
    sql(db, 'db2 activate database testdb');
    const secret = 'ldap4db2-very-secret';
    // A failed instance restart puts the previous settings back and says so.
    sql(db, 'touch /tmp/standin-fail-next-start');
    const failed = await runAction('db2', ldapInputs(db, secret));
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(/db2start failed.*The previous LDAP settings were restored/s);
    expect(dockerRc('exec', db, 'test', '-e', '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.ini').ok).toBe(
      false,
    );
    expect(sql(db, 'db2 get dbm cfg')).toMatch(/\(SRVCON_PW_PLUGIN\) = $/m);
    expect(sql(db, 'db2gcf -s')).toContain('Available');

    const r = await runAction('db2', ldapInputs(db, secret));
    expect(r.exitCode, r.stdout).toBe(0);
    const ini = docker('exec', db, 'cat', '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.ini');
    expect(ini).toContain('LDAP_HOST = ldap-host:389');
    expect(ini).toContain(`SEARCH_PW = ${secret}`);
    expect(docker('exec', db, 'stat', '-c', '%a', '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.ini')).toBe(
      '600',
    );
    const cfg = sql(db, 'db2 get dbm cfg');
    expect(cfg).toMatch(/\(SRVCON_PW_PLUGIN\) = IBMLDAPauthserver/);
    expect(cfg).toMatch(/\(GROUP_PLUGIN\) = IBMLDAPgroups/);
    // Restarted, and what was active is active again.
    expect(sql(db, 'db2gcf -s')).toContain('Available');
    expect(sql(db, 'db2 list active databases')).toContain('TESTDB');
    expect(r.masks).toContain(secret);
    expect(unmasked(r.stdout)).not.toContain(secret);
    expect(r.summary).not.toContain(secret);
  });
});

function unmasked(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

function ldapInputs(container: string, secret: string): Record<string, string> {
  return {
    command: 'ldap',
    container,
    'ldap-host': 'ldap-host:389',
    'ldap-user-base-dn': 'ou=Users,dc=example,dc=org',
    'ldap-group-base-dn': 'ou=Groups,dc=example,dc=org',
    'ldap-search-dn': 'cn=ldapquery,dc=example,dc=org',
    'ldap-search-password': secret,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/v2/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`registry on ${port} did not start`);
}
