import { describe, expect, it } from 'vitest';
import { selectHosts } from '../../../actions/runbook/src/inventory';
import { parseIniInventory } from '../../../actions/runbook/src/inventory/ini';

const INI = `
solo ansible_host=10.0.0.9

[web]
web[01:03].example.com

[db]
db1
db2

[prod:children]
web
db
`;

describe('host patterns', () => {
  const inv = parseIniInventory(INI, 'hosts.ini');
  const names = (pattern: string) => selectHosts(inv, pattern).map((h) => h.name);

  it('takes Ansible ~regex patterns, matched from the start of host and group names', () => {
    expect(names('~web0[13]')).toEqual(['web01.example.com', 'web03.example.com']);
    expect(names('~db\\d')).toEqual(['db1', 'db2']);
    // A regex may hold a colon; it is one part of a colon pattern up to its end.
    expect(names('prod:!~web0(?:1|2)')).toEqual(['web03.example.com', 'db1', 'db2']);
    // With commas, parts split on commas only.
    expect(names('~web01,~db(2|9)')).toEqual(['web01.example.com', 'db2']);
    // Groups match too, as in Ansible: ~pro matches the prod group.
    expect(names('~pro')).toHaveLength(5);
  });

  it('refuses a bad regex, a pattern matching nothing and a selection left empty', () => {
    expect(() => names('~web[')).toThrow(/"~web\[" is not a valid regular expression/);
    expect(() => names('~cache')).toThrow('"~cache" matches no host or group in the inventory hosts.ini');
    expect(() => names('cache*')).toThrow('"cache*" matches no host or group');
    expect(() => names('web:&db')).toThrow('hosts: "web:&db" selects no host from the inventory hosts.ini (6 hosts)');
    expect(() => names('dbx')).toThrow('did you mean "db"?');
  });
});
