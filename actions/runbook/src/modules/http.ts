import { request } from 'node:http';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { ModuleContext } from './types';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  url: string;
}

export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs?: number;
  validateCerts?: boolean;
  followRedirects?: boolean;
  maxBytes?: number;
}

/**
 * One HTTP(S) request made from the host's side of the connection (a TCP stream opened by the
 * host, as `wait_for` does), so get_url and uri see the network the target sees, with no curl
 * or wget needed there. Redirects are followed for GET/HEAD when asked (at most 5).
 */
export async function httpFromHost(
  ctx: ModuleContext,
  target: string,
  options: HttpOptions = {},
): Promise<HttpResponse> {
  let url = new URL(target);
  for (let hop = 0; ; hop++) {
    const r = await once(ctx, url, options);
    const location = r.headers.location;
    const method = (options.method ?? 'GET').toUpperCase();
    if (
      options.followRedirects &&
      r.status >= 300 &&
      r.status < 400 &&
      typeof location === 'string' &&
      ['GET', 'HEAD'].includes(method)
    ) {
      if (hop >= 5) throw new Error(`too many redirects (last: ${location})`);
      url = new URL(location, url);
      continue;
    }
    return r;
  }
}

async function once(ctx: ModuleContext, url: URL, options: HttpOptions): Promise<HttpResponse> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const raw = (await ctx.conn.openStream(url.hostname, port, Math.min(timeoutMs, 10_000))) as Duplex;
  const socket =
    url.protocol === 'https:'
      ? tlsConnect({ socket: raw, servername: url.hostname, rejectUnauthorized: options.validateCerts !== false })
      : raw;
  const headers: Record<string, string> = { ...options.headers, connection: 'close' };
  if (options.body) headers['content-length'] = String(options.body.length);
  const max = options.maxBytes ?? 1024 * 1024 * 1024;
  // The deadline is a timer of ours, not http's `timeout` option: that one arms the socket's
  // setTimeout, which ssh2's channel (the stream over SSH) does not have, so a server that accepted
  // and never answered (or stalled mid-body) held the task for ever. Every chunk re-arms it.
  let timer: NodeJS.Timeout | undefined;
  let onAbort = (): void => undefined;
  return new Promise<HttpResponse>((resolve, reject) => {
    let answered = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          stop(
            new Error(
              answered
                ? `the HTTP response stalled: no bytes for ${timeoutMs / 1000}s`
                : `no HTTP response within ${timeoutMs / 1000}s`,
            ),
          ),
        timeoutMs,
      );
    };
    // Rejects with the reason itself: destroying ssh2's channel with an error reports only "socket hang up".
    const stop = (why: Error) => {
      reject(why);
      req.destroy(why);
    };
    const req = request(
      url,
      { method: options.method ?? 'GET', createConnection: () => socket as never, headers },
      (res) => {
        answered = true;
        arm();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          arm();
          size += c.length;
          if (size > max) stop(new Error(`response larger than ${max} bytes`));
          else chunks.push(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), url: url.href }),
        );
        res.on('error', reject);
      },
    );
    arm();
    req.on('error', reject);
    onAbort = () => stop(new Error('cancelled'));
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    req.end(options.body);
  }).finally(() => {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', onAbort);
    socket.destroy();
  });
}
