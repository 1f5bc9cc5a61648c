import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { waitReady } from '../db2/readiness';
import { docker } from '../docker/cli';
import { renameContainer, setRestartPolicy, startContainer, startedAt, stopContainer } from '../docker/lifecycle';
import { envFileText } from '../docker/run-args';
import { Outputs } from '../names';
import { NEW, OLD, type Run, readinessDeadline } from './run';

/** Phase 4: docker stop with time for IBM's SIGTERM handler to run db2stop; the outage starts here at the latest. */
export async function stop(run: Run): Promise<void> {
  const { o, found, plan, steps } = run;
  run.downFrom ??= Date.now();
  await steps.run(
    'stop',
    async (note) => {
      const from = Date.now();
      await stopContainer(found.oldName, o.stopTimeoutSeconds);
      run.stopped = true;
      if (plan.parkedName) {
        await renameContainer(found.oldName, plan.parkedName);
        run.renamed = true;
      }
      note(
        `${found.oldName} stopped in ${((Date.now() - from) / 1000).toFixed(1)} s (stop timeout ${o.stopTimeoutSeconds} s)${run.renamed ? `, renamed ${plan.parkedName}` : ''}`,
      );
    },
    { downtime: true, lane: OLD },
  );
}

/**
 * Phase 5: the new image on the same storage with the carried settings, WITHOUT a restart policy:
 * an image that crashes during setup then exits (and readiness fails at once) instead of looping.
 */
export async function start(run: Run): Promise<void> {
  const { o, plan, steps } = run;
  const c = plan.carried;
  await steps.run(
    'start',
    async (note) => {
      const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'paved-db2-'));
      const envFile = join(dir, 'env');
      try {
        writeFileSync(envFile, envFileText(c.env), { mode: 0o600 });
        // One `docker run` when nothing must be attached before the start (it saves a CLI round trip
        // of outage); extra networks need create → network connect → start.
        const verb = c.extraNetworks.length ? ['create'] : ['run', '--detach'];
        // A failed run can leave a created container behind: the rollback removes it either way.
        run.created = true;
        await docker([...verb, '--name', plan.newName, '--env-file', envFile, ...c.args, ...plan.labels, o.image]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      if (c.extraNetworks.length) {
        for (const net of c.extraNetworks) {
          const args = ['network', 'connect', ...net.aliases.flatMap((a) => ['--alias', a])];
          if (net.ipv4) args.push('--ip', net.ipv4);
          await docker([...args, net.name, plan.newName]);
        }
        await startContainer(plan.newName);
      }
      note(`${plan.newName} started from ${o.image} (restart policy: none until ready)`);
    },
    { downtime: true, lane: NEW },
  );
}

/**
 * Phase 6: ready means serving: the setup line, db2gcf -s, CONNECT + SELECT 1 per database. A
 * container that exits meanwhile fails it at once. Then the carried restart policy is applied and
 * the databases quiesced for the offline backup are opened again; the outage ends.
 */
export async function ready(run: Run): Promise<void> {
  const { plan, steps, found } = run;
  await steps.run(
    'ready',
    async (note) => {
      const since = await startedAt(plan.newName);
      const parts = await waitReady(run.newDb2, found.databases, since, readinessDeadline(run), {
        watchRestarts: true,
      });
      if (plan.carried.restart) await setRestartPolicy(plan.newName, plan.carried.restart);
      for (const db of run.quiesced) await run.newDb2.unquiesce(db);
      const downtime = (Date.now() - (run.downFrom ?? Date.now())) / 1000;
      core.setOutput(Outputs.downtimeSeconds, downtime.toFixed(2));
      core.setOutput(Outputs.container, plan.newName);
      note(
        [
          parts.map((p) => `${p.step} ${(p.ms / 1000).toFixed(1)} s`).join(', '),
          plan.carried.restart ? `restart policy ${plan.carried.restart} applied` : '',
          run.quiesced.length ? `UNQUIESCE ${run.quiesced.join(', ')}` : '',
          found.standbys.length ? `HADR standby ${found.standbys.join(', ')} not probed` : '',
          `outage ${downtime.toFixed(1)} s`,
        ]
          .filter(Boolean)
          .join('; '),
      );
    },
    { downtime: true, lane: NEW },
  );
}
