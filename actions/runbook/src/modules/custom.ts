import { pathToFileURL } from 'node:url';
import { LocalConnection } from '../transport/local';
import type { ModuleDef, ModuleResult } from './types';

type CustomFn = (args: unknown, ctx: Record<string, unknown>, cb?: unknown) => Promise<unknown> | unknown;
interface Loaded {
  fn: CustomFn;
  /** `export const runsOn = 'runner'`: the module's run/stat/readFile/writeFile act on the runner. */
  runsOn: 'target' | 'runner';
}

const cache = new Map<string, Promise<Loaded>>();

async function load(resolved: string): Promise<Loaded> {
  let pending = cache.get(resolved);
  if (!pending) {
    pending = (async () => {
      // webpackIgnore keeps the bundler from trying to bundle the user's module at build time.
      const mod = (await import(/* webpackIgnore: true */ pathToFileURL(resolved).href)) as {
        default?: unknown;
        run?: unknown;
        runsOn?: unknown;
      };
      const fn =
        typeof mod.default === 'function'
          ? mod.default
          : typeof mod.run === 'function'
            ? mod.run
            : (mod.default as { default?: unknown } | undefined)?.default;
      if (typeof fn !== 'function')
        throw new Error(
          `${resolved} must export a function: export default async (args, ctx) => ({ changed }), or (args, cb) => cb(null, { changed })`,
        );
      const runsOn = mod.runsOn ?? (mod.default as { runsOn?: unknown } | undefined)?.runsOn ?? 'target';
      if (runsOn !== 'target' && runsOn !== 'runner')
        throw new Error(`${resolved} exports runsOn "${String(runsOn)}"; use "target" (the default) or "runner"`);
      return { fn: fn as CustomFn, runsOn };
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
    const { fn, runsOn } = await load(ctx.task.uses?.resolved as string);
    const conn = runsOn === 'runner' ? new LocalConnection() : ctx.conn;
    const api = {
      runsOn,
      host: ctx.host,
      check: ctx.check,
      vars: ctx.scope,
      signal: ctx.signal,
      log: ctx.log,
      run: async (command: string, options: { stdin?: string } = {}) =>
        conn.run(command, {
          stdin: options.stdin,
          become: ctx.become,
          signal: ctx.signal,
          timeoutMs: ctx.timeoutMs,
        }),
      stat: (path: string) => conn.stat(path, { become: ctx.become, signal: ctx.signal }),
      readFile: async (path: string) => (await conn.readFile(path, { become: ctx.become }))?.toString('utf8'),
      writeFile: (path: string, content: string, options: { mode?: number } = {}) =>
        conn.writeFile(path, Buffer.from(content), { mode: options.mode, become: ctx.become, signal: ctx.signal }),
    };
    const out = await callModule(fn, ctx.args ?? {}, api);
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

/**
 * The paper's callback style `(args, cb) => cb(err, result)` and the async style
 * `async (args, ctx) => result` share one call: the second argument is a callback that also
 * carries the ctx API (host, check, run, …), and is passed third as well for `(args, ctx, cb)`.
 * Whichever comes first, a returned value or a callback, is the result. An `async` function's
 * promise is its answer even when it holds nothing: `async (args, ctx) => { await ctx.run(…) }`
 * with its `return` forgotten used to wait for a callback that would never come, for ever over SSH.
 */
function callModule(fn: CustomFn, args: unknown, api: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const cb = (error: unknown, result?: unknown) => {
      if (settled) return;
      settled = true;
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    };
    Object.assign(cb, api);
    let returned: unknown;
    try {
      returned = fn(args, cb as unknown as Record<string, unknown>, cb);
    } catch (error) {
      cb(error);
      return;
    }
    // A callback-style module returns nothing (or a timer, a stream…) and calls back later.
    if (returned !== null && typeof (returned as { then?: unknown })?.then === 'function') {
      (returned as Promise<unknown>).then(
        (value) => {
          if (value !== undefined || fn.length < 2 || fn.constructor.name === 'AsyncFunction') cb(null, value);
        },
        (error) => cb(error),
      );
    } else if (fn.length < 2 || typeof (returned as { changed?: unknown } | null)?.changed === 'boolean') {
      cb(null, returned);
    }
  });
}
