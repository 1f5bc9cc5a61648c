import { createHash } from 'node:crypto';
import { parseDuration } from '../../../../shared/inputs';
import { bool, checkMode, isTemplated, mapping, stringMap } from './args';
import { metaOf } from './file';
import { applyMeta, ensureContent, metaChanges, needsNames } from './files';
import { httpFromHost } from './http';
import type { ModuleDef } from './types';

const KEYS = [
  'url',
  'dest',
  'checksum',
  'mode',
  'owner',
  'group',
  'force',
  'headers',
  'timeout',
  'validate_certs',
] as const;

/**
 * Ansible's get_url: downloads `url` as the host sees it and writes it atomically to `dest` (a file,
 * or a directory: the URL's file name is used). With `checksum: sha256:<hex>` a matching file is
 * left alone and a download that does not match fails without touching dest; without one, an
 * existing dest is kept unless `force: true`.
 */
export const getUrl: ModuleDef = {
  name: 'get_url',
  validate(check) {
    const a = mapping(check, KEYS, ['url', 'dest']);
    if (!isTemplated(a.url) && !/^https?:\/\/[^/]/.test(String(a.url)))
      check.fail(`url must be an http:// or https:// URL, got "${a.url}"`, 'url');
    if (a.checksum !== undefined && !isTemplated(a.checksum) && !/^sha256:[0-9a-fA-F]{64}$/.test(String(a.checksum)))
      check.fail('checksum must be "sha256:" followed by 64 hex digits', 'checksum');
    if (a.timeout !== undefined && parseDuration(String(a.timeout)) === undefined)
      check.fail('timeout must be a duration such as 30s', 'timeout');
    stringMap(check, a, 'headers');
    checkMode(check, a);
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const url = String(a.url);
    let dest = String(a.dest);
    const wanted = a.checksum === undefined ? undefined : String(a.checksum).slice('sha256:'.length).toLowerCase();
    let info = await ctx.conn.stat(dest, { become: ctx.become, signal: ctx.signal });
    if (dest.endsWith('/') || info.type === 'directory') {
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'index.html');
      dest = `${dest.replace(/\/$/, '')}/${name}`;
      info = await ctx.conn.stat(dest, { become: ctx.become, signal: ctx.signal });
    }
    const meta = metaOf(a);
    if (info.exists && ((wanted && info.sha256 === wanted) || (!wanted && !bool(a.force, false)))) {
      const full = await ctx.conn.stat(dest, { become: ctx.become, signal: ctx.signal, names: needsNames(meta) });
      const notes = metaChanges(full, meta);
      if (!notes.length) return { changed: false, dest, url };
      if (!ctx.check) await applyMeta(ctx, dest, meta, full);
      return {
        changed: true,
        dest,
        url,
        msg: notes.join(', '),
        diff: `${notes.map((n) => `# ${dest}: ${n}`).join('\n')}\n`,
      };
    }
    if (ctx.check)
      return { changed: true, dest, url, msg: `would download ${url}`, diff: `# ${dest}: download ${url}\n` };
    const r = await httpFromHost(ctx, url, {
      headers: (a.headers ?? {}) as Record<string, string>,
      timeoutMs: a.timeout === undefined ? 30_000 : parseDuration(String(a.timeout)),
      validateCerts: bool(a.validate_certs, true),
      followRedirects: true,
    });
    if (r.status < 200 || r.status >= 300)
      return {
        changed: false,
        failed: true,
        status_code: r.status,
        msg: `Request failed: HTTP ${r.status} for ${url}`,
      };
    const sha = createHash('sha256').update(r.body).digest('hex');
    if (wanted && sha !== wanted)
      return {
        changed: false,
        failed: true,
        msg: `The checksum of ${url} is sha256:${sha}, expected sha256:${wanted}; ${dest} was not changed`,
      };
    const result = await ensureContent(ctx, dest, r.body, meta);
    return {
      ...result,
      dest,
      url,
      status_code: r.status,
      checksum_dest: sha,
      diff: result.changed ? `# ${dest}: downloaded ${url} (sha256 ${sha})\n` : undefined,
    };
  },
};
