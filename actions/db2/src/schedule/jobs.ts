import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { ConfigurationError } from '../../../../shared/errors';
import { parseYaml } from '../../../../shared/yaml';
import { containerPath, databaseName, sqlIdentifier } from '../db2/identifiers';
import { Inputs } from '../names';

/**
 * Declarative maintenance jobs. Each becomes one ATS task (a stored procedure call) or one
 * crontab line. BACKUP, RUNSTATS and REORG are built from validated parts; only `procedure`
 * takes SQL text (its input), which travels as a quoted SQL string literal.
 */
export type Action =
  | { kind: 'backup'; online: boolean; path: string; compress: boolean }
  | { kind: 'runstats'; table: string }
  | { kind: 'reorg'; table: string }
  | { kind: 'procedure'; schema: string; name: string; input?: string };

export interface Job {
  name: string;
  cron: string;
  database: string;
  action: Action;
}

const ACTIONS = ['backup', 'runstats', 'reorg', 'procedure'] as const;
const KEYS = new Set(['name', 'cron', 'database', ...ACTIONS]);
// ATS accepts the UNIX cron format: five fields of numbers, ranges, lists, steps and *.
const CRON_FIELD = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;

export function parseJobs(source: { text: string; file?: string }, defaultDatabases?: string[]): Job[] {
  const { doc, lines: lc } = parseYaml(source.text, {
    what: source.file ?? `input ${Inputs.jobs}`,
    file: source.file,
    input: Inputs.jobs,
  });
  const where = (node: YamlNode | null | undefined) => {
    const pos = node?.range ? lc.linePos(node.range[0]) : undefined;
    return { file: source.file, line: pos?.line, col: pos?.col, input: Inputs.jobs };
  };
  const fail = (message: string, node?: YamlNode | null): never => {
    const at = where(node);
    const prefix = source.file ? '' : at.line ? `input ${Inputs.jobs} line ${at.line}: ` : `input ${Inputs.jobs}: `;
    throw new ConfigurationError(`${prefix}${message}`, at);
  };
  const root = doc.contents;
  if (!isSeq(root)) return fail('jobs must be a YAML list', root as YamlNode);
  const jobs: Job[] = [];
  const names = new Set<string>();
  for (const item of root.items) {
    if (!isMap(item)) return fail('each job must be a mapping', item as YamlNode);
    const get = (key: string) => item.get(key, true) as YamlNode | undefined;
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!KEYS.has(key)) fail(`unknown key "${key}" (expected ${[...KEYS].join(', ')})`, pair.key as YamlNode);
    }
    const str = (key: string, required = true): string | undefined => {
      const node = get(key);
      const v = (node as { value?: unknown } | undefined)?.value;
      if (v === undefined || v === null || v === '') {
        if (required) fail(`job needs "${key}"`, item);
        return undefined;
      }
      if (typeof v !== 'string' && typeof v !== 'number') fail(`"${key}" must be a string`, node);
      return String(v);
    };
    const name = str('name') as string;
    if (!/^[\w .:-]{1,128}$/.test(name))
      fail(`job name "${name}" may only hold letters, digits, space, _ . : - (≤128)`, get('name'));
    if (names.has(name)) fail(`job name "${name}" is used twice`, get('name'));
    names.add(name);
    const cron = (str('cron') as string).trim();
    const fields = cron.split(/\s+/);
    if (fields.length !== 5 || !fields.every((f) => CRON_FIELD.test(f))) {
      fail(`cron "${cron}" must be five fields: minute hour day-of-month month day-of-week`, get('cron'));
    }
    let database = str('database', false);
    if (database === undefined) {
      if (defaultDatabases?.length === 1) database = defaultDatabases[0];
      else fail('job needs "database"', item);
    }
    try {
      database = databaseName(database as string);
    } catch (e) {
      fail((e as Error).message, get('database'));
    }
    const present = ACTIONS.filter((a) => item.has(a));
    if (present.length !== 1) fail(`job "${name}" needs exactly one of ${ACTIONS.join(', ')}`, item);
    const kind = present[0] as (typeof ACTIONS)[number];
    const spec = get(kind);
    const specJs: unknown = spec && 'toJSON' in spec ? (spec as { toJSON(): unknown }).toJSON() : undefined;
    const obj = (specJs && typeof specJs === 'object' ? specJs : {}) as Record<string, unknown>;
    const guard = <T>(fn: () => T): T => {
      try {
        return fn();
      } catch (e) {
        return fail((e as Error).message, spec);
      }
    };
    let action: Action;
    switch (kind) {
      case 'backup':
        action = {
          kind,
          online: obj.online === undefined ? true : Boolean(obj.online),
          path: guard(() => containerPath(String(obj.path ?? '/database/backup'))),
          compress: obj.compress === undefined ? true : Boolean(obj.compress),
        };
        break;
      case 'runstats':
      case 'reorg': {
        const table = typeof specJs === 'string' ? specJs : String(obj.table ?? '');
        action = { kind, table: guard(() => qualifiedTable(table)) };
        break;
      }
      case 'procedure': {
        const full = typeof specJs === 'string' ? specJs : String(obj.name ?? '');
        const [schema, proc] = full.includes('.') ? full.split('.', 2) : ['SYSPROC', full];
        action = {
          kind,
          schema: guard(() => sqlIdentifier(schema as string, 'Procedure schema')),
          name: guard(() => sqlIdentifier(proc as string, 'Procedure name')),
          input: obj.input === undefined ? undefined : String(obj.input),
        };
        break;
      }
    }
    jobs.push({ name, cron: fields.join(' '), database: database as string, action });
  }
  return jobs;
}

