import { ConfigurationError } from '../../../../shared/errors';
import { exec } from '../../../../shared/exec';
import { type Inventory, InventoryBuilder } from './types';

interface DynamicGroup {
  hosts?: string[];
  vars?: Record<string, unknown>;
  children?: string[];
}

/**
 * An executable inventory speaking Ansible's protocol: `--list` prints groups (and usually
 * `_meta.hostvars`); without `_meta`, `--host <name>` is asked per host.
 */
export async function runDynamicInventory(path: string, display: string, signal?: AbortSignal): Promise<Inventory> {
  const list = await invoke(path, ['--list'], display, signal);
  const builder = new InventoryBuilder(display);
  const meta = (list._meta as { hostvars?: Record<string, Record<string, unknown>> } | undefined)?.hostvars;
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(list)) {
    if (name === '_meta') continue;
    const group: DynamicGroup = Array.isArray(value) ? { hosts: value.map(String) } : ((value ?? {}) as DynamicGroup);
    builder.group(name);
    for (const h of group.hosts ?? []) {
      builder.addHost(name, h);
      seen.add(h);
    }
    if (group.vars) builder.addGroupVars(name, group.vars);
    for (const child of group.children ?? []) builder.addChild(name, child);
  }
  for (const h of seen) {
    const vars = meta ? meta[h] : await invoke(path, ['--host', h], display, signal);
    if (vars) builder.addHost('all', h, vars);
  }
  return builder.build();
}

async function invoke(
  path: string,
  args: string[],
  display: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const r = await exec(path, args, { quiet: true, ignoreReturnCode: true, timeoutMs: 120_000, signal });
  if (r.exitCode !== 0) {
    throw new ConfigurationError(
      `The dynamic inventory ${display} ${args.join(' ')} exited ${r.exitCode}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  try {
    const data = JSON.parse(r.stdout) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('not a JSON object');
    return data as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(
      `The dynamic inventory ${display} ${args.join(' ')} did not print a JSON object: ${(error as Error).message}`,
    );
  }
}
