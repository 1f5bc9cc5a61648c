import * as core from '../../../../shared/actions-core';
import { ConfigurationError } from '../../../../shared/errors';
import { commandLine } from '../../../../shared/exec';
import { registerSecret } from '../../../../shared/secrets';
import { containerName as checkContainerName, tagOf } from '../db2/identifiers';
import { describeLevel } from '../db2/level';
import { inspectImage } from '../docker/inspect';
import { freeName } from '../docker/lifecycle';
import { carrySettings } from '../docker/run-args';
import type { UpgradeOptions } from '../inputs';
import { Inputs } from '../names';
import type { Steps } from '../steps';
import { byLogging, type Inspection, NEW, type Plan, type UpgradeReport } from './run';

/** The label every upgraded container carries: the service it is, whatever its name. */
export const SERVICE_LABEL = 'io.paved.db2.service';

/**
 * Phase 2, read only: the new container's name, the runtime settings carried over from the old
 * one, the backups and the way back, written to the summary before anything changes.
 */
export async function plan(o: UpgradeOptions, steps: Steps, report: UpgradeReport, found: Inspection): Promise<Plan> {
  return steps.run(
    'plan',
    async (note) => {
      const { oldName, target, fromLevel, toLevel } = found;
      const carried = carrySettings(target.inspect, await inspectImage(target.inspect.Image), o.envOverrides);
      const env = carried.env;
      if (env.get('LICENSE') !== 'accept' || !env.get('DB2INST1_PASSWORD')) {
        throw new ConfigurationError(
          `The new container needs LICENSE=accept and DB2INST1_PASSWORD, which ${oldName}'s environment does not hold${o.envFile ? ` (nor ${o.envFile})` : ''}; pass them with ${Inputs.envFile}. Nothing was changed.`,
          { input: Inputs.envFile },
        );
      }
      for (const [k, v] of env) {
        if (/PASSW|SECRET|TOKEN|KEY/i.test(k)) registerSecret(v);
        // docker --env-file has no quoting: a value with a line break cannot be carried faithfully.
        if (/[\r\n]/.test(v)) {
          throw new ConfigurationError(
            `Variable ${k} of ${oldName} holds a line break, which a docker --env-file cannot carry; set it in ${Inputs.envFile} without one. Nothing was changed.`,
            { input: Inputs.envFile },
          );
        }
      }
      const tag = (tagOf(o.image) ?? 'new').replace(/[^a-zA-Z0-9_.-]/g, '-');
      const wanted = o.newName ?? checkContainerName(`${oldName}_${tag}`.slice(0, 128));
      const renameOld = wanted === oldName;
      const parkedName = renameOld ? await freeName(`${oldName}_${fromLevel.version}`) : undefined;
      const newName = renameOld ? oldName : await freeName(wanted);
      if (!renameOld && newName !== wanted)
        core.info(`A container named ${wanted} exists already; the new one will be ${newName}`);
      const service = target.inspect.Config.Labels?.[SERVICE_LABEL] ?? oldName;
      const labels = [
        '--label',
        `io.paved.db2.upgraded-from=${oldName}`,
        '--label',
        `io.paved.db2.from-level=${fromLevel.version}`,
        '--label',
        `${SERVICE_LABEL}=${service}`,
      ];
      report.createCommand = commandLine('docker', [
        ...(carried.extraNetworks.length ? ['create'] : ['run', '--detach']),
        '--name',
        newName,
        '--env-file',
        '<env-file>',
        ...carried.args,
        ...labels,
        o.image,
      ]);
      const { online, offline } = byLogging(found);
      report.plan = [
        [
          'Old container',
          `${oldName} (${describeLevel(fromLevel)}) → stopped with --time ${o.stopTimeoutSeconds}${renameOld ? `, renamed ${parkedName}` : ''}`,
        ],
        ['New container', `${newName} from ${o.image} (${describeLevel(toLevel)}), no restart policy until ready`],
        ['Carried over', carried.carried.map(([k, v]) => `${k}: ${v}`).join('; ')],
        [
          'Backups',
          o.backup
            ? [
                online.length ? `online: ${online.join(', ')}` : '',
                offline.length
                  ? `offline (QUIESCE … FORCE CONNECTIONS, outage starts here): ${offline.join(', ')}`
                  : '',
              ]
                .filter(Boolean)
                .join('; ') || 'none'
            : 'disabled',
        ],
        ...(o.backup && found.databases.length
          ? [
              [
                'Backup checks',
                `db2ckbkp on every image${o.backupRetention ? `; keep the newest ${o.backupRetention} per database` : ''}`,
              ],
            ]
          : []),
        ...(found.standbys.length
          ? [
              [
                'HADR standbys',
                `${found.standbys.join(', ')}: no backup, probe or catalog update (they follow the primary)`,
              ],
            ]
          : []),
        [
          'Readiness',
          `log "(*) Setup has completed.", db2gcf -s, CONNECT + SELECT 1 on ${found.databases.join(', ') || 'no database'}; fails at once if the container exits`,
        ],
        [
          'Post-upgrade',
          `${found.databases.join(', ') || 'no database'}: db2updv, binds (SQL0719N tolerated), db2rbind`,
        ],
        [
          'On failure',
          o.rollback
            ? `before the catalog update: remove ${newName}, restart ${oldName}; after it: keep ${newName} serving and say how to restore`
            : `leave ${newName} stopped (no restart policy) and ${oldName} stopped`,
        ],
      ];
      note(
        `${newName} from ${o.image}; carried ${carried.carried.length} settings${carried.restart ? `; restart ${carried.restart} once ready` : ''}`,
      );
      return { newName, parkedName, carried, labels };
    },
    { lane: NEW },
  );
}
