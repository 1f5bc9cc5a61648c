import { request } from 'node:http';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { ConfigurationError } from '../../../../shared/errors';
import { parseDuration } from '../../../../shared/inputs';
import { isTemplated, mapping, oneOf } from './args';
import type { ModuleContext, ModuleDef } from './types';

const KEYS = [
  'port',
  'host',
  'url',
  'path',
  'state',
  'timeout',
  'interval',
  'delay',
  'status',
  'headers',
  'validate_certs',
] as const;

/** RFC 9110 token: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Waits for a TCP port, an HTTP(S) URL or a file, as seen from the target: ports and URLs are
 * reached through the host's SSH connection (a direct-tcpip channel), so "localhost:8080" means
 * the target's own port, and nothing needs curl installed there.
 */
export const waitFor: ModuleDef = {
  name: 'wait_for',
  validate(check) {
    const a = mapping(check, KEYS);
    const kinds = ['port', 'url', 'path'].filter((k) => a[k] !== undefined);
    if (kinds.length !== 1) check.fail('needs exactly one of port, url or path');
    oneOf(check, a, 'state', a.path !== undefined ? ['present', 'absent'] : ['started', 'stopped']);
    // Literal values are checked now; `${}` ones once they are resolved for each host (in run).
    const problem = invalid(a, (v) => !isTemplated(v));
    if (problem) check.fail(problem.message, problem.key);
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const problem = invalid(a, () => true);
    if (problem) throw new ConfigurationError(`wait_for ${problem.message}`, ctx.task.argsLoc);
    const timeout = parseDuration(String(a.timeout ?? '60s')) ?? 60_000;
    const interval = parseDuration(String(a.interval ?? '500ms')) ?? 500;
    const delay = parseDuration(String(a.delay ?? '0')) ?? 0;
    const wantGone = a.state === 'stopped' || a.state === 'absent';
    const what =
      a.port !== undefined
        ? `port ${a.host ?? '127.0.0.1'}:${a.port}`
        : a.url !== undefined
          ? String(a.url)
          : `file ${a.path}`;
    if (ctx.check) return { changed: false, msg: `would wait for ${what}` };
    const started = Date.now();
    if (delay) await sleep(delay, ctx.signal);
    let last = '';
    for (;;) {
      const ok = await probe(ctx, a).catch((error: Error) => {
        last = error.message;
        return false;
      });
      if (ok !== wantGone)
        return {
          changed: false,
          msg: `${what} ${wantGone ? 'is gone' : 'is ready'} after ${((Date.now() - started) / 1000).toFixed(1)}s`,
          elapsed_ms: Date.now() - started,
        };
      if (Date.now() - started + interval > timeout || ctx.signal.aborted) {
        return {
          changed: false,
          failed: true,
          msg: `timed out after ${timeout / 1000}s waiting for ${what} to be ${wantGone ? 'gone' : 'ready'}${last ? ` (last: ${last})` : ''}`,
        };
      }
      await sleep(interval, ctx.signal);
    }
  },
};

/**
 * The first argument whose value is wrong, among those `ready(value)` says are final: at load
 * only literal values are, after interpolation all of them are (a template such as `${t}` can
 * only be judged once it became "30s" or "soon").
 */
function invalid(
  a: Record<string, unknown>,
  ready: (value: unknown) => boolean,
): { key: string; message: string } | undefined {
  for (const key of ['timeout', 'interval', 'delay']) {
    const v = a[key];
    if (v !== undefined && ready(v) && parseDuration(String(v)) === undefined)
      return { key, message: `${key} must be a duration such as 30s, got "${v}"` };
  }
  if (a.port !== undefined && ready(a.port)) {
    const port = Number(a.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      return { key: 'port', message: `port must be a TCP port (1-65535), got "${a.port}"` };
  }
  if (a.url !== undefined && ready(a.url)) {
    const url = String(a.url);
    if (!/^https?:\/\//.test(url) || !URL.canParse(url))
      return { key: 'url', message: `url must be an http:// or https:// URL, got "${url}"` };
  }
  for (const key of ['status', 'headers']) {
    if (a[key] !== undefined && a.url === undefined) return { key, message: `${key} applies to url only` };
  }
  if (a.status !== undefined) {
    for (const code of Array.isArray(a.status) ? a.status : [a.status]) {
      if (ready(code) && statusCode(code) === undefined)
        return {
          key: 'status',
          message: `status must be an HTTP status code (100-599) or a list of them, got "${typeof code === 'object' ? JSON.stringify(code) : code}"`,
        };
    }
  }
  if (a.headers !== undefined) {
    const headers = a.headers;
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers))
      return { key: 'headers', message: 'headers must be a mapping of header names to values' };
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) return { key: 'headers', message: `headers: "${name}" is not a header name` };
      if (value === null || value === undefined || typeof value === 'object')
        return { key: 'headers', message: `headers: the value of ${name} must be a string` };
      // The value is never echoed: it is often a credential.
      if (ready(value) && /[\r\n\0]/.test(String(value)))
        return { key: 'headers', message: `headers: the value of ${name} must be a single line` };
    }
  }
  return undefined;
}

function statusCode(value: unknown): number | undefined {
  const code =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : undefined;
}

async function probe(ctx: ModuleContext, a: Record<string, unknown>): Promise<boolean> {
  if (a.port !== undefined) return ctx.conn.tcpProbe(String(a.host ?? '127.0.0.1'), Number(a.port), 3000);
  if (a.path !== undefined)
    return (await ctx.conn.stat(String(a.path), { become: ctx.become, signal: ctx.signal })).exists;
  const url = new URL(String(a.url));
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const raw = (await ctx.conn.openStream(url.hostname, port, 3000)) as Duplex;
  const socket =
    url.protocol === 'https:'
      ? tlsConnect({ socket: raw, servername: url.hostname, rejectUnauthorized: a.validate_certs !== false })
      : raw;
  // Header values built from secrets were registered (masked) when the arguments were resolved.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((a.headers ?? {}) as Record<string, unknown>))
    if (name.toLowerCase() !== 'connection') headers[name] = String(value);
  headers.connection = 'close'; // one probe, one connection: nothing left open on the host
  // A timer of ours: http's `timeout` option needs the socket's setTimeout, which ssh2's channel
  // does not have, so over SSH an app that accepts and never answers held wait_for for ever.
  let timer: NodeJS.Timeout | undefined;
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(url, { method: 'GET', createConnection: () => socket as never, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    timer = setTimeout(() => {
      // Rejected here: destroying ssh2's channel with an error reports only "socket hang up".
      const why = new Error('no HTTP response within 5s');
      reject(why);
      req.destroy(why);
    }, 5000);
    req.on('error', reject);
    req.end();
  }).finally(() => {
    clearTimeout(timer);
    socket.destroy();
  });
  // Default 2xx: a 3xx is usually an auth proxy sending us to its login page, not a healthy app.
  const wanted = a.status === undefined ? undefined : (Array.isArray(a.status) ? a.status : [a.status]).map(statusCode);
  if (wanted ? !wanted.includes(status) : status < 200 || status >= 300)
    throw new Error(`HTTP ${status} (expected ${wanted ? wanted.join(' or ') : '2xx'})`);
  return true;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
