import { backupDatabase, backupOutputs } from '../commands/backup';
import { byLogging, OLD, type Run } from './run';

/**
 * Phase 3: a backup of every database while the old container still serves. Archive-logging
 * databases are backed up online (no outage). Circular-logging ones need an offline backup:
 * QUIESCE DATABASE … IMMEDIATE FORCE CONNECTIONS and DEACTIVATE first, and that is where the
 * outage starts (`downtime-seconds` counts from it); they stay quiesced until the new container
 * serves, so nothing written after the backup can be lost. Every image is checked with db2ckbkp.
 */
export async function backup(run: Run): Promise<void> {
  const { o, found, steps } = run;
  if (!o.backup || found.databases.length === 0) {
    steps.add('backup', 'skipped', o.backup ? 'no databases' : 'backup: false', OLD);
    return;
  }
  const { online, offline } = byLogging(found);
  const db2 = found.target.db2;
  const options = { path: o.backupPath, compress: o.compress, retention: o.backupRetention };
  try {
    await steps.run(
      'backup',
      async (note) => {
        for (const db of online) run.report.backups.push(await backupDatabase(db2, db, { ...options, online: true }));
        for (const db of offline) {
          run.downFrom ??= Date.now();
          await db2.quiesce(db);
          run.quiesced.push(db);
          run.report.backups.push(await backupDatabase(db2, db, { ...options, online: false }));
        }
        note(
          run.report.backups
            .map(
              (r) =>
                `${r.database} ${r.online ? 'online' : 'offline (quiesced)'} ${r.timestamp}, db2ckbkp ok${r.pruned.length ? `, ${r.pruned.length} older pruned` : ''}`,
            )
            .join('; '),
        );
      },
      { lane: OLD, downtime: offline.length > 0 },
    );
  } finally {
    if (run.report.backups.length) backupOutputs(run.report.backups);
  }
}
