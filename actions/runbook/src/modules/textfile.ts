import { checkMode } from './args';
import { metaOf } from './file';
import { ensureContent } from './files';
import type { ArgCheck, ModuleContext, ModuleResult } from './types';

/**
 * Shared by lineinfile, blockinfile and replace: read the file on the host, compute the new text,
 * and write it with ensureContent (diff, check mode, atomic rename, mode/owner). A missing file is
 * an error unless `create: true`.
 */
export async function editText(
  ctx: ModuleContext,
  a: Record<string, unknown>,
  edit: (before: string) => string,
  create: boolean,
): Promise<ModuleResult> {
  const path = pathArg(a);
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal });
  if (info.exists && info.type !== 'file')
    return { changed: false, failed: true, msg: `${path} is a ${info.type}, not a file` };
  if (!info.exists && !create)
    return { changed: false, failed: true, msg: `Destination ${path} does not exist (set create: true to create it)` };
  const before = info.exists
    ? (info.content ?? (await ctx.conn.readFile(path, { become: ctx.become, signal: ctx.signal })) ?? Buffer.alloc(0))
    : Buffer.alloc(0);
  const after = edit(before.toString('utf8'));
  if (info.exists && after === before.toString('utf8') && metaOf(a).mode === undefined && !a.owner && !a.group)
    return { changed: false, path };
  return ensureContent(ctx, path, Buffer.from(after, 'utf8'), metaOf(a));
}

export function pathArg(a: Record<string, unknown>): string {
  return String(a.path ?? a.dest ?? a.destfile ?? a.name);
}

export const PATH_KEYS = ['path', 'dest', 'destfile', 'name'] as const;
export const META_KEYS = ['mode', 'owner', 'group', 'create', 'unsafe_writes'] as const;

export function checkPathAndMode(check: ArgCheck, a: Record<string, unknown>): void {
  if (PATH_KEYS.every((k) => a[k] === undefined)) check.fail('needs path');
  checkMode(check, a);
}

/** insertafter/insertbefore: one of them, each EOF, BOF or a valid regular expression. */
export function checkAnchors(check: ArgCheck, a: Record<string, unknown>): void {
  if (a.insertafter !== undefined && a.insertbefore !== undefined)
    check.fail('takes insertafter or insertbefore, not both', 'insertbefore');
  for (const key of ['insertafter', 'insertbefore'])
    if (typeof a[key] === 'string' && !['EOF', 'BOF'].includes(a[key] as string)) pyRegex(check, a[key] as string, key);
}

/**
 * Where lineinfile and blockinfile insert: at EOF, at BOF, or after/before the last line matching
 * insertafter/insertbefore (the first with `firstmatch`); undefined when neither is given or the
 * expression matches no line (the caller then appends).
 */
export function anchorIndex(lines: string[], a: Record<string, unknown>, firstmatch = false): number | undefined {
  for (const key of ['insertafter', 'insertbefore'] as const) {
    const v = a[key];
    if (v === undefined) continue;
    if (v === 'EOF') return lines.length;
    if (v === 'BOF') return 0;
    const r = pyRegex(undefined, String(v), key);
    const found = lines.flatMap((l, i) => (r.test(l) ? [i] : []));
    if (!found.length) return undefined;
    const i = (firstmatch ? found[0] : found.at(-1)) as number;
    return key === 'insertafter' ? i + 1 : i;
  }
  return undefined;
}

/** Python's `re` is what Ansible users write; JavaScript's RegExp reads the same for what they use. */
export function pyRegex(check: ArgCheck | undefined, source: string, key: string, flags = ''): RegExp {
  try {
    return new RegExp(source.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'), flags);
  } catch (error) {
    if (check) check.fail(`${key} is not a valid regular expression: ${(error as Error).message}`, key);
    throw error;
  }
}

/** Python replacement syntax (\1, \g<1>, \g<name>) to JavaScript's ($1, $<name>). */
export function pyReplacement(text: string): string {
  return text
    .replace(/\$/g, '$$$$')
    .replace(/\\g<(\d+)>/g, '$$$1')
    .replace(/\\g<(\w+)>/g, '$$<$1>')
    .replace(/\\(\d)/g, '$$$1');
}

/** Lines of a file, and back (keeping a final newline when there was one or the file was empty). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function joinLines(lines: string[]): string {
  return lines.length ? `${lines.join('\n')}\n` : '';
}
