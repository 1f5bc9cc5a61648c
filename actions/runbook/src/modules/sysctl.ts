import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { ensureContent } from './files';
import { probe } from './steps';
import type { ModuleDef, ModuleResult } from './types';

const SYSCTL_KEY = /^[\w.\-/*]+$/;
const KEYS = ['name', 'value', 'state', 'sysctl_file', 'reload', 'sysctl_set', 'ignoreerrors'] as const;

/**
 * Ansible's sysctl: `name = value` in sysctl_file (default /etc/sysctl.conf); `sysctl_set: true`
 * also sets the running value when it differs, and `reload` (default true) applies the file
 * with `sysctl -p` when it changed.
 */
export const sysctl: ModuleDef = {
  name: 'sysctl',
  validate(check) {
    const a = mapping(check, KEYS, ['name']);
    oneOf(check, a, 'state', ['present', 'absent']);
    if (!String(a.name).includes('${') && !SYSCTL_KEY.test(String(a.name)))
      check.fail(`name "${a.name}" is not a sysctl key`, 'name');
    if (String(a.state ?? 'present') === 'present' && a.value === undefined)
      check.fail('with state present needs value');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const name = String(a.name);
    const value = a.value === undefined ? undefined : String(a.value).trim();
    // Checked again once variables are resolved: a line break would write a line of its own.
    if (!SYSCTL_KEY.test(name)) return { changed: false, failed: true, msg: `name "${name}" is not a sysctl key` };
    if (value !== undefined && /[\r\n]/.test(value))
      return { changed: false, failed: true, msg: 'value must be one line' };
    const file = String(a.sysctl_file ?? '/etc/sysctl.conf');
    const present = String(a.state ?? 'present') === 'present';
    const info = await ctx.conn.stat(file, { become: ctx.become, signal: ctx.signal });
    const before = info.exists
      ? ((await ctx.conn.readFile(file, { become: ctx.become, signal: ctx.signal }))?.toString('utf8') ?? '')
      : '';
    const lines = before.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const key = (l: string) => /^\s*([^#;=\s][^=]*?)\s*=/.exec(l)?.[1];
    const at = lines.findIndex((l) => key(l) === name);
    const kept = lines.filter((l, i) => key(l) !== name || (present && i === at));
    if (present) {
      const line = `${name}=${value}`;
      const i = kept.findIndex((l) => key(l) === name);
      if (i === -1) kept.push(line);
      else if (/=\s*(.*)$/.exec(kept[i] as string)?.[1]?.trim() !== value) kept[i] = line;
    }
    const after = kept.length ? `${kept.join('\n')}\n` : '';
    let result: ModuleResult = { changed: false, name };
    if (after !== before) result = await ensureContent(ctx, file, Buffer.from(after), {});
    if (result.failed) return result;
    const steps: string[] = [];
    if (present && bool(a.sysctl_set, false)) {
      const current = (await probe(ctx, `sysctl -n ${quote(name)}`))?.trim().replace(/\s+/g, ' ');
      if (current !== value?.replace(/\s+/g, ' ')) steps.push(`sysctl -w ${quote(`${name}=${value}`)}`);
    }
    if (result.changed && bool(a.reload, true)) steps.push(`sysctl -p ${quote(file)}`);
    for (const step of steps) {
      result.changed = true;
      result.diff = `${result.diff ?? ''}# ${step}\n`;
      if (ctx.check) continue;
      const r = await ctx.conn.run(step, { become: ctx.become, signal: ctx.signal });
      if (r.code !== 0 && !bool(a.ignoreerrors, false))
        return { ...result, failed: true, msg: `${step} failed: ${r.stderr.trim()}` };
    }
    return result;
  },
};
