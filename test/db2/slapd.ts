import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../harness';
import { freePort } from './fixture';

/**
 * A real OpenLDAP slapd for a test file: its own mkdtemp folder, a slapd.conf with the mdb backend
 * and Debian's schemas, a CA and a server certificate for 127.0.0.1 (openssl), plain LDAP and LDAPS
 * on free loopback ports, and a small tree loaded with ldapadd:
 *
 *   dc=example,dc=org
 *     cn=ldapquery          the search DN (password `searchPassword`)
 *     ou=Users: uid=alice (seeAlso → cn=db2users), uid=bob
 *     ou=Groups: cn=db2users (groupOfUniqueNames, uniqueMember alice)
 */
export interface Slapd {
  dir: string;
  ldapPort: number;
  ldapsPort: number;
  caFile: string;
  searchDn: string;
  searchPassword: string;
  stop(): Promise<void>;
}

export const SUFFIX = 'dc=example,dc=org';

function run(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function startSlapd(): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'paved-db2-slapd-'));
  const searchPassword = `search-${process.pid}-${Date.now().toString(36)}`;
  const adminPassword = `admin-${Date.now().toString(36)}`;
  // CA and server certificate (SAN IP:127.0.0.1) for LDAPS.
  const ssl = (...args: string[]) => run('openssl', args);
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=Paved test LDAP CA',
  );
  ssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'server.key'),
    '-out',
    join(dir, 'server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    join(dir, 'server.csr'),
    '-CA',
    join(dir, 'ca.pem'),
    '-CAkey',
    join(dir, 'ca.key'),
    '-CAcreateserial',
    '-out',
    join(dir, 'server.pem'),
    '-days',
    '2',
    '-extfile',
    join(dir, 'san.ext'),
  );
  mkdirSync(join(dir, 'db'));
  writeFileSync(
    join(dir, 'slapd.conf'),
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'include /etc/ldap/schema/nis.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `TLSCACertificateFile ${join(dir, 'ca.pem')}`,
      `TLSCertificateFile ${join(dir, 'server.pem')}`,
      `TLSCertificateKeyFile ${join(dir, 'server.key')}`,
      'database mdb',
      'maxsize 16777216',
      `suffix "${SUFFIX}"`,
      `rootdn "cn=admin,${SUFFIX}"`,
      `rootpw ${adminPassword}`,
      `directory ${join(dir, 'db')}`,
      'access to attrs=userPassword by anonymous auth by * none',
      `access to * by dn.exact="cn=ldapquery,${SUFFIX}" read by * none`,
      '',
    ].join('\n'),
  );
  const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(
    'slapd',
    ['-f', join(dir, 'slapd.conf'), '-h', `ldap://127.0.0.1:${ldapPort}/ ldaps://127.0.0.1:${ldapsPort}/`, '-d', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const url = `ldap://127.0.0.1:${ldapPort}`;
  try {
    await waitFor(
      `slapd on ${url}`,
      () => {
        if (child.exitCode !== null) throw new Error(`slapd exited ${child.exitCode}: ${stderr}`);
        try {
          run('ldapsearch', [
            '-x',
            '-H',
            url,
            '-D',
            `cn=admin,${SUFFIX}`,
            '-w',
            adminPassword,
            '-s',
            'base',
            '-b',
            '',
            'namingContexts',
          ]);
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    const user = (uid: string, extra = '') =>
      `dn: uid=${uid},ou=Users,${SUFFIX}\nobjectClass: inetOrgPerson\nuid: ${uid}\ncn: ${uid}\nsn: ${uid}\nuserPassword: ${uid}-pw\n${extra}`;
    const tree = [
      `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n`,
      `dn: cn=ldapquery,${SUFFIX}\nobjectClass: simpleSecurityObject\nobjectClass: organizationalRole\ncn: ldapquery\nuserPassword: ${searchPassword}\n`,
      `dn: ou=Users,${SUFFIX}\nobjectClass: organizationalUnit\nou: Users\n`,
      `dn: ou=Groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: Groups\n`,
      user('alice', `seeAlso: cn=db2users,ou=Groups,${SUFFIX}\n`),
      user('bob'),
      `dn: cn=db2users,ou=Groups,${SUFFIX}\nobjectClass: groupOfUniqueNames\ncn: db2users\nuniqueMember: uid=alice,ou=Users,${SUFFIX}\n`,
    ].join('\n');
    run('ldapadd', ['-x', '-H', url, '-D', `cn=admin,${SUFFIX}`, '-w', adminPassword], tree);
  } catch (error) {
    // A slapd that did not come up (or a tree it refused) leaves nothing behind.
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    ldapPort,
    ldapsPort,
    caFile: join(dir, 'ca.pem'),
    searchDn: `cn=ldapquery,${SUFFIX}`,
    searchPassword,
    /** SIGTERM, then the folder once slapd has exited (it writes its database on the way out). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
