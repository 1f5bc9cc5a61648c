import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { realInside } from '../runbook/include';
import { insideWorkspace } from '../runbook/load';
import { bool, checkMode, isTemplated, mapping, parseMode, str } from './args';
import { metaOf } from './file';
import { ensureContent, metaChanges, needsNames } from './files';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = ['src', 'content', 'dest', 'mode', 'owner', 'group', 'directory_mode', 'force'] as const;

/**
 * Ansible's copy: a file (or `content`) to `dest`, or a directory recursively (`src: dir/` copies
 * its contents into dest, `src: dir` copies the directory itself). Every file is compared by
 * sha256 first, so only real differences are written, each atomically; `force: false` leaves
 * existing files alone.
 */
export const copy: ModuleDef = {
  name: 'copy',
  validate(check) {
    const a = mapping(check, KEYS, ['dest']);
    if ((a.src === undefined) === (a.content === undefined)) check.fail('needs src or content (one of them)');
    for (const key of ['mode', 'directory_mode']) checkMode(check, a, key);
  },
  sources: (args) => {
    const a = args as Record<string, unknown>;
    return a.src !== undefined && !isTemplated(a.src) ? [String(a.src)] : [];
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const dest = String(a.dest);
    const force = bool(a.force, true);
    if (a.content !== undefined) return copyFile(ctx, Buffer.from(String(a.content)), dest, a, force);
    const src = String(a.src);
    const full = realInside(
      insideWorkspace(src, ctx.baseDir, ctx.workspace, ctx.task.argsLoc, 'copy src'),
      ctx.workspace,
      ctx.task.argsLoc,
      'copy src',
    );
    if (!statSync(full).isDirectory()) {
      const target = dest.endsWith('/') ? `${dest}${basename(full)}` : dest;
      return copyFile(ctx, ctx.readSource(src, 'copy src'), target, a, force);
    }
    const root = src.endsWith('/') ? dest.replace(/\/$/, '') : join(dest, basename(full));
    return copyTree(ctx, full, root, a, force);
  },
};

async function copyFile(
  ctx: ModuleContext,
  content: Buffer,
  dest: string,
  a: Record<string, unknown>,
  force: boolean,
): Promise<ModuleResult> {
  if (!force) {
    const info = await ctx.conn.stat(dest, { become: ctx.become, signal: ctx.signal });
    if (info.exists) return { changed: false, dest, msg: `${dest} exists (force: false)` };
  }
  return { ...(await ensureContent(ctx, dest, content, metaOf(a))), dest };
}

async function copyTree(
  ctx: ModuleContext,
  dir: string,
  dest: string,
  a: Record<string, unknown>,
  force: boolean,
): Promise<ModuleResult> {
  const dirMeta = { mode: parseMode(a.directory_mode), owner: str(a.owner), group: str(a.group) };
  const changedFiles: string[] = [];
  const diffs: string[] = [];
  const walk = async (local: string, remote: string): Promise<ModuleResult | undefined> => {
    const info = await ctx.conn.stat(remote, { become: ctx.become, signal: ctx.signal, names: needsNames(dirMeta) });
    if (info.exists && info.type !== 'directory')
      return { changed: false, failed: true, msg: `${remote} exists and is a ${info.type}, not a directory` };
    const notes = info.exists ? metaChanges(info, dirMeta) : [];
    if (!info.exists || notes.length) {
      changedFiles.push(`${remote}/`);
      diffs.push(`# ${remote}: ${info.exists ? notes.join(', ') : 'directory created'}\n`);
      if (!ctx.check) {
        if (info.exists) await ctx.conn.setMeta(remote, dirMeta, { become: ctx.become, signal: ctx.signal });
        else await ctx.conn.mkdir(remote, { ...dirMeta, become: ctx.become, signal: ctx.signal });
      }
    }
    for (const entry of readdirSync(local, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      const from = join(local, entry.name);
      const to = `${remote}/${entry.name}`;
      if (entry.isDirectory()) {
        const failed = await walk(from, to);
        if (failed) return failed;
      } else if (entry.isFile()) {
        // In check mode a directory that does not exist yet has no files to compare.
        const r = await copyFile(ctx, readFileSync(from), to, a, force);
        if (r.failed) return r;
        if (r.changed) {
          changedFiles.push(to);
          if (r.diff) diffs.push(r.diff);
        }
      }
    }
    return undefined;
  };
  const failed = await walk(dir, dest);
  if (failed) return failed;
  return {
    changed: changedFiles.length > 0,
    dest,
    files: changedFiles,
    msg: changedFiles.length ? `${changedFiles.length} path(s) changed under ${dest}` : undefined,
    diff: diffs.join('') || undefined,
  };
}
