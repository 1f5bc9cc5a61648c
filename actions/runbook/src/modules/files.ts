import { createHash } from 'node:crypto';
import { unifiedDiff } from '../report/diff';
import type { FileInfo, Meta } from '../transport/types';
import type { ModuleContext, ModuleResult } from './types';

export type { Meta };

/** Owner/group given by name need names from the host (uid/gid are enough for numbers). */
export function needsNames(meta: Meta): boolean {
  return [meta.owner, meta.group].some((v) => v !== undefined && !/^\d+$/.test(v));
}

const MAX_DIFF_BYTES = 1024 * 1024;

/** Which metadata differs from what was asked, as "mode 0644 → 0600" notes. */
export function metaChanges(info: FileInfo, meta: Meta): string[] {
  const notes: string[] = [];
  if (meta.mode !== undefined && (info.mode ?? -1) !== meta.mode)
    notes.push(`mode ${octal(info.mode)} → ${octal(meta.mode)}`);
  if (meta.owner !== undefined && !sameId(meta.owner, info.owner, info.uid))
    notes.push(`owner ${info.owner} → ${meta.owner}`);
  if (meta.group !== undefined && !sameId(meta.group, info.group, info.gid))
    notes.push(`group ${info.group} → ${meta.group}`);
  return notes;
}

function sameId(wanted: string, name: string | undefined, id: number | undefined): boolean {
  return /^\d+$/.test(wanted) ? Number(wanted) === id : wanted === name;
}

export function octal(mode: number | undefined): string {
  return mode === undefined ? '?' : `0${mode.toString(8).padStart(3, '0')}`;
}

export async function applyMeta(ctx: ModuleContext, path: string, meta: Meta, info: FileInfo): Promise<void> {
  const wanted: Meta = {};
  if (meta.mode !== undefined && info.mode !== meta.mode) wanted.mode = meta.mode;
  if (
    (meta.owner && !sameId(meta.owner, info.owner, info.uid)) ||
    (meta.group && !sameId(meta.group, info.group, info.gid))
  ) {
    wanted.owner = meta.owner;
    wanted.group = meta.group;
  }
  if (wanted.mode === undefined && !wanted.owner && !wanted.group) return;
  await ctx.conn.setMeta(path, wanted, { become: ctx.become, signal: ctx.signal });
}

/**
 * Makes `path` hold exactly `content` with the given metadata. Checksums are compared first
 * (one round trip), so an unchanged file is neither read back nor rewritten.
 */
export async function ensureContent(
  ctx: ModuleContext,
  path: string,
  content: Buffer,
  meta: Meta,
): Promise<ModuleResult> {
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal, names: needsNames(meta) });
  if (info.exists && info.type !== 'file') {
    return { changed: false, failed: true, msg: `${path} exists and is a ${info.type}, not a file` };
  }
  const sha = createHash('sha256').update(content).digest('hex');
  const contentChanged = !info.exists || info.sha256 !== sha;
  const notes = info.exists ? metaChanges(info, meta) : [];
  if (!contentChanged && notes.length === 0) return { changed: false, path, sha256: sha };

  let diff = '';
  if (contentChanged && content.length <= MAX_DIFF_BYTES && (info.size ?? 0) <= MAX_DIFF_BYTES) {
    const before = info.exists
      ? (info.content ?? (await ctx.conn.readFile(path, { become: ctx.become, signal: ctx.signal })))
      : undefined;
    diff = unifiedDiff(before?.toString('utf8'), content.toString('utf8'), path);
  } else if (contentChanged) {
    diff = `--- a${path}\n+++ b${path}\n(large file: sha256 ${info.sha256 ?? 'none'} → ${sha})\n`;
  }
  if (notes.length) diff += `${notes.map((n) => `# ${path}: ${n}`).join('\n')}\n`;

  if (!ctx.check) {
    if (contentChanged) {
      await ctx.conn.writeFile(path, content, {
        mode: meta.mode ?? (info.exists ? info.mode : 0o644),
        owner: meta.owner,
        group: meta.group,
        become: ctx.become,
        signal: ctx.signal,
      });
    } else {
      await applyMeta(ctx, path, meta, info);
    }
  }
  return {
    changed: true,
    diff,
    path,
    sha256: sha,
    msg: info.exists ? (contentChanged ? 'content updated' : notes.join(', ')) : 'created',
  };
}
