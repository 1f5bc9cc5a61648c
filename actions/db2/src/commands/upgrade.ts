import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { ConfigurationError, errorMessage, OperationError } from '../../../../shared/errors';
import { commandLine } from '../../../../shared/exec';
import { redact, registerSecret } from '../../../../shared/secrets';
import type { Summary } from '../../../../shared/summary';
import { containerName as checkContainerName, databaseName, tagOf } from '../db2/identifiers';
import { Db2Instance } from '../db2/instance';
import { type Db2Level, describeLevel, parseDb2Level } from '../db2/level';
import { postUpgrade } from '../db2/post-upgrade';
import { waitReady } from '../db2/readiness';
import { compareLevels } from '../db2/version';
import { docker } from '../docker/cli';
import { databaseMount, inspectContainer, inspectImage } from '../docker/inspect';
import {
  freeName,
  logs,
  removeContainer,
  renameContainer,
  setRestartPolicy,
  startContainer,
  startedAt,
  stopContainer,
} from '../docker/lifecycle';
import { carrySettings, envFileText } from '../docker/run-args';
import type { UpgradeOptions } from '../inputs';
import { Inputs, Outputs } from '../names';
import type { Steps } from '../steps';
import { type BackupRecord, backupDatabases, backupOutputs } from './backup';
import { resolveDatabases, resolveTarget } from './target';

/**
 * The cookbook's recipe #1 (stop the old container, run the new image on the same /database
 * storage) with what the slides leave to the DBA: a backup first, the whole runtime setup carried
 * over, a real readiness check, the post-upgrade steps, and a way back when anything fails.
 */
export interface UpgradeReport {
  plan: string[][];
  createCommand?: string;
  backups: BackupRecord[];
  title: string;
}

const NEW = 'new container';
const OLD = 'old container';

export async function upgrade(o: UpgradeOptions, steps: Steps, report: UpgradeReport): Promise<void> {
  const state = { stopped: false };
  try {
    await upgradeSteps(o, steps, report, state);
  } catch (error) {
    // Before the stop nothing was changed (a backup image at most): say so, whatever failed.
    if (!state.stopped && error instanceof Error && !/Nothing was changed|still serves/.test(error.message)) {
      error.message += `. ${o.container} was not stopped and still serves; nothing was changed${report.backups.length ? ' (backups taken stay on the storage)' : ''}.`;
    }
    throw error;
  }
}

