import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, service } from '../harness';
import { Db2Fixture, docker, dockerRc } from './fixture';

/**
 * The ways out of a failed upgrade: rollback (before the catalog update), fail-fast on a new image
 * that crashes during setup (no restart policy until ready), and hold (after db2updv115 touched the
 * catalog: never back to the old image). A real bind error is SQL0551N with CLP rc 4
 * (https://www.ibm.com/docs/en/db2/11.5?topic=clp-return-codes).
 */
const f = new Db2Fixture();
const LONG = { timeout: 600_000 };

describe.skipIf(!service('dockerd').available)('db2 upgrade failures (stand-in Db2 images)', () => {
  beforeAll(() => f.setup());
  afterAll(() => f.cleanup());

  it('rolls back to a serving old container when the new image never becomes ready', LONG, async () => {
    const old = await f.startOld({ bind: true });
    const oldId = docker('inspect', '--format', '{{.Id}}', old);
    // Same name for the new container: the old one is renamed aside first, and back on rollback.
    const r = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: f.images.broken,
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
      /Upgrade failed at ready: .*not available \(db2gcf -s\).*Rolled back: .* is serving Db2 11\.5\.8\.0 again/s,
    );
    expect(r.stdout).toMatch(/Backups taken before the stop: TESTDB \d{14}/);
    expect(r.stdout).not.toMatch(/Stack trace/);
    // The very same old container serves again under its name, with its data, not quiesced.
    expect(docker('inspect', '--format', '{{.Id}} {{.State.Running}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
      `${oldId} true unless-stopped`,
    );
    expect(f.rows(old)).toContain("'written before'");
    expect(f.sql(old, 'db2gcf -s')).toContain('Available');
    expect(dockerRc('exec', old, 'test', '-e', '/database/data/db2inst1/TESTDB/quiesced').ok).toBe(false);
    expect(dockerRc('inspect', `${old}_11.5.8.0`).ok).toBe(false);
    expect(r.summary).toMatch(/\| ❌ ready \| failed \|/);
    expect(r.summary).toMatch(/\| ✅ rollback \| ok \|/);
    expect(r.summary).toMatch(/:crit, /);
  });

  it('fails at once when the new container crashes during setup, and never leaves it crash-looping', LONG, async () => {
    // The old container has restart: unless-stopped. Were it carried to the new one before it is
    // ready, Docker would restart the crashing image forever and report it Running; readiness
    // (15 minutes here) would wait it out. The exit ends readiness at once instead.
    const old = await f.startOld();
    const r = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: f.images.crash,
      backup: false,
      'readiness-timeout': '15m',
      'stop-timeout': '10s',
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /Upgrade failed at ready: container \S+ exited \(exit code 1\) before logging "\(\*\) Setup has completed\."/,
    );
    expect(r.stdout).toContain('DBI1205E');
    expect(r.outputs['rolled-back']).toBe('true');
    expect(docker('inspect', '--format', '{{.State.Running}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
      'true unless-stopped',
    );
    expect(f.rows(old)).toContain("'written before'");

    // rollback: false: both stay stopped; the failed one has no restart policy and was never restarted.
    const again = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: f.images.crash,
      backup: false,
      rollback: false,
      'readiness-timeout': '15m',
      'stop-timeout': '10s',
    });
    expect(again.exitCode).toBe(1);
    const crashed = f.track(`${old}_${f.images.crash.split(':')[1]}`);
    expect(again.stdout).toMatch(
      /Rollback is off: \S+ was left stopped for inspection \(no restart policy, so it cannot crash-loop\)/,
    );
    expect(
      docker('inspect', '--format', '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}} {{.RestartCount}}', crashed),
    ).toBe('exited no 0');
    expect(docker('inspect', '--format', '{{.State.Status}}', old)).toBe('exited');
  });

  it('holds instead of rolling back once db2updv115 changed the catalog; a rerun completes it', LONG, async () => {
    const old = await f.startOld();
    // A real bind error (SQL0551N: missing privilege), after db2updv115 has run.
    f.dbFile(old, 'standin-bind-error');
    const r = await runAction('db2', {
      command: 'upgrade',
      container: old,
      image: f.images.new,
      'readiness-timeout': '5m',
      'stop-timeout': '10s',
    });
    expect(r.exitCode).toBe(1);
    const fresh = f.track(`${old}_${f.images.new.split(':')[1]}`);
    expect(r.outputs['rolled-back']).toBe('false');
    expect(r.outputs.container).toBe(fresh);
    const ts = r.outputs['backup-timestamp'] as string;
    expect(r.stdout).toMatch(/Upgrade failed at post-upgrade: db2 bind db2schema\.bnd .*SQL0551N/);
    expect(r.stdout).toMatch(
      /Not rolled back: db2updv115 already updated the catalog of TESTDB, and \S+ \(Db2 11\.5\.8\.0\) must not run on it\./,
    );
    expect(r.stdout).toContain(`db2 restore database TESTDB from /database/backup taken at ${ts} without prompting`);
    expect(r.summary).toMatch(/\| ❌ post-upgrade \| failed \|/);
    expect(r.summary).toMatch(/\| ✅ hold \| ok \|/);
    expect(r.summary).not.toMatch(/rollback \|/);
    // The new container keeps serving the data; the old one stays stopped and can never restart by itself.
    expect(docker('inspect', '--format', '{{.State.Running}} {{.HostConfig.RestartPolicy.Name}}', fresh)).toBe(
      'true unless-stopped',
    );
    expect(f.rows(fresh)).toContain("'written before'");
    expect(docker('inspect', '--format', '{{.State.Status}} {{.HostConfig.RestartPolicy.Name}}', old)).toBe(
      'exited no',
    );

    // Fixed, run again as the message says: the binds now pass (SQL0719N for what exists), stamped.
    docker('exec', fresh, 'rm', '/database/data/db2inst1/TESTDB/standin-bind-error');
    const rerun = await runAction('db2', { command: 'upgrade', container: fresh, image: f.images.new });
    expect(rerun.exitCode, rerun.stdout).toBe(0);
    expect(rerun.summary).toMatch(/post-upgrade .*SQL0719N, expected/);
  });
});
