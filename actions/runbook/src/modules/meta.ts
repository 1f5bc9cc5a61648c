import type { ModuleDef } from './types';

const ACTIONS = ['flush_handlers', 'noop'] as const;

/** Ansible's meta: `flush_handlers` runs the handlers notified so far, here, instead of at the end. */
export const meta: ModuleDef = {
  name: 'meta',
  validate(check) {
    if (typeof check.args !== 'string' || !(ACTIONS as readonly string[]).includes(check.args))
      check.fail(`takes one of ${ACTIONS.join(', ')}, got ${JSON.stringify(check.args)}`);
  },
  async run(ctx) {
    return { changed: false, meta: String(ctx.args) };
  },
};
