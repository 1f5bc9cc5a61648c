import { describe, expect, it } from 'vitest';
import { backupTimestampIso, parseBackupTimestamp } from '../../actions/db2/src/db2/backup';
import {
  archiveLoggingOn,
  backupImageTimestamp,
  cfgValue,
  ckbkpSuccessful,
  gcfAvailable,
  hadrRole,
  judgeBind,
  parseActiveDatabases,
  parseDbDirectory,
} from '../../actions/db2/src/db2/clp-output';
import { describeLevel, parseDb2Level } from '../../actions/db2/src/db2/level';
import { compareLevels, updvTool } from '../../actions/db2/src/db2/version';
import { ldapUrls } from '../../actions/db2/src/ldap/directory';

// Verbatim from the cookbook's slides (Db2 11.1.3.3, fix pack 3a: the line breaks before "and Fix Pack").
const LEVEL_11_1_3_3 = `DB21085I This instance or install (instance name, where applicable:  
"db2inst1") uses "64" bits and DB2 code release "SQL11013" with level  
identifier "0204010F".
Informational tokens are "DB2 v11.1.3.3", "s1804271300", "DYN1804271300AMD64"  
and Fix Pack "3a".
Product is installed at "/opt/ibm/db2/V11.1".
`;
const LEVEL_11_1_4_4 = `DB21085I  This instance or install (instance name, where applicable:  
"db2inst1") uses "64" bits and DB2 code release "SQL11014" with level  
identifier "0205010F".  
Informational tokens are "DB2 v11.1.4.4", "s1811091400", "DYN1811091400AMD64"  
and Fix Pack "4".  
Product is installed at "/opt/ibm/db2/V11.1".`;
// The issue's 11.5.8.0 output, wrapped where Db2 11.5 wraps it (inside the token list).
const LEVEL_11_5_8_0 = `DB21085I  This instance or install (instance name, where applicable:
"db2inst1") uses "64" bits and DB2 code release "SQL11058" with level
identifier "0609010F".
Informational tokens are "DB2 v11.5.8.0", "s2209201700",
"DYN2209201700AMD64", and Fix Pack "0".
Product is installed at "/opt/ibm/db2/V11.5".
`;

describe('db2level parser', () => {
  it('reads the 11.1.3.3 slide output with its special-build fix pack', () => {
    const l = parseDb2Level(LEVEL_11_1_3_3);
    expect(l).toMatchObject({
      version: '11.1.3.3',
      fixPack: '3a',
      codeRelease: 'SQL11013',
      levelIdentifier: '0204010F',
      buildLevel: 's1804271300',
      ptf: 'DYN1804271300AMD64',
      installPath: '/opt/ibm/db2/V11.1',
      instance: 'db2inst1',
      bits: 64,
    });
    expect(describeLevel(l)).toBe('11.1.3.3 (fix pack 3a)');
  });
  it('reads the 11.1.4.4 slide output', () => {
    expect(parseDb2Level(LEVEL_11_1_4_4)).toMatchObject({ version: '11.1.4.4', fixPack: '4', codeRelease: 'SQL11014' });
  });
  it('reads 11.5 output wrapped inside the token list', () => {
    const l = parseDb2Level(LEVEL_11_5_8_0);
    expect(l).toMatchObject({
      version: '11.5.8.0',
      fixPack: '0',
      ptf: 'DYN2209201700AMD64',
      installPath: '/opt/ibm/db2/V11.5',
    });
    expect(describeLevel(l)).toBe('11.5.8.0');
  });
  it('reads an install-level db2level (no instance)', () => {
    expect(parseDb2Level(LEVEL_11_5_8_0.replace('"db2inst1"', '"*"')).instance).toBe('*');
  });
  it('refuses output without tokens, quoting what it got', () => {
    expect(() => parseDb2Level('sh: db2level: not found')).toThrow(/no "Informational tokens".*not found/);
  });
});

describe('backup output', () => {
  it('parses the timestamp line', () => {
    const out = '\nBackup successful. The timestamp for this backup image is : 20240101123000\n\n';
    expect(parseBackupTimestamp(out)).toBe('20240101123000');
    expect(backupTimestampIso('20240101123000')).toBe('2024-01-01T12:30:00');
  });
  it('reports the SQL message of a failed backup', () => {
    expect(() =>
      parseBackupTimestamp(
        'SQL2413N  Online backup is not allowed because the database is not recoverable or a backup pending condition is in effect.',
      ),
    ).toThrow(/SQL2413N/);
  });
});

