import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory, selectHosts, shardHosts } from '../../../actions/runbook/src/inventory';
import { parseIniInventory } from '../../../actions/runbook/src/inventory/ini';
import { cleanup, workspace } from '../helpers';

const INI = `
# Ansible INI, unchanged
solo ansible_host=10.0.0.9

[web]
web[01:03].example.com ansible_user=deploy http_port=8080

[db]
db1 ansible_host=10.0.1.1 ansible_port=2200 role='primary db'

[prod:children]
web
db

[prod:vars]
stage=prod
http_port=80

[web:vars]
http_port=8081
`;

describe('inventories', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'inv.yml':
        'all:\n  vars: { stage: dev }\n  children:\n    web:\n      hosts:\n        w1: { ansible_host: 10.1.0.1, ansible_port: 2222 }\n        w2:\n      vars: { stage: web }\n    db: [d1, d2]\n',
      'dyn.sh': `#!/bin/sh\nif [ "$1" = "--list" ]; then echo '{"app": {"hosts": ["a1", "a2"], "vars": {"tier": "app"}}, "edge": ["e1"], "_meta": {"hostvars": {"a1": {"ansible_host": "10.2.0.1"}, "e1": {"ansible_host": "10.3.0.1"}}}}'; fi\n`,
      'nometa.sh': `#!/bin/sh\ncase "$1" in --list) echo '{"g": ["x1"]}';; --host) echo "{\\"ansible_host\\": \\"192.0.2.$(echo $2 | tr -dc 0-9)\\"}";; esac\n`,
      'broken.sh': '#!/bin/sh\necho not json\n',
    });
  });
  afterAll(() => cleanup(dir));

  it('reads Ansible INI with ranges, children and var precedence', () => {
    const inv = parseIniInventory(INI, 'hosts.ini');
    expect([...inv.hosts.keys()]).toEqual([
      'solo',
      'web01.example.com',
      'web02.example.com',
      'web03.example.com',
      'db1',
    ]);
    const web2 = inv.hosts.get('web02.example.com')!;
    expect(web2.user).toBe('deploy');
    // host var > child group (web) > parent group (prod)
    expect(web2.vars.http_port).toBe(8080);
    expect(inv.hosts.get('db1')).toMatchObject({
      address: '10.0.1.1',
      port: 2200,
      vars: { stage: 'prod', role: 'primary db', http_port: 80 },
    });
    expect(inv.groups.get('prod')).toEqual(['web01.example.com', 'web02.example.com', 'web03.example.com', 'db1']);
    expect(inv.groups.get('ungrouped')).toEqual(['solo']);
    expect(inv.hosts.get('solo')?.address).toBe('10.0.0.9');
  });

  it('reads the YAML layout and the list shorthand', async () => {
    const inv = await loadInventory('inv.yml', dir);
    expect(inv.hosts.get('w1')).toMatchObject({ address: '10.1.0.1', port: 2222, vars: { stage: 'web' } });
    expect(inv.hosts.get('d1')?.vars.stage).toBe('dev');
    expect(selectHosts(inv, 'all:!db').map((h) => h.name)).toEqual(['w1', 'w2']);
  });

  it('runs dynamic inventories (with and without _meta)', async () => {
    const inv = await loadInventory('dyn.sh', dir);
    expect(inv.hosts.get('a1')).toMatchObject({ address: '10.2.0.1', vars: { tier: 'app' } });
    expect(selectHosts(inv, 'edge').map((h) => h.address)).toEqual(['10.3.0.1']);
    const nometa = await loadInventory('nometa.sh', dir);
    expect(nometa.hosts.get('x1')?.address).toBe('192.0.2.1');
    await expect(loadInventory('broken.sh', dir)).rejects.toThrow('did not print a JSON object');
  });

  it('selects by patterns and refuses unknown names with a suggestion', () => {
    const inv = parseIniInventory(INI, 'hosts.ini');
    expect(selectHosts(inv, 'web:&prod:!web02.example.com').map((h) => h.name)).toEqual([
      'web01.example.com',
      'web03.example.com',
    ]);
    expect(selectHosts(inv, 'web0*').length).toBe(3);
    expect(selectHosts(inv, 'db,solo').map((h) => h.name)).toEqual(['solo', 'db1']);
    expect(() => selectHosts(inv, 'wbe')).toThrow('did you mean "web"?');
  });

  it('shards deterministically and completely', () => {
    const inv = parseIniInventory('[g]\nh[1:10]\n', 'x');
    const all = selectHosts(inv, 'g');
    const shards = [1, 2, 3].map((i) => shardHosts(all, { index: i, count: 3 }).map((h) => h.name));
    expect(shards.flat().sort()).toEqual(all.map((h) => h.name).sort());
    expect(shards[0]).toEqual(['h1', 'h4', 'h7', 'h10']);
    expect(shardHosts([...all].reverse(), { index: 1, count: 3 }).map((h) => h.name)).toEqual(shards[0]);
  });

  it('takes a comma list of hosts', async () => {
    const inv = await loadInventory('root@10.0.0.1:2222,10.0.0.2', dir);
    expect(inv.hosts.get('10.0.0.1')).toMatchObject({ user: 'root', port: 2222 });
    expect(inv.hosts.has('10.0.0.2')).toBe(true);
    writeFileSync(join(dir, 'x'), '');
  });
});
