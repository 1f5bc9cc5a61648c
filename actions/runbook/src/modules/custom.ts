import { pathToFileURL } from 'node:url';
import type { ModuleDef, ModuleResult } from './types';

type CustomFn = (args: unknown, ctx: Record<string, unknown>) => Promise<unknown> | unknown;

const cache = new Map<string, Promise<CustomFn>>();

async function load(resolved: string): Promise<CustomFn> {
  let pending = cache.get(resolved);
  if (!pending) {
    pending = (async () => {
      // webpackIgnore keeps the bundler from trying to bundle the user's module at build time.
      const mod = (await import(/* webpackIgnore: true */ pathToFileURL(resolved).href)) as {
        default?: unknown;
        run?: unknown;
      };
      const fn =
        typeof mod.default === 'function'
          ? mod.default
          : typeof mod.run === 'function'
            ? mod.run
            : (mod.default as { default?: unknown } | undefined)?.default;
      if (typeof fn !== 'function')
        throw new Error(`${resolved} must export a function: export default async (args, ctx) => ({ changed })`);
      return fn as CustomFn;
    })();
    cache.set(resolved, pending);
  }
  return pending;
}

/**
 * The paper's "easy modules": `uses: ./modules/x.js` (or an npm package) exporting
 * `async (args, ctx) => ({ changed, ... })`. ctx gives the host, check mode and the same
 * transport the built-in modules use, so a custom module works over SSH and locally alike.
 */
export const custom: ModuleDef = {
  name: 'uses',
  validate() {},
  async run(ctx) {
    const fn = await load(ctx.task.uses?.resolved as string);
    const api = {
      host: ctx.host,
      check: ctx.check,
      vars: ctx.scope,
      signal: ctx.signal,
      log: ctx.log,
      run: async (command: string, options: { stdin?: string } = {}) =>
        ctx.conn.run(command, {
          stdin: options.stdin,
          become: ctx.become,
          signal: ctx.signal,
          timeoutMs: ctx.timeoutMs,
        }),
      stat: (path: string) => ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal }),
      readFile: async (path: string) => (await ctx.conn.readFile(path, { become: ctx.become }))?.toString('utf8'),
      writeFile: (path: string, content: string, options: { mode?: number } = {}) =>
        ctx.conn.writeFile(path, Buffer.from(content), { mode: options.mode, become: ctx.become, signal: ctx.signal }),
    };
    const out = await fn(ctx.args ?? {}, api);
    if (out === null || typeof out !== 'object' || typeof (out as { changed?: unknown }).changed !== 'boolean') {
      return {
        changed: false,
        failed: true,
        msg: `${ctx.task.uses?.spec} must return an object with a boolean "changed", got ${JSON.stringify(out)}`,
      };
    }
    return out as ModuleResult;
  },
};
