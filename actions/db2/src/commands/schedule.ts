import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { ConfigurationError } from '../../../../shared/errors';
import { code, md, type Summary } from '../../../../shared/summary';
import { inspectContainer } from '../docker/inspect';
import type { ScheduleOptions } from '../inputs';
import { Inputs, Outputs } from '../names';
import {
  ensureSystoolspace,
  listTasks,
  planTasks,
  type TaskChange,
  type TaskStatus,
  taskStatus,
} from '../schedule/ats';
import { crontabLines } from '../schedule/cron';
import { atsCall } from '../schedule/jobs';
import type { Steps } from '../steps';
import { SERVICE_LABEL } from '../upgrade/plan';
import { inspectTarget, resolveDatabases } from './target';

/** The label that names the service across upgrades: io.paved.db2.service, set by the upgrade. */
async function serviceLabel(container: string): Promise<string> {
  if (!container)
    throw new ConfigurationError(`schedule with target cron needs ${Inputs.label} (key=value) or ${Inputs.container}`, {
      input: Inputs.label,
    });
  const c = await inspectContainer(container);
  if (!c)
    throw new ConfigurationError(`No such container: ${container} (input ${Inputs.container})`, {
      input: Inputs.container,
    });
  const value = c.Config.Labels?.[SERVICE_LABEL];
  if (!value) {
    throw new ConfigurationError(
      `Container ${container} carries no ${SERVICE_LABEL} label (the upgrade command sets it; add --label ${SERVICE_LABEL}=<name> when you run it), so a crontab line could only name it, and the next upgrade renames it. Name a label it carries with input ${Inputs.label}, e.g. com.docker.compose.service=db2.`,
      { input: Inputs.label },
    );
  }
  return `${SERVICE_LABEL}=${value}`;
}

