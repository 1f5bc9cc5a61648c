import { describe, expect, it } from 'vitest';
import { renderLdapIni } from '../../actions/db2/src/commands/ldap';
import {
  containerName,
  databaseName,
  imageReference,
  sqlString,
  tagOf,
  userName,
} from '../../actions/db2/src/db2/identifiers';
import type { ContainerInspect, ImageInspect } from '../../actions/db2/src/docker/inspect';
import { carrySettings, envFileText, parseEnvFile } from '../../actions/db2/src/docker/run-args';
import { ACTIVATE_SCRIPT, generateDockerfile, TEXT_SEARCH_SCRIPT } from '../../actions/db2/src/dockerfile';
import type { BuildOptions } from '../../actions/db2/src/inputs';
import { MARKER, parseTaskList, planTasks } from '../../actions/db2/src/schedule/ats';
import { crontabLines } from '../../actions/db2/src/schedule/cron';
import { atsCall, jobCommand, parseJobs } from '../../actions/db2/src/schedule/jobs';
import { timeline } from '../../actions/db2/src/summary';
import { shellQuote } from '../../shared/exec';

describe('identifiers', () => {
  it('accepts Db2 database names and upper-cases them', () => {
    expect(databaseName('testdb')).toBe('TESTDB');
    expect(databaseName('a_123456')).toBe('A_123456');
  });
  it.each(['1abc', 'toolongname', 'x;drop', "a'b", 'a b', 'db$(id)', ''])('refuses database name %j', (bad) => {
    expect(() => databaseName(bad)).toThrow(/Database name/);
  });
  it.each(['-rm', 'a b', 'x;y', 'a/b', '$(id)', ''])('refuses container name %j', (bad) => {
    expect(() => containerName(bad)).toThrow(/Container name/);
  });
  it.each(['Root', 'a;b', '-x', "o'neil"])('refuses user name %j', (bad) => {
    expect(() => userName(bad)).toThrow(/User name/);
  });
  it('accepts real image references and refuses option-like ones', () => {
    expect(imageReference('icr.io/db2_community/db2:11.5.9.0')).toBeTruthy();
    expect(imageReference('localhost:5000/team/db2-custom:11.5.9.0-1')).toBeTruthy();
    expect(() => imageReference('--privileged')).toThrow(/Image reference/);
    expect(() => imageReference('db2:1 ; rm -rf /')).toThrow(/Image reference/);
    expect(tagOf('localhost:5000/db2')).toBeUndefined();
    expect(tagOf('localhost:5000/db2:11.5.9.0')).toBe('11.5.9.0');
  });
  it('quotes for SQL and shell', () => {
    expect(sqlString("VALUES('x')")).toBe("'VALUES(''x'')'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('TESTDB')).toBe('TESTDB');
  });
});

const inspect = {
  Id: 'd0dfc00745a1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  Name: '/db2server',
  Image: 'sha256:old',
  Created: '',
  State: { Status: 'running', Running: true, StartedAt: '', ExitCode: 0 },
  Config: {
    Hostname: 'db2server',
    Env: [
      'LICENSE=accept',
      'DB2INST1_PASSWORD=s3cret',
      'TEXT_SEARCH=false',
      'PATH=/usr/bin:/bin',
      'DB2_VERSION=11.1.3.3',
    ],
    Image: 'store/ibmcorp/db2_developer_c:11.1.3.3a-x86_64',
    Labels: { vendor: 'IBM', team: 'dba' },
  },
  HostConfig: {
    NetworkMode: 'dbnet',
    PortBindings: { '50000/tcp': [{ HostIp: '', HostPort: '50000' }] },
    RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
    Privileged: true,
    CapAdd: ['IPC_LOCK'],
    SecurityOpt: ['label=disable'],
    Links: ['/ldap-service:/db2server/ldap-host'],
    IpcMode: 'host',
    ShmSize: 67108864,
  },
  Mounts: [
    { Type: 'bind', Source: '/home/idbjorh/db2fs', Destination: '/database', RW: true, Propagation: 'rprivate' },
  ],
  NetworkSettings: {
    Networks: {
      dbnet: { Aliases: ['d0dfc00745a1', 'db2'], IPAMConfig: null },
      backup: { Aliases: ['db2-backup'], IPAMConfig: { IPv4Address: '10.9.0.5' } },
    },
  },
} as unknown as ContainerInspect;
const oldImage = {
  Id: 'sha256:old',
  Config: { Env: ['PATH=/usr/bin:/bin', 'DB2_VERSION=11.1.3.3'], Labels: { vendor: 'IBM' } },
} as ImageInspect;

describe('carrying a container over', () => {
  const carried = carrySettings(inspect, oldImage, new Map([['TEXT_SEARCH', 'true']]));
  it('recreates storage, ports, privileges, network, links and restart policy', () => {
    const a = carried.args.join(' ');
    expect(a).toContain('--hostname db2server');
    expect(a).toContain('--mount type=bind,source=/home/idbjorh/db2fs,target=/database');
    expect(a).toContain(
      '--publish :50000:50000/tcp'.replace(':50000:', '50000:').replace('--publish 50000', '--publish 50000'),
    );
    expect(a).toContain('--privileged');
    expect(a).toContain('--cap-add IPC_LOCK');
    expect(a).not.toContain('label=disable');
    expect(a).toContain('--ipc host');
    expect(a).not.toContain('--shm-size');
    expect(a).toContain('--link ldap-service:ldap-host');
    expect(a).not.toContain('--restart');
    expect(carried.restart).toBe('on-failure:3');
    expect(a).toContain('--network dbnet --network-alias db2');
    expect(a).toContain('--label team=dba');
    expect(a).not.toContain('vendor=IBM');
    expect(carried.extraNetworks).toEqual([{ name: 'backup', aliases: ['db2-backup'], ipv4: '10.9.0.5' }]);
  });
  it('carries the user env but not the old image defaults, and applies overrides', () => {
    expect([...carried.env]).toEqual([
      ['LICENSE', 'accept'],
      ['DB2INST1_PASSWORD', 's3cret'],
      ['TEXT_SEARCH', 'true'],
    ]);
    expect(carried.args.join(' ')).not.toContain('s3cret');
    expect(envFileText(carried.env)).toBe('LICENSE=accept\nDB2INST1_PASSWORD=s3cret\nTEXT_SEARCH=true\n');
  });
  it('keeps the host port Docker picked for an ephemeral binding', () => {
    const ephemeral = {
      ...inspect,
      HostConfig: { ...inspect.HostConfig, PortBindings: { '50000/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      NetworkSettings: {
        ...inspect.NetworkSettings,
        Ports: { '50000/tcp': [{ HostIp: '127.0.0.1', HostPort: '32794' }] },
      },
    } as ContainerInspect;
    expect(carrySettings(ephemeral, oldImage).args.join(' ')).toContain('--publish 127.0.0.1:32794:50000/tcp');
  });
  it('parses docker env files', () => {
    const env = parseEnvFile('# comment\nLICENSE=accept\nDBNAME=testdb\n\nQUOTED="kept as is"\n');
    expect([...env]).toEqual([
      ['LICENSE', 'accept'],
      ['DBNAME', 'testdb'],
      ['QUOTED', '"kept as is"'],
    ]);
  });
});

describe('schedule jobs', () => {
  const yaml = `
- name: DAILY BACKUP
  cron: "5 13 * * *"
  database: testdb
  backup: { path: /database/backup }
- name: RUNSTATS
  cron: 0 15 * * *
  database: TESTDB
  runstats: { table: SYSIBM.SYSTABLES }
- name: purge
  cron: "*/30 * * * 1-5"
  database: TESTDB
  procedure: { name: DBA.PURGE, input: "VALUES('S','SYSIBM')" }
`;
  const jobs = parseJobs({ text: yaml });
  it('parses the three kinds', () => {
    expect(jobs.map((j) => jobCommand(j))).toEqual([
      'BACKUP DATABASE TESTDB ONLINE TO /database/backup COMPRESS INCLUDE LOGS WITHOUT PROMPTING',
      'RUNSTATS ON TABLE SYSIBM.SYSTABLES WITH DISTRIBUTION AND DETAILED INDEXES ALL',
      "CALL DBA.PURGE('S','SYSIBM')",
    ]);
    expect(atsCall(jobs[0] as (typeof jobs)[0])).toEqual({
      schema: 'SYSPROC',
      name: 'ADMIN_CMD',
      input: "VALUES('BACKUP DATABASE TESTDB ONLINE TO /database/backup COMPRESS INCLUDE LOGS WITHOUT PROMPTING')",
    });
  });
  it('points at the line of a bad job', () => {
    const bad = '- name: x\n  cron: "5 13 * *"\n  database: TESTDB\n  reorg: { table: A.B }\n';
    expect(() => parseJobs({ text: bad, file: 'jobs.yml' })).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ line: 2, file: 'jobs.yml' }) }),
    );
    expect(() => parseJobs({ text: '- name: x\n  cron: "* * * * *"\n  database: "a;b"\n  reorg: A.B\n' })).toThrow(
      /line 3.*Database name/,
    );
    expect(() =>
      parseJobs({ text: '- name: x\n  cron: "* * * * *"\n  database: A\n  reorg: "A.B; DROP TABLE X"\n' }),
    ).toThrow(/Table/);
    expect(() =>
      parseJobs({ text: '- name: x\n  cron: "* * * * *"\n  database: A\n  reorg: A.B\n  runstats: A.B\n' }),
    ).toThrow(/exactly one/);
    expect(() => parseJobs({ text: '- name: x\n  cron: "* * * * *"\n  databse: A\n  reorg: A.B\n' })).toThrow(
      /unknown key "databse"/,
    );
  });
  it('plans ATS changes: add, update, replace, leave, remove only our own', () => {
    const existing = parseTaskList(
      [
        [
          'RUNSTATS',
          '0 14 * * *',
          'SYSPROC',
          'ADMIN_CMD',
          "VALUES('RUNSTATS ON TABLE SYSIBM.SYSTABLES WITH DISTRIBUTION AND DETAILED INDEXES ALL')",
          MARKER,
        ],
        ['purge', '*/30 * * * 1-5', 'DBA', 'OLD_PURGE', '', MARKER],
        ['gone', '0 1 * * *', 'SYSPROC', 'ADMIN_CMD', "VALUES('X')", MARKER],
        ['DBA OWN TASK', '0 2 * * *', 'DBA', 'MINE', '', 'hand made'],
      ]
        .map((r) => `${r.join('\u001f')}   `)
        .join('\n'),
    );
    const plan = planTasks('TESTDB', jobs, existing);
    expect(plan.changes.map((c) => `${c.name}:${c.action}`)).toEqual([
      'DAILY BACKUP:added',
      'RUNSTATS:updated',
      'purge:replaced',
      'gone:removed',
    ]);
    expect(plan.sql.join('\n')).toContain(
      "CALL SYSPROC.ADMIN_TASK_ADD('DAILY BACKUP', CURRENT TIMESTAMP, NULL, NULL, '5 13 * * *', 'SYSPROC', 'ADMIN_CMD', 'VALUES(''BACKUP DATABASE",
    );
    expect(plan.sql.join('\n')).not.toContain('DBA OWN TASK');
  });
  it('emits crontab lines that find the container by label (not name), docker exec without -it, escaped %', () => {
    const lines = crontabLines(jobs, {
      label: 'io.paved.db2.service=db2server',
      instance: 'db2inst1',
      dockerHost: 'tcp://192.168.174.12:2376',
    });
    const backup = lines.find((l) => l.startsWith('5 13 * * * ')) as string;
    expect(backup).toContain(
      'export DOCKER_HOST=tcp://192.168.174.12:2376; c=$(docker ps --quiet --filter label=io.paved.db2.service=db2server --filter status=running);',
    );
    expect(backup).toContain(
      `docker exec "$c" su - db2inst1 -c 'mkdir -p /database/backup && db2 '\\''BACKUP DATABASE TESTDB ONLINE TO /database/backup COMPRESS INCLUDE LOGS WITHOUT PROMPTING'\\'''`,
    );
    expect(backup).not.toContain('db2server_');
    expect(lines.join('\n')).not.toContain('-it');
    const pct = parseJobs({
      text: '- name: p\n  cron: "* * * * *"\n  database: A\n  procedure: { name: X.Y, input: "VALUES(\'50%\')" }\n',
    });
    expect(crontabLines(pct, { label: 'a=b', instance: 'db2inst1' }).at(-1)).toContain('50\\%');
  });
});

