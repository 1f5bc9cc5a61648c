import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ConfigurationError } from '../../../../shared/errors';
import { closest } from '../../../../shared/suggest';
import { displayPath, parseYamlText } from '../runbook/load';
import type { Loc } from '../runbook/types';
import { runDynamicInventory } from './dynamic';
import { parseIniInventory } from './ini';
import { type Host, type Inventory, InventoryBuilder, toHost } from './types';
import { parseYamlInventory } from './yaml';

export type { Host, Inventory };

/** Reads the `inventory` input: a file (YAML, INI), an executable, or "host1,host2". Empty: the runner itself. */
export async function loadInventory(input: string, workspace: string, signal?: AbortSignal): Promise<Inventory> {
  if (input === '') {
    const builder = new InventoryBuilder('(runner)');
    builder.addHost('all', 'localhost', { ansible_connection: 'local' });
    return builder.build();
  }
  const path = resolve(workspace, input);
  if (!existsSync(path)) {
    if (input.includes(',') || !/[/\\]|\.(ya?ml|ini|json|cfg)$/i.test(input)) return commaList(input);
    throw new ConfigurationError(`The inventory ${input} does not exist`, { input: 'inventory' });
  }
  const display = displayPath(path, workspace);
  const stat = statSync(path);
  if (stat.isDirectory())
    throw new ConfigurationError(`The inventory ${display} is a directory; name a file`, { input: 'inventory' });
  const ext = extname(path).toLowerCase();
  if ((stat.mode & 0o111) !== 0 && !['.yml', '.yaml', '.json', '.ini'].includes(ext)) {
    return runDynamicInventory(path, display, signal);
  }
  const text = readFileSync(path, 'utf8');
  if (['.yml', '.yaml', '.json'].includes(ext) || (ext !== '.ini' && looksLikeYaml(text))) {
    return parseYamlInventory(parseYamlText(text, path, workspace));
  }
  return parseIniInventory(text, display);
}

function looksLikeYaml(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() && !/^\s*[#;]/.test(l)) ?? '';
  return !first.trim().startsWith('[') && /^[\w.-]+\s*:(\s|$)/.test(first.trim());
}

function commaList(input: string): Inventory {
  const builder = new InventoryBuilder('(list)');
  for (const item of input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(item);
    const vars: Record<string, unknown> = {};
    if (m?.[1]) vars.ansible_user = m[1];
    if (m?.[3]) vars.ansible_port = Number(m[3]);
    builder.addHost('ungrouped', (m?.[2] ?? item).replace(/^\[|\]$/g, ''), vars);
  }
  return builder.build();
}

/**
 * Ansible host patterns: `all`, groups, hosts, globs (`web*`), regexes (`~web\d+`), unions
 * (`web:db` or `web,db`), intersections (`web:&prod`) and exclusions (`all:!canary`). A name that
 * is neither a group nor a host, a glob or regex matching nothing, or a pattern that keeps no host
 * of a non-empty inventory is an error (with a suggestion), not an empty run.
 */
export function selectHosts(inventory: Inventory, pattern: string, loc?: Loc): Host[] {
  const selected = new Set<string>();
  const names = [...inventory.hosts.keys()];
  const where = loc ?? { input: 'inventory' };
  const parts = splitPattern(pattern);
  const matching = (re: RegExp, part: string): string[] => {
    const groupsMatched = [...inventory.groups.keys()]
      .filter((g) => re.test(g))
      .flatMap((g) => inventory.groups.get(g) ?? []);
    const found = [...new Set([...names.filter((n) => re.test(n)), ...groupsMatched])];
    if (found.length === 0)
      throw new ConfigurationError(
        `hosts: "${part}" matches no host or group in the inventory ${inventory.source}`,
        where,
      );
    return found;
  };
  const resolvePart = (part: string): string[] => {
    if (part === 'all' || part === '*') return names;
    const group = inventory.groups.get(part);
    if (group) return group;
    if (inventory.hosts.has(part)) return [part];
    // Ansible's regex pattern: `~web\d+` matches host and group names from their start.
    if (part.startsWith('~')) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${part.slice(1)})`);
      } catch (error) {
        throw new ConfigurationError(
          `hosts: "${part}" is not a valid regular expression (${(error as Error).message})`,
          where,
        );
      }
      return matching(re, part);
    }
    if (/[*?]/.test(part)) {
      const re = new RegExp(
        `^${part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
      return matching(re, part);
    }
    const candidates = [...inventory.groups.keys(), ...names];
    const guess = closest(part, candidates);
    throw new ConfigurationError(
      `hosts: "${part}" is neither a group nor a host in the inventory ${inventory.source}${guess ? `; did you mean "${guess}"?` : ''} (groups: ${[...inventory.groups.keys()].filter((g) => g !== 'ungrouped').join(', ')})`,
      where,
    );
  };
  for (const part of parts) {
    if (part.startsWith('!')) {
      for (const h of resolvePart(part.slice(1))) selected.delete(h);
    } else if (part.startsWith('&')) {
      const keep = new Set(resolvePart(part.slice(1)));
      for (const h of [...selected]) if (!keep.has(h)) selected.delete(h);
    } else {
      for (const h of resolvePart(part)) selected.add(h);
    }
  }
  // Hosts were expected: an inventory with hosts and a pattern that keeps none is a mistake
  // (a typo in an intersection, an exclusion too wide), not a successful run that did nothing.
  if (selected.size === 0 && names.length > 0)
    throw new ConfigurationError(
      `hosts: "${pattern}" selects no host from the inventory ${inventory.source} (${names.length} host${names.length === 1 ? '' : 's'})`,
      where,
    );
  return names.filter((n) => selected.has(n)).map((n) => inventory.hosts.get(n) as Host);
}

/**
 * Splits a host pattern as Ansible does: on commas when there are any, else on colons; a `~regex`
 * part runs to the next comma (or the end), so a regex may hold a colon.
 */
function splitPattern(pattern: string): string[] {
  const pieces = pattern.includes(',') ? pattern.split(',') : splitColons(pattern);
  return pieces.map((p) => p.trim()).filter(Boolean);
}

function splitColons(pattern: string): string[] {
  const out: string[] = [];
  let rest = pattern;
  while (rest) {
    if (/^[!&]?~/.test(rest)) {
      out.push(rest);
      break;
    }
    const at = rest.indexOf(':');
    if (at === -1) {
      out.push(rest);
      break;
    }
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return out;
}

/** `i/n`: hosts sorted by name, dealt round-robin; shard i (1-based) keeps every n-th. */
export function shardHosts(hosts: Host[], shard: { index: number; count: number } | undefined): Host[] {
  if (!shard) return hosts;
  return [...hosts]
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
    .filter((_, i) => i % shard.count === shard.index - 1);
}

export { toHost };
