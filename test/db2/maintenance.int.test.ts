import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, service } from '../harness';
import { Db2Fixture, docker, dockerRc } from './fixture';

/**
 * backup, status and schedule on the stand-in Db2 image. IBM's rules the stand-in follows:
 * online backups need archive logging (LOGARCHMETH1/2 not OFF; else SQL2413N)
 * https://www.ibm.com/docs/en/db2/11.5?topic=parameters-logarchmeth1-primary-log-archive-method
 * offline ones run on a quiesced, deactivated database https://www.ibm.com/docs/en/db2/11.5?topic=commands-quiesce
 * and every image is checked with db2ckbkp https://www.ibm.com/docs/en/db2/11.5.x?topic=commands-db2ckbkp-check-backup
 */
const f = new Db2Fixture();
const LONG = { timeout: 600_000 };

describe.skipIf(!service('dockerd').available)('db2 backup, status, schedule (stand-in Db2 image)', () => {
  beforeAll(() => f.setup());
  afterAll(() => f.cleanup());

  it(
    'backs up online with archive logging, offline quiesced otherwise, verifies, prunes, and reports status',
    LONG,
    async () => {
      const db = await f.startOld({ archive: true });
      const r = await runAction('db2', { command: 'backup', container: db, 'backup-path': '/database/backup/nightly' });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(JSON.parse(r.outputs.backups as string)).toEqual([
        {
          database: 'TESTDB',
          timestamp: r.outputs['backup-timestamp'],
          online: true,
          path: '/database/backup/nightly',
        },
      ]);
      expect(docker('exec', db, 'ls', '/database/backup/nightly')).toContain(r.outputs['backup-timestamp']);
      expect(r.summary).toMatch(/db2ckbkp: TESTDB\.0\.db2inst1\.DBPART000\.\d{14}\.001/);

      sql(db, 'db2 activate database testdb');
      const offline = await runAction('db2', {
        command: 'backup',
        container: db,
        online: 'false',
        databases: 'testdb',
        'backup-path': '/database/backup/nightly',
        'backup-retention': '1',
      });
      expect(offline.exitCode, offline.stdout).toBe(0);
      expect(JSON.parse(offline.outputs.backups as string)[0].online).toBe(false);
      // QUIESCE … FORCE CONNECTIONS, DEACTIVATE, BACKUP, db2ckbkp, then UNQUIESCE: not left quiesced.
      expect(offline.stdout).toContain('db2 quiesce database immediate force connections');
      expect(offline.stdout).toContain('db2 unquiesce database');
      expect(dockerRc('exec', db, 'test', '-e', '/database/data/db2inst1/TESTDB/quiesced').ok).toBe(false);
      // backup-retention 1: only the image just verified stays.
      expect(docker('exec', db, 'ls', '/database/backup/nightly')).toBe(
        `TESTDB.0.db2inst1.DBPART000.${offline.outputs['backup-timestamp']}.001`,
      );

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
    },
  );

  it("a failed offline backup fails with Db2's own message and never leaves the database quiesced", LONG, async () => {
    const db = await f.startOld();
    // A directory the instance owner cannot write into: Db2 cannot write the image (SQL2062N, exit 4).
    docker('exec', db, 'sh', '-c', 'mkdir -p /database/backup/readonly && chmod 555 /database/backup/readonly');
    const r = await runAction('db2', {
      command: 'backup',
      container: db,
      online: 'false',
      databases: 'testdb',
      'backup-path': '/database/backup/readonly',
    });
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.stdout).toMatch(
      /backup of TESTDB failed in \S+ \(exit 4\):(?:%0A|\s)+SQL2062N {2}An error occurred while accessing media/i,
    );
    expect(r.stdout).toContain('db2 unquiesce database');
    expect(dockerRc('exec', db, 'test', '-e', '/database/data/db2inst1/TESTDB/quiesced').ok).toBe(false);
    expect(r.outputs['backup-timestamp']).toBeUndefined();
    // Once the directory is the instance owner's, the same backup runs: nothing was left half done.
    docker('exec', db, 'chown', 'db2inst1', '/database/backup/readonly');
    docker('exec', db, 'chmod', '700', '/database/backup/readonly');
    const again = await runAction('db2', {
      command: 'backup',
      container: db,
      online: 'false',
      databases: 'testdb',
      'backup-path': '/database/backup/readonly',
    });
    expect(again.exitCode, again.stdout).toBe(0);
  });

  it(
    'schedules ATS tasks declaratively; refuses an online-backup task on circular logging with the reason',
    LONG,
    async () => {
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
      // Circular logging (LOGARCHMETH1=OFF): Db2 would refuse the task's BACKUP … ONLINE every night.
      const circular = await f.startOld();
      const refused = await runAction('db2', { command: 'schedule', container: circular, jobs: jobs('') });
      expect(refused.exitCode).toBe(1);
      expect(refused.stdout).toMatch(
        /job "DAILY BACKUP": an online backup of TESTDB needs archive logging, but TESTDB uses circular logging \(LOGARCHMETH1=OFF, LOGARCHMETH2=OFF\), so Db2 would refuse the task every night with SQL2413N\..*Nothing was changed\./,
      );
      expect(sql(circular, 'db2set DB2_ATS_ENABLE')).toBe('');

      const db = await f.startOld({ archive: true });
      const first = await runAction('db2', {
        command: 'schedule',
        container: db,
        jobs: jobs('- name: REORG\n  cron: "0 3 * * 0"\n  database: TESTDB\n  reorg: APP.ORDERS\n'),
      });
      expect(first.exitCode, first.stdout).toBe(0);
      expect(actions(first.outputs.tasks)).toEqual(['DAILY BACKUP:added', 'RUNSTATS ORDERS:added', 'REORG:added']);
      expect(sql(db, 'db2set DB2_ATS_ENABLE')).toBe('YES');
      expect(first.summary).toContain('SYSTOOLS.ADMIN_TASK_STATUS');

      const second = await runAction('db2', {
        command: 'schedule',
        container: db,
        jobs: jobs('').replace('0 15 * * *', '30 15 * * *'),
      });
      expect(second.exitCode, second.stdout).toBe(0);
      expect(actions(second.outputs.tasks)).toEqual([
        'DAILY BACKUP:unchanged',
        'RUNSTATS ORDERS:updated',
        'REORG:removed',
      ]);

      // An empty list with the database named removes the managed tasks (a hand-made one stays).
      sql(
        db,
        `db2 connect to testdb && db2 "CALL SYSPROC.ADMIN_TASK_ADD('DBA OWN', CURRENT TIMESTAMP, NULL, NULL, '0 4 * * *', 'DBA', 'MINE', NULL, NULL, 'hand made')"`,
      );
      const pruned = await runAction('db2', { command: 'schedule', container: db, jobs: '[]', databases: 'testdb' });
      expect(pruned.exitCode, pruned.stdout).toBe(0);
      expect(actions(pruned.outputs.tasks)).toEqual(['DAILY BACKUP:removed', 'RUNSTATS ORDERS:removed']);
      expect(
        sql(db, 'db2 connect to testdb >/dev/null && db2 -x "SELECT NAME FROM SYSTOOLS.ADMIN_TASK_LIST"'),
      ).toContain('DBA OWN');
    },
  );

  it(
    'installs cron.d lines that find the container by label, so they survive the upgrade renaming it',
    LONG,
    async () => {
      const service = `${f.run}-svc`;
      const db = await f.startOld({ labels: [`io.paved.db2.service=${service}`] });
      const jobs =
        '- name: NIGHTLY\n  cron: "5 1 * * *"\n  database: TESTDB\n  backup: { online: false, path: /database/backup }\n';
      // Installed as a cron.d file (here in a private folder): dry-run writes nothing, a rerun converges.
      const cronFile = join(f.tempDir('crond'), 'paved-db2');
      const cron = (extra: Record<string, string> = {}) =>
        runAction('db2', { command: 'schedule', target: 'cron', container: db, jobs, 'cron-file': cronFile, ...extra });
      const dry = await cron({ 'dry-run': 'true' });
      expect(dry.exitCode, dry.stdout).toBe(0);
      expect(dry.stdout).toContain(`would be created: ${cronFile} (nothing written)`);
      expect(existsSync(cronFile)).toBe(false);
      const installed = await cron();
      expect(installed.exitCode, installed.stdout).toBe(0);
      expect(installed.stdout).toContain(`${cronFile} created (cron.d format, user root)`);
      expect(readFileSync(cronFile, 'utf8')).toBe(`${installed.outputs.crontab}\n`);
      const again = await cron();
      expect(again.stdout).toContain(`${cronFile} unchanged`);
      const line = readFileSync(cronFile, 'utf8')
        .split('\n')
        .find((l) => l.includes('BACKUP DATABASE')) as string;
      expect(line).toMatch(/^5 1 \* \* \* root /);
      expect(line).toContain(`--filter label=io.paved.db2.service=${service}`);
      expect(line).not.toContain(db);
      // The upgrade gives the container another name; the line still finds it (run as cron would).
      docker('rename', db, `${db}-renamed`);
      f.track(`${db}-renamed`);
      const command = line.split(' ').slice(6).join(' ').replace(/\\%/g, '%');
      const out = execFileSync('sh', ['-c', command], { encoding: 'utf8' });
      expect(out).toMatch(/Backup successful\. The timestamp for this backup image is : \d{14}/);

      // Without the label, a name-only line would break on the next upgrade: refused, with the fix.
      const plain = await f.startOld();
      const refused = await runAction('db2', { command: 'schedule', target: 'cron', container: plain, jobs });
      expect(refused.exitCode).toBe(1);
      expect(refused.stdout).toMatch(
        /carries no io\.paved\.db2\.service label .* Name a label it carries with input label/,
      );
      const labelled = await runAction('db2', {
        command: 'schedule',
        target: 'cron',
        label: `paved.test=${f.run}`,
        jobs,
      });
      expect(labelled.exitCode, labelled.stdout).toBe(0);
      expect(labelled.outputs.crontab).toContain(`--filter label=paved.test=${f.run}`);
    },
  );
});

function sql(container: string, script: string): string {
  return f.sql(container, script);
}

function actions(json: string | undefined): string[] {
  return JSON.parse(json as string).map((t: { name: string; action: string }) => `${t.name}:${t.action}`);
}
