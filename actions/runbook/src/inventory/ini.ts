import { ConfigurationError } from '../../../../shared/errors';
import { splitWords } from '../modules/command';
import { expandRange, type Inventory, InventoryBuilder } from './types';

/**
 * Ansible INI inventories, so existing ones work unchanged:
 *   host1 ansible_host=10.0.0.1     (before any section: ungrouped)
 *   [web]  web[01:03] ansible_user=deploy
 *   [web:vars]  http_port=80
 *   [prod:children]  web
 */
export function parseIniInventory(text: string, display: string): Inventory {
  const builder = new InventoryBuilder(display);
  let section = 'ungrouped';
  let kind: 'hosts' | 'vars' | 'children' = 'hosts';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const at = { file: display, line: index + 1, col: 1 };
    const header = /^\[([^\]:]+)(?::(vars|children))?\]\s*$/.exec(line);
    if (header) {
      section = header[1] as string;
      kind = (header[2] as 'vars' | 'children' | undefined) ?? 'hosts';
      builder.group(section);
      return;
    }
    if (line.startsWith('[')) throw new ConfigurationError(`Invalid section header "${line.trim()}"`, at);
    let words: string[];
    try {
      words = splitWords(line.replace(/\s+[#;].*$/, ''));
    } catch (error) {
      throw new ConfigurationError((error as Error).message, at);
    }
    if (kind === 'children') {
      builder.addChild(section, words[0] as string);
      return;
    }
    if (kind === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 1) throw new ConfigurationError(`Expected key=value in [${section}:vars], got "${line.trim()}"`, at);
      builder.addGroupVars(section, { [line.slice(0, eq).trim()]: literal(line.slice(eq + 1).trim()) });
      return;
    }
    const [name, ...pairs] = words;
    const vars: Record<string, unknown> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq < 1) throw new ConfigurationError(`Expected key=value after host ${name}, got "${pair}"`, at);
      vars[pair.slice(0, eq)] = literal(pair.slice(eq + 1));
    }
    for (const host of expandRange(name as string)) builder.addHost(section, host, vars);
  });
  return builder.build();
}

/** Ansible reads INI values as Python literals; numbers and booleans are what people mean. */
function literal(value: string): unknown {
  const unquoted = /^(['"])(.*)\1$/.exec(value);
  if (unquoted) return unquoted[2];
  if (/^-?\d+$/.test(value)) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value;
}
