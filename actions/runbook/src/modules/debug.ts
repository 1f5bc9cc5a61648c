import { lookup } from '../../../../shared/template';
import { mapping } from './args';
import type { ModuleDef } from './types';

/** Ansible's debug: prints `msg` or the value of `var` (a variable name or dotted path). */
export const debug: ModuleDef = {
  name: 'debug',
  validate(check) {
    const a = mapping(check, ['msg', 'var', 'verbosity']);
    if (a.msg !== undefined && a.var !== undefined) check.fail('takes msg or var, not both', 'var');
    if (a.var !== undefined && !/^[A-Za-z_][\w-]*(?:\.(?:[A-Za-z_][\w-]*|\d+))*$/.test(String(a.var)))
      check.fail(`var must be a variable name or dotted path, got "${a.var}"`, 'var');
  },
  async run(ctx) {
    const a = (ctx.args ?? {}) as Record<string, unknown>;
    let msg: string;
    if (a.var !== undefined) {
      const value = lookup(ctx.scope, String(a.var));
      msg = `${a.var}: ${value === undefined ? 'VARIABLE IS NOT DEFINED!' : JSON.stringify(value)}`;
    } else {
      const m = a.msg ?? 'Hello world!';
      msg = typeof m === 'string' ? m : JSON.stringify(m);
    }
    ctx.log(msg);
    return { changed: false, msg };
  },
};
