import { parseDuration } from '../../../../shared/inputs';
import { bool, isTemplated, mapping, oneOf, stringMap } from './args';
import { httpFromHost } from './http';
import type { ModuleDef } from './types';

const KEYS = [
  'url',
  'method',
  'headers',
  'body',
  'body_format',
  'status_code',
  'return_content',
  'timeout',
  'validate_certs',
  'follow_redirects',
] as const;

/**
 * Ansible's uri: one HTTP request from the host's side (or the runner's, with
 * `delegate_to: localhost`). Fails unless the status is in `status_code` (default 200); returns
 * `status`, `content` (with return_content) and `json` for JSON responses, for `register`.
 * It reports no change (use changed_when), and in check mode only GET and HEAD are sent.
 */
export const uri: ModuleDef = {
  name: 'uri',
  validate(check) {
    const a = mapping(check, KEYS, ['url']);
    if (!isTemplated(a.url) && !/^https?:\/\/[^/]/.test(String(a.url)))
      check.fail(`url must be an http:// or https:// URL, got "${a.url}"`, 'url');
    oneOf(check, a, 'body_format', ['raw', 'json', 'form-urlencoded']);
    oneOf(check, a, 'method', ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
    stringMap(check, a, 'headers');
    if (a.timeout !== undefined && parseDuration(String(a.timeout)) === undefined)
      check.fail('timeout must be a duration such as 30s', 'timeout');
    const codes = a.status_code === undefined ? [] : Array.isArray(a.status_code) ? a.status_code : [a.status_code];
    if (codes.some((c) => !isTemplated(c) && !/^\d{3}$/.test(String(c))))
      check.fail('status_code must be an HTTP status or a list of them', 'status_code');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const method = String(a.method ?? 'GET').toUpperCase();
    if (ctx.check && !['GET', 'HEAD'].includes(method))
      return { changed: false, skipped: true, msg: `check mode: ${method} ${a.url} not sent` };
    const headers = Object.fromEntries(Object.entries((a.headers ?? {}) as object).map(([k, v]) => [k, String(v)]));
    let body: Buffer | undefined;
    const format = String(a.body_format ?? 'raw');
    if (a.body !== undefined) {
      if (format === 'json') {
        body = Buffer.from(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
        headers['content-type'] ??= 'application/json';
      } else if (format === 'form-urlencoded') {
        body = Buffer.from(new URLSearchParams(a.body as Record<string, string>).toString());
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else body = Buffer.from(typeof a.body === 'string' ? a.body : JSON.stringify(a.body));
    }
    const r = await httpFromHost(ctx, String(a.url), {
      method,
      headers,
      body,
      timeoutMs: a.timeout === undefined ? 30_000 : parseDuration(String(a.timeout)),
      validateCerts: bool(a.validate_certs, true),
      followRedirects: String(a.follow_redirects ?? 'safe') !== 'none' && a.follow_redirects !== false,
      maxBytes: 64 * 1024 * 1024,
    });
    const wanted = (
      a.status_code === undefined ? [200] : Array.isArray(a.status_code) ? a.status_code : [a.status_code]
    ).map(Number);
    const text = r.body.toString('utf8');
    const out: Record<string, unknown> = {
      changed: false,
      status: r.status,
      url: r.url,
      content_type: r.headers['content-type'],
    };
    if (bool(a.return_content, false)) out.content = text;
    if (/json/.test(String(r.headers['content-type'] ?? ''))) {
      try {
        out.json = JSON.parse(text);
      } catch {
        /* not JSON after all */
      }
    }
    if (!wanted.includes(r.status)) {
      out.failed = true;
      out.msg = `Status code was ${r.status} and not [${wanted.join(', ')}]: ${method} ${r.url}`;
    } else out.msg = `OK (${r.status})`;
    return out as { changed: boolean };
  },
};
