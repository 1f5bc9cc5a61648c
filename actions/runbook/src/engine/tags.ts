import { subtasks, type Task } from '../runbook/types';

/**
 * `tags` keeps tasks carrying any listed tag (tasks tagged `always` run regardless); `skip-tags`
 * drops tasks carrying any of its tags. Tags are inherited from blocks and includes, and a block
 * is selected when any task inside it is.
 */
export function tagFilter(tags: string[], skipTags: string[]): (task: Task) => boolean {
  const memo = new WeakMap<Task, boolean>();
  const leaf = (t: Task) =>
    (tags.length === 0 || t.tags.includes('always') || t.tags.some((x) => tags.includes(x))) &&
    !t.tags.some((x) => skipTags.includes(x));
  const selected = (t: Task): boolean => {
    const cached = memo.get(t);
    if (cached !== undefined) return cached;
    const value = t.kind === 'module' ? leaf(t) : subtasks(t).some(selected);
    memo.set(t, value);
    return value;
  };
  return selected;
}
