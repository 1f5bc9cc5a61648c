import * as core from '../../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import { resolveDatabases, resolveTarget } from '../commands/target';
import { databaseName } from '../db2/identifiers';
import type { DbConfig } from '../db2/instance';
import { describeLevel } from '../db2/level';
import { compareLevels } from '../db2/version';
import { docker } from '../docker/cli';
import { databaseMount, inspectImage } from '../docker/inspect';
import type { UpgradeOptions } from '../inputs';
import { Inputs, Outputs } from '../names';
import type { Steps } from '../steps';
import { imageLevel } from './image-level';
import { type Inspection, OLD } from './run';

/**
 * Phase 1, read only: the old container (running, storage at /database), both Db2 levels, the
 * databases with their logging mode and HADR role. Refuses a downgrade and a plain upgrade of an
 * HADR primary. Anything wrong here leaves everything exactly as it was.
 */
export async function inspect(o: UpgradeOptions, steps: Steps): Promise<Inspection> {
  return steps.run(
    'inspect',
    async (note) => {
      const target = await resolveTarget(o.container, o.instance);
      const mount = databaseMount(target.inspect);
      if (!mount) {
        throw new ConfigurationError(
          `Container ${target.name} has no mount at /database: a new container would start on empty storage. Nothing was changed.`,
          { input: Inputs.container },
        );
      }
      core.setOutput(Outputs.container, target.name);
      core.setOutput(Outputs.rolledBack, 'false');
      const fromLevel = await target.db2.level();
      core.setOutput(Outputs.fromLevel, fromLevel.version);

      let image = await inspectImage(o.image);
      if (!image) {
        if (o.dryRun)
          throw new OperationError(
            `Image ${o.image} is not present locally; a dry run does not pull it. Nothing was changed.`,
          );
        await docker(['pull', o.image], { timeoutMs: 3_600_000, stream: true, prefix: '[pull] ' });
        image = await inspectImage(o.image);
        if (!image) throw new OperationError(`docker pull ${o.image} did not produce an image`);
      }
      const toLevel = await imageLevel(o.image);
      core.setOutput(Outputs.toLevel, toLevel.version);
      if (
        compareLevels(toLevel.version, fromLevel.version, toLevel.fixPack, fromLevel.fixPack) < 0 &&
        !o.allowDowngrade
      ) {
        throw new ConfigurationError(
          `${o.image} has Db2 ${describeLevel(toLevel)}, older than ${describeLevel(fromLevel)} running in ${target.name}: starting it on the upgraded storage is a downgrade. Set ${Inputs.allowDowngrade}: true if you really mean it. Nothing was changed.`,
          { input: Inputs.allowDowngrade },
        );
      }
      const all = await resolveDatabases(target.db2, o.databases);
      const config = new Map<string, DbConfig>();
      for (const db of all) config.set(databaseName(db), await target.db2.dbConfig(db));
      const sameImage = image.Id === target.inspect.Image;
      // On the image already (the last step of the rolling procedure): nothing stops, the primary
      // only gets the post-upgrade steps its standby could not take.
      const primaries = sameImage ? [] : all.filter((d) => config.get(d)?.hadrRole === 'PRIMARY');
      if (primaries.length) {
        throw new OperationError(
          `${primaries.join(', ')} ${primaries.length > 1 ? 'are HADR primaries' : 'is an HADR primary'} (HADR database role = PRIMARY): a plain upgrade would take the primary down while the standby still runs the old level. Use the rolling procedure: upgrade the standby first, TAKEOVER HADR on it, then upgrade the old primary (workflows-examples/db2-hadr-rolling-upgrade.yml). Nothing was changed.`,
        );
      }
      const standbys = all.filter((d) => config.get(d)?.hadrRole === 'STANDBY');
      const databases = all.filter((d) => !standbys.includes(d));
      note(
        [
          `${target.name}: Db2 ${describeLevel(fromLevel)}, /database on ${mount.Type} ${mount.Type === 'volume' ? mount.Name : mount.Source}`,
          `${o.image}: Db2 ${describeLevel(toLevel)}${sameImage ? ' (already running: nothing to do)' : ''}`,
          all.length
            ? all
                .map((d) => {
                  const c = config.get(d) as DbConfig;
                  return `${d}: ${c.archive ? 'archive logging' : 'circular logging'}${c.hadrRole !== 'STANDARD' ? `, HADR ${c.hadrRole}` : ''}`;
                })
                .join('; ')
            : 'no databases catalogued',
        ].join(' · '),
      );
      return {
        target,
        oldName: target.name,
        fromLevel,
        toLevel,
        newImageId: image.Id,
        databases,
        standbys,
        config,
        sameImage,
      };
    },
    { lane: OLD },
  );
}
