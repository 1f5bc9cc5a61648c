import { bool, mapping, oneOf } from './args';
import {
  anchorIndex,
  checkAnchors,
  checkPathAndMode,
  editText,
  joinLines,
  META_KEYS,
  PATH_KEYS,
  splitLines,
} from './textfile';
import type { ModuleDef } from './types';

const KEYS = [
  ...PATH_KEYS,
  ...META_KEYS,
  'block',
  'content',
  'marker',
  'marker_begin',
  'marker_end',
  'state',
  'insertafter',
  'insertbefore',
] as const;

/** Ansible's blockinfile: a block of lines between `# BEGIN/END ANSIBLE MANAGED BLOCK` markers. */
export const blockinfile: ModuleDef = {
  name: 'blockinfile',
  validate(check) {
    const a = mapping(check, KEYS);
    checkPathAndMode(check, a);
    oneOf(check, a, 'state', ['present', 'absent']);
    if (a.marker !== undefined && !String(a.marker).includes('{mark}'))
      check.fail('marker must contain "{mark}" (e.g. "# {mark} MANAGED BY PAVED")', 'marker');
    checkAnchors(check, a);
  },
  run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    return editText(ctx, a, (text) => joinLines(edit(splitLines(text), a)), bool(a.create, false));
  },
};

function edit(lines: string[], a: Record<string, unknown>): string[] {
  const marker = String(a.marker ?? '# {mark} ANSIBLE MANAGED BLOCK');
  const begin = marker.replace('{mark}', String(a.marker_begin ?? 'BEGIN'));
  const end = marker.replace('{mark}', String(a.marker_end ?? 'END'));
  const text = String(a.block ?? a.content ?? '');
  const absent = String(a.state ?? 'present') === 'absent' || text === '';
  const body = absent ? [] : [begin, ...splitLines(text.endsWith('\n') ? text : `${text}\n`), end];
  const b = lines.indexOf(begin);
  const e = b === -1 ? -1 : lines.indexOf(end, b + 1);
  const out = [...lines];
  if (b !== -1 && e !== -1) {
    out.splice(b, e - b + 1, ...body);
    return out;
  }
  if (absent) return lines;
  out.splice(anchorIndex(out, a) ?? out.length, 0, ...body);
  return out;
}
