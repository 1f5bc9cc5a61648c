/** A host as the engine sees it, with its variables already merged (all < parent group < child group < host). */
export interface Host {
  name: string;
  address: string;
  port?: number;
  user?: string;
  connection: 'ssh' | 'local';
  privateKeyFile?: string;
  groups: string[];
  vars: Record<string, unknown>;
}

export interface Inventory {
  /** Where it came from, for messages. */
  source: string;
  hosts: Map<string, Host>;
  /** Group name → every host in it, children included. */
  groups: Map<string, string[]>;
}

interface RawGroup {
  hosts: Set<string>;
  vars: Record<string, unknown>;
  children: Set<string>;
}

/**
 * Collects groups, hosts and vars from any inventory format, then resolves children and
 * variable precedence once. Every format (YAML, INI, dynamic JSON) feeds this builder, so they
 * behave the same.
 */
export class InventoryBuilder {
  private readonly groups = new Map<string, RawGroup>();
  private readonly hostVars = new Map<string, Record<string, unknown>>();

  constructor(private readonly source: string) {
    this.group('all');
    this.group('ungrouped');
  }

  group(name: string): RawGroup {
    let g = this.groups.get(name);
    if (!g) {
      g = { hosts: new Set(), vars: {}, children: new Set() };
      this.groups.set(name, g);
    }
    return g;
  }

  addHost(group: string, name: string, vars: Record<string, unknown> = {}): void {
    this.group(group).hosts.add(name);
    this.hostVars.set(name, { ...this.hostVars.get(name), ...vars });
  }

  addGroupVars(group: string, vars: Record<string, unknown>): void {
    Object.assign(this.group(group).vars, vars);
  }

  addChild(parent: string, child: string): void {
    this.group(parent).children.add(child);
    this.group(child);
  }

  build(): Inventory {
    const members = new Map<string, string[]>();
    const resolving = new Set<string>();
    const resolve = (name: string): string[] => {
      const cached = members.get(name);
      if (cached) return cached;
      if (resolving.has(name)) throw new Error(`group ${name} is its own child`);
      resolving.add(name);
      const g = this.groups.get(name) as RawGroup;
      const set = new Set(g.hosts);
      for (const child of g.children) for (const h of resolve(child)) set.add(h);
      resolving.delete(name);
      const list = [...set];
      members.set(name, list);
      return list;
    };
    for (const name of this.groups.keys()) resolve(name);
    // Hosts in no group but "all" are "ungrouped", as in Ansible.
    const grouped = new Set<string>();
    for (const [name, list] of members)
      if (name !== 'all' && name !== 'ungrouped') for (const h of list) grouped.add(h);
    const ungrouped = new Set(members.get('ungrouped'));
    for (const h of this.hostVars.keys()) if (!grouped.has(h)) ungrouped.add(h);
    members.set('ungrouped', [...ungrouped]);
    members.set('all', [...this.hostVars.keys()]);

    const depth = new Map<string, number>();
    const walk = (name: string, d: number) => {
      if ((depth.get(name) ?? -1) >= d) return;
      depth.set(name, d);
      for (const child of this.groups.get(name)?.children ?? []) walk(child, d + 1);
    };
    walk('all', 0);
    for (const name of this.groups.keys()) if (!depth.has(name)) walk(name, 1);

    const hosts = new Map<string, Host>();
    for (const [name, own] of this.hostVars) {
      const groups = [...members].filter(([, list]) => list.includes(name)).map(([g]) => g);
      const ordered = [...groups].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || a.localeCompare(b));
      const vars: Record<string, unknown> = {};
      for (const g of ordered) Object.assign(vars, this.groups.get(g)?.vars);
      Object.assign(vars, own);
      hosts.set(
        name,
        toHost(
          name,
          vars,
          groups.filter((g) => g !== 'all'),
        ),
      );
    }
    return { source: this.source, hosts, groups: members };
  }
}

function first(vars: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) if (vars[k] !== undefined && vars[k] !== null && vars[k] !== '') return String(vars[k]);
  return undefined;
}

export function toHost(name: string, vars: Record<string, unknown>, groups: string[]): Host {
  const port = first(vars, 'ansible_port', 'ansible_ssh_port', 'port');
  const connection = first(vars, 'ansible_connection', 'connection');
  return {
    name,
    address: first(vars, 'ansible_host', 'ansible_ssh_host', 'address') ?? name,
    port: port === undefined ? undefined : Number(port),
    user: first(vars, 'ansible_user', 'ansible_ssh_user', 'user'),
    connection:
      connection === 'local' ||
      (connection === undefined && (name === 'localhost' || name === 'local') && !vars.ansible_host)
        ? 'local'
        : 'ssh',
    privateKeyFile: first(vars, 'ansible_ssh_private_key_file', 'ansible_private_key_file', 'ssh_key_file'),
    groups,
    vars,
  };
}

/** `web[01:03].example.com` → web01…web03, `db-[a:c]` → db-a…db-c (Ansible host ranges). */
export function expandRange(pattern: string): string[] {
  const m = /^(.*?)\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::(\d+))?\](.*)$/.exec(pattern);
  if (!m) return [pattern];
  const [, pre, from, to, stepText, post] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const step = Number(stepText ?? 1);
  const out: string[] = [];
  if (/^\d+$/.test(from)) {
    const width = from.startsWith('0') ? from.length : 0;
    for (let i = Number(from); i <= Number(to); i += step) out.push(`${pre}${String(i).padStart(width, '0')}`);
  } else {
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c += step) out.push(`${pre}${String.fromCharCode(c)}`);
  }
  return out.flatMap((h) => expandRange(`${h}${post}`));
}
