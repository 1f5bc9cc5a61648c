import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { applySteps, listOf, probe } from './steps';
import type { ModuleDef, ModuleResult } from './types';

const KEYS = [
  'name',
  'state',
  'uid',
  'group',
  'groups',
  'append',
  'shell',
  'home',
  'create_home',
  'system',
  'comment',
  'password',
  'update_password',
  'remove',
] as const;
/** A user or group name as useradd/groupadd take it (never an option such as `-r`). */
export const ACCOUNT_NAME = /^[a-z_][a-z0-9_.-]*\$?$/i;

/** Ansible's user: useradd/usermod/userdel for only what differs from `getent passwd`. */
export const user: ModuleDef = {
  name: 'user',
  validate(check) {
    const a = mapping(check, KEYS, ['name']);
    if (!String(a.name).includes('${') && !ACCOUNT_NAME.test(String(a.name)))
      check.fail(`name "${a.name}" is not a valid user name`, 'name');
    oneOf(check, a, 'state', ['present', 'absent']);
    oneOf(check, a, 'update_password', ['always', 'on_create']);
    if (a.uid !== undefined && !/^\d+$|\$\{/.test(String(a.uid))) check.fail('uid must be a number', 'uid');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const name = String(a.name);
    // Checked again once variables are resolved (validate sees only "${…}").
    if (!ACCOUNT_NAME.test(name))
      return { changed: false, failed: true, msg: `name "${name}" is not a valid user name` };
    if (a.uid !== undefined && !/^\d+$/.test(String(a.uid)))
      return { changed: false, failed: true, msg: 'uid must be a number' };
    const q = quote(name);
    const passwd = await probe(ctx, `getent passwd ${q}`);
    if (String(a.state ?? 'present') === 'absent') {
      if (!passwd) return { changed: false, name };
      return applySteps(ctx, [`userdel ${bool(a.remove, false) ? '-r ' : ''}${q}`], `user ${name} removed`);
    }
    const flags: string[] = [];
    const groups = listOf(a.groups);
    const wantPassword = a.password === undefined ? undefined : String(a.password);
    if (!passwd) {
      if (a.uid !== undefined) flags.push(`-u ${quote(String(a.uid))}`);
      if (a.group !== undefined) flags.push(`-g ${quote(String(a.group))}`);
      if (groups.length) flags.push(`-G ${quote(groups.join(','))}`);
      if (a.shell !== undefined) flags.push(`-s ${quote(String(a.shell))}`);
      if (a.home !== undefined) flags.push(`-d ${quote(String(a.home))}`);
      if (a.comment !== undefined) flags.push(`-c ${quote(String(a.comment))}`);
      if (bool(a.system, false)) flags.push('-r');
      flags.push(bool(a.create_home, !bool(a.system, false)) ? '-m' : '-M');
      if (wantPassword !== undefined) flags.push(`-p ${quote(wantPassword)}`);
      return masked(await applySteps(ctx, [`useradd ${flags.join(' ')} ${q}`], `user ${name} created`), wantPassword);
    }
    const [, , uid, , gecos, home, shell] = passwd.trim().split(':');
    if (a.uid !== undefined && String(a.uid) !== uid) flags.push(`-u ${quote(String(a.uid))}`);
    if (a.group !== undefined) {
      const primary = (await probe(ctx, `id -gn ${q}`))?.trim();
      const gid = (await probe(ctx, `id -g ${q}`))?.trim();
      if (String(a.group) !== primary && String(a.group) !== gid) flags.push(`-g ${quote(String(a.group))}`);
    }
    if (groups.length || (a.groups !== undefined && !bool(a.append, false))) {
      const primary = (await probe(ctx, `id -gn ${q}`))?.trim();
      const current = ((await probe(ctx, `id -Gn ${q}`)) ?? '')
        .trim()
        .split(/\s+/)
        .filter((g) => g && g !== primary);
      const append = bool(a.append, false);
      const missing = groups.filter((g) => !current.includes(g));
      const extra = append ? [] : current.filter((g) => !groups.includes(g));
      if (missing.length || extra.length)
        flags.push(append ? `-a -G ${quote(missing.join(','))}` : `-G ${quote(groups.join(','))}`);
    }
    if (a.shell !== undefined && String(a.shell) !== shell) flags.push(`-s ${quote(String(a.shell))}`);
    if (a.home !== undefined && String(a.home) !== home) flags.push(`-d ${quote(String(a.home))}`);
    if (a.comment !== undefined && String(a.comment) !== gecos) flags.push(`-c ${quote(String(a.comment))}`);
    if (wantPassword !== undefined && String(a.update_password ?? 'always') === 'always') {
      const shadow = (await probe(ctx, `getent shadow ${q}`))?.split(':')[1];
      if (shadow !== wantPassword) flags.push(`-p ${quote(wantPassword)}`);
    }
    if (!flags.length) return { changed: false, name };
    return masked(await applySteps(ctx, [`usermod ${flags.join(' ')} ${q}`], `user ${name} updated`), wantPassword);
  },
};

/** A password hash never shows in a diff or log. */
function masked(result: ModuleResult, password: string | undefined): ModuleResult {
  if (password !== undefined && result.diff) result.diff = result.diff.split(quote(password)).join("'********'");
  return result;
}
