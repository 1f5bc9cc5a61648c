import { mapping } from './args';
import { checkPathAndMode, editText, META_KEYS, PATH_KEYS, pyRegex, pyReplacement } from './textfile';
import type { ModuleDef } from './types';

const KEYS = [...PATH_KEYS, ...META_KEYS, 'regexp', 'replace', 'after', 'before', 'encoding', 'validate'] as const;

/**
 * Ansible's replace: every match of `regexp` (multiline, Python syntax and backreferences) replaced,
 * optionally only between `after` and `before`.
 */
export const replace: ModuleDef = {
  name: 'replace',
  validate(check) {
    const a = mapping(check, KEYS, ['regexp']);
    checkPathAndMode(check, a);
    if (a.validate !== undefined) check.fail('validate is not supported; check the result in a later task', 'validate');
    for (const key of ['regexp', 'after', 'before'])
      if (typeof a[key] === 'string' && !a[key].includes('${')) pyRegex(check, a[key] as string, key, 'm');
  },
  run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    return editText(
      ctx,
      a,
      (text) => {
        let start = 0;
        let end = text.length;
        if (a.after !== undefined) {
          const m = pyRegex(undefined, String(a.after), 'after', 'm').exec(text);
          if (m) start = m.index + m[0].length;
        }
        if (a.before !== undefined) {
          const m = pyRegex(undefined, String(a.before), 'before', 'm').exec(text.slice(start));
          if (m) end = start + m.index;
        }
        const re = pyRegex(undefined, String(a.regexp), 'regexp', 'gm');
        const middle = text.slice(start, end).replace(re, pyReplacement(String(a.replace ?? '')));
        return text.slice(0, start) + middle + text.slice(end);
      },
      false,
    );
  },
};
