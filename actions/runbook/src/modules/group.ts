import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { applySteps, probe } from './steps';
import type { ModuleDef } from './types';
import { ACCOUNT_NAME } from './user';

/** Ansible's group: groupadd/groupmod/groupdel for only what differs from `getent group`. */
export const group: ModuleDef = {
  name: 'group',
  validate(check) {
    const a = mapping(check, ['name', 'gid', 'state', 'system'], ['name']);
    oneOf(check, a, 'state', ['present', 'absent']);
    if (a.gid !== undefined && !/^\d+$|\$\{/.test(String(a.gid))) check.fail('gid must be a number', 'gid');
    if (!String(a.name).includes('${') && !ACCOUNT_NAME.test(String(a.name)))
      check.fail(`name "${a.name}" is not a valid group name`, 'name');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const name = String(a.name);
    // Checked again once variables are resolved (validate sees only "${…}").
    if (!ACCOUNT_NAME.test(name))
      return { changed: false, failed: true, msg: `name "${name}" is not a valid group name` };
    if (a.gid !== undefined && !/^\d+$/.test(String(a.gid)))
      return { changed: false, failed: true, msg: 'gid must be a number' };
    const q = quote(name);
    const entry = await probe(ctx, `getent group ${q}`);
    if (String(a.state ?? 'present') === 'absent')
      return entry ? applySteps(ctx, [`groupdel ${q}`], `group ${name} removed`) : { changed: false, name };
    if (!entry) {
      const flags = [a.gid !== undefined ? `-g ${quote(String(a.gid))}` : '', bool(a.system, false) ? '-r' : '']
        .filter(Boolean)
        .join(' ');
      return applySteps(ctx, [`groupadd ${flags ? `${flags} ` : ''}${q}`], `group ${name} created`);
    }
    const gid = entry.split(':')[2];
    if (a.gid !== undefined && String(a.gid) !== gid)
      return applySteps(ctx, [`groupmod -g ${quote(String(a.gid))} ${q}`], `group ${name}: gid ${gid} → ${a.gid}`);
    return { changed: false, name, gid: Number(gid) };
  },
};
