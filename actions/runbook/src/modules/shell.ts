import { quote } from '../transport/posix';
import { mapping, stringMap } from './args';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = ['cmd', 'chdir', 'env', 'stdin', 'creates', 'removes', 'executable'] as const;

export interface CommandSpec {
  line: string;
  display: string;
  stdin?: string;
  creates?: string;
  removes?: string;
}

export function shellSpec(args: unknown): CommandSpec {
  const a: Record<string, unknown> = typeof args === 'string' ? { cmd: args } : (args as Record<string, unknown>);
  const cmd = String(a.cmd);
  const executable = String(a.executable ?? '/bin/sh');
  return {
    line: prefix(a) + `${quote(executable)} -c ${quote(cmd)}`,
    display: cmd,
    stdin: a.stdin === undefined ? undefined : String(a.stdin),
    creates: a.creates === undefined ? undefined : String(a.creates),
    removes: a.removes === undefined ? undefined : String(a.removes),
  };
}

/** `cd dir && env K=V …`: ssh does not carry environment (sshd's AcceptEnv), so we put it on the line. */
export function prefix(a: Record<string, unknown>): string {
  let out = '';
  if (a.chdir !== undefined) out += `cd ${quote(String(a.chdir))} && `;
  const env = (a.env ?? {}) as Record<string, unknown>;
  const pairs = Object.entries(env).map(([k, v]) => quote(`${k}=${v === null || v === undefined ? '' : String(v)}`));
  if (pairs.length) out += `env ${pairs.join(' ')} `;
  return out;
}

/** Runs a prepared command line, honouring creates/removes and check mode. Shared by shell and command. */
export async function runCommand(ctx: ModuleContext, spec: CommandSpec): Promise<ModuleResult> {
  const creates = spec.creates ?? ctx.task.creates;
  const removes = spec.removes ?? ctx.task.removes;
  if (creates !== undefined) {
    const info = await ctx.conn.stat(creates, { become: ctx.become, signal: ctx.signal });
    if (info.exists) return { changed: false, skipped: true, msg: `skipped: ${creates} exists` };
  }
  if (removes !== undefined) {
    const info = await ctx.conn.stat(removes, { become: ctx.become, signal: ctx.signal });
    if (!info.exists) return { changed: false, skipped: true, msg: `skipped: ${removes} does not exist` };
  }
  if (ctx.check) return { changed: true, wouldRun: spec.display, msg: `would run: ${spec.display}` };
  const r = await ctx.conn.run(spec.line, {
    stdin: spec.stdin,
    become: ctx.become,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
  });
  const result: ModuleResult = {
    changed: true,
    rc: r.code,
    stdout: r.stdout.replace(/\n$/, ''),
    stderr: r.stderr.replace(/\n$/, ''),
    stdout_lines: r.stdout.split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''),
  };
  if (r.code !== 0) {
    result.failed = true;
    const tail = (r.stderr.trim() || r.stdout.trim()).split('\n').slice(-5).join('\n');
    result.msg = `exit code ${r.code}${tail ? `: ${tail}` : ''}`;
  }
  return result;
}

export const shell: ModuleDef = {
  name: 'shell',
  validate(check) {
    if (typeof check.args === 'string') {
      if (check.args.trim() === '') check.fail('needs a command');
      return;
    }
    const map = mapping(check, KEYS, ['cmd']);
    stringMap(check, map, 'env');
  },
  run: (ctx) => runCommand(ctx, shellSpec(ctx.args)),
};
