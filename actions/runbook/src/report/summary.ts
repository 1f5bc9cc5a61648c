import { Summary } from '../../../../shared/summary';
import type { RunReport, TaskResult } from '../engine/results';
import { gantt } from './gantt';

const ICON: Record<TaskResult['status'], string> = {
  ok: '✅ ok',
  changed: '🟡 changed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '⛔ cancelled',
};
const MAX_ROWS = 100;

/** Job summary: totals, a host × task table, the Gantt chart, failed hosts and (check mode) diffs. */
export function buildSummary(report: RunReport): Summary {
  const s = new Summary();
  const t = report.totals;
  s.heading(
    `Runbook ${report.name}${report.environment ? ` → ${report.environment}` : ''}${report.check ? ' (check mode: nothing was changed)' : ''}`,
    2,
  );
  s.paragraph(
    `${t.hosts} host${t.hosts === 1 ? '' : 's'} · ${t.ok} ok · ${t.changed} ${report.check ? 'would change' : 'changed'} · ${t.failed} failed · ${t.skipped} skipped · ${(report.durationMs / 1000).toFixed(1)}s · strategy ${report.strategy}` +
      (report.cancelled ? ' · **cancelled**: the report is partial' : '') +
      (report.stoppedEarly ? ` · **stopped early**: ${report.stoppedEarly}` : ''),
  );
  const taskNames: string[] = [];
  for (const h of report.hosts) for (const task of h.tasks) if (!taskNames.includes(task.id)) taskNames.push(task.id);
  const rows = report.hosts.slice(0, MAX_ROWS).map((h) => {
    const cells = taskNames.map((id) => {
      const task = h.tasks.find((x) => x.id === id);
      if (!task) return '';
      return `${task.ignored ? '⚠️ ignored' : ICON[task.status]} ${(task.durationMs / 1000).toFixed(2)}s`;
    });
    return [`${h.name}`, hostStatus(h.status), ...cells];
  });
  s.table(['Host', 'Status', ...taskNames], rows);
  if (report.hosts.length > MAX_ROWS)
    s.paragraph(`… and ${report.hosts.length - MAX_ROWS} more hosts (see the JSON report).`);
  const failed = report.hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable');
  if (failed.length) {
    s.heading('Failed hosts', 3);
    s.table(
      ['Host', 'Address', 'Status', 'Error'],
      failed.map((h) => [h.name, h.address, h.status, h.error ?? '']),
    );
  }
  const chart = gantt(report);
  if (chart) s.details('Timeline (Gantt)', new Summary().mermaid(chart));
  const diffs = report.hosts.flatMap((h) =>
    h.tasks.filter((task) => task.diff || task.wouldRun).map((task) => ({ host: h.name, task })),
  );
  if (diffs.length) {
    s.heading(report.check ? 'Planned changes' : 'Changes', 3);
    let shown = 0;
    for (const { host, task } of diffs) {
      if (shown++ >= 50) {
        s.paragraph(`… ${diffs.length - 50} more in the JSON report.`);
        break;
      }
      const body = [task.wouldRun ? `would run: ${task.wouldRun}` : '', task.diff ?? ''].filter(Boolean).join('\n');
      s.details(`${host} · ${task.id}`, new Summary().code(body, task.diff ? 'diff' : ''));
    }
  }
  return s;
}

function hostStatus(status: string): string {
  return status === 'ok'
    ? '✅ ok'
    : status === 'unreachable'
      ? '🔌 unreachable'
      : status === 'failed'
        ? '❌ failed'
        : status;
}