export async function schedule(o: ScheduleOptions, steps: Steps, summary: Summary): Promise<void> {
  if (o.target === 'cron') {
    const label = await steps.run('Label', async (note) => {
      const l = o.label ?? (await serviceLabel(o.container));
      note(`lines find the container by label ${l} (it survives the upgrade's renaming)`);
      return l;
    });
    const lines = await steps.run('Crontab', async (note) => {
      let out: string[];
      try {
        out = crontabLines(o.jobs, {
          label,
          instance: o.instance ?? 'db2inst1',
          dockerHost: o.dockerHost,
          user: o.cronFile ? o.cronUser : undefined,
        });
      } catch (error) {
        throw new ConfigurationError((error as Error).message, { input: Inputs.jobs });
      }
      note(`${o.jobs.length} job(s) for the container labelled ${label}`);
      return out;
    });
    if (o.cronFile) {
      const file = o.cronFile;
      await steps.run(o.dryRun ? 'Install (dry run)' : 'Install', async (note) => {
        const text = `${lines.join('\n')}\n`;
        const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        const change = before === undefined ? 'created' : before === text ? 'unchanged' : 'replaced';
        if (o.dryRun) return note(`would be ${change}: ${file} (nothing written)`);
        if (change !== 'unchanged') {
          // Whole-file replace through a temp file in the same folder: cron never reads half a file.
          const tmp = join(dirname(file), `.${basename(file)}.paved-${process.pid}`);
          writeFileSync(tmp, text, { mode: 0o644 });
          renameSync(tmp, file);
        }
        note(`${file} ${change} (cron.d format, user ${o.cronUser})`);
      });
    }
    core.setOutput(Outputs.crontab, lines.join('\n'));
    if (o.container) core.setOutput(Outputs.container, o.container);
    core.setOutput(
      Outputs.tasks,
      JSON.stringify(o.jobs.map((j) => ({ name: j.name, database: j.database, schedule: j.cron, action: 'emitted' }))),
    );
    summary.paragraph(
      o.cronFile
        ? md`${o.dryRun ? 'Would install' : 'Installed'} as ${code(o.cronFile)} on this runner:`
        : md`Install on the scheduling host with ${code('crontab -e')} (or set ${code(Inputs.cronFile)}):`,
    );
    summary.code(lines.join('\n'), 'crontab');
    return;
  }
  // Validate every job for ATS before touching the database (offline backups cannot run there).
  for (const job of o.jobs) {
    try {
      atsCall(job);
    } catch (error) {
      throw new ConfigurationError((error as Error).message, { input: Inputs.jobs });
    }
  }
  const target = await inspectTarget(steps, o.container, o.instance);
  const db2 = target.db2;
  // Databases named in the input are managed too: that is how the last task of one is removed.
  const databases = [...new Set([...o.jobs.map((j) => j.database), ...(o.databases ?? [])])];
  await resolveDatabases(db2, databases);
  await steps.run('Logging mode', async (note) => {
    const seen: string[] = [];
    for (const db of new Set(o.jobs.filter((j) => j.action.kind === 'backup').map((j) => j.database))) {
      const cfg = await db2.dbConfig(db);
      seen.push(`${db}: ${cfg.archive ? 'archive logging' : 'circular logging'}`);
      if (cfg.archive) continue;
      const job = o.jobs.find((j) => j.database === db && j.action.kind === 'backup') as (typeof o.jobs)[number];
      // https://www.ibm.com/docs/en/db2/11.5?topic=parameters-logarchmeth1-primary-log-archive-method
      throw new ConfigurationError(
        `job "${job.name}": an online backup of ${db} needs archive logging, but ${db} uses circular logging (LOGARCHMETH1=${cfg.logarchmeth1}, LOGARCHMETH2=${cfg.logarchmeth2}), so Db2 would refuse the task every night with SQL2413N. Turn archive logging on (db2 update db cfg for ${db} using LOGARCHMETH1 DISK:<path>, then one offline backup) or schedule an offline backup with target: cron. Nothing was changed.`,
        { input: Inputs.jobs },
      );
    }
    note(seen.join('; ') || 'no backup jobs');
  });
  await steps.run('DB2_ATS_ENABLE', async (note) => {
    const current = (await db2.run('db2set DB2_ATS_ENABLE', { quiet: true })).stdout.trim();
    if (current.toUpperCase() === 'YES') return note('already YES');
    await db2.command('db2set DB2_ATS_ENABLE=YES', 'db2set DB2_ATS_ENABLE=YES');
    note(`was ${current || 'unset'}, now YES`);
  });
  const changes: TaskChange[] = [];
  const statuses: (TaskStatus & { database: string })[] = [];
  for (const db of databases) {
    await steps.run(`Tasks in ${db}`, async (note) => {
      const created = await ensureSystoolspace(db2, db);
      const plan = planTasks(db, o.jobs, await listTasks(db2, db));
      if (plan.sql.length)
        await db2.sql(
          `CONNECT TO ${db};\n${plan.sql.join('\n')}\nCOMMIT;\nCONNECT RESET;\n`,
          `updating ATS tasks in ${db}`,
        );
      changes.push(...plan.changes);
      const active = await db2.activeDatabases();
      if (!active.includes(db))
        core.warning(
          `${db} is not active: ATS runs tasks only in active databases (the build command's activate-databases script keeps it active)`,
        );
      note(
        `${created ? 'SYSTOOLSPACE created; ' : ''}${plan.changes.map((c) => `${c.name}: ${c.action}`).join(', ') || 'no tasks'}`,
      );
      statuses.push(...(await taskStatus(db2, db)).map((s) => ({ ...s, database: db })));
    });
  }
  core.setOutput(Outputs.tasks, JSON.stringify(changes));
  summary.table(
    ['Task', 'Database', 'Schedule', 'Call', 'Change'],
    changes.map((c) => [c.name, c.database, code(c.schedule), c.call, c.action]),
  );
  summary.heading('SYSTOOLS.ADMIN_TASK_STATUS', 3);
  if (statuses.length) {
    summary.table(
      ['Task', 'Database', 'Task ID', 'Status', 'Begin', 'End', 'SQLCODE'],
      statuses.map((s) => [s.name, s.database, s.taskId, s.status, s.begin, s.end, s.sqlcode]),
    );
  } else summary.paragraph('No task has run yet.');
}
