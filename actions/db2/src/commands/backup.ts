import * as core from '../../../../shared/actions-core';
import { errorMessage } from '../../../../shared/errors';
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
  /** The image file db2ckbkp verified. */
  image: string;
  /** Older images removed by backup-retention. */
  pruned: string[];
}

/**
 * One database: BACKUP DATABASE (ONLINE … INCLUDE LOGS, or offline on a database the caller has
 * quiesced and deactivated), db2ckbkp on the image it wrote, then backup-retention: only the
 * newest `retention` images of this database stay in the directory (0 keeps all).
 * https://www.ibm.com/docs/en/db2/11.5?topic=commands-backup-database
 * https://www.ibm.com/docs/en/db2/11.5.x?topic=commands-db2ckbkp-check-backup
 */
export async function backupDatabase(
  db2: Db2Instance,
  db: string,
  options: { online: boolean; path: string; compress: boolean; retention: number },
): Promise<BackupRecord> {
  const started = performance.now();
  const { timestamp } = await db2.backup(db, {
    online: options.online,
    path: options.path,
    compress: options.compress,
  });
  const image = await db2.verifyBackup(db, options.path, timestamp);
  let pruned: string[] = [];
  if (options.retention > 0) {
    const images = await db2.backupImages(db, options.path);
    const keep = new Set([...new Set(images.map((i) => i.timestamp))].slice(0, options.retention));
    keep.add(timestamp);
    pruned = images.filter((i) => !keep.has(i.timestamp)).map((i) => i.file);
    await db2.removeFiles(options.path, pruned);
  }
  const seconds = (performance.now() - started) / 1000;
  core.info(
    `${db}: ${options.online ? 'online' : 'offline'} backup ${timestamp} in ${seconds.toFixed(1)} s, db2ckbkp: successful${pruned.length ? `; removed ${pruned.length} older image(s)` : ''}`,
  );
  return { database: db, timestamp, online: options.online, path: options.path, seconds, image, pruned };
}

export function backupOutputs(records: readonly BackupRecord[]): void {
  core.setOutput(
    Outputs.backupTimestamp,
    records.length === 1
      ? (records[0] as BackupRecord).timestamp
      : records.map((r) => `${r.database}=${r.timestamp}`).join(','),
  );
  core.setOutput(
    Outputs.backups,
    JSON.stringify(
      records.map((r) => ({ database: r.database, timestamp: r.timestamp, online: r.online, path: r.path })),
    ),
  );
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
      const cfg = await target.db2.dbConfig(db);
      if (o.online === 'true' && !cfg.archive) {
        throw new Error(
          `${db} has archive logging off (LOGARCHMETH1=${cfg.logarchmeth1}, LOGARCHMETH2=${cfg.logarchmeth2}: circular logging): Db2 refuses online backups (SQL2413N); use online: auto or false`,
        );
      }
      modes.set(db, o.online === 'auto' ? cfg.archive : o.online === 'true');
    }
    note(databases.map((d) => `${d}: ${modes.get(d) ? 'online' : 'offline'}`).join('; '));
  });
  const records: BackupRecord[] = [];
  await steps.run('Backup', async (note) => {
    for (const db of databases) {
      const online = modes.get(db) ?? false;
      const one = () =>
        backupDatabase(target.db2, db, { online, path: o.backupPath, compress: o.compress, retention: o.retention });
      if (online) {
        records.push(await one());
        continue;
      }
      // Offline: QUIESCE … FORCE CONNECTIONS + DEACTIVATE, and UNQUIESCE whatever happens.
      await target.db2.quiesce(db);
      try {
        records.push(await one());
      } finally {
        await target.db2
          .unquiesce(db)
          .catch((e) => core.warning(`UNQUIESCE DATABASE ${db} failed: ${errorMessage(e)}`));
      }
    }
    note(
      records
        .map((x) => `${x.database} ${x.timestamp} (db2ckbkp ok${x.pruned.length ? `, ${x.pruned.length} pruned` : ''})`)
        .join('; '),
    );
  });
  backupOutputs(records);
  summary.table(
    ['Database', 'Mode', 'Timestamp', 'Verified', 'Pruned', 'Time'],
    records.map((r) => [
      r.database,
      r.online ? 'online' : 'offline',
      r.timestamp,
      `db2ckbkp: ${r.image}`,
      r.pruned.join(', ') || '—',
      `${r.seconds.toFixed(1)} s`,
    ]),
  );
}
