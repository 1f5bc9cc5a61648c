import * as core from '../../../../shared/actions-core';
import type { Summary } from '../../../../shared/summary';
import type { Db2Instance } from '../db2/instance';
import type { BackupOptions } from '../inputs';
import { Outputs } from '../names';
import type { Steps } from '../steps';
import { inspectTarget, resolveDatabases } from './target';

export interface BackupRecord {
  database: string;
  timestamp: string;
  online: boolean;
  path: string;
  seconds: number;
}

/**
 * BACKUP DATABASE per database: ONLINE … INCLUDE LOGS when archive logging allows it (the database
 * keeps serving), otherwise offline, which Db2 only permits with the database deactivated.
 */
export async function backupDatabases(
  db2: Db2Instance,
  databases: readonly string[],
  options: { online: (db: string) => boolean; path: string; compress: boolean },
): Promise<BackupRecord[]> {
  const records: BackupRecord[] = [];
  for (const db of databases) {
    const online = options.online(db);
    const started = performance.now();
    const { timestamp } = await db2.backup(db, { online, path: options.path, compress: options.compress });
    const seconds = (performance.now() - started) / 1000;
    core.info(`${db}: ${online ? 'online' : 'offline'} backup ${timestamp} in ${seconds.toFixed(1)} s`);
    records.push({ database: db, timestamp, online, path: options.path, seconds });
  }
  return records;
}

export function backupOutputs(records: readonly BackupRecord[]): void {
  core.setOutput(
    Outputs.backupTimestamp,
    records.length === 1
      ? (records[0] as BackupRecord).timestamp
      : records.map((r) => `${r.database}=${r.timestamp}`).join(','),
  );
  core.setOutput(Outputs.backups, JSON.stringify(records.map(({ seconds: _s, ...r }) => r)));
}

export async function backup(o: BackupOptions, steps: Steps, summary: Summary): Promise<void> {
  const target = await inspectTarget(steps, o.container, o.instance);
  const databases = await steps.run('Databases', async (note) => {
    const dbs = await resolveDatabases(target.db2, o.databases);
    note(dbs.join(', ') || 'none catalogued');
    return dbs;
  });
  const modes = new Map<string, boolean>();
  await steps.run('Archive logging', async (note) => {
    for (const db of databases) {
      const archive = await target.db2.archiveLogging(db);
      if (o.online === 'true' && !archive) {
        throw new Error(
          `${db} has archive logging off (LOGARCHMETH1=OFF): Db2 refuses online backups (SQL2413N); use online: auto or false`,
        );
      }
      modes.set(db, o.online === 'auto' ? archive : o.online === 'true');
    }
    note(databases.map((d) => `${d}: ${modes.get(d) ? 'online' : 'offline'}`).join('; '));
  });
  const records = await steps.run('Backup', async (note) => {
    const r = await backupDatabases(target.db2, databases, {
      online: (db) => modes.get(db) ?? false,
      path: o.backupPath,
      compress: o.compress,
    });
    note(r.map((x) => `${x.database} ${x.timestamp}`).join('; '));
    return r;
  });
  backupOutputs(records);
  summary.table(
    ['Database', 'Mode', 'Timestamp', 'Path', 'Time'],
    records.map((r) => [r.database, r.online ? 'online' : 'offline', r.timestamp, r.path, `${r.seconds.toFixed(1)} s`]),
  );
}
