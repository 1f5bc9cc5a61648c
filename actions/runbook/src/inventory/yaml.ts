import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { ConfigurationError } from '../../../../shared/errors';
import { keyLoc, locOf, mapKeys, type SourceFile, valueNode } from '../runbook/load';
import { expandRange, type Inventory, InventoryBuilder } from './types';

/**
 * Ansible's YAML inventory layout:
 *   all: { vars: {…}, hosts: { web1: { ansible_host: … } }, children: { web: { hosts: … } } }
 * plus a shorthand for small fleets: `web: [10.0.0.1, 10.0.0.2]`.
 */
export function parseYamlInventory(source: SourceFile): Inventory {
  const builder = new InventoryBuilder(source.display);
  const root = source.doc.contents;
  if (!root) return builder.build();
  if (!isMap(root))
    throw new ConfigurationError(
      'An inventory must map group names to their hosts, vars and children',
      locOf(source, root),
    );
  for (const name of mapKeys(root)) readGroup(source, builder, name, valueNode(root, name), keyLoc(source, root, name));
  return builder.build();
}

function readGroup(
  source: SourceFile,
  builder: InventoryBuilder,
  group: string,
  node: Node | undefined,
  loc: ReturnType<typeof locOf>,
): void {
  builder.group(group);
  if (node === undefined || (isScalar(node) && node.value === null)) return;
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item))
        throw new ConfigurationError(`Group ${group}: list items must be host names`, locOf(source, item as Node));
      for (const h of expandRange(String(item.value))) builder.addHost(group, h);
    }
    return;
  }
  if (!isMap(node))
    throw new ConfigurationError(`Group ${group} must be a mapping (hosts, vars, children) or a list of hosts`, loc);
  for (const key of mapKeys(node)) {
    if (!['hosts', 'vars', 'children'].includes(key)) {
      throw new ConfigurationError(
        `Group ${group}: unknown key "${key}" (expected hosts, vars or children)`,
        keyLoc(source, node, key),
      );
    }
  }
  const hosts = valueNode(node, 'hosts');
  if (hosts && isMap(hosts)) {
    for (const h of mapKeys(hosts)) {
      const v = valueNode(hosts, h);
      const vars = v && isMap(v) ? (v.toJSON() as Record<string, unknown>) : {};
      if (v && !isMap(v) && !(isScalar(v) && v.value === null)) {
        throw new ConfigurationError(`Host ${h}: its value must be a mapping of host variables`, locOf(source, v));
      }
      for (const name of expandRange(h)) builder.addHost(group, name, vars);
    }
  } else if (hosts && isSeq(hosts)) {
    for (const item of hosts.items)
      for (const name of expandRange(String((item as { value?: unknown }).value))) builder.addHost(group, name);
  } else if (hosts && !(isScalar(hosts) && hosts.value === null)) {
    throw new ConfigurationError(`Group ${group}: hosts must be a mapping or a list`, locOf(source, hosts));
  }
  const vars = valueNode(node, 'vars');
  if (vars && isMap(vars)) builder.addGroupVars(group, vars.toJSON() as Record<string, unknown>);
  else if (vars && !(isScalar(vars) && vars.value === null))
    throw new ConfigurationError(`Group ${group}: vars must be a mapping`, locOf(source, vars));
  const children = valueNode(node, 'children');
  if (children && isMap(children)) {
    for (const child of mapKeys(children as YAMLMap)) {
      builder.addChild(group, child);
      readGroup(source, builder, child, valueNode(children, child), keyLoc(source, children, child));
    }
  }
}
