import { createHash } from 'node:crypto';
import { unifiedDiff } from '../report/diff';
import { quote } from '../transport/posix';
import type { FileInfo } from '../transport/types';
import type { ModuleContext, ModuleResult } from './types';

export interface Meta {
  mode?: number;
  owner?: string;
  group?: string;
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
  const steps: string[] = [];
  if (meta.mode !== undefined && info.mode !== meta.mode) steps.push(`chmod ${meta.mode.toString(8)} ${quote(path)}`);
  if (
    (meta.owner && !sameId(meta.owner, info.owner, info.uid)) ||
    (meta.group && !sameId(meta.group, info.group, info.gid))
  ) {
    steps.push(`chown -h ${quote(`${meta.owner ?? ''}${meta.group ? `:${meta.group}` : ''}`)} ${quote(path)}`);
  }
  if (steps.length === 0) return;
  const r = await ctx.conn.run(steps.join(' && '), { become: ctx.become, signal: ctx.signal });
  if (r.code !== 0) throw new Error(`setting ${path} metadata failed: ${r.stderr.trim()}`);
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
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal });
  if (info.exists && info.type !== 'file') {
    return { changed: false, failed: true, msg: `${path} exists and is a ${info.type}, not a file` };
  }
  const sha = createHash('sha256').update(content).digest('hex');
  const contentChanged = !info.exists || info.sha256 !== sha;
  const notes = info.exists ? metaChanges(info, meta) : [];
  if (!contentChanged && notes.length === 0) return { changed: false, path, sha256: sha };

  let diff = '';
  if (contentChanged && content.length <= MAX_DIFF_BYTES && (info.size ?? 0) <= MAX_DIFF_BYTES) {
    const before = info.exists ? await ctx.conn.readFile(path, { become: ctx.become, signal: ctx.signal }) : undefined;
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
