import type { ModuleDef } from './types';

/** Prints a message; handy for showing rendered variables and registered results. */
export const echo: ModuleDef = {
  name: 'echo',
  validate(check) {
    if (check.args === undefined || check.args === null) check.fail('needs a message');
  },
  async run(ctx) {
    const msg = typeof ctx.args === 'string' ? ctx.args : JSON.stringify(ctx.args);
    ctx.log(msg);
    return { changed: false, msg };
  },
};
