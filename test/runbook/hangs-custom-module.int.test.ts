import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/**
 * A custom module `async (args, ctx) => { … }` whose `return` was forgotten: its promise resolves
 * with nothing. Two parameters also fit the callback style `(args, cb)`, so the engine waited for
 * a callback that would never come: for ever over SSH (the connection keeps Node alive), and on
 * the runner until the event loop emptied ("stopped before finishing ... a bug"). An `async`
 * function's promise is now its answer, and the task fails saying what the module must return.
 */
describe('a custom async module that returns nothing', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'modules/no-return.mjs': "export default async (args, ctx) => {\n  await ctx.run('true');\n};\n",
      'modules/async-cb.mjs': 'export default async (args, cb) => {\n  cb(null, { changed: true });\n};\n',
      'site.yml': [
        'tasks:',
        '  - name: forgot-return',
        '    uses: ./modules/no-return.mjs',
        '    ignore_errors: true',
        '  - name: async-callback',
        '    uses: ./modules/async-cb.mjs',
        '  - name: after',
        '    shell: touch after',
        '',
      ].join('\n'),
    });
  });
  afterAll(() => cleanup(dir));

  it('fails that task with what a module must return, and the run goes on', async () => {
    const result = await runbook(dir, { runbook: 'site.yml', timeout: '60s' });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(0);
    const tasks = report(result).hosts[0]!.tasks;
    const forgot = tasks.find((t) => t.id === 'forgot-return');
    expect(forgot?.status, log).toBe('failed');
    expect(forgot?.msg).toBe('./modules/no-return.mjs must return an object with a boolean "changed", got undefined');
    expect(tasks.find((t) => t.id === 'async-callback')?.status).toBe('changed');
    expect(existsSync(join(dir, 'after'))).toBe(true);
  });
});
