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
    ...axis(report.durationMs),
  ];
  // Times relative to the start of the run: the axis reads as elapsed time, not the wall clock.
  const at = (ms: number) => Math.max(0, ms - report.startedAt);
  for (const host of shown) {
    lines.push(`  section ${mermaidLabel(host.name)}`);
    if (host.tasks.length === 0) {
      lines.push(
        `  ${mermaidLabel(host.status)} :crit, ${at(host.startedAt ?? report.startedAt)}, ${Math.max(1, host.durationMs ?? 1)}ms`,
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
      lines.push(`  ${mermaidLabel(task.name)} :${tag}${at(task.startedAt)}, ${Math.max(1, task.durationMs)}ms`);
    }
  }
  return lines.join('\n');
}

/**
 * The axis sized to the run: about 5-10 ticks, and a format that resolves them (milliseconds for
 * a sub-second run, hours for a long one).
 */
export function axis(durationMs: number): string[] {
  const steps: [number, string][] = [
    [10, '10millisecond'],
    [50, '50millisecond'],
    [100, '100millisecond'],
    [250, '250millisecond'],
    [500, '500millisecond'],
    [1000, '1second'],
    [5000, '5second'],
    [10_000, '10second'],
    [30_000, '30second'],
    [60_000, '1minute'],
    [300_000, '5minute'],
    [600_000, '10minute'],
    [1_800_000, '30minute'],
    [3_600_000, '1hour'],
  ];
  const step = steps.find(([ms]) => durationMs / ms <= 10) ?? (steps.at(-1) as [number, string]);
  const format = durationMs < 10_000 ? '%S.%L' : durationMs < 3_600_000 ? '%M:%S' : '%H:%M';
  return [`  axisFormat ${format}`, `  tickInterval ${step[1]}`];
}
