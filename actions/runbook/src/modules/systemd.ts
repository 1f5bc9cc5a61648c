import { quote } from '../transport/posix';
import { bool, mapping, oneOf, stringList, stringMap } from './args';
import { ensureContent } from './files';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = [
  'name',
  'description',
  'user',
  'group',
  'exec',
  'working_directory',
  'environment',
  'type',
  'restart',
  'after',
  'wanted_by',
  'service_extra',
  'unit',
  'enabled',
  'state',
  'daemon_reload',
  'unit_dir',
  'systemctl',
] as const;
const STATES = ['started', 'stopped', 'restarted', 'reloaded'] as const;

/** The unit file text for the structured form (the paper's systemd-helper/create). */
export function renderUnit(a: Record<string, unknown>): string {
  const lines = ['[Unit]', `Description=${a.description ?? a.name}`];
  for (const after of list(a.after ?? 'network.target')) lines.push(`After=${after}`);
  lines.push('', '[Service]', `Type=${a.type ?? 'simple'}`);
  if (a.user !== undefined) lines.push(`User=${a.user}`);
  if (a.group !== undefined) lines.push(`Group=${a.group}`);
  if (a.working_directory !== undefined) lines.push(`WorkingDirectory=${a.working_directory}`);
  for (const [k, v] of Object.entries((a.environment ?? {}) as Record<string, unknown>)) {
    lines.push(`Environment=${JSON.stringify(`${k}=${v}`)}`);
  }
  lines.push(`ExecStart=${a.exec}`, `Restart=${a.restart ?? 'on-failure'}`);
  for (const extra of list(a.service_extra)) lines.push(extra);
  lines.push('', '[Install]', `WantedBy=${a.wanted_by ?? 'multi-user.target'}`, '');
  return lines.join('\n');
}

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/**
 * Writes the unit (only when it differs), daemon-reloads after a change, then converges
 * enabled/state by asking systemctl first, so `changed` means something really changed.
 * `systemctl` is looked up on the target's PATH unless the task names one.
 */
export const systemd: ModuleDef = {
  name: 'systemd',
  validate(check) {
    const a = mapping(check, KEYS, ['name']);
    oneOf(check, a, 'state', STATES);
    stringMap(check, a, 'environment');
    stringList(check, a, 'service_extra');
    if (a.unit !== undefined && a.exec !== undefined)
      check.fail('takes either unit (the whole file) or exec (and friends), not both', 'unit');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const name = String(a.name).replace(/\.service$/, '');
    const unitName = `${name}.service`;
    const systemctl = String(a.systemctl ?? 'systemctl');
    const sc = (args: string) => `${quote(systemctl)} ${args}`;
    const actions: string[] = [];
    let diff = '';
    let unitChanged = false;

    if (a.unit !== undefined || a.exec !== undefined) {
      const text = a.unit !== undefined ? String(a.unit).replace(/\n?$/, '\n') : renderUnit(a);
      const path = `${String(a.unit_dir ?? '/etc/systemd/system').replace(/\/$/, '')}/${unitName}`;
      const written = await ensureContent(ctx, path, Buffer.from(text), { mode: 0o644 });
      if (written.failed) return written;
      unitChanged = written.changed;
      diff = written.diff ?? '';
      if (unitChanged) actions.push(`wrote ${path}`);
    }
    const query = async (args: string) =>
      (await ctx.conn.run(sc(args), { become: ctx.become, signal: ctx.signal })).stdout.trim();
    const act = async (args: string): Promise<ModuleResult | undefined> => {
      actions.push(`systemctl ${args}`);
      if (ctx.check) return undefined;
      const r = await ctx.conn.run(sc(args), { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs });
      if (r.code === 0) return undefined;
      return {
        changed: actions.length > 1,
        failed: true,
        msg: `systemctl ${args} failed (exit ${r.code}): ${(r.stderr || r.stdout).trim()}`,
        actions,
        diff,
      };
    };

    if (unitChanged || bool(a.daemon_reload, false)) {
      const failed = await act('daemon-reload');
      if (failed) return failed;
    }
    if (a.enabled !== undefined) {
      const want = bool(a.enabled, true);
      const now = (await query(`is-enabled ${quote(unitName)}`)) === 'enabled';
      if (want !== now) {
        const failed = await act(`${want ? 'enable' : 'disable'} ${quote(unitName)}`);
        if (failed) return failed;
      }
    }
    if (a.state !== undefined) {
      const state = String(a.state);
      const active = (await query(`is-active ${quote(unitName)}`)) === 'active';
      let verb: string | undefined;
      if (state === 'started') verb = !active ? 'start' : unitChanged ? 'restart' : undefined;
      else if (state === 'stopped') verb = active ? 'stop' : undefined;
      else if (state === 'restarted') verb = 'restart';
      else verb = active ? 'reload' : 'start';
      if (verb) {
        const failed = await act(`${verb} ${quote(unitName)}`);
        if (failed) return failed;
      }
    }
    return {
      changed: actions.length > 0,
      actions,
      diff,
      msg: actions.length ? actions.join('; ') : 'unit, enablement and state already as wanted',
    };
  },
};

export type { ModuleContext };
