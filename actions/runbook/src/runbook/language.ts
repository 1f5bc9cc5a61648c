import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { closest } from '../../../../shared/suggest';
import { keyLoc, locOf, mapKeys, type SourceFile, valueNode } from './load';
import { fail, parseTaskList, type SchemaContext } from './schema';
import type { LoopSpec, Task } from './types';

/**
 * The Ansible task keys beyond the basics: `loop` (+ `loop_control`), `run_once`, `delegate_to`,
 * `become_user`, and a `block`'s `rescue`/`always` sections. Same names and meaning as Ansible's.
 */
const LOOP_CONTROL = ['loop_var', 'index_var', 'label'] as const;
const NAME = /^[A-Za-z_]\w*$/;

export function languageKeys(
  source: SourceFile,
  node: YAMLMap,
  task: string,
): { loop?: LoopSpec; runOnce?: boolean; delegateTo?: string; becomeUser?: string } {
  const out: ReturnType<typeof languageKeys> = {};
  const loopNode = valueNode(node, 'loop');
  const control = valueNode(node, 'loop_control');
  if (control !== undefined && loopNode === undefined)
    fail(`Task "${task}": loop_control needs a loop`, keyLoc(source, node, 'loop_control'));
  if (loopNode !== undefined) {
    const loc = locOf(source, loopNode);
    const whole =
      isScalar(loopNode) && typeof loopNode.value === 'string' && /^\$\{[^}]+\}$/.test(loopNode.value.trim());
    if (!isSeq(loopNode) && !whole) fail(`Task "${task}": loop must be a list or a "\${variable}" holding a list`, loc);
    const spec: LoopSpec = { items: loopNode.toJSON(), loc, loopVar: 'item' };
    if (control !== undefined) {
      if (!isMap(control)) fail(`Task "${task}": loop_control must be a mapping`, locOf(source, control));
      for (const key of mapKeys(control)) {
        if (!(LOOP_CONTROL as readonly string[]).includes(key)) {
          const guess = closest(key, LOOP_CONTROL);
          fail(
            `Task "${task}": loop_control has no "${key}"${guess ? `; did you mean "${guess}"?` : ''} (known: ${LOOP_CONTROL.join(', ')})`,
            keyLoc(source, control, key),
          );
        }
        const v = valueNode(control, key);
        const text = isScalar(v) ? String(v.value ?? '') : '';
        if (key !== 'label' && !NAME.test(text))
          fail(`Task "${task}": loop_control ${key} must be a variable name, got "${text}"`, locOf(source, v));
        if (key === 'loop_var') spec.loopVar = text;
        else if (key === 'index_var') spec.indexVar = text;
        else spec.label = text;
      }
    }
    out.loop = spec;
  }
  const runOnce = valueNode(node, 'run_once');
  if (runOnce !== undefined) {
    if (!isScalar(runOnce) || typeof runOnce.value !== 'boolean')
      fail(`Task "${task}": run_once must be true or false`, locOf(source, runOnce));
    out.runOnce = runOnce.value as boolean;
  }
  for (const [key, field] of [
    ['delegate_to', 'delegateTo'],
    ['become_user', 'becomeUser'],
  ] as const) {
    const v = valueNode(node, key);
    if (v === undefined) continue;
    if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '')
      fail(`Task "${task}": ${key} must be a ${key === 'delegate_to' ? 'host name' : 'user name'}`, locOf(source, v));
    out[field] = String(v.value).trim();
  }
  return out;
}

/** `rescue:` and `always:` of a `block:` task (refused anywhere else). */
export function blockSections(
  ctx: SchemaContext,
  node: YAMLMap,
  task: string,
  id: string,
  tags: string[],
  action: string,
): { rescue?: Task[]; always?: Task[] } {
  const out: { rescue?: Task[]; always?: Task[] } = {};
  for (const key of ['rescue', 'always'] as const) {
    const v = valueNode(node, key) as Node | undefined;
    if (v === undefined) continue;
    if (action !== 'block') fail(`Task "${task}": "${key}" belongs to a block: task`, keyLoc(ctx.source, node, key));
    out[key] = parseTaskList(ctx, v, `${id} › ${key}`, tags, `${key} of block "${task}"`);
  }
  if (action === 'block' || action === 'serial' || action === 'parallel' || action === 'include') {
    const loop = valueNode(node, 'loop');
    if (loop !== undefined)
      fail(
        `Task "${task}": loop applies to module tasks; loop over a task inside the block instead`,
        keyLoc(ctx.source, node, 'loop'),
      );
  }
  return out;
}
