import { bool, mapping, oneOf } from './args';
import {
  anchorIndex,
  checkAnchors,
  checkPathAndMode,
  editText,
  joinLines,
  META_KEYS,
  PATH_KEYS,
  pyRegex,
  pyReplacement,
  splitLines,
} from './textfile';
import type { ModuleDef } from './types';

const KEYS = [
  ...PATH_KEYS,
  ...META_KEYS,
  'regexp',
  'search_string',
  'line',
  'state',
  'insertafter',
  'insertbefore',
  'backrefs',
  'firstmatch',
] as const;

/**
 * Ansible's lineinfile: make sure one line is in a file (replacing the last line matching
 * `regexp`/`search_string`, else inserting after/before a match or at EOF/BOF), or that matching
 * lines are absent.
 */
export const lineinfile: ModuleDef = {
  name: 'lineinfile',
  validate(check) {
    const a = mapping(check, KEYS);
    checkPathAndMode(check, a);
    oneOf(check, a, 'state', ['present', 'absent']);
    const state = String(a.state ?? 'present');
    if (state === 'present' && a.line === undefined) check.fail('with state present needs line');
    if (state === 'absent' && a.line === undefined && a.regexp === undefined && a.search_string === undefined)
      check.fail('with state absent needs regexp, search_string or line');
    if (a.regexp !== undefined && a.search_string !== undefined)
      check.fail('takes regexp or search_string, not both', 'search_string');
    if (bool(a.backrefs, false) && a.regexp === undefined) check.fail('backrefs needs regexp', 'backrefs');
    if (typeof a.regexp === 'string') pyRegex(check, a.regexp, 'regexp');
    checkAnchors(check, a);
  },
  run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    return editText(ctx, a, (text) => joinLines(edit(splitLines(text), a)), bool(a.create, false));
  },
};

function edit(lines: string[], a: Record<string, unknown>): string[] {
  const re = a.regexp === undefined ? undefined : pyRegex(undefined, String(a.regexp), 'regexp');
  const search = a.search_string === undefined ? undefined : String(a.search_string);
  const matches = (l: string) => (re ? re.test(l) : search !== undefined ? l.includes(search) : false);
  if (String(a.state ?? 'present') === 'absent') {
    const line = a.line === undefined ? undefined : String(a.line);
    return lines.filter((l) => !(re || search !== undefined ? matches(l) : l === line));
  }
  const line = String(a.line);
  const backrefs = bool(a.backrefs, false);
  const indexes = lines.map((l, i) => (matches(l) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length) {
    const at = (bool(a.firstmatch, false) ? indexes[0] : indexes.at(-1)) as number;
    const next = backrefs && re ? (lines[at] as string).replace(re, pyReplacement(line)) : line;
    const out = [...lines];
    out[at] = next;
    return out;
  }
  if (backrefs) return lines; // Ansible: no match with backrefs leaves the file alone
  if (lines.includes(line)) return lines;
  const out = [...lines];
  out.splice(anchorIndex(out, a, bool(a.firstmatch, false)) ?? out.length, 0, line);
  return out;
}
