import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDirectory } from '../../actions/db2/src/ldap/directory';
import { IN_CI, onPath, runAction, service } from '../harness';
import { Db2Fixture, docker, dockerRc, unmasked } from './fixture';
import { type Slapd, SUFFIX, startSlapd } from './slapd';

/**
 * The ldap command against a real OpenLDAP slapd (started here on loopback, test/db2/slapd.ts) and
 * the stand-in Db2 image. The directory is asked first (bind with SEARCH_DN, test user, test group
 * by GROUP_LOOKUP_METHOD), so a wrong setting fails with the directory's answer before the instance
 * changes. IBM's keys and values:
 * https://www.ibm.com/docs/en/db2/11.5?topic=support-configuring-ldap-plug-in-modules
 * https://www.ibm.com/docs/en/db2/11.5?topic=support-considerations-group-lookup
 */
const f = new Db2Fixture();
const LONG = { timeout: 600_000 };
const hasSlapd = onPath('slapd') && onPath('ldapadd');
if (!hasSlapd && IN_CI) throw new Error('slapd and ldap-utils are required under CI=true');
let ldap: Slapd;
const INI = '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.ini';

function inputs(container: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    command: 'ldap',
    container,
    'ldap-host': `127.0.0.1:${ldap.ldapPort}`,
    'ldap-user-base-dn': `ou=Users,${SUFFIX}`,
    'ldap-group-base-dn': `ou=Groups,${SUFFIX}`,
    'ldap-search-dn': ldap.searchDn,
    'ldap-search-password': ldap.searchPassword,
    'ldap-test-user': 'alice',
    'ldap-test-group': 'db2users',
    ...extra,
  };
}

