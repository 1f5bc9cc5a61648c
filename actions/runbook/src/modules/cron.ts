import { unifiedDiff } from '../report/diff';
import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { ensureContent } from './files';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = [
  'name',
  'job',
  'minute',
  'hour',
  'day',
  'month',
  'weekday',
  'special_time',
  'user',
  'state',
  'disabled',
  'cron_file',
] as const;
const SPECIAL = ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'] as const;

const CRON_FILE = 'cron_file must be a file name in /etc/cron.d or an absolute path';
const cronFileOk = (file: string) => file.startsWith('/') || !/[/\s]/.test(file);

/**
 * Ansible's cron: one job under a `#Ansible: <name>` marker line, in the user's crontab (through
 * `crontab -u`) or in /etc/cron.d/<cron_file>. Entries other than this name are left alone.
 */
export const cron: ModuleDef = {
  name: 'cron',
  validate(check) {
    const a = mapping(check, KEYS, ['name']);
    oneOf(check, a, 'state', ['present', 'absent']);
    oneOf(check, a, 'special_time', SPECIAL);
    if (String(a.state ?? 'present') === 'present' && a.job === undefined) check.fail('with state present needs job');
    if (a.special_time !== undefined && ['minute', 'hour', 'day', 'month', 'weekday'].some((k) => a[k] !== undefined))
      check.fail('takes special_time or minute/hour/day/month/weekday, not both', 'special_time');
    if (a.cron_file !== undefined && !String(a.cron_file).includes('${') && !cronFileOk(String(a.cron_file)))
      check.fail(CRON_FILE, 'cron_file');
    if (String(a.name).includes('\n')) check.fail('name must be one line', 'name');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    // Checked again once variables are resolved: a line break would add a line of its own to the
    // crontab (and be left behind on removal, which takes the marker and one line).
    const broken = ['name', 'job', 'user', 'minute', 'hour', 'day', 'month', 'weekday'].find((k) =>
      /[\r\n]/.test(String(a[k] ?? '')),
    );
    if (broken) return { changed: false, failed: true, msg: `${broken} must be one line` };
    if (a.cron_file !== undefined && !cronFileOk(String(a.cron_file)))
      return { changed: false, failed: true, msg: CRON_FILE };
    const user = a.user === undefined ? undefined : String(a.user);
    const file =
      a.cron_file === undefined
        ? undefined
        : String(a.cron_file).startsWith('/')
          ? String(a.cron_file)
          : `/etc/cron.d/${a.cron_file}`;
    const marker = `#Ansible: ${a.name}`;
    const when =
      a.special_time !== undefined
        ? `@${a.special_time}`
        : ['minute', 'hour', 'day', 'month', 'weekday'].map((k) => String(a[k] ?? '*')).join(' ');
    const entry = `${bool(a.disabled, false) ? '#' : ''}${when} ${file ? `${user ?? 'root'} ` : ''}${a.job}`;
    const edit = (before: string): string => {
      const lines = before.split('\n');
      if (lines.at(-1) === '') lines.pop();
      const at = lines.indexOf(marker);
      if (at !== -1) lines.splice(at, 2);
      if (String(a.state ?? 'present') === 'present') lines.splice(at === -1 ? lines.length : at, 0, marker, entry);
      return lines.length ? `${lines.join('\n')}\n` : '';
    };
    if (file) {
      const info = await ctx.conn.stat(file, { become: ctx.become, signal: ctx.signal });
      const before = info.exists
        ? ((await ctx.conn.readFile(file, { become: ctx.become, signal: ctx.signal }))?.toString('utf8') ?? '')
        : '';
      const after = edit(before);
      if (after === before) return { changed: false, cron_file: file };
      return ensureContent(ctx, file, Buffer.from(after), { mode: 0o644 });
    }
    return crontab(ctx, user, edit, String(a.state ?? 'present') === 'absent');
  },
};

async function crontab(
  ctx: ModuleContext,
  user: string | undefined,
  edit: (before: string) => string,
  absent: boolean,
): Promise<ModuleResult> {
  const u = user ? `-u ${quote(user)} ` : '';
  const r = await ctx.conn.run(`crontab ${u}-l`, { become: ctx.become, signal: ctx.signal });
  // A user that is gone has no entry left to remove.
  if (r.code !== 0 && absent && /unknown|does not exist/i.test(r.stderr)) return { changed: false };
  if (r.code !== 0 && !/no crontab/i.test(r.stderr))
    return { changed: false, failed: true, msg: `crontab -l failed: ${r.stderr.trim() || 'is cron installed?'}` };
  const before = r.code === 0 ? r.stdout : '';
  const after = edit(before);
  if (after === before) return { changed: false };
  const diff = unifiedDiff(before, after, `crontab${user ? ` (${user})` : ''}`);
  if (ctx.check) return { changed: true, diff };
  const w = await ctx.conn.run(`crontab ${u}-`, { become: ctx.become, signal: ctx.signal, stdin: after });
  if (w.code !== 0) return { changed: false, failed: true, msg: `crontab failed: ${w.stderr.trim()}`, diff };
  return { changed: true, diff };
}
