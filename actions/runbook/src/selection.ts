import * as core from '../../../shared/actions-core';
import { ConfigurationError } from '../../../shared/errors';
import { Summary } from '../../../shared/summary';
import { startAtFilter, taskListing } from './engine/start-at';
import { tagFilter } from './engine/tags';
import type { Options } from './inputs';
import { type Host, type Inventory, selectHosts } from './inventory';
import { Inputs } from './names';
import type { Runbook, Task } from './runbook/types';

/** `limit`: the runbook's hosts intersected with a host pattern, as Ansible's --limit. */
export function limitHosts(inventory: Inventory, hosts: Host[], limit: string | undefined): Host[] {
  if (!limit) return hosts;
  let allowed: Host[];
  try {
    allowed = selectHosts(inventory, limit);
  } catch (error) {
    if (error instanceof ConfigurationError)
      throw new ConfigurationError(`Input ${Inputs.limit}: ${error.message.replace(/^hosts: /, '')}`, {
        input: Inputs.limit,
      });
    throw error;
  }
  const names = new Set(allowed.map((h) => h.name));
  return hosts.filter((h) => names.has(h.name));
}

/** Which tasks run: tags/skip-tags, then start-at-task. */
export function taskSelection(runbook: Runbook, options: Options): (task: Task) => boolean {
  const tags = tagFilter(options.tags, options.skipTags);
  if (!options.startAtTask) return tags;
  const start = startAtFilter(runbook, options.startAtTask, Inputs.startAtTask);
  return (t) => tags(t) && start(t);
}

/** `list-hosts` / `list-tasks`: print what would run, in Ansible's layout, and say so in the summary. */
export function printListing(runbook: Runbook, hosts: Host[], selected: (t: Task) => boolean, options: Options): void {
  const lines: string[] = [`runbook: ${runbook.name}`];
  if (options.listHosts) {
    lines.push(`  hosts (${hosts.length}):`);
    for (const h of hosts) lines.push(`    ${h.name}${h.address !== h.name ? ` (${h.address})` : ''}`);
  }
  if (options.listTasks) {
    lines.push('  tasks:');
    for (const l of taskListing(runbook, selected)) lines.push(`  ${l}`);
  }
  for (const l of lines) core.info(l);
  new Summary().heading(`Runbook ${runbook.name}: listing only, nothing ran`, 2).code(lines.join('\n')).write();
}