describe.skipIf(!service('dockerd').available || !hasSlapd)('db2 ldap (OpenLDAP slapd, stand-in Db2 image)', () => {
  beforeAll(async () => {
    f.setup();
    ldap = await startSlapd();
  });
  afterAll(async () => {
    f.cleanup();
    await ldap?.stop();
  });

  it('asks the directory first and fails with its answer, changing nothing', LONG, async () => {
    const db = await f.startOld();
    const cfgBefore = f.sql(db, 'db2 get dbm cfg');
    const cases: [Record<string, string>, RegExp][] = [
      [
        { 'ldap-search-password': 'not-the-password' },
        /LDAP bind to ldap:\/\/127\.0\.0\.1:\d+ as cn=ldapquery,dc=example,dc=org \(SEARCH_DN\) failed: InvalidCredentialsError.*\(LDAP result code 49\)/,
      ],
      [
        { 'ldap-test-user': 'nobody' },
        /LDAP test user: .* returned 0 entries for \(&\(objectClass=inetOrgPerson\)\(uid=nobody\)\) under ou=Users,dc=example,dc=org/,
      ],
      [
        { 'ldap-test-user': 'bob' },
        /LDAP test group: uid=bob,ou=Users,dc=example,dc=org is not in group cn=db2users by GROUP_LOOKUP_METHOD SEARCH_BY_DN \(uniqueMember\); the directory lists no groups/,
      ],
      [
        { 'ldap-user-base-dn': 'ou=Nobody,dc=example,dc=org' },
        /LDAP search of ou=Nobody,dc=example,dc=org .* failed: NoSuchObjectError.*\(LDAP result code 32\)/,
      ],
      [{ 'ldap-group-lookup-method': 'SEARCH_BY_GROUP' }, /ldap-group-lookup-method.*SEARCH_BY_DN.*USER_ATTRIBUTE/],
    ];
    for (const [extra, message] of cases) {
      const r = await runAction('db2', inputs(db, extra));
      expect(r.exitCode, JSON.stringify(extra)).toBe(1);
      expect(r.stdout).toMatch(message);
      expect(unmasked(r.stdout)).not.toContain(ldap.searchPassword);
    }
    expect(dockerRc('exec', db, 'test', '-e', INI).ok).toBe(false);
    expect(f.sql(db, 'db2 get dbm cfg')).toBe(cfgBefore);
  });

  it('a directory that accepts the connection and never answers is passed over like a refused one', LONG, async () => {
    // Accepts TCP and keeps the socket open without a byte of LDAP: a hung slapd, a firewall that
    // swallows the traffic, the wrong service on the port.
    const held: Socket[] = [];
    const hung: Server = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const port = (hung.address() as { port: number }).port;
    const check = (host: string) =>
      checkDirectory(
        {
          host,
          ssl: false,
          caPem: undefined,
          searchDn: ldap.searchDn,
          searchPassword: ldap.searchPassword,
          userBaseDn: `ou=Users,${SUFFIX}`,
          userObjectClass: 'inetOrgPerson',
          userIdAttribute: 'uid',
          groupBaseDn: `ou=Groups,${SUFFIX}`,
          groupObjectClass: 'groupOfUniqueNames',
          groupLookupAttribute: 'uniqueMember',
          groupLookupMethod: 'SEARCH_BY_DN',
          testUser: 'alice',
          testGroup: 'db2users',
        },
        // The action's per-request timeout (15 s by default), shorter here so the test waits less.
        3_000,
      );
    try {
      await expect(check(`127.0.0.1:${port}`)).rejects.toThrow(
        new RegExp(`No LDAP server of 127\\.0\\.0\\.1:${port} answered: ldap://127\\.0\\.0\\.1:${port}: .*timed out`),
      );
      // LDAP_HOST lists fallbacks: the silent one is skipped and the next one answers.
      const found = await check(`127.0.0.1:${port} 127.0.0.1:${ldap.ldapPort}`);
      expect(found.url).toBe(`ldap://127.0.0.1:${ldap.ldapPort}`);
      expect(found.groupDn).toBe(`cn=db2users,ou=Groups,${SUFFIX}`);
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it(
    'configures the plug-ins once the directory answered; a failed restart restores the previous settings',
    LONG,
    async () => {
      const db = await f.startOld();
      f.sql(db, 'db2 activate database testdb');
      f.sql(db, 'touch /tmp/standin-fail-next-start');
      const failed = await runAction('db2', inputs(db));
      expect(failed.exitCode).toBe(1);
      expect(failed.stdout).toMatch(/db2start failed.*The previous LDAP settings were restored/s);
      expect(dockerRc('exec', db, 'test', '-e', INI).ok).toBe(false);
      expect(f.sql(db, 'db2 get dbm cfg')).toMatch(/\(SRVCON_PW_PLUGIN\) = $/m);

      const r = await runAction('db2', inputs(db));
      expect(r.exitCode, r.stdout).toBe(0);
      const ini = docker('exec', db, 'cat', INI);
      expect(ini).toContain(`LDAP_HOST = 127.0.0.1:${ldap.ldapPort}`);
      expect(ini).toContain('GROUP_LOOKUP_METHOD = SEARCH_BY_DN');
      expect(ini).toContain(`SEARCH_PW = ${ldap.searchPassword}`);
      expect(docker('exec', db, 'stat', '-c', '%a', INI)).toBe('600');
      const cfg = f.sql(db, 'db2 get dbm cfg');
      expect(cfg).toMatch(/\(SRVCON_PW_PLUGIN\) = IBMLDAPauthserver/);
      expect(cfg).toMatch(/\(GROUP_PLUGIN\) = IBMLDAPgroups/);
      expect(f.sql(db, 'db2 list active databases')).toContain('TESTDB');
      expect(r.summary).toContain(`uid=alice,ou=Users,${SUFFIX} in cn=db2users,ou=Groups,${SUFFIX}`);
      expect(r.masks).toContain(ldap.searchPassword);
      expect(unmasked(r.stdout)).not.toContain(ldap.searchPassword);
      expect(r.summary).not.toContain(ldap.searchPassword);

      // USER_ATTRIBUTE: the user entry lists its groups (here seeAlso; memberOf on Active Directory).
      const byUser = await runAction(
        'db2',
        inputs(db, { 'ldap-group-lookup-method': 'USER_ATTRIBUTE', 'ldap-group-lookup-attribute': 'seeAlso' }),
      );
      expect(byUser.exitCode, byUser.stdout).toBe(0);
      expect(docker('exec', db, 'cat', INI)).toMatch(
        /GROUP_LOOKUP_METHOD = USER_ATTRIBUTE\nGROUP_LOOKUP_ATTRIBUTE = seeAlso\n/,
      );
    },
  );

  it(
    'TLS: ldaps is checked against the CA file, which goes into a GSKit key database; without it the handshake fails',
    LONG,
    async () => {
      const db = await f.startOld();
      const tls = { 'ldap-host': `127.0.0.1:${ldap.ldapsPort}`, 'ldap-ssl': 'true' };
      const untrusted = await runAction('db2', inputs(db, tls));
      expect(untrusted.exitCode).toBe(1);
      expect(untrusted.stdout).toMatch(
        /LDAP connection to ldaps:\/\/127\.0\.0\.1:\d+ failed: .*(self[- ]signed certificate|unable to (get local issuer|verify))/,
      );
      expect(dockerRc('exec', db, 'test', '-e', INI).ok).toBe(false);

      const r = await runAction('db2', inputs(db, { ...tls, 'ldap-ca-file': ldap.caFile }));
      expect(r.exitCode, r.stdout).toBe(0);
      const ini = docker('exec', db, 'cat', INI);
      expect(ini).toContain('ENABLE_SSL = TRUE');
      expect(ini).toContain('SECURITY_PROTOCOL = TLSV12');
      expect(ini).toContain('SSL_KEYFILE = /database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.kdb');
      const kdbPassword = /^SSL_PW = (\S+)$/m.exec(ini)?.[1] as string;
      expect(kdbPassword).toBeTruthy();
      expect(docker('exec', db, 'cat', '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.kdb')).toContain(
        'trusted: paved-ldap-ca',
      );
      expect(r.masks).toContain(kdbPassword);
      expect(unmasked(r.stdout)).not.toContain(kdbPassword);
      expect(r.summary).not.toContain(kdbPassword);
    },
  );
});