describe('CLP reports', () => {
  const directory = `
 System Database Directory

 Number of entries in the directory = 2

Database 1 entry:

 Database alias                       = TESTDB
 Database name                        = TESTDB
 Local database directory             = /database/data
 Database release level               = 15.00
 Comment                              =
 Directory entry type                 = Indirect
 Catalog database partition number    = 0
 Alternate server hostname            =
 Alternate server port number         =

Database 2 entry:

 Database alias                       = REMOTEDB
 Database name                        = SAMPLE
 Node name                            = NODE1
 Database release level               = 15.00
 Comment                              =
 Directory entry type                 = Remote
 Catalog database partition number    = -1
`;
  it('lists directory entries with their type', () => {
    expect(parseDbDirectory(directory)).toEqual([
      { alias: 'TESTDB', name: 'TESTDB', type: 'Indirect' },
      { alias: 'REMOTEDB', name: 'SAMPLE', type: 'Remote' },
    ]);
  });
  it('lists active databases as the slides show them', () => {
    const active = `
                           Active Databases

Database name                              = TESTDB
Applications connected currently           = 0
Database path                              = /database/data/db2inst1/NODE0000/SQL00001/MEMBER0000/
`;
    expect(parseActiveDatabases(active)).toEqual(['TESTDB']);
    expect(parseActiveDatabases('SQL1611W  No data was returned by Database System Monitor.')).toEqual([]);
  });
  it('reads archive logging from db cfg', () => {
    const off =
      ' First log archive method                 (LOGARCHMETH1) = OFF\n Second log archive method                (LOGARCHMETH2) = OFF\n';
    expect(archiveLoggingOn(off)).toBe(false);
    expect(archiveLoggingOn(off.replace('= OFF\n Second', '= DISK:/database/archive/\n Second'))).toBe(true);
    expect(cfgValue(' Group plugin                             (GROUP_PLUGIN) = IBMLDAPgroups', 'GROUP_PLUGIN')).toBe(
      'IBMLDAPgroups',
    );
  });
  it('reads db2gcf -s', () => {
    expect(gcfAvailable('\nInstance  : db2inst1\nDB2 State : Available\n')).toBe(true);
    expect(gcfAvailable('\nInstance  : db2inst1\nDB2 State : Operable\n')).toBe(false);
    expect(gcfAvailable('\nInstance  : db2inst1\nDB2 State : Not Operable\n')).toBe(false);
  });
});

describe('levels', () => {
  it('compares numerically, then by fix pack letter', () => {
    expect(compareLevels('11.5.9.0', '11.5.8.0')).toBe(1);
    expect(compareLevels('11.1.4.4', '11.5.0.0')).toBe(-1);
    expect(compareLevels('11.5.10.0', '11.5.9.0')).toBe(1);
    expect(compareLevels('11.1.3.3', '11.1.3.3', '3b', '3a')).toBe(1);
    expect(compareLevels('11.5.8.0', '11.5.8.0')).toBe(0);
  });
  it('names the catalog update tool per version', () => {
    expect(updvTool('11.5.9.0')).toBe('db2updv115');
    expect(updvTool('11.1.4.4')).toBe('db2updv111');
    expect(updvTool('10.5.0.11')).toBe('db2updv105');
  });
});

describe('IBM-documented messages the action judges', () => {
  // https://www.ibm.com/docs/en/db2/11.5?topic=clp-return-codes: 4 for any negative SQLCODE.
  const bindOutput = (lines: string[]) =>
    `\nLINE    MESSAGES FOR db2ubind.lst\n------  ----\n${lines.map((l) => `        ${l}`).join('\n')}\n`;
  it('tolerates SQL0719N (ACTION ADD of an existing package) with CLP rc 4', () => {
    const v = judgeBind(
      bindOutput([
        'SQL0061W  The binder is in progress.',
        'SQL0719N  Bind error for user "DB2INST1".  Model package "NULLID.SQLC2P31" already exists.  SQLSTATE=42710',
        'SQL0092N  No package was created because of previous errors.',
        'SQL0091N  Binding was ended with "1" errors and "0" warnings.',
      ]),
      4,
    );
    expect(v).toEqual({ ok: true, existing: 1, warnings: [], errors: [] });
  });
  it('fails on a real error next to a tolerated one, and on rc 8 or an rc 4 without any message', () => {
    const v = judgeBind(
      bindOutput([
        'SQL0719N  Bind error for user "DB2INST1".  Model package "NULLID.SQLC2P31" already exists.  SQLSTATE=42710',
        'SQL0551N  "DB2INST1" does not have the required authorization or privilege to perform operation "BIND" on object "NULLID.SYSSH200".  SQLSTATE=42501',
      ]),
      4,
    );
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([expect.stringMatching(/^SQL0551N/)]);
    expect(judgeBind('', 8).ok).toBe(false);
    expect(judgeBind('DB21034E  The command was processed as an SQL statement', 4).ok).toBe(false);
    expect(judgeBind(bindOutput(['SQL0091N  Binding was ended with "0" errors and "0" warnings.']), 0).ok).toBe(true);
  });
  it('reads the HADR role (hadr_db_role is printed without a parameter name)', () => {
    expect(hadrRole(' HADR database role                                      = PRIMARY\n')).toBe('PRIMARY');
    expect(hadrRole(' HADR database role                                      = STANDBY')).toBe('STANDBY');
    expect(hadrRole(' HADR database role                                      = STANDARD')).toBe('STANDARD');
    expect(hadrRole('no such line')).toBe('STANDARD');
  });
  it('reads the db2ckbkp verdict and the backup image names', () => {
    expect(ckbkpSuccessful('[1] Buffers processed:  ####\n\nImage Verification Complete - successful.\n')).toBe(true);
    expect(ckbkpSuccessful('Image Verification Complete - ERRORS DETECTED:    1\n')).toBe(false);
    expect(backupImageTimestamp('TESTDB.0.db2inst1.DBPART000.20240101123000.001', 'TESTDB', 'db2inst1')).toBe(
      '20240101123000',
    );
    expect(
      backupImageTimestamp('TESTDB.0.db2inst1.DBPART000.20240101123000.001.tmp', 'TESTDB', 'db2inst1'),
    ).toBeUndefined();
    expect(backupImageTimestamp('OTHER.0.db2inst1.DBPART000.20240101123000.001', 'TESTDB', 'db2inst1')).toBeUndefined();
  });
  it('derives LDAP URLs from LDAP_HOST as the plug-ins do (389, or 636 with TLS)', () => {
    expect(ldapUrls('ldap1 ldap2:3389', false)).toEqual(['ldap://ldap1:389', 'ldap://ldap2:3389']);
    expect(ldapUrls('ldap1', true)).toEqual(['ldaps://ldap1:636']);
  });
});
