import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { insideWorkspace } from '../runbook/load';
import { bool, mapping } from './args';
import type { ModuleDef } from './types';

/**
 * Ansible's fetch: copies a file from the host to the runner, into `dest/<host>/<src path>` (or
 * exactly `dest` with `flat: true`). dest must be inside the workspace; the file is compared by
 * sha256 first and written atomically. This module runs on the runner, reading from the target.
 */
export const fetch: ModuleDef = {
  name: 'fetch',
  validate(check) {
    mapping(check, ['src', 'dest', 'flat', 'fail_on_missing', 'validate_checksum'], ['src', 'dest']);
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const src = String(a.src);
    const flat = bool(a.flat, false);
    const dest = String(a.dest);
    const local = flat
      ? dest.endsWith('/')
        ? `${dest}${basename(src)}`
        : dest
      : `${dest.replace(/\/$/, '')}/${ctx.host.name}/${src.replace(/^\/+/, '')}`;
    const full = insideWorkspace(local, ctx.baseDir, ctx.workspace, ctx.task.argsLoc, 'fetch dest');
    const info = await ctx.conn.stat(src, { become: ctx.become, signal: ctx.signal });
    if (!info.exists || info.type !== 'file') {
      const msg = `the remote file ${src} ${info.exists ? `is a ${info.type}` : 'does not exist'}`;
      return bool(a.fail_on_missing, true) ? { changed: false, failed: true, msg } : { changed: false, msg };
    }
    const localSha = existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex') : undefined;
    if (info.sha256 && localSha === info.sha256) return { changed: false, dest: full, checksum: localSha };
    if (ctx.check) return { changed: true, dest: full, diff: `# ${full}: fetched from ${ctx.host.name}:${src}\n` };
    const data = await ctx.conn.readFile(src, { become: ctx.become, signal: ctx.signal });
    if (!data) return { changed: false, failed: true, msg: `the remote file ${src} vanished while fetching` };
    const sha = createHash('sha256').update(data).digest('hex');
    if (bool(a.validate_checksum, true) && info.sha256 && sha !== info.sha256)
      return { changed: false, failed: true, msg: `checksum mismatch fetching ${src} (it changed while being read?)` };
    mkdirSync(dirname(full), { recursive: true });
    const tmp = `${full}.paved-${process.pid}`;
    writeFileSync(tmp, data);
    renameSync(tmp, full);
    return { changed: true, dest: full, checksum: sha, diff: `# ${full}: fetched from ${ctx.host.name}:${src}\n` };
  },
};
