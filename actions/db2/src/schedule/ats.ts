import { sqlString } from '../db2/identifiers';
import type { Db2Instance } from '../db2/instance';
import { atsCall, type Job } from './jobs';

/**
 * Db2's Administrative Task Scheduler, driven declaratively: tasks carry a REMARKS marker so we
 * only ever update or remove tasks this action created; a DBA's hand-made tasks are left alone.
 */
export const MARKER = 'Managed by Paved db2 action';
const SEP = '\u001f';

export interface ExistingTask {
  name: string;
  schedule: string;
  schema: string;
  procedure: string;
  input: string;
  remarks: string;
}

export interface TaskChange {
  name: string;
  database: string;
  action: 'added' | 'updated' | 'replaced' | 'unchanged' | 'removed';
  schedule: string;
  call: string;
}

export interface TaskStatus {
  name: string;
  taskId: string;
  status: string;
  begin: string;
  end: string;
  sqlcode: string;
}

function rows(output: string, fields: number): string[][] {
  return output
    .split('\n')
    .filter((l) => l.includes(SEP))
    .map((l) =>
      l
        .replace(/\s+$/, '')
        .split(SEP)
        .map((f) => f.trim()),
    )
    .filter((r) => r.length === fields);
}

export function parseTaskList(output: string): ExistingTask[] {
  return rows(output, 6).map(([name, schedule, schema, procedure, input, remarks]) => ({
    name: name as string,
    schedule: schedule as string,
    schema: schema as string,
    procedure: procedure as string,
    input: input as string,
    remarks: remarks as string,
  }));
}

export function parseTaskStatus(output: string): TaskStatus[] {
  return rows(output, 6).map(([name, taskId, status, begin, end, sqlcode]) => ({
    name: name as string,
    taskId: taskId as string,
    status: status as string,
    begin: begin as string,
    end: end as string,
    sqlcode: sqlcode as string,
  }));
}

const S = `X'1F'`;
const LIST = `SELECT NAME || ${S} || SCHEDULE || ${S} || RTRIM(PROCEDURE_SCHEMA) || ${S} || PROCEDURE_NAME || ${S} || COALESCE(CAST(PROCEDURE_INPUT AS VARCHAR(4000)), '') || ${S} || COALESCE(REMARKS, '') FROM SYSTOOLS.ADMIN_TASK_LIST;`;
const STATUS = `SELECT NAME || ${S} || RTRIM(CHAR(TASKID)) || ${S} || STATUS || ${S} || COALESCE(VARCHAR(BEGIN_TIME), '') || ${S} || COALESCE(VARCHAR(END_TIME), '') || ${S} || COALESCE(RTRIM(CHAR(SQLCODE)), '') FROM SYSTOOLS.ADMIN_TASK_STATUS;`;

/** SYSTOOLSPACE holds the ATS tables; Db2 creates the tables on first use but not the table space. */
export async function ensureSystoolspace(db2: Db2Instance, database: string): Promise<boolean> {
  const out = await db2.sql(
    `CONNECT TO ${database};\nSELECT 'TS' || ${S} || RTRIM(CHAR(COUNT(*))) FROM SYSCAT.TABLESPACES WHERE TBSPACE = 'SYSTOOLSPACE';\nCONNECT RESET;\n`,
    `checking SYSTOOLSPACE in ${database}`,
  );
  const count = rows(out, 2)[0]?.[1];
  if (count && count !== '0') return false;
  await db2.sql(
    `CONNECT TO ${database};\nCREATE TABLESPACE SYSTOOLSPACE IN IBMCATGROUP MANAGED BY AUTOMATIC STORAGE EXTENTSIZE 4;\nCOMMIT;\nCONNECT RESET;\n`,
    `creating SYSTOOLSPACE in ${database}`,
  );
  return true;
}

export async function listTasks(db2: Db2Instance, database: string): Promise<ExistingTask[]> {
  // SQL0204N: the ATS tables do not exist until the first task is added.
  const r = await db2.run('f=$(mktemp) && cat > "$f" && db2 -x -tf "$f"; rc=$?; rm -f "$f"; exit $rc', {
    input: `CONNECT TO ${database};\n${LIST}\nCONNECT RESET;\n`,
    quiet: true,
  });
  if (r.exitCode >= 4 && !/SQL0204N/.test(r.stdout)) {
    throw new Error(
      `reading SYSTOOLS.ADMIN_TASK_LIST in ${database} failed: ${r.stdout.trim().split('\n').slice(-2).join(' ')}`,
    );
  }
  return parseTaskList(r.stdout);
}

export async function taskStatus(db2: Db2Instance, database: string): Promise<TaskStatus[]> {
  const r = await db2.run('f=$(mktemp) && cat > "$f" && db2 -x -tf "$f"; rc=$?; rm -f "$f"; exit $rc', {
    input: `CONNECT TO ${database};\n${STATUS}\nCONNECT RESET;\n`,
    quiet: true,
  });
  return parseTaskStatus(r.stdout);
}

/** The SQL that makes the database's managed tasks match the declared jobs, and what it changes. */
export function planTasks(
  database: string,
  jobs: readonly Job[],
  existing: readonly ExistingTask[],
): { sql: string[]; changes: TaskChange[] } {
  const sql: string[] = [];
  const changes: TaskChange[] = [];
  const byName = new Map(existing.map((t) => [t.name, t]));
  const add = (job: Job, call: ReturnType<typeof atsCall>) =>
    `CALL SYSPROC.ADMIN_TASK_ADD(${sqlString(job.name)}, CURRENT TIMESTAMP, NULL, NULL, ${sqlString(job.cron)}, ${sqlString(call.schema)}, ${sqlString(call.name)}, ${call.input === null ? 'NULL' : sqlString(call.input)}, NULL, ${sqlString(MARKER)});`;
  for (const job of jobs.filter((j) => j.database === database)) {
    const call = atsCall(job);
    const callText = `${call.schema}.${call.name}${call.input ? ` ${call.input}` : ''}`;
    const have = byName.get(job.name);
    if (!have) {
      sql.push(add(job, call));
      changes.push({ name: job.name, database, action: 'added', schedule: job.cron, call: callText });
      continue;
    }
    const sameCall = have.schema === call.schema && have.procedure === call.name && have.input === (call.input ?? '');
    if (!sameCall) {
      sql.push(`CALL SYSPROC.ADMIN_TASK_REMOVE(${sqlString(job.name)}, NULL);`, add(job, call));
      changes.push({ name: job.name, database, action: 'replaced', schedule: job.cron, call: callText });
    } else if (have.schedule !== job.cron || have.remarks !== MARKER) {
      sql.push(
        `CALL SYSPROC.ADMIN_TASK_UPDATE(${sqlString(job.name)}, NULL, NULL, NULL, ${sqlString(job.cron)}, NULL, ${sqlString(MARKER)});`,
      );
      changes.push({ name: job.name, database, action: 'updated', schedule: job.cron, call: callText });
    } else {
      changes.push({ name: job.name, database, action: 'unchanged', schedule: job.cron, call: callText });
    }
  }
  const declared = new Set(jobs.filter((j) => j.database === database).map((j) => j.name));
  for (const t of existing) {
    if (t.remarks === MARKER && !declared.has(t.name)) {
      sql.push(`CALL SYSPROC.ADMIN_TASK_REMOVE(${sqlString(t.name)}, NULL);`);
      changes.push({
        name: t.name,
        database,
        action: 'removed',
        schedule: t.schedule,
        call: `${t.schema}.${t.procedure}`,
      });
    }
  }
  return { sql, changes };
}
