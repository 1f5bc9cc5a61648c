import { quote } from '../transport/posix';
import { bool, isTemplated, mapping, oneOf, parseMode, str } from './args';
import { applyMeta, ensureContent, type Meta, metaChanges, needsNames } from './files';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = [
  'path',
  'dest',
  'destination',
  'source',
  'content',
  'state',
  'mode',
  'owner',
  'group',
  'target',
  'force',
] as const;
const STATES = ['file', 'directory', 'absent', 'link', 'touch'] as const;

function pathOf(a: Record<string, unknown>): string {
  return String(a.path ?? a.dest ?? a.destination);
}

function stateOf(a: Record<string, unknown>): string {
  if (a.state !== undefined) return String(a.state);
  return a.source !== undefined || a.content !== undefined ? 'file' : 'directory';
}

export function metaOf(a: Record<string, unknown>): Meta {
  return { mode: parseMode(a.mode), owner: str(a.owner), group: str(a.group) };
}

/**
 * Files, directories, links and removal. `changed` only when content (sha256) or metadata
 * differ, so a second run of the same runbook reports nothing changed.
 */
export const file: ModuleDef = {
  name: 'file',
  validate(check) {
    const a = mapping(check, KEYS);
    if (a.path === undefined && a.dest === undefined && a.destination === undefined)
      check.fail('needs path (or dest/destination)');
    oneOf(check, a, 'state', STATES);
    const state = stateOf(a);
    if (a.source !== undefined && a.content !== undefined) check.fail('takes source or content, not both', 'content');
    if (state === 'file' && a.source === undefined && a.content === undefined)
      check.fail('with state file needs source or content');
    if (state === 'link' && a.target === undefined)
      check.fail('with state link needs target (what the link points to)');
    if (a.mode !== undefined && !isTemplated(a.mode)) {
      try {
        parseMode(a.mode);
      } catch (error) {
        check.fail((error as Error).message, 'mode');
      }
    }
  },
  sources: (args) => {
    const a = args as Record<string, unknown>;
    return a.source !== undefined && !isTemplated(a.source) ? [String(a.source)] : [];
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const path = pathOf(a);
    const meta = metaOf(a);
    switch (stateOf(a)) {
      case 'file': {
        const content =
          a.source !== undefined ? ctx.readSource(String(a.source), 'file source') : Buffer.from(String(a.content));
        return ensureContent(ctx, path, content, meta);
      }
      case 'touch': {
        const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal, names: needsNames(meta) });
        if (!info.exists) return ensureContent(ctx, path, Buffer.alloc(0), meta);
        return metadataOnly(ctx, path, meta, info);
      }
      case 'directory':
        return directory(ctx, path, meta);
      case 'absent':
        return absent(ctx, path);
      default:
        return link(ctx, path, String(a.target), bool(a.force, false));
    }
  },
};

async function metadataOnly(
  ctx: ModuleContext,
  path: string,
  meta: Meta,
  info: Awaited<ReturnType<ModuleContext['conn']['stat']>>,
): Promise<ModuleResult> {
  const notes = metaChanges(info, meta);
  if (notes.length === 0) return { changed: false, path };
  if (!ctx.check) await applyMeta(ctx, path, meta, info);
  return { changed: true, path, msg: notes.join(', '), diff: `${notes.map((n) => `# ${path}: ${n}`).join('\n')}\n` };
}

async function directory(ctx: ModuleContext, path: string, meta: Meta): Promise<ModuleResult> {
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal, names: needsNames(meta) });
  if (info.exists && info.type !== 'directory')
    return { changed: false, failed: true, msg: `${path} exists and is a ${info.type}, not a directory` };
  if (info.exists) return metadataOnly(ctx, path, meta, info);
  if (!ctx.check) {
    // As Ansible does, directories created on the way get the same mode and owner.
    const missing = [path];
    for (let p = parentOf(path); p; p = parentOf(p)) {
      if ((await ctx.conn.stat(p, { become: ctx.become, signal: ctx.signal })).exists) break;
      missing.unshift(p);
    }
    try {
      for (const dir of missing) await ctx.conn.mkdir(dir, { ...meta, become: ctx.become, signal: ctx.signal });
    } catch (error) {
      return { changed: false, failed: true, msg: (error as Error).message };
    }
  }
  return { changed: true, path, msg: 'directory created', diff: `# ${path}: directory created\n` };
}

async function absent(ctx: ModuleContext, path: string): Promise<ModuleResult> {
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal });
  if (!info.exists) return { changed: false, path };
  // Never the removed content (a key, a credentials file): its size and checksum say what went.
  const diff =
    info.type === 'file'
      ? `# ${path}: file removed (${info.size ?? 0} bytes, sha256 ${info.sha256 ?? 'unknown'})\n`
      : `# ${path}: ${info.type} removed\n`;
  if (!ctx.check) {
    const r = await ctx.conn.run(`rm -rf -- ${quote(path)}`, { become: ctx.become, signal: ctx.signal });
    if (r.code !== 0) return { changed: false, failed: true, msg: `removing ${path} failed: ${r.stderr.trim()}` };
  }
  return { changed: true, path, msg: 'removed', diff };
}

async function link(ctx: ModuleContext, path: string, target: string, force: boolean): Promise<ModuleResult> {
  const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal });
  if (info.exists && info.type === 'link' && info.target === target) return { changed: false, path };
  if (info.exists && info.type !== 'link' && !force) {
    return {
      changed: false,
      failed: true,
      msg: `${path} exists and is a ${info.type}; set force: true to replace it with a link`,
    };
  }
  if (!ctx.check) {
    const rm = info.exists && info.type !== 'link' ? `rm -rf -- ${quote(path)} && ` : '';
    const r = await ctx.conn.run(`${rm}ln -sfn ${quote(target)} ${quote(path)}`, {
      become: ctx.become,
      signal: ctx.signal,
    });
    if (r.code !== 0) return { changed: false, failed: true, msg: `linking ${path} failed: ${r.stderr.trim()}` };
  }
  return {
    changed: true,
    path,
    msg: `link → ${target}`,
    diff: `# ${path}: link ${info.target ? `${info.target} → ` : ''}${target}\n`,
  };
}

function parentOf(path: string): string | undefined {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i > 0 ? trimmed.slice(0, i) : undefined;
}
