import type { ModuleContext, ModuleResult } from './types';

/**
 * Runs planned shell steps in order (or, in check mode, only shows them): the common tail of
 * modules that decide what to change by reading state first (user, group, cron, sysctl, package).
 */
export async function applySteps(ctx: ModuleContext, steps: string[], msg: string): Promise<ModuleResult> {
  if (steps.length === 0) return { changed: false };
  const diff = `${steps.map((s) => `# ${s}`).join('\n')}\n`;
  if (ctx.check) return { changed: true, msg, diff };
  for (const step of steps) {
    const r = await ctx.conn.run(step, { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs });
    if (r.code !== 0)
      return {
        changed: true,
        failed: true,
        rc: r.code,
        stderr: r.stderr,
        msg: `${step.split(' ')[0]} failed: ${r.stderr.trim() || r.stdout.trim()}`,
        diff,
      };
  }
  return { changed: true, msg, diff };
}

/** Runs a read-only probe; its output, or undefined when it exits non-zero. */
export async function probe(ctx: ModuleContext, command: string): Promise<string | undefined> {
  const r = await ctx.conn.run(command, { become: ctx.become, signal: ctx.signal });
  return r.code === 0 ? r.stdout : undefined;
}

export function listOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.map((v) => String(v).trim()).filter(Boolean);
}
