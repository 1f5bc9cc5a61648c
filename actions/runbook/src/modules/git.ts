import { quote } from '../transport/posix';
import { bool, mapping } from './args';
import type { ModuleContext, ModuleDef } from './types';

const KEYS = ['repo', 'dest', 'version', 'force', 'depth', 'update', 'clone'] as const;

/**
 * Ansible's git: clones `repo` into `dest` and checks out `version` (branch, tag or commit;
 * default the remote HEAD). `before`/`after` are the commits; changed only when they differ.
 * Local modifications make it fail unless `force: true` (then they are discarded).
 */
export const git: ModuleDef = {
  name: 'git',
  validate(check) {
    const a = mapping(check, KEYS, ['repo', 'dest']);
    if (a.depth !== undefined && !/^\d+$|\$\{/.test(String(a.depth))) check.fail('depth must be a number', 'depth');
    if (a.version !== undefined && /^-|\s/.test(String(a.version)))
      check.fail(`version "${a.version}" is not a branch, tag or commit`, 'version');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const repo = String(a.repo);
    const dest = String(a.dest);
    const version = a.version === undefined ? 'HEAD' : String(a.version);
    const g = `git -C ${quote(dest)}`;
    const run = (cmd: string) =>
      ctx.conn.run(cmd, { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs });
    const remote = async (): Promise<string | undefined> => {
      if (/^[0-9a-f]{40}$/.test(version)) return version;
      const r = await run(`git ls-remote ${quote(repo)} ${quote(version)} ${quote(`${version}^{}`)}`);
      const lines = r.stdout.trim().split('\n').filter(Boolean);
      return (lines.find((l) => l.endsWith('^{}')) ?? lines[0])?.split(/\s/)[0];
    };
    const exists = (await ctx.conn.stat(`${dest}/.git`, { become: ctx.become, signal: ctx.signal })).exists;
    if (!exists) {
      if (!bool(a.clone, true)) return { changed: false, msg: `${dest} is not a clone and clone is false` };
      const after = await remote();
      if (ctx.check)
        return { changed: true, before: null, after: after ?? null, diff: `# ${dest}: clone ${repo} at ${version}\n` };
      const depth = a.depth === undefined ? '' : `--depth ${Number(a.depth)} `;
      const branch = version !== 'HEAD' && !/^[0-9a-f]{40}$/.test(version) ? `--branch ${quote(version)} ` : '';
      let r = await run(`git clone -q ${depth}${branch}${quote(repo)} ${quote(dest)}`);
      if (r.code === 0 && /^[0-9a-f]{40}$/.test(version)) r = await run(`${g} checkout -q --detach ${version}`);
      if (r.code !== 0) return { changed: false, failed: true, msg: `git clone failed: ${r.stderr.trim()}` };
      return {
        changed: true,
        before: null,
        after: await head(ctx, g),
        diff: `# ${dest}: cloned ${repo} at ${version}\n`,
      };
    }
    const before = await head(ctx, g);
    if (!bool(a.update, true)) return { changed: false, before, after: before };
    const dirty = (await run(`${g} status --porcelain --untracked-files=no`)).stdout.trim();
    if (dirty && !bool(a.force, false))
      return {
        changed: false,
        failed: true,
        before,
        msg: `Local modifications exist in ${dest} (set force: true to discard them):\n${dirty}`,
      };
    const target = await remote();
    if (!target) return { changed: false, failed: true, before, msg: `version ${version} not found in ${repo}` };
    if (target === before && !dirty) return { changed: false, before, after: before };
    if (ctx.check) return { changed: true, before, after: target, diff: `# ${dest}: ${before} → ${target}\n` };
    const steps = [
      dirty ? `${g} reset -q --hard` : '',
      `${g} fetch -q --tags ${quote(repo)} ${version === 'HEAD' ? '' : quote(version)}`.trim(),
      `${g} checkout -q --force --detach ${target}`,
    ].filter(Boolean);
    for (const step of steps) {
      const r = await run(step);
      if (r.code !== 0) return { changed: false, failed: true, before, msg: `${step} failed: ${r.stderr.trim()}` };
    }
    const after = await head(ctx, g);
    return { changed: after !== before, before, after, diff: `# ${dest}: ${before} → ${after}\n` };
  },
};

async function head(ctx: ModuleContext, g: string): Promise<string> {
  const r = await ctx.conn.run(`${g} rev-parse HEAD`, { become: ctx.become, signal: ctx.signal });
  return r.stdout.trim();
}
