import { code, md, Summary } from '../../../../shared/summary';
import type { RunReport, TaskResult } from '../engine/results';
import { gantt } from './gantt';
import { MAX_TASK_COLUMNS, wideRun } from './wide';

const ICON: Record<TaskResult['status'], string> = {
  ok: '✅ ok',
  changed: '🟡 changed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '⛔ cancelled',
};
const MAX_ROWS = 100;
const REPORT = md`the JSON report (output ${code('report')})`;

/** Job summary: totals, a host × task table, the Gantt chart, failed hosts and (check mode) diffs. */
export function buildSummary(report: RunReport): Summary {
  const s = new Summary();
  const t = report.totals;
  s.heading(
    `Runbook ${report.name}${report.environment ? ` → ${report.environment}` : ''}${report.check ? ' (check mode: nothing was changed)' : ''}`,
    2,
  );
  s.paragraph(
    md`${t.hosts} host${t.hosts === 1 ? '' : 's'} · ${t.ok} ok · ${t.changed} ${report.check ? 'would change' : 'changed'} · ${t.failed} failed${t.ignored ? ` · ${t.ignored} failed (ignored)` : ''} · ${t.skipped} skipped · ${(report.durationMs / 1000).toFixed(1)}s · strategy ${report.strategy}${report.cancelled ? md` · **cancelled**: the report is partial` : ''}${report.stoppedEarly ? md` · **stopped early**: ${report.stoppedEarly}` : ''}`,
  );
  const taskNames: string[] = [];
  for (const h of report.hosts) for (const task of h.tasks) if (!taskNames.includes(task.id)) taskNames.push(task.id);
  if (taskNames.length > MAX_TASK_COLUMNS) wideRun(s, report.hosts, hostStatus, REPORT);
  const rows = (taskNames.length > MAX_TASK_COLUMNS ? [] : report.hosts).map((h) => {
    const cells = taskNames.map((id) => {
      const task = h.tasks.find((x) => x.id === id);
      if (!task) return '';
      return `${task.ignored ? '⚠️ ignored' : ICON[task.status]} ${(task.durationMs / 1000).toFixed(2)}s`;
    });
    return [`${h.name}`, hostStatus(h.status), ...cells];
  });
  if (taskNames.length <= MAX_TASK_COLUMNS)
    s.table(['Host', 'Status', ...taskNames], rows, { max: MAX_ROWS, rest: REPORT });
  const failed = report.hosts.filter((h) => h.status === 'failed' || h.status === 'unreachable');
  if (failed.length) {
    s.heading('Failed hosts', 3);
    s.table(
      ['Host', 'Address', 'Status', 'Error'],
      failed.map((h) => [h.name, h.address, h.status, h.error ?? '']),
      { rest: REPORT },
    );
  }
  const chart = gantt(report);
  if (chart) s.details('Timeline (Gantt)', new Summary().mermaid(chart));
  // Diffs belong to check mode (the plan); a real run keeps them in the JSON report. Hosts that
  // would get the same change share one entry, so 20 identical configs are one block, not 20.
  if (report.check) {
    const groups = new Map<string, { id: string; body: string; hosts: string[] }>();
    for (const h of report.hosts) {
      for (const task of h.tasks) {
        if (!task.diff && !task.wouldRun) continue;
        const body = [task.wouldRun ? `would run: ${task.wouldRun}` : '', clip(task.diff ?? '')]
          .filter(Boolean)
          .join('\n');
        const key = `${task.id}\u0000${body}`;
        const g = groups.get(key) ?? { id: task.id, body, hosts: [] };
        g.hosts.push(h.name);
        groups.set(key, g);
      }
    }
    if (groups.size) {
      s.heading('Planned changes', 3);
      let shown = 0;
      for (const g of groups.values()) {
        if (shown++ >= 50) {
          s.paragraph(`… ${groups.size - 50} more in the JSON report.`);
          break;
        }
        const who =
          g.hosts.length > 3 ? `${g.hosts.slice(0, 3).join(', ')} and ${g.hosts.length - 3} more` : g.hosts.join(', ');
        s.details(
          `${g.id} · ${who}`,
          new Summary().code(g.body, g.body.startsWith('would run') && !g.body.includes('\n@@') ? '' : 'diff'),
        );
      }
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

const MAX_DIFF_LINES = 80;

function clip(diff: string): string {
  const lines = diff.split('\n');
  if (lines.length <= MAX_DIFF_LINES) return diff;
  return `${lines.slice(0, MAX_DIFF_LINES).join('\n')}\n… ${lines.length - MAX_DIFF_LINES} more lines in the JSON report`;
}