async function upgradeSteps(
  o: UpgradeOptions,
  steps: Steps,
  report: UpgradeReport,
  state: { stopped: boolean },
): Promise<void> {
  // ---- Phase 1: read only. Anything wrong here leaves everything exactly as it was. ----
  const target = await steps.run(
    'Inspect old container',
    async (note) => {
      const t = await resolveTarget(o.container, o.instance);
      const mount = databaseMount(t.inspect);
      if (!mount) {
        throw new ConfigurationError(
          `Container ${t.name} has no mount at /database: a new container would start on empty storage. Nothing was changed.`,
          { input: Inputs.container },
        );
      }
      note(
        `${t.name}: image ${t.inspect.Config.Image}, /database on ${mount.Type} ${mount.Type === 'volume' ? mount.Name : mount.Source}`,
      );
      return t;
    },
    { lane: OLD },
  );
  const oldName = target.name;
  report.title = `db2 upgrade of ${oldName} to ${o.image}`;
  core.setOutput(Outputs.container, oldName);
  core.setOutput(Outputs.rolledBack, 'false');

  const fromLevel = await steps.run(
    'db2level (old)',
    async (note) => {
      const level = await target.db2.level();
      note(`${describeLevel(level)} at ${level.installPath ?? '?'}`);
      return level;
    },
    { lane: OLD },
  );
  core.setOutput(Outputs.fromLevel, fromLevel.version);

  const newImage = await steps.run(
    'Inspect new image',
    async (note) => {
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
      note(`${o.image} = ${image.Id.slice(0, 19)}`);
      return image;
    },
    { lane: NEW },
  );

  const toLevel = await steps.run(
    'db2level (new image)',
    async (note) => {
      const level = await imageLevel(o.image);
      note(describeLevel(level));
      return level;
    },
    { lane: NEW },
  );
  core.setOutput(Outputs.toLevel, toLevel.version);

  const direction = compareLevels(toLevel.version, fromLevel.version, toLevel.fixPack, fromLevel.fixPack);
  if (direction < 0 && !o.allowDowngrade) {
    throw new ConfigurationError(
      `${o.image} has Db2 ${describeLevel(toLevel)}, older than ${describeLevel(fromLevel)} running in ${oldName}: starting it on the upgraded storage is a downgrade. Set ${Inputs.allowDowngrade}: true if you really mean it. Nothing was changed.`,
      { input: Inputs.allowDowngrade },
    );
  }
  if (newImage.Id === target.inspect.Image) {
    steps.add(
      'Compare images',
      'skipped',
      `${oldName} already runs ${o.image} (${newImage.Id.slice(0, 19)}): nothing to do`,
      NEW,
    );
    core.setOutput(Outputs.downtimeSeconds, '0');
    return;
  }

  const databases = await steps.run(
    'Databases',
    async (note) => {
      const dbs = await resolveDatabases(target.db2, o.databases);
      for (const db of dbs) databaseName(db);
      note(dbs.length ? dbs.join(', ') : 'none catalogued');
      return dbs;
    },
    { lane: OLD },
  );

  const oldImage = await inspectImage(target.inspect.Image);
  const carried = carrySettings(target.inspect, oldImage, o.envOverrides);
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

  const labels = [
    '--label',
    `io.paved.db2.upgraded-from=${oldName}`,
    '--label',
    `io.paved.db2.from-level=${fromLevel.version}`,
  ];
  const createArgs = [
    ...(carried.extraNetworks.length ? ['create'] : ['run', '--detach']),
    '--name',
    newName,
    '--env-file',
    '<env-file>',
    ...carried.args,
    ...labels,
    o.image,
  ];
  report.createCommand = commandLine('docker', createArgs);

  const archive = new Map<string, boolean>();
  if (o.backup) {
    await steps.run(
      'Archive logging',
      async (note) => {
        for (const db of databases) archive.set(db, await target.db2.archiveLogging(db));
        note(
          databases.map((d) => `${d}: ${archive.get(d) ? 'on → online backup' : 'off → offline backup'}`).join('; ') ||
            'no databases',
        );
      },
      { lane: OLD },
    );
  }
  report.plan = [
    [
      'Old container',
      `${oldName} (${describeLevel(fromLevel)}) → stopped with --time ${o.stopTimeoutSeconds}${renameOld ? `, renamed ${parkedName}` : ''}`,
    ],
    ['New container', `${newName} from ${o.image} (${describeLevel(toLevel)})`],
    ['Carried over', carried.carried.map(([k, v]) => `${k}: ${v}`).join('; ')],
    [
      'Backups',
      o.backup
        ? databases.map((d) => `${d} ${archive.get(d) ? 'online' : 'offline'} to ${o.backupPath}`).join('; ') || 'none'
        : 'disabled',
    ],
    [
      'Readiness',
      `log "(*) Setup has completed.", db2gcf -s, CONNECT + SELECT 1 on ${databases.join(', ') || 'no database'}`,
    ],
    ['On failure', o.rollback ? `remove ${newName}, restart ${oldName}` : 'leave both containers for inspection'],
  ];

  if (o.dryRun) {
    steps.add('Dry run', 'planned', `would back up, stop ${oldName}, create ${newName}; nothing was changed`, NEW);
    core.setOutput(Outputs.downtimeSeconds, '0');
    return;
  }

  // ---- Phase 2: backup while the old container still serves. ----
  if (o.backup && databases.length > 0) {
    report.backups = await steps.run(
      'Backup',
      async (note) => {
        const records = await backupDatabases(target.db2, databases, {
          online: (db) => archive.get(db) ?? false,
          path: o.backupPath,
          compress: o.compress,
        });
        note(records.map((r) => `${r.database} ${r.online ? 'online' : 'offline'} ${r.timestamp}`).join('; '));
        return records;
      },
      { lane: OLD },
    );
    backupOutputs(report.backups);
  }

  // ---- Phase 3: the outage. From here on, any failure rolls back. ----
  const deadline = () => Date.now() + o.readinessTimeoutMs;
  const downFrom = Date.now();
  let stopped = false;
  let created = false;
  let renamed = false;
  let failedStep = '';
  const newDb2 = new Db2Instance(newName, target.db2.instance);
  try {
    failedStep = 'stop';
    await steps.run(
      `Stop ${oldName}`,
      async (note) => {
        state.stopped = true;
        await stopContainer(oldName, o.stopTimeoutSeconds);
        stopped = true;
        note(`stopped in ${((Date.now() - downFrom) / 1000).toFixed(1)} s (stop timeout ${o.stopTimeoutSeconds} s)`);
      },
      { downtime: true, lane: OLD },
    );
    if (renameOld && parkedName) {
      await renameContainer(oldName, parkedName);
      renamed = true;
    }
    failedStep = 'start';
    await steps.run(
      `Start ${newName}`,
      async (note) => {
        const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'paved-db2-'));
        const envFile = join(dir, 'env');
        try {
          writeFileSync(envFile, envFileText(env), { mode: 0o600 });
          // One `docker run` when nothing must be attached before the start (it saves a CLI round trip
          // of outage); extra networks need create → network connect → start.
          const verb = carried.extraNetworks.length ? ['create'] : ['run', '--detach'];
          // A failed run can leave a created container behind: the rollback removes it either way.
          created = true;
          await docker([...verb, '--name', newName, '--env-file', envFile, ...carried.args, ...labels, o.image]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        if (carried.extraNetworks.length) {
          for (const net of carried.extraNetworks) {
            const args = ['network', 'connect', ...net.aliases.flatMap((a) => ['--alias', a])];
            if (net.ipv4) args.push('--ip', net.ipv4);
            await docker([...args, net.name, newName]);
          }
          await startContainer(newName);
        }
        note(`${newName} started from ${o.image}`);
      },
      { downtime: true, lane: NEW },
    );
    failedStep = 'readiness';
    await steps.run(
      `Readiness of ${newName}`,
      async (note) => {
        const since = await startedAt(newName);
        const parts = await waitReady(newDb2, databases, since, deadline());
        note(parts.map((p) => `${p.step} ${(p.ms / 1000).toFixed(1)} s`).join(', '));
      },
      { downtime: true, lane: NEW },
    );
    const downtime = (Date.now() - downFrom) / 1000;
    core.setOutput(Outputs.downtimeSeconds, downtime.toFixed(2));
    core.setOutput(Outputs.container, newName);

    failedStep = 'post-upgrade';
    await steps.run(
      'Post-upgrade steps',
      async (note) => {
        const results = await postUpgrade(newDb2, databases, toLevel.version);
        note(results.map((r) => `${r.database}: ${r.done}`).join('; ') || 'no databases');
      },
      { lane: NEW },
    );
    failedStep = 'verify';
    await steps.run(
      'Verify level',
      async (note) => {
        const now = await newDb2.level();
        if (compareLevels(now.version, toLevel.version) !== 0) {
          throw new OperationError(`${newName} reports Db2 ${now.version}, expected ${toLevel.version}`);
        }
        note(`${newName} runs ${describeLevel(now)} (was ${describeLevel(fromLevel)})`);
      },
      { lane: NEW },
    );
  } catch (error) {
    if (!stopped) {
      // docker stop itself failed: the container may be up, or half way down.
      const now = await inspectContainer(oldName).catch(() => undefined);
      if (now?.State.Running)
        throw new OperationError(`${errorMessage(error)}. ${oldName} was not stopped and still serves.`);
    }
    return rollbackOrLeave(o, steps, {
      oldName,
      parkedName: renamed ? parkedName : undefined,
      newName: created ? newName : undefined,
      db2: target.db2,
      databases,
      downFrom,
      failedStep,
      error,
      backups: report.backups,
      fromLevel,
      deadline: deadline(),
    });
  }

  // The old container must never come back on this storage by itself (restart=always does on
  // a daemon restart), so it loses its restart policy; it stays for a manual fallback.
  await steps.run(
    `Retire ${oldName}`,
    async (note) => {
      const old = await inspectContainer(renameOld ? (parkedName as string) : oldName);
      if (!old) return;
      const name = renameOld ? (parkedName as string) : oldName;
      if (o.removeOld) {
        await removeContainer(name);
        note(`${name} removed`);
      } else {
        if (old.HostConfig.RestartPolicy?.Name && old.HostConfig.RestartPolicy.Name !== 'no')
          await setRestartPolicy(name, 'no');
        note(`${name} kept stopped with restart policy "no" (docker rm ${name} when satisfied)`);
      }
    },
    { lane: OLD },
  );
}

