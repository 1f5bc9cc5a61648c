import { type Markdown, Summary } from '../../../../shared/summary';
import type { HostResult, TaskResult } from '../engine/results';

/** Above this many distinct tasks a host × task table no longer fits a screen. */
export const MAX_TASK_COLUMNS = 12;
const MAX_HOST_DETAILS = 25;

const CELL: Record<TaskResult['status'], string> = {
  ok: '✅ ok',
  changed: '🟡 changed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  cancelled: '⛔ cancelled',
};

/**
 * A run with many tasks: one row of totals per host, then a details block per host listing its
 * tasks (failed hosts first, then changed ones), so 30+ tasks stay readable.
 */
export function wideRun(s: Summary, hosts: HostResult[], hostStatus: (h: string) => string, rest: Markdown): void {
  const count = (h: HostResult, status: TaskResult['status']) => h.tasks.filter((t) => t.status === status).length;
  s.table(
    ['Host', 'Status', 'ok', 'changed', 'failed', 'skipped', 'time'],
    hosts.map((h) => [
      h.name,
      hostStatus(h.status),
      count(h, 'ok'),
      count(h, 'changed'),
      count(h, 'failed'),
      count(h, 'skipped'),
      `${((h.durationMs ?? 0) / 1000).toFixed(1)}s`,
    ]),
    { max: 100, rest },
  );
  const rank = (h: HostResult) => (h.status !== 'ok' ? 0 : count(h, 'changed') > 0 ? 1 : 2);
  const ordered = [...hosts].sort((a, b) => rank(a) - rank(b));
  for (const h of ordered.slice(0, MAX_HOST_DETAILS)) {
    s.details(
      `${h.name}: ${h.tasks.length} tasks, ${count(h, 'changed')} changed, ${count(h, 'failed')} failed`,
      new Summary().table(
        ['Task', 'Result', 'Time', 'Message'],
        h.tasks.map((t) => [
          t.id,
          t.rescued ? '🛟 rescued' : t.ignored ? '⚠️ ignored' : CELL[t.status],
          `${(t.durationMs / 1000).toFixed(2)}s`,
          (t.msg ?? '').split('\n')[0]?.slice(0, 120) ?? '',
        ]),
      ),
    );
  }
  if (hosts.length > MAX_HOST_DETAILS)
    s.paragraph(`Task details for ${hosts.length - MAX_HOST_DETAILS} more hosts are in the JSON report.`);
}
