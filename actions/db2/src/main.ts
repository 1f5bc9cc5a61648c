import { runAction } from '../../../shared/run-action';
import { md, Summary } from '../../../shared/summary';
import { nameActionRun } from '../../../shared/telemetry';
import { backup } from './commands/backup';
import { build } from './commands/build';
import { ldap } from './commands/ldap';
import { schedule } from './commands/schedule';
import { status } from './commands/status';
import { type UpgradeReport, upgrade, upgradeSummary } from './commands/upgrade';
import { parseInputs } from './inputs';
import { Steps } from './steps';
import { stepTable, timeline } from './summary';

export function run(): Promise<void> {
  return runAction('db2', async () => {
    // All inputs are read and validated here, before the first docker command.
    const options = parseInputs();
    nameActionRun(`db2.${options.command}`, { deployment: options.command === 'upgrade' && !options.dryRun });
    const steps = new Steps();
    const summary = new Summary();
    const body = new Summary();
    const upgradeReport: UpgradeReport = { plan: [], backups: [], title: '' };
    let failed = false;
    try {
      switch (options.command) {
        case 'build':
          return await build(options, steps, body);
        case 'upgrade':
          return await upgrade(options, steps, upgradeReport);
        case 'backup':
          return await backup(options, steps, body);
        case 'schedule':
          return await schedule(options, steps, body);
        case 'ldap':
          return await ldap(options, steps, body);
        case 'status':
          return await status(options, steps, body);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // The summary is written on failure too: the step table is where a DBA sees how far it got.
      summary.heading(
        `Db2 ${options.command}${'container' in options && options.container ? ` · ${options.container}` : ''}${failed ? ' — failed' : ''}`,
      );
      if (options.command === 'upgrade') {
        if (options.dryRun) summary.paragraph(md`**Dry run**: nothing was changed.`);
        upgradeSummary(summary, upgradeReport);
        if (upgradeReport.backups.length) {
          summary.table(
            ['Database', 'Backup', 'Timestamp', 'Path', 'Time'],
            upgradeReport.backups.map((b) => [
              b.database,
              b.online ? 'online' : 'offline',
              b.timestamp,
              b.path,
              `${b.seconds.toFixed(1)} s`,
            ]),
          );
        }
      }
      if (steps.records.length) stepTable(summary, steps.records);
      summary.paragraph(body);
      if (options.command === 'upgrade' && steps.records.some((s) => s.downtime)) {
        summary.mermaid(timeline(upgradeReport.title || 'db2 upgrade', steps.records));
      }
      summary.write();
    }
  });
}