const buildOptions: BuildOptions = {
  command: 'build',
  baseImage: 'icr.io/db2_community/db2:11.5.9.0',
  tags: ['custom:11.5.9.0'],
  labels: [],
  activateDatabases: true,
  textSearch: true,
  users: [{ name: 'appuser1' }, { name: 'appuser2', uid: 1200 }],
  push: false,
};

describe('generated Dockerfile', () => {
  it('adds users without passwords and hooks scripts into /var/custom', () => {
    const { dockerfile, files } = generateDockerfile(buildOptions, ['30-mine.sh']);
    expect(dockerfile).toContain('FROM icr.io/db2_community/db2:11.5.9.0');
    expect(dockerfile).toContain('RUN useradd -M -N appuser1 \\\n && useradd -M -N -u 1200 appuser2');
    expect(dockerfile).not.toMatch(/passwd|chpasswd|PASSWORD/);
    expect(dockerfile).toContain('COPY custom/ /var/custom/');
    expect(dockerfile).toContain('ENV TEXT_SEARCH=true');
    expect(files.map((f) => f.path)).toEqual([`custom/${ACTIVATE_SCRIPT}`, `custom/${TEXT_SEARCH_SCRIPT}`]);
  });
  it('leaves out what is switched off', () => {
    const { dockerfile, files } = generateDockerfile(
      { ...buildOptions, activateDatabases: false, textSearch: false, users: [] },
      [],
    );
    expect(files).toEqual([]);
    expect(dockerfile).not.toContain('COPY');
    expect(dockerfile).not.toContain('useradd');
  });
});

