import { randomBytes } from 'node:crypto';
import { OperationError } from '../../../../shared/errors';
import { registerSecret } from '../../../../shared/secrets';
import type { Summary } from '../../../../shared/summary';
import { cfgValue } from '../db2/clp-output';
import type { Db2Instance } from '../db2/instance';
import { waitReady } from '../db2/readiness';
import type { LdapOptions } from '../inputs';
import { checkDirectory } from '../ldap/directory';
import type { Steps } from '../steps';
import { inspectTarget, resolveDatabases } from './target';

/**
 * Recipe #4: the IBM LDAP security plugins. The ini file goes into sqllib/cfg through stdin (the
 * search password never appears in a command line), the dbm cfg points at the plugins, and the
 * instance restarts to load them. Any failure restores the previous ini and dbm cfg.
 */
export function renderLdapIni(
  o: Omit<LdapOptions, 'command' | 'container' | 'readinessTimeoutMs' | 'testUser' | 'testGroup' | 'caFile' | 'caPem'>,
  keyfile?: { path: string; password: string },
): string {
  const lines = [
    '; IBMLDAPSecurity.ini, written by the Paved db2 action (ldap command). Edits here are replaced on the next run.',
    '; https://www.ibm.com/docs/en/db2/11.5?topic=support-configuring-ldap-plug-in-modules',
    `LDAP_HOST = ${o.host}`,
    `USER_OBJECTCLASS = ${o.userObjectClass}`,
    `USER_BASEDN = ${o.userBaseDn}`,
    `USERID_ATTRIBUTE = ${o.userIdAttribute}`,
    `AUTHID_ATTRIBUTE = ${o.userIdAttribute}`,
    `GROUP_OBJECTCLASS = ${o.groupObjectClass}`,
    `GROUP_BASEDN = ${o.groupBaseDn}`,
    'GROUPNAME_ATTRIBUTE = cn',
    `GROUP_LOOKUP_METHOD = ${o.groupLookupMethod}`,
    `GROUP_LOOKUP_ATTRIBUTE = ${o.groupLookupAttribute}`,
  ];
  if (o.searchDn) lines.push(`SEARCH_DN = ${o.searchDn}`);
  if (o.searchPassword) lines.push(`SEARCH_PW = ${o.searchPassword}`);
  if (o.ssl) {
    lines.push('ENABLE_SSL = TRUE', 'SECURITY_PROTOCOL = TLSV12');
    if (keyfile) lines.push(`SSL_KEYFILE = ${keyfile.path}`, `SSL_PW = ${keyfile.password}`);
  }
  return `${lines.join('\n')}\n`;
}

const INI = '$HOME/sqllib/cfg/IBMLDAPSecurity.ini';

/**
 * The CA into a GSKit key database in the instance (the plug-ins trust only what SSL_KEYFILE holds):
 * gsk8capicmd_64 -keydb -create … -stash, then -cert -add … -format ascii. The script, with the
 * generated key-database password and the PEM, travels on stdin.
 */
async function createKeyDatabase(db2: Db2Instance, caPem: string): Promise<{ path: string; password: string }> {
  const password = randomBytes(18).toString('base64url');
  registerSecret(password);
  const home = (await db2.command('printf %s "$HOME"', 'reading the instance home')).trim();
  const path = `${home}/sqllib/cfg/IBMLDAPSecurity.kdb`;
  const script = [
    'set -e',
    'umask 077',
    'gsk=$(command -v gsk8capicmd_64 || ls "$HOME"/sqllib/gskit/bin/gsk8capicmd_64 /opt/ibm/db2/V*/gskit/bin/gsk8capicmd_64 2>/dev/null | head -n 1)',
    '[ -n "$gsk" ] || { echo "gsk8capicmd_64 (GSKit) not found in the container" >&2; exit 4; }',
    'd="$HOME/sqllib/cfg"',
    'cat > "$d/IBMLDAPSecurity-ca.pem" <<\'PAVED_CA_PEM\'',
    caPem.trim(),
    'PAVED_CA_PEM',
    'rm -f "$d/IBMLDAPSecurity.kdb" "$d/IBMLDAPSecurity.sth" "$d/IBMLDAPSecurity.rdb" "$d/IBMLDAPSecurity.crl"',
    `"$gsk" -keydb -create -db "$d/IBMLDAPSecurity.kdb" -pw '${password}' -stash`,
    `"$gsk" -cert -add -db "$d/IBMLDAPSecurity.kdb" -pw '${password}' -label paved-ldap-ca -file "$d/IBMLDAPSecurity-ca.pem" -format ascii`,
  ].join('\n');
  await db2.command('sh -s', 'creating the GSKit key database (gsk8capicmd_64)', { input: `${script}\n` });
  return { path, password };
}