function qualifiedTable(text: string): string {
  const parts = text.split('.');
  if (parts.length !== 2) throw new Error(`table "${text}" must be SCHEMA.TABLE`);
  return parts.map((p, i) => sqlIdentifier(p, i === 0 ? 'Schema' : 'Table')).join('.');
}

/** The Db2 command a job runs (also what the crontab line runs through the CLP). */
export function jobCommand(job: Job): string {
  const a = job.action;
  switch (a.kind) {
    case 'backup':
      return [
        `BACKUP DATABASE ${job.database}`,
        a.online ? 'ONLINE' : '',
        `TO ${a.path}`,
        a.compress ? 'COMPRESS' : '',
        a.online ? 'INCLUDE LOGS' : '',
        'WITHOUT PROMPTING',
      ]
        .filter(Boolean)
        .join(' ');
    case 'runstats':
      return `RUNSTATS ON TABLE ${a.table} WITH DISTRIBUTION AND DETAILED INDEXES ALL`;
    case 'reorg':
      return `REORG TABLE ${a.table}`;
    case 'procedure': {
      if (a.input === undefined) return `CALL ${a.schema}.${a.name}()`;
      // ATS takes the arguments as a query; the CLP needs them inline, which a VALUES row gives us.
      const values = /^\s*VALUES\s*\(([\s\S]*)\)\s*$/i.exec(a.input);
      if (!values) throw new Error(`job "${job.name}": procedure input must be VALUES(...) to run outside ATS`);
      return `CALL ${a.schema}.${a.name}(${values[1]})`;
    }
  }
}

/** What ATS calls: a stored procedure and the query giving its arguments. */
export function atsCall(job: Job): { schema: string; name: string; input: string | null } {
  const a = job.action;
  if (a.kind === 'procedure') return { schema: a.schema, name: a.name, input: a.input ?? null };
  if (a.kind === 'backup' && !a.online) {
    throw new Error(
      `job "${job.name}": ATS runs BACKUP through ADMIN_CMD on a connection, so only online backups work; use target cron for offline`,
    );
  }
  return { schema: 'SYSPROC', name: 'ADMIN_CMD', input: `VALUES('${jobCommand(job).replace(/'/g, "''")}')` };
}
