import * as core from '../../../../shared/actions-core';
import { errorMessage, OperationError } from '../../../../shared/errors';
import { Summary } from '../../../../shared/summary';
import { Db2Instance } from '../db2/instance';
import { inspectContainer } from '../docker/inspect';
import type { UpgradeOptions } from '../inputs';
import { Outputs } from '../names';
import type { Steps } from '../steps';
import { backup } from '../upgrade/backup';
import { finish, postUpgrade } from '../upgrade/finish';
import { inspect } from '../upgrade/inspect';
import { ready, start, stop } from '../upgrade/outage';
import { plan } from '../upgrade/plan';
import { hold, rollback } from '../upgrade/recover';
import { NEW, type Run, type UpgradeReport } from '../upgrade/run';

export type { UpgradeReport } from '../upgrade/run';

/**
 * The cookbook's recipe #1 (stop the old container, run the new image on the same /database
 * storage), as the procedure a DBA follows, one phase per line:
 *
 *   inspect → plan → backup → stop → start → ready → post-upgrade → finish
 *                                 ↘ rollback (before the catalog update)   ↘ hold (after it)
 */
export async function upgrade(o: UpgradeOptions, steps: Steps, report: UpgradeReport): Promise<void> {
  const found = await inspect(o, steps);
  report.title = `db2 upgrade of ${found.oldName} to ${o.image}`;
  const newDb2 = (name: string) => new Db2Instance(name, found.target.db2.instance);
  if (found.sameImage) {
    // Already on this image: only what a previous run may have left undone (the post-upgrade steps
    // are stamped per database and level, so this is a no-op after a complete upgrade).
    core.setOutput(Outputs.downtimeSeconds, '0');
    if (o.dryRun) return steps.add('plan', 'planned', `${found.oldName} already runs ${o.image}: nothing to do`, NEW);
    return postUpgrade({ steps, found, newDb2: newDb2(found.oldName), catalogChanged: [] });
  }
  const decided = await plan(o, steps, report, found);
  if (o.dryRun) {
    steps.add(
      'dry run',
      'planned',
      `would back up, stop ${found.oldName}, start ${decided.newName}; nothing was changed`,
      NEW,
    );
    core.setOutput(Outputs.downtimeSeconds, '0');
    return;
  }
  const run: Run = {
    o,
    steps,
    report,
    found,
    plan: decided,
    newDb2: newDb2(decided.newName),
    quiesced: [],
    stopped: false,
    renamed: false,
    created: false,
    catalogChanged: [],
  };

  // Before the stop, or after a docker stop that left the old container running: it serves, so
  // open again what the offline backups quiesced.
  const reopenOld = async () => {
    for (const db of run.quiesced) await found.target.db2.unquiesce(db).catch(() => undefined);
  };

  try {
    await backup(run);
  } catch (error) {
    await reopenOld();
    throw new OperationError(
      `${errorMessage(error)}. ${found.oldName} was not stopped and still serves; nothing was changed${run.quiesced.length ? ` (${run.quiesced.join(', ')} quiesced for the backup and unquiesced again)` : ''}${report.backups.length ? '; backups taken stay on the storage' : ''}.`,
    );
  }

  try {
    await stop(run);
    await start(run);
    await ready(run);
  } catch (error) {
    // Only a failed docker stop can leave the old container up (or half way down): then it serves.
    const stillUp = !run.stopped && (await inspectContainer(found.oldName).catch(() => undefined))?.State.Running;
    if (!stillUp) return rollback(run, error);
    await reopenOld();
    throw new OperationError(`${errorMessage(error)}. ${found.oldName} was not stopped and still serves.`);
  }

  try {
    await postUpgrade(run);
    await finish(run);
  } catch (error) {
    return run.catalogChanged.length ? hold(run, error) : rollback(run, error);
  }
}

export function upgradeSummary(summary: Summary, report: UpgradeReport): void {
  if (report.plan.length) summary.table(['Plan', ''], report.plan);
  if (report.createCommand) summary.details('docker run', new Summary().code(report.createCommand, 'sh'));
}
