import { mermaidLabel } from '../../../../shared/summary';
import type { RunReport } from '../engine/results';

const MAX_HOSTS = 12;
const MAX_TASKS_PER_HOST = 25;

/**
 * A Mermaid Gantt of the run: one section per host, one bar per task, so waiting (a slow host,
 * a serial block that could be parallel) is visible at a glance. Large runs show the slowest hosts.
 */
export function gantt(report: RunReport): string | undefined {
  const hosts = report.hosts.filter((h) => h.tasks.length > 0 || h.startedAt);
  if (hosts.length === 0) return undefined;
  const shown = [...hosts].sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0)).slice(0, MAX_HOSTS);
  const order = new Map(hosts.map((h, i) => [h.name, i]));
  shown.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  const lines = [
    'gantt',
    `  title ${mermaidLabel(report.name)}${hosts.length > shown.length ? ` - slowest ${shown.length} of ${hosts.length} hosts` : ''}`,
    '  dateFormat x',
    '  axisFormat %M:%S',
  ];
  for (const host of shown) {
    lines.push(`  section ${mermaidLabel(host.name)}`);
    if (host.tasks.length === 0) {
      lines.push(
        `  ${mermaidLabel(host.status)} :crit, ${host.startedAt ?? report.startedAt}, ${Math.max(1, host.durationMs ?? 1)}ms`,
      );
      continue;
    }
    for (const task of host.tasks.slice(0, MAX_TASKS_PER_HOST)) {
      const tag =
        task.status === 'failed'
          ? 'crit, '
          : task.status === 'changed'
            ? 'active, '
            : task.status === 'skipped'
              ? 'done, '
              : '';
      lines.push(`  ${mermaidLabel(task.name)} :${tag}${task.startedAt}, ${Math.max(1, task.durationMs)}ms`);
    }
  }
  return lines.join('\n');
}
