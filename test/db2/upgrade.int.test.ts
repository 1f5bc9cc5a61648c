import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, service } from '../harness';
import { Db2Fixture, docker, dockerRc, PASSWORD, unmasked } from './fixture';

/**
 * The upgrade, phase by phase (inspect → plan → backup → stop → start → ready → post-upgrade →
 * finish), through the built bundle against a real Docker engine and the stand-in Db2 images. The
 * stand-ins answer as IBM documents:
 * - BIND … ACTION ADD of existing packages: SQL0719N, CLP rc 4
 *   (https://www.ibm.com/docs/en/db2/11.5?topic=commands-bind, https://www.ibm.com/docs/en/db2/11.5?topic=clp-return-codes)
 * - QUIESCE DATABASE IMMEDIATE FORCE CONNECTIONS (https://www.ibm.com/docs/en/db2/11.5?topic=commands-quiesce)
 * - db2ckbkp "Image Verification Complete - successful." (https://www.ibm.com/docs/en/db2/11.5.x?topic=commands-db2ckbkp-check-backup)
 * - GET DB CFG "HADR database role" (https://www.ibm.com/docs/en/db2/11.5?topic=parameters-hadr-db-role-hadr-database-role)
 */
const f = new Db2Fixture();
const LONG = { timeout: 600_000 };

function stepRows(summary: string): string[] {
  return [...summary.matchAll(/^\| \S+ ([a-z -]+?) \| ([a-z ]+) \|/gm)].map((m) => `${m[1]}:${m[2]}`);
}

