import { type Cell, mermaidLabel, type Summary } from '../../../shared/summary';
import type { StepRecord } from './steps';

const ICON: Record<string, string> = { ok: '✅', failed: '❌', skipped: '⏭️', planned: '📝', 'rolled back': '↩️' };

export function stepTable(summary: Summary, steps: readonly StepRecord[]): Summary {
  const rows: Cell[][] = steps.map((s) => [
    `${ICON[s.status] ?? ''} ${s.name}`,
    s.status,
    s.end > s.start ? `${((s.end - s.start) / 1000).toFixed(1)} s` : '',
    s.detail,
  ]);
  return summary.table(['Step', 'Status', 'Time', 'Detail'], rows);
}

/**
 * The upgrade as a Gantt chart (Mermaid's timeline with real durations): one lane per container,
 * downtime steps marked critical so the outage stands out.
 */
export function timeline(title: string, steps: readonly StepRecord[]): string {
  const lines = ['gantt', `  title ${mermaidLabel(title)}`, '  dateFormat x', '  axisFormat %M:%S'];
  // One section per lane (Mermaid repeats a section that reappears); bars keep their real times.
  const lanes = [...new Set(steps.map((s) => s.lane))];
  for (const lane of lanes) {
    lines.push(`  section ${mermaidLabel(lane)}`);
    steps.forEach((s, i) => {
      if (s.lane !== lane) return;
      const tag = s.status === 'failed' ? 'crit' : s.downtime ? 'active' : 'done';
      // Zero-length bars do not render; give instant steps a sliver.
      const end = Math.max(s.end, s.start + 50);
      lines.push(`  ${mermaidLabel(s.name)} :${tag}, s${i}, ${s.start}, ${end}`);
    });
  }
  return lines.join('\n');
}