interface RollbackContext {
  oldName: string;
  parkedName?: string;
  newName?: string;
  db2: Db2Instance;
  databases: string[];
  downFrom: number;
  failedStep: string;
  error: unknown;
  backups: BackupRecord[];
  fromLevel: Db2Level;
  deadline: number;
}

/** Always throws: an OperationError saying where things stand (rolled back, left, or broken). */
async function rollbackOrLeave(o: UpgradeOptions, steps: Steps, c: RollbackContext): Promise<never> {
  const cause = errorMessage(c.error);
  const backupsText = c.backups.length
    ? ` Backups taken before the stop: ${c.backups.map((b) => `${b.database} ${b.timestamp}`).join(', ')} in ${o.backupPath}.`
    : '';
  let newLogTail = '';
  if (c.newName) newLogTail = (await logs(c.newName, { tail: 15 }).catch(() => '')).trim();
  if (newLogTail) core.info(redact(`Last lines of ${c.newName}:\n${newLogTail}`));
  if (!o.rollback) {
    core.setOutput(Outputs.rolledBack, 'false');
    throw new OperationError(
      `Upgrade failed at ${c.failedStep}: ${cause}. Rollback is off: ${c.newName ?? 'the new container'} was left for inspection and ${c.parkedName ?? c.oldName} is stopped (docker rm -f ${c.newName ?? '<new>'}; docker start ${c.parkedName ?? c.oldName}).${backupsText}`,
    );
  }
  try {
    await steps.run(
      `Roll back to ${c.oldName}`,
      async (note) => {
        if (c.newName) await removeContainer(c.newName);
        if (c.parkedName) await renameContainer(c.parkedName, c.oldName);
        await startContainer(c.oldName);
        const since = await startedAt(c.oldName);
        await waitReady(c.db2, c.databases, since, c.deadline);
        note(`${c.oldName} serves ${describeLevel(c.fromLevel)} again${c.newName ? `; ${c.newName} removed` : ''}`);
      },
      { downtime: true, lane: OLD },
    );
  } catch (rollbackError) {
    core.setOutput(Outputs.rolledBack, 'false');
    throw new OperationError(
      `Upgrade failed at ${c.failedStep}: ${cause}. ROLLBACK ALSO FAILED: ${errorMessage(rollbackError)}. ${c.oldName} may be down: check docker ps -a, start it by hand, restore from backup if its storage was changed.${backupsText}`,
    );
  }
  const downtime = (Date.now() - c.downFrom) / 1000;
  core.setOutput(Outputs.rolledBack, 'true');
  core.setOutput(Outputs.container, c.oldName);
  core.setOutput(Outputs.toLevel, c.fromLevel.version);
  core.setOutput(Outputs.downtimeSeconds, downtime.toFixed(2));
  throw new OperationError(
    `Upgrade failed at ${c.failedStep}: ${cause}. Rolled back: ${c.oldName} is serving Db2 ${c.fromLevel.version} again (downtime ${downtime.toFixed(1)} s).${backupsText}`,
  );
}