describe.skipIf(!service('dockerd').available)('db2 upgrade (stand-in Db2 images)', () => {
  beforeAll(() => f.setup());
  afterAll(() => f.cleanup());

  it(
    'upgrades in named phases: quiesced offline backup verified and pruned, SQL0719N tolerated, restart policy once ready',
    LONG,
    async () => {
      const old = await f.startOld();
      const tag = f.images.new.split(':')[1] as string;
      // A container already holds the default new name: the clash is handled with a suffix.
      const clash = f.track(`${old}_${tag}`);
      docker('create', '--name', clash, '--label', `paved.test=${f.run}`, f.images.old);
      const oldPort = docker('port', old, '50000/tcp');
      // Older images for backup-retention (2 kept: the new one and the newest older one), and a
      // file that is not a backup image of TESTDB (never touched).
      docker(
        'exec',
        old,
        'sh',
        '-c',
        'mkdir -p /database/backup && cd /database/backup && touch TESTDB.0.db2inst1.DBPART000.20200101000000.001 TESTDB.0.db2inst1.DBPART000.20210101000000.001 notes.txt && chown -R 1000:1000 /database/backup',
      );
      // The stand-in's offline backup takes 2 s: the outage counts from the QUIESCE, so it includes them.
      f.dbFile(old, 'standin-backup-seconds', '2');

      const r = await runAction('db2', {
        command: 'upgrade',
        container: old,
        image: f.images.new,
        'backup-retention': '2',
        'stop-timeout': '30s',
        'readiness-timeout': '5m',
      });
      expect(r.exitCode, r.stdout).toBe(0);
      const fresh = f.track(`${clash}-2`);
      expect(r.outputs).toMatchObject({
        'from-level': '11.5.8.0',
        'to-level': '11.5.9.0',
        container: fresh,
        'rolled-back': 'false',
      });
      const ts = r.outputs['backup-timestamp'] as string;
      expect(ts).toMatch(/^\d{14}$/);
      expect(JSON.parse(r.outputs.backups as string)).toEqual([
        { database: 'TESTDB', timestamp: ts, online: false, path: '/database/backup' },
      ]);
      expect(Number(r.outputs['downtime-seconds'])).toBeGreaterThanOrEqual(2);

      // One summary row per phase, in the cookbook's order.
      expect(stepRows(r.summary)).toEqual([
        'inspect:ok',
        'plan:ok',
        'backup:ok',
        'stop:ok',
        'start:ok',
        'ready:ok',
        'post-upgrade:ok',
        'finish:ok',
      ]);
      expect(r.summary).toMatch(
        /\| ✅ backup \| ok \| .*TESTDB offline \(quiesced\) \d{14}, db2ckbkp ok, 1 older pruned/,
      );
      // Every package already existed (CREATE DATABASE binds them): SQL0719N, rc 4, tolerated.
      expect(r.summary).toMatch(/post-upgrade .*db2ubind\.lst \(1 already bound: SQL0719N, expected\)/);
      expect(r.summary).toMatch(/\| ✅ ready \| ok \| .*restart policy unless-stopped applied; UNQUIESCE TESTDB/);

      // The data, on the same storage, in the new container; the old one stopped and retired.
      expect(f.rows(fresh)).toContain("1, 'written before'");
      expect(docker('inspect', '--format', '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
        'exited no',
      );
      expect(
        docker(
          'inspect',
          '--format',
          '{{.State.Running}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.CapAdd}} {{.Config.Hostname}} {{index .Config.Labels "io.paved.db2.service"}}',
          fresh,
        ),
      ).toMatch(new RegExp(`^true unless-stopped \\[(CAP_)?IPC_LOCK (CAP_)?IPC_OWNER\\] db2server ${old}$`));
      expect(docker('port', fresh, '50000/tcp')).toBe(oldPort);
      expect(f.sql(fresh, 'db2level')).toContain('DB2 v11.5.9.0');
      // The verified image and the newest older one stay; the oldest is pruned; other files stay.
      expect(docker('exec', fresh, 'ls', '/database/backup').split('\n').sort()).toEqual(
        [`TESTDB.0.db2inst1.DBPART000.${ts}.001`, 'TESTDB.0.db2inst1.DBPART000.20210101000000.001', 'notes.txt'].sort(),
      );
      // Not left quiesced; the catalog update ran once for this level.
      expect(dockerRc('exec', fresh, 'test', '-e', '/database/data/db2inst1/TESTDB/quiesced').ok).toBe(false);
      expect(docker('exec', fresh, 'cat', '/database/data/db2inst1/TESTDB/updv.log')).toBe('11.5.9.0');
      // Passwords travel in an env file: never in the log (only in the runner's mask command).
      expect(r.masks).toContain(PASSWORD);
      expect(unmasked(r.stdout)).not.toContain(PASSWORD);
      expect(r.summary).toContain('```mermaid\ngantt');
      expect(r.summary).not.toContain(PASSWORD);

      // Run again on the upgraded container: nothing to stop, the stamped post-upgrade is not redone.
      const again = await runAction('db2', { command: 'upgrade', container: fresh, image: f.images.new });
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.outputs['downtime-seconds']).toBe('0');
      expect(stepRows(again.summary)).toEqual(['inspect:ok', 'post-upgrade:ok']);
      expect(again.summary).toContain('TESTDB: already done for this level');
      expect(docker('exec', fresh, 'cat', '/database/data/db2inst1/TESTDB/updv.log')).toBe('11.5.9.0');
    },
  );

  it(
    'dry-run plans and changes nothing; a failure before the stop (unverifiable backup) leaves it serving',
    LONG,
    async () => {
      const old = await f.startOld();
      const stateBefore = f.containerState();
      const filesBefore = docker('exec', old, 'ls', '-R', '/database');
      const r = await runAction('db2', { command: 'upgrade', container: old, image: f.images.new, 'dry-run': true });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.outputs).toMatchObject({ 'from-level': '11.5.8.0', 'to-level': '11.5.9.0', container: old });
      expect(r.summary).toContain('**Dry run**: nothing was changed.');
      expect(r.summary).toContain('docker run --detach --name');
      expect(r.summary).toMatch(/offline \(QUIESCE … FORCE CONNECTIONS, outage starts here\): TESTDB/);
      expect(stepRows(r.summary)).toEqual(['inspect:ok', 'plan:ok', 'dry run:planned']);
      expect(f.containerState()).toBe(stateBefore);
      expect(docker('exec', old, 'ls', '-R', '/database')).toBe(filesBefore);

      // The image the backup wrote does not verify (db2ckbkp: ERRORS DETECTED): stop before the stop.
      f.dbFile(old, 'standin-corrupt-backup');
      const failed = await runAction('db2', { command: 'upgrade', container: old, image: f.images.new });
      expect(failed.exitCode).toBe(1);
      expect(failed.stdout).toMatch(
        /db2ckbkp \/database\/backup\/TESTDB\.0\.db2inst1\.DBPART000\.\d{14}\.001: .*Image Verification Complete - ERRORS DETECTED: +1.*was not stopped and still serves; nothing was changed \(TESTDB quiesced for the backup and unquiesced again\)/s,
      );
      expect(failed.outputs['rolled-back']).toBe('false');
      expect(f.containerState()).toBe(stateBefore);
      expect(dockerRc('exec', old, 'test', '-e', '/database/data/db2inst1/TESTDB/quiesced').ok).toBe(false);
      expect(f.rows(old)).toContain("'written before'");
    },
  );

  it(
    'refuses bad inputs, missing containers, downgrades and an HADR primary before changing anything',
    LONG,
    async () => {
      const current = await f.startOld({ image: f.images.new });
      const stateBefore = f.containerState();
      const cases: [Record<string, string>, RegExp][] = [
        [
          { command: 'upgrade', container: current, image: f.images.old },
          /older than 11\.5\.9\.0.*allow-downgrade: true.*Nothing was changed/,
        ],
        [
          { command: 'upgrade', container: current, image: f.images.new, databases: 'testdb;drop' },
          /Database name "testdb;drop" is not valid/,
        ],
        [
          { command: 'upgrade', container: `${current}; docker rm -f x`, image: f.images.new },
          /Container name .* is not valid/,
        ],
        [
          { command: 'upgrade', container: current, image: '--privileged' },
          /Image reference "--privileged" is not valid/,
        ],
        [
          { command: 'upgrade', container: current, image: f.images.new, 'new-name': '$(id)' },
          /Container name "\$\(id\)" is not valid/,
        ],
        [{ command: 'upgrade', container: current, image: f.images.new, 'backup-retention': '-1' }, /backup-retention/],
        [{ command: 'upgrad', container: current }, /did you mean "upgrade"/],
        [{ command: 'build', users: "bob'; rm -rf /" }, /User name .* is not valid/],
      ];
      for (const [inputs, message] of cases) {
        const r = await runAction('db2', inputs);
        expect(r.exitCode, JSON.stringify(inputs)).toBe(1);
        expect(r.stdout).toMatch(message);
        expect(r.stdout).not.toMatch(/Stack trace/);
      }
      // A container that does not exist is said so, not "was not stopped and still serves".
      const missing = await runAction('db2', {
        command: 'upgrade',
        container: `${f.run}-missing`,
        image: f.images.new,
      });
      expect(missing.exitCode).toBe(1);
      expect(missing.stdout).toMatch(new RegExp(`No such container: ${f.run}-missing`));
      expect(missing.stdout).not.toMatch(/still serves/);

      // HADR primary: refused, with the rolling procedure named.
      const primary = await f.startOld();
      f.cfg(primary, 'HADR_DB_ROLE', 'PRIMARY');
      const statePrimary = f.containerState();
      const refused = await runAction('db2', { command: 'upgrade', container: primary, image: f.images.new });
      expect(refused.exitCode).toBe(1);
      expect(refused.stdout).toMatch(
        /TESTDB is an HADR primary \(HADR database role = PRIMARY\).*upgrade the standby first, TAKEOVER HADR on it, then upgrade the old primary \(workflows-examples\/db2-hadr-rolling-upgrade\.yml\)\. Nothing was changed/,
      );
      expect(f.containerState()).toBe(statePrimary);
      expect(stateBefore.split('\n').every((l) => f.containerState().includes(l))).toBe(true);
      expect(docker('exec', current, 'ls', '/database')).not.toContain('backup');
    },
  );

  it(
    'rolling HADR: upgrades a standby without backup, probe or catalog update; after the takeover, the same upgrade finishes the primary',
    LONG,
    async () => {
      const standby = await f.startOld();
      f.cfg(standby, 'HADR_DB_ROLE', 'STANDBY');
      const r = await runAction('db2', {
        command: 'upgrade',
        container: standby,
        image: f.images.new,
        'new-name': standby,
        'readiness-timeout': '5m',
      });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.outputs.container).toBe(standby);
      expect(stepRows(r.summary)).toEqual([
        'inspect:ok',
        'plan:ok',
        'backup:skipped',
        'stop:ok',
        'start:ok',
        'ready:ok',
        'post-upgrade:ok',
        'finish:ok',
      ]);
      expect(r.summary).toContain('TESTDB: HADR standby, catalog follows the primary');
      expect(dockerRc('exec', standby, 'cat', '/database/data/db2inst1/TESTDB/updv.log').ok).toBe(false);
      expect(f.sql(standby, 'db2level')).toContain('DB2 v11.5.9.0');
      f.track(`${standby}_11.5.8.0`);

      // TAKEOVER HADR made it the primary: the same upgrade again (already on the image) is not
      // refused, stops nothing, and runs the catalog update and binds the standby could not take.
      f.cfg(standby, 'HADR_DB_ROLE', 'PRIMARY');
      const finish = await runAction('db2', { command: 'upgrade', container: standby, image: f.images.new });
      expect(finish.exitCode, finish.stdout).toBe(0);
      expect(stepRows(finish.summary)).toEqual(['inspect:ok', 'post-upgrade:ok']);
      expect(finish.outputs['downtime-seconds']).toBe('0');
      expect(docker('exec', standby, 'cat', '/database/data/db2inst1/TESTDB/updv.log')).toBe('11.5.9.0');
    },
  );
});
