import * as core from '../../../../shared/actions-core';
import { ConfigurationError } from '../../../../shared/errors';
import type { Summary } from '../../../../shared/summary';
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
import { inspectTarget, resolveDatabases } from './target';

export async function schedule(o: ScheduleOptions, steps: Steps, summary: Summary): Promise<void> {
  if (o.target === 'cron') {
    const lines = await steps.run('Crontab', async (note) => {
      let out: string[];
      try {
        out = crontabLines(o.jobs, {
          container: o.container,
          instance: o.instance ?? 'db2inst1',
          dockerHost: o.dockerHost,
        });
      } catch (error) {
        throw new ConfigurationError((error as Error).message, { input: Inputs.jobs });
      }
      note(`${o.jobs.length} job(s) for ${o.container}`);
      return out;
    });
    core.setOutput(Outputs.crontab, lines.join('\n'));
    core.setOutput(Outputs.container, o.container);
    core.setOutput(
      Outputs.tasks,
      JSON.stringify(o.jobs.map((j) => ({ name: j.name, database: j.database, schedule: j.cron, action: 'emitted' }))),
    );
    summary.paragraph("Install on the scheduling host with `crontab -e` (or append to the cron user's crontab):");
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
    changes.map((c) => [c.name, c.database, `\`${c.schedule}\``, c.call, c.action]),
  );
  summary.heading('SYSTOOLS.ADMIN_TASK_STATUS', 3);
  if (statuses.length) {
    summary.table(
      ['Task', 'Database', 'Task ID', 'Status', 'Begin', 'End', 'SQLCODE'],
      statuses.map((s) => [s.name, s.database, s.taskId, s.status, s.begin, s.end, s.sqlcode]),
    );
  } else summary.paragraph('No task has run yet.');
}
