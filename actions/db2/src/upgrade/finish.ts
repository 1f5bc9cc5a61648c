import { OperationError } from '../../../../shared/errors';
import { describeLevel } from '../db2/level';
import { postUpgrade as postUpgradeSteps } from '../db2/post-upgrade';
import { compareLevels } from '../db2/version';
import { inspectContainer } from '../docker/inspect';
import { removeContainer, setRestartPolicy } from '../docker/lifecycle';
import { NEW, oldContainer, type Run } from './run';

/**
 * Phase 7: IBM's post-fix-pack steps per database (db2updvNNN, the binds, db2rbind). Once
 * db2updvNNN has started on a database, its catalog belongs to the new level: a failure from then
 * on is held (the new container keeps serving), never rolled back onto the old image.
 */
export async function postUpgrade(run: Pick<Run, 'steps' | 'found' | 'newDb2' | 'catalogChanged'>): Promise<void> {
  const { steps, found } = run;
  await steps.run(
    'post-upgrade',
    async (note) => {
      const results = await postUpgradeSteps(run.newDb2, found.databases, found.toLevel.version, (db) => {
        if (!run.catalogChanged.includes(db)) run.catalogChanged.push(db);
      });
      note(
        [
          ...results.map((r) => `${r.database}: ${r.done}`),
          ...found.standbys.map((d) => `${d}: HADR standby, catalog follows the primary`),
        ].join('; ') || 'no databases',
      );
    },
    { lane: NEW },
  );
}

/**
 * Phase 8: the new container reports the image's level; the old container is retired (restart
 * policy "no", so a daemon restart never starts two instances on one storage) or removed.
 */
export async function finish(run: Run): Promise<void> {
  const { o, steps, found, plan } = run;
  await steps.run(
    'finish',
    async (note) => {
      const now = await run.newDb2.level();
      if (compareLevels(now.version, found.toLevel.version) !== 0) {
        throw new OperationError(`${plan.newName} reports Db2 ${now.version}, expected ${found.toLevel.version}`);
      }
      const name = oldContainer(run);
      const old = await inspectContainer(name);
      let retired = '';
      if (old && o.removeOld) {
        await removeContainer(name);
        retired = `${name} removed`;
      } else if (old) {
        if (old.HostConfig.RestartPolicy?.Name && old.HostConfig.RestartPolicy.Name !== 'no')
          await setRestartPolicy(name, 'no');
        retired = `${name} kept stopped with restart policy "no" (docker rm ${name} when satisfied)`;
      }
      note(`${plan.newName} runs ${describeLevel(now)} (was ${describeLevel(found.fromLevel)}); ${retired}`);
    },
    { lane: NEW },
  );
}
