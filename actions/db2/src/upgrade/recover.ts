import * as core from '../../../../shared/actions-core';
import { errorMessage, OperationError } from '../../../../shared/errors';
import { redact } from '../../../../shared/secrets';
import { waitReady } from '../db2/readiness';
import { inspectContainer } from '../docker/inspect';
import {
  logs,
  removeContainer,
  renameContainer,
  setRestartPolicy,
  startContainer,
  startedAt,
  stopContainer,
} from '../docker/lifecycle';
import { Outputs } from '../names';
import { failedPhase, NEW, OLD, oldContainer, type Run } from './run';

function backupsText(run: Run): string {
  return run.report.backups.length
    ? ` Backups taken before the stop: ${run.report.backups.map((b) => `${b.database} ${b.timestamp}`).join(', ')} in ${run.o.backupPath}.`
    : '';
}

async function showNewLog(run: Run): Promise<void> {
  if (!run.created) return;
  const tail = (await logs(run.plan.newName, { tail: 15 }).catch(() => '')).trim();
  if (tail) core.info(redact(`Last lines of ${run.plan.newName}:\n${tail}`));
}

/**
 * Before the catalog update: remove the new container, give the old one back its name, start it,
 * wait for the same readiness, open the quiesced databases again. With `rollback: false` both are
 * left stopped (the new one has no restart policy, so it cannot crash-loop on the storage).
 * Always throws: an OperationError saying where things stand.
 */
export async function rollback(run: Run, error: unknown): Promise<never> {
  const { o, steps, found, plan } = run;
  // Read before the rollback adds steps of its own.
  const cause = `Upgrade failed at ${failedPhase(run)}: ${errorMessage(error)}`;
  const oldName = found.oldName;
  await showNewLog(run);
  if (!o.rollback) {
    core.setOutput(Outputs.rolledBack, 'false');
    let left = 'the new container was not created';
    if (run.created) {
      const now = await inspectContainer(plan.newName).catch(() => undefined);
      // Never leave a container that keeps restarting on the storage: stop it if it still runs.
      if (now?.State.Running) await stopContainer(plan.newName, o.stopTimeoutSeconds);
      left = `${plan.newName} was left stopped for inspection (no restart policy, so it cannot crash-loop)`;
    }
    throw new OperationError(
      `${cause}. Rollback is off: ${left}; ${oldContainer(run)} is stopped (docker rm -f ${plan.newName}; docker start ${oldContainer(run)}${run.quiesced.length ? `; then UNQUIESCE DATABASE ${run.quiesced.join(', ')}` : ''}).${backupsText(run)}`,
    );
  }
  try {
    await steps.run(
      'rollback',
      async (note) => {
        if (run.created) await removeContainer(plan.newName);
        if (run.renamed) {
          await renameContainer(oldContainer(run), oldName);
          run.renamed = false;
        }
        await startContainer(oldName);
        const since = await startedAt(oldName);
        // The old image is known to start: a short readiness-timeout meant for the new one must not
        // cut the way back short.
        await waitReady(found.target.db2, found.databases, since, Date.now() + Math.max(o.readinessTimeoutMs, 600_000));
        for (const db of run.quiesced) await found.target.db2.unquiesce(db);
        note(
          `${oldName} serves Db2 ${found.fromLevel.version} again${run.created ? `; ${plan.newName} removed` : ''}${run.quiesced.length ? `; UNQUIESCE ${run.quiesced.join(', ')}` : ''}`,
        );
      },
      { downtime: true, lane: OLD },
    );
  } catch (rollbackError) {
    core.setOutput(Outputs.rolledBack, 'false');
    throw new OperationError(
      `${cause}. ROLLBACK ALSO FAILED: ${errorMessage(rollbackError)}. ${oldName} may be down: check docker ps -a, start it by hand, restore from backup if its storage was changed.${backupsText(run)}`,
    );
  }
  const downtime = (Date.now() - (run.downFrom ?? Date.now())) / 1000;
  core.setOutput(Outputs.rolledBack, 'true');
  core.setOutput(Outputs.container, oldName);
  core.setOutput(Outputs.toLevel, found.fromLevel.version);
  core.setOutput(Outputs.downtimeSeconds, downtime.toFixed(2));
  throw new OperationError(
    `${cause}. Rolled back: ${oldName} is serving Db2 ${found.fromLevel.version} again (downtime ${downtime.toFixed(1)} s).${backupsText(run)}`,
  );
}

/**
 * After the catalog update (db2updvNNN ran): the old image must not run on this catalog, so no
 * rollback. The new container keeps serving, the old one loses its restart policy, and the message
 * names the way forward (fix and rerun: every step is repeatable) and the way back (RESTORE from
 * the pre-upgrade backup). Always throws.
 * https://www.ibm.com/docs/en/db2/11.5?topic=commands-restore-database
 */
export async function hold(run: Run, error: unknown): Promise<never> {
  const { steps, found, plan } = run;
  const cause = `Upgrade failed at ${failedPhase(run)}: ${errorMessage(error)}`;
  const parked = oldContainer(run);
  await steps.run(
    'hold',
    async (note) => {
      const old = await inspectContainer(parked);
      if (old?.HostConfig.RestartPolicy?.Name && old.HostConfig.RestartPolicy.Name !== 'no')
        await setRestartPolicy(parked, 'no');
      note(
        `not rolled back: db2updv already updated ${run.catalogChanged.join(', ')}; ${plan.newName} keeps serving; ${parked} stays stopped`,
      );
    },
    { lane: NEW },
  );
  core.setOutput(Outputs.rolledBack, 'false');
  core.setOutput(Outputs.container, plan.newName);
  const restore = run.report.backups
    .filter((b) => run.catalogChanged.includes(b.database))
    .map(
      (b) =>
        `db2 restore database ${b.database} from ${b.path} taken at ${b.timestamp} without prompting${b.online ? ` && db2 rollforward database ${b.database} to end of backup and stop` : ''}`,
    );
  throw new OperationError(
    `${cause}. Not rolled back: db2updv${found.toLevel.version.split('.').slice(0, 2).join('')} already updated the catalog of ${run.catalogChanged.join(', ')}, and ${parked} (Db2 ${found.fromLevel.version}) must not run on it. ${plan.newName} keeps serving Db2 ${found.toLevel.version}; ${parked} stays stopped. Fix the cause and run the upgrade again with container: ${plan.newName} (every post-upgrade step is repeatable), or go back by restoring the pre-upgrade backup${restore.length ? `: ${restore.join('; ')}` : ' (none was taken)'}.`,
  );
}