describe('ldap ini and summary timeline', () => {
  it('renders the cookbook settings', () => {
    const ini = renderLdapIni(
      {
        host: 'ldap-host:389',
        userBaseDn: 'ou=Users,dc=example,dc=org',
        groupBaseDn: 'ou=Groups,dc=example,dc=org',
        userObjectClass: 'inetOrgPerson',
        groupObjectClass: 'groupOfUniqueNames',
        userIdAttribute: 'uid',
        groupLookupAttribute: 'uniqueMember',
        searchDn: 'cn=ldapquery,dc=example,dc=org',
        searchPassword: 'ldap4db2',
        groupLookupMethod: 'SEARCH_BY_DN',
        ssl: true,
      },
      { path: '/database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.kdb', password: 'kdb-pw' },
    );
    for (const line of [
      'LDAP_HOST = ldap-host:389',
      'USER_BASEDN = ou=Users,dc=example,dc=org',
      'GROUP_OBJECTCLASS = groupOfUniqueNames',
      'GROUP_BASEDN = ou=Groups,dc=example,dc=org',
      'GROUP_LOOKUP_ATTRIBUTE = uniqueMember',
      'SEARCH_DN = cn=ldapquery,dc=example,dc=org',
      'SEARCH_PW = ldap4db2',
      // IBM documents SEARCH_BY_DN and USER_ATTRIBUTE only.
      'GROUP_LOOKUP_METHOD = SEARCH_BY_DN',
      'ENABLE_SSL = TRUE',
      'SECURITY_PROTOCOL = TLSV12',
      'SSL_KEYFILE = /database/config/db2inst1/sqllib/cfg/IBMLDAPSecurity.kdb',
      'SSL_PW = kdb-pw',
    ]) {
      expect(ini).toContain(`${line}\n`);
    }
  });
  it('draws one section per container with the outage marked', () => {
    const t = timeline('db2 upgrade', [
      { name: 'Backup', status: 'ok', start: 1000, end: 2000, detail: '', downtime: false, lane: 'old container' },
      {
        name: 'Stop db2server',
        status: 'ok',
        start: 2000,
        end: 2500,
        detail: '',
        downtime: true,
        lane: 'old container',
      },
      {
        name: 'Readiness',
        status: 'failed',
        start: 2500,
        end: 9000,
        detail: '',
        downtime: true,
        lane: 'new container',
      },
    ]);
    expect(t).toBe(
      'gantt\n  title db2 upgrade\n  dateFormat x\n  axisFormat %M:%S\n  section old container\n  Backup :done, s0, 1000, 2000\n  Stop db2server :active, s1, 2000, 2500\n  section new container\n  Readiness :crit, s2, 2500, 9000',
    );
  });
});