export async function ldap(o: LdapOptions, steps: Steps, summary: Summary): Promise<void> {
  // The directory first: nothing in the instance changes unless it answers as the plug-ins need.
  const found = await steps.run('Check directory', async (note) => {
    const r = await checkDirectory(o);
    note(
      `${r.url}: bound as ${o.searchDn || '(anonymous)'}; ${o.testUser} = ${r.userDn}, in ${r.groupDn} (${o.groupLookupMethod})`,
    );
    return r;
  });
  const target = await inspectTarget(steps, o.container, o.instance);
  const db2 = target.db2;
  const databases = await resolveDatabases(db2, o.databases);
  const before = await steps.run('Read dbm cfg', async (note) => {
    const text = await db2.command('db2 get dbm cfg', 'db2 get dbm cfg', { clp: true });
    const values = {
      SRVCON_PW_PLUGIN: cfgValue(text, 'SRVCON_PW_PLUGIN') ?? '',
      GROUP_PLUGIN: cfgValue(text, 'GROUP_PLUGIN') ?? '',
    };
    note(`SRVCON_PW_PLUGIN=${values.SRVCON_PW_PLUGIN || '(none)'}, GROUP_PLUGIN=${values.GROUP_PLUGIN || '(none)'}`);
    return values;
  });
  const active = await db2.activeDatabases();
  let keyfile: { path: string; password: string } | undefined;
  let changed = false;
  try {
    if (o.ssl && o.caPem) {
      keyfile = await steps.run('GSKit key database', async (note) => {
        const k = await createKeyDatabase(db2, o.caPem as string);
        changed = true;
        note(`${k.path} with the CA of ${o.caFile} (label paved-ldap-ca)`);
        return k;
      });
    }
    const ini = renderLdapIni(o, keyfile);
    await steps.run('Write IBMLDAPSecurity.ini', async (note) => {
      // Keep the previous file for the way back; write the new one atomically, readable by the owner only.
      await db2.command(
        `set -e; umask 077; [ -f ${INI} ] && cp -p ${INI} ${INI}.paved-previous || rm -f ${INI}.paved-previous; cat > ${INI}.paved-new; mv ${INI}.paved-new ${INI}`,
        'writing IBMLDAPSecurity.ini',
        { input: ini },
      );
      changed = true;
      note(`sqllib/cfg/IBMLDAPSecurity.ini (${ini.split('\n').length - 1} settings, SEARCH_PW masked)`);
    });
    await steps.run('Update dbm cfg', async (note) => {
      await db2.command(
        'db2 update dbm cfg using SRVCON_PW_PLUGIN IBMLDAPauthserver GROUP_PLUGIN IBMLDAPgroups',
        'db2 update dbm cfg',
        { clp: true },
      );
      note('SRVCON_PW_PLUGIN IBMLDAPauthserver, GROUP_PLUGIN IBMLDAPgroups');
    });
    await db2Restart(steps, db2, active, databases, o.readinessTimeoutMs);
  } catch (error) {
    if (!changed) throw error;
    // Two flat steps: log groups cannot nest on the runner.
    await steps.run('Restore previous LDAP settings', async (note) => {
      // Plugin names are identifiers; anything else read back from the cfg is not put in a command.
      const plugin = (v: string) => (/^[A-Za-z0-9_]+$/.test(v) ? v : 'NULL');
      const plugins = `SRVCON_PW_PLUGIN ${plugin(before.SRVCON_PW_PLUGIN)} GROUP_PLUGIN ${plugin(before.GROUP_PLUGIN)}`;
      await db2.command(
        `if [ -f ${INI}.paved-previous ]; then mv ${INI}.paved-previous ${INI}; else rm -f ${INI}; fi && db2 update dbm cfg using ${plugins}`,
        'restoring the previous LDAP settings',
        { clp: true },
      );
      note('previous IBMLDAPSecurity.ini and dbm cfg plugins restored');
    });
    await db2Restart(steps, db2, active, databases, o.readinessTimeoutMs, 'Restart instance (restore)');
    throw new OperationError(`${(error as Error).message}. The previous LDAP settings were restored.`);
  }
  summary.table(
    ['Setting', 'Value'],
    [
      ['LDAP_HOST', o.host],
      ['USER_BASEDN', o.userBaseDn],
      ['GROUP_BASEDN', o.groupBaseDn],
      ['GROUP_LOOKUP_ATTRIBUTE', o.groupLookupAttribute],
      ['SEARCH_DN', o.searchDn || '(anonymous)'],
      ['SEARCH_PW', o.searchPassword ? '***' : '(none)'],
      ['GROUP_LOOKUP_METHOD', o.groupLookupMethod],
      ['TLS', o.ssl ? `ENABLE_SSL = TRUE${keyfile ? `, SSL_KEYFILE = ${keyfile.path}` : ''}` : 'off'],
      ['Checked', `${found.userDn} in ${found.groupDn} (${found.url})`],
      ['dbm cfg', 'SRVCON_PW_PLUGIN IBMLDAPauthserver, GROUP_PLUGIN IBMLDAPgroups'],
    ],
  );
}

/** db2stop force + db2start (plugins load at start), then reactivate what was active. */
function db2Restart(
  steps: Steps,
  db2: Db2Instance,
  active: readonly string[],
  databases: readonly string[],
  timeoutMs: number,
  name = 'Restart instance',
): Promise<void> {
  return steps.run(name, async (note) => {
    await db2.run('db2stop force');
    await db2.command('db2start', 'db2start', { clp: true });
    for (const db of active) await db2.command(`db2 activate database ${db}`, `activate ${db}`, { clp: true });
    await waitReady(
      db2,
      databases.filter((d) => active.includes(d)),
      '',
      Date.now() + timeoutMs,
      { skipLog: true },
    );
    note(`db2stop force; db2start${active.length ? `; activated ${active.join(', ')}` : ''}`);
  });
}