/**
 * The Db2 level of an image before any container of it touches our storage: db2level from the
 * install path in a throwaway container with no network and no mounts.
 */
export async function imageLevel(image: string): Promise<Db2Level> {
  const r = await docker(
    [
      'run',
      '--rm',
      '--network',
      'none',
      '--user',
      '0',
      '--entrypoint',
      '/bin/sh',
      image,
      '-c',
      'for d in /opt/ibm/db2/V*; do if [ -x "$d/bin/db2level" ]; then exec "$d/bin/db2level"; fi; done; echo "no /opt/ibm/db2/V*/bin/db2level in this image" >&2; exit 127',
    ],
    { ignoreReturnCode: true, timeoutMs: 300_000 },
  );
  try {
    return parseDb2Level(`${r.stdout}\n${r.stderr}`);
  } catch (error) {
    throw new OperationError(
      `Could not read the Db2 level of ${image} (${errorMessage(error)}${r.stderr.trim() ? `; ${r.stderr.trim().split('\n').slice(-1)[0]}` : ''}). Nothing was changed.`,
    );
  }
}

export function upgradeSummary(summary: Summary, report: UpgradeReport): void {
  if (report.plan.length) summary.table(['Plan', ''], report.plan);
  if (report.createCommand) summary.details('docker run', `\`\`\`sh\n${report.createCommand}\n\`\`\``);
}
