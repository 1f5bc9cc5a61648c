import { ConfigurationError } from '../../../../shared/errors';
import { closest } from '../../../../shared/suggest';
import { leaves, type Runbook, subtasks, type Task } from '../runbook/types';

/**
 * `start-at-task`: Ansible's --start-at-task. Every task before the first one whose name (or full
 * id, `block › task`) matches is left out; handlers are not affected. An unknown name is an error
 * with a suggestion, not a run that silently does nothing.
 */
export function startAtFilter(runbook: Runbook, name: string, input: string): (task: Task) => boolean {
  const all = [...leaves(runbook.tasks)];
  const index = all.findIndex((t) => t.name === name || t.id === name);
  if (index === -1) {
    const guess = closest(name, [...new Set(all.flatMap((t) => [t.name, t.id]))]);
    throw new ConfigurationError(
      `Input ${input}: no task is named "${name}"${guess ? `; did you mean "${guess}"?` : ''}`,
      { input },
    );
  }
  const before = new Set<Task>(all.slice(0, index));
  const memo = new WeakMap<Task, boolean>();
  const selected = (t: Task): boolean => {
    const cached = memo.get(t);
    if (cached !== undefined) return cached;
    const value = t.kind === 'module' ? !before.has(t) : subtasks(t).some(selected);
    memo.set(t, value);
    return value;
  };
  return selected;
}

/** `list-tasks`: the tasks that would run (after tags and start-at-task), one per line, with tags. */
export function taskListing(runbook: Runbook, selected: (t: Task) => boolean): string[] {
  const lines: string[] = [];
  const walk = (tasks: readonly Task[], depth: number, title?: string) => {
    if (title) lines.push(`${'  '.repeat(depth)}${title}:`);
    for (const t of tasks) {
      if (!selected(t)) continue;
      const tags = t.tags.length ? `\tTAGS: [${t.tags.join(', ')}]` : '';
      if (t.kind === 'module') {
        lines.push(`${'  '.repeat(depth + 1)}${t.name}${tags}`);
        continue;
      }
      lines.push(`${'  '.repeat(depth + 1)}${t.name} (${t.rescue || t.always ? 'block' : t.kind})${tags}`);
      walk(t.children, depth + 1);
      if (t.rescue) walk(t.rescue, depth + 1, 'rescue');
      if (t.always) walk(t.always, depth + 1, 'always');
    }
  };
  walk(runbook.tasks, 0);
  if (runbook.handlers.length) walk(runbook.handlers, 0, 'handlers');
  return lines;
}
