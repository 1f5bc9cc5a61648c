import { mapping } from './args';
import type { ModuleDef } from './types';

/** Ansible's fail: stops the host with a message (usually under `when:`). */
export const fail: ModuleDef = {
  name: 'fail',
  validate(check) {
    if (check.args === null || check.args === undefined) return;
    mapping(check, ['msg']);
  },
  async run(ctx) {
    const a = (ctx.args ?? {}) as Record<string, unknown>;
    return { changed: false, failed: true, msg: a.msg === undefined ? 'Failed as requested from task' : String(a.msg) };
  },
};
