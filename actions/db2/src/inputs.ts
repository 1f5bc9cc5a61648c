import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/errors';
import { getBoolean, getDuration, getEnum, getInteger, getList, getSecret, getString } from '../../../shared/inputs';
import { registerSecret } from '../../../shared/secrets';
import { containerName, containerPath, databaseName, imageReference, instanceName, userName } from './db2/identifiers';
import { parseEnvFile } from './docker/run-args';
import { COMMANDS, type Command, Inputs } from './names';
import { type Job, parseJobs } from './schedule/jobs';

/** Every input, read and validated once, before any docker command runs. */
export interface Common {
  container: string;
  instance?: string;
  databases?: string[];
}

export interface BuildOptions {
  command: 'build';
  baseImage: string;
  tags: string[];
  labels: [string, string][];
  activateDatabases: boolean;
  textSearch: boolean;
  users: { name: string; uid?: number }[];
  customScripts?: string;
  push: boolean;
}

export interface UpgradeOptions extends Common {
  command: 'upgrade';
  image: string;
  newName?: string;
  envOverrides: Map<string, string>;
  envFile?: string;
  backup: boolean;
  backupPath: string;
  compress: boolean;
  backupRetention: number;
  stopTimeoutSeconds: number;
  readinessTimeoutMs: number;
  rollback: boolean;
  allowDowngrade: boolean;
  removeOld: boolean;
  dryRun: boolean;
}

export interface BackupOptions extends Common {
  command: 'backup';
  backupPath: string;
  online: 'auto' | 'true' | 'false';
  compress: boolean;
  retention: number;
}

export interface ScheduleOptions extends Common {
  command: 'schedule';
  target: 'ats' | 'cron';
  jobs: Job[];
  dockerHost?: string;
  /** cron: the label (key=value) that finds the container at run time. */
  label?: string;
  /** cron: the /etc/cron.d file to install (absolute path; name of letters, digits, _ and -). */
  cronFile?: string;
  cronUser: string;
  dryRun: boolean;
}

export interface LdapOptions extends Common {
  command: 'ldap';
  host: string;
  userBaseDn: string;
  groupBaseDn: string;
  userObjectClass: string;
  groupObjectClass: string;
  userIdAttribute: string;
  groupLookupAttribute: string;
  searchDn: string;
  searchPassword: string;
  /** GROUP_LOOKUP_METHOD, one of IBM's documented values. */
  groupLookupMethod: 'SEARCH_BY_DN' | 'USER_ATTRIBUTE';
  testUser: string;
  testGroup: string;
  ssl: boolean;
  /** PEM file on the runner: trusted for the check, imported into the instance's GSKit key database. */
  caFile?: string;
  caPem?: string;
  readinessTimeoutMs: number;
}

export interface StatusOptions extends Common {
  command: 'status';
}

export type Options = BuildOptions | UpgradeOptions | BackupOptions | ScheduleOptions | LdapOptions | StatusOptions;

function workspacePath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), p);
}

function common(requireContainer: boolean): Common {
  const container = getString(Inputs.container, { required: requireContainer });
  const instance = getString(Inputs.instance);
  const dbs = getList(Inputs.databases);
  return {
    container: container ? containerName(container, Inputs.container) : '',
    instance: instance ? instanceName(instance, Inputs.instance) : undefined,
    databases: dbs.length ? [...new Set(dbs.map((d) => databaseName(d, Inputs.databases)))] : undefined,
  };
}

export function parseInputs(): Options {
  const command: Command = getEnum(Inputs.command, COMMANDS, { required: true });
  switch (command) {
    case 'build':
      return parseBuild();
    case 'upgrade':
      return parseUpgrade();
    case 'backup':
      return {
        command,
        ...common(true),
        backupPath: containerPath(getString(Inputs.backupPath, { default: '/database/backup' }), Inputs.backupPath),
        online: getEnum(Inputs.online, ['auto', 'true', 'false'] as const, { default: 'auto' }),
        compress: getBoolean(Inputs.compress, { default: true }),
        retention: retention(),
      };
    case 'schedule': {
      const target = getEnum(Inputs.target, ['ats', 'cron'] as const, { default: 'ats' });
      const base = common(target === 'ats');
      const jobs = parseJobs(readJobs(), base.databases);
      const dockerHost = getString(Inputs.dockerHost);
      if (dockerHost && !/^(?:tcp|ssh|unix|npipe):\/\/[\w.@:/[\]-]+$|^[\w.-]+(?::\d+)?$/.test(dockerHost)) {
        throw new ConfigurationError(
          `Input ${Inputs.dockerHost} must look like tcp://host:2376 or ssh://user@host, got "${dockerHost}"`,
          {
            input: Inputs.dockerHost,
          },
        );
      }
      const label = getString(Inputs.label);
      if (label && !/^[A-Za-z0-9][A-Za-z0-9._\-/]*=[\w.:/@+-]*$/.test(label)) {
        throw new ConfigurationError(`Input ${Inputs.label} must be key=value (a Docker label), got "${label}"`, {
          input: Inputs.label,
        });
      }
      const cronFile = getString(Inputs.cronFile);
      // cron(8) ignores /etc/cron.d files whose names hold anything but letters, digits, _ and -.
      if (cronFile && !/^\/(?:[\w.-]+\/)*[A-Za-z0-9_-]+$/.test(cronFile)) {
        throw new ConfigurationError(
          `Input ${Inputs.cronFile} must be an absolute path whose file name holds only letters, digits, _ and - (cron skips other names), got "${cronFile}"`,
          { input: Inputs.cronFile },
        );
      }
      return {
        command,
        ...base,
        target,
        jobs,
        dockerHost: dockerHost || undefined,
        label: label || undefined,
        cronFile: cronFile || undefined,
        cronUser: userName(getString(Inputs.cronUser, { default: 'root' }), Inputs.cronUser),
        dryRun: getBoolean(Inputs.dryRun, { default: false }),
      };
    }
    case 'ldap':
      return parseLdap();
    case 'status':
      return { command, ...common(true) };
  }
}

/** backup-retention: how many images per database stay in backup-path (0 keeps all). */
function retention(): number {
  return getInteger(Inputs.backupRetention, { default: 0, min: 0, max: 1000 });
}

function readJobs(): { text: string; file?: string } {
  const value = getString(Inputs.jobs, { required: true });
  if (!value.includes('\n') && /\.ya?ml$/i.test(value)) {
    const file = workspacePath(value);
    if (!existsSync(file))
      throw new ConfigurationError(`Input ${Inputs.jobs}: file ${value} does not exist`, { input: Inputs.jobs });
    return { text: readFileSync(file, 'utf8'), file: value };
  }
  return { text: value };
}

function parseBuild(): BuildOptions {
  const baseImage = imageReference(
    getString(Inputs.baseImage, { default: 'icr.io/db2_community/db2:11.5.9.0' }),
    Inputs.baseImage,
  );
  // docker/metadata-action's `tags` output is newline separated full references.
  const tags = [...new Set(getList(Inputs.tags))].map((t) => imageReference(t, Inputs.tags));
  const labels: [string, string][] = getList(Inputs.labels, { commas: false }).map((line) => {
    const eq = line.indexOf('=');
    if (eq <= 0)
      throw new ConfigurationError(`Input ${Inputs.labels}: "${line}" is not key=value`, { input: Inputs.labels });
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/.test(key)) {
      throw new ConfigurationError(`Input ${Inputs.labels}: label key "${key}" is not valid`, { input: Inputs.labels });
    }
    return [key, line.slice(eq + 1)];
  });
  const seenUsers = new Set<string>();
  const users = getList(Inputs.users).map((entry) => {
    const [name = '', uidText, ...rest] = entry.split(':');
    if (rest.length || (uidText !== undefined && !/^\d{1,9}$/.test(uidText))) {
      throw new ConfigurationError(`Input ${Inputs.users}: "${entry}" must be name or name:uid`, {
        input: Inputs.users,
      });
    }
    userName(name, Inputs.users);
    if (seenUsers.has(name))
      throw new ConfigurationError(`Input ${Inputs.users}: ${name} is listed twice`, { input: Inputs.users });
    seenUsers.add(name);
    if (['root', 'db2inst1', 'db2fenc1'].includes(name)) {
      throw new ConfigurationError(`Input ${Inputs.users}: ${name} already exists in IBM's image`, {
        input: Inputs.users,
      });
    }
    return { name, uid: uidText === undefined ? undefined : Number(uidText) };
  });
  const scripts = getString(Inputs.customScripts);
  let customScripts: string | undefined;
  if (scripts) {
    customScripts = workspacePath(scripts);
    if (!existsSync(customScripts) || !statSync(customScripts).isDirectory()) {
      throw new ConfigurationError(`Input ${Inputs.customScripts}: ${scripts} is not a folder`, {
        input: Inputs.customScripts,
      });
    }
  }
  const push = getBoolean(Inputs.push, { default: false });
  if (push && tags.length === 0)
    throw new ConfigurationError(`Input ${Inputs.push} is true but no ${Inputs.tags} were given`, {
      input: Inputs.tags,
    });
  return {
    command: 'build',
    baseImage,
    tags,
    labels,
    activateDatabases: getBoolean(Inputs.activateDatabases, { default: true }),
    textSearch: getBoolean(Inputs.textSearch, { default: true }),
    users,
    customScripts,
    push,
  };
}

function parseUpgrade(): UpgradeOptions {
  const base = common(true);
  const image = imageReference(getString(Inputs.image, { required: true }), Inputs.image);
  const newName = getString(Inputs.newName);
  const envFile = getString(Inputs.envFile);
  let envOverrides = new Map<string, string>();
  if (envFile) {
    const file = workspacePath(envFile);
    if (!existsSync(file))
      throw new ConfigurationError(`Input ${Inputs.envFile}: ${envFile} does not exist`, { input: Inputs.envFile });
    envOverrides = parseEnvFile(readFileSync(file, 'utf8'));
    for (const [k, v] of envOverrides) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
        throw new ConfigurationError(`${envFile}: "${k}" is not a valid variable name`, {
          file: envFile,
          input: Inputs.envFile,
        });
      }
      // Credentials in the env file are masked like inputs read with getSecret.
      if (/PASSW|SECRET|TOKEN|KEY/i.test(k)) registerSecret(v);
    }
  }
  const stop = getDuration(Inputs.stopTimeout, { default: '120s' });
  const readiness = getDuration(Inputs.readinessTimeout, { default: '15m' });
  return {
    command: 'upgrade',
    ...base,
    image,
    newName: newName ? containerName(newName, Inputs.newName) : undefined,
    envOverrides,
    envFile: envFile || undefined,
    backup: getBoolean(Inputs.backup, { default: true }),
    backupPath: containerPath(getString(Inputs.backupPath, { default: '/database/backup' }), Inputs.backupPath),
    compress: getBoolean(Inputs.compress, { default: true }),
    backupRetention: retention(),
    stopTimeoutSeconds: Math.max(0, Math.round(stop / 1000)),
    readinessTimeoutMs: readiness,
    rollback: getBoolean(Inputs.rollback, { default: true }),
    allowDowngrade: getBoolean(Inputs.allowDowngrade, { default: false }),
    removeOld: getBoolean(Inputs.removeOld, { default: false }),
    dryRun: getBoolean(Inputs.dryRun, { default: false }),
  };
}

const LDAP_VALUE = /^[^\x00-\x1f\x7f]*$/;

function parseLdap(): LdapOptions {
  const base = common(true);
  const req = (name: string) => {
    const v = getString(name, { required: true });
    if (!LDAP_VALUE.test(v))
      throw new ConfigurationError(`Input ${name} must be one line without control characters`, { input: name });
    return v;
  };
  const opt = (name: string, def: string) => {
    const v = getString(name, { default: def });
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(v))
      throw new ConfigurationError(`Input ${name} must be an LDAP attribute or class name, got "${v}"`, {
        input: name,
      });
    return v;
  };
  const host = req(Inputs.ldapHost);
  if (!/^[\w.-]+(?::\d{1,5})?(?:\s+[\w.-]+(?::\d{1,5})?)*$/.test(host)) {
    throw new ConfigurationError(
      `Input ${Inputs.ldapHost} must be host[:port] (several separated by spaces), got "${host}"`,
      {
        input: Inputs.ldapHost,
      },
    );
  }
  const searchPassword = getSecret(Inputs.ldapSearchPassword);
  if (!LDAP_VALUE.test(searchPassword)) {
    throw new ConfigurationError(`Input ${Inputs.ldapSearchPassword} must be one line`, {
      input: Inputs.ldapSearchPassword,
    });
  }
  const ssl = getBoolean(Inputs.ldapSsl, { default: false });
  const caFile = getString(Inputs.ldapCaFile);
  let caPem: string | undefined;
  if (caFile) {
    const file = workspacePath(caFile);
    if (!existsSync(file))
      throw new ConfigurationError(`Input ${Inputs.ldapCaFile}: ${caFile} does not exist`, {
        input: Inputs.ldapCaFile,
      });
    caPem = readFileSync(file, 'utf8');
    if (!/^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/m.test(caPem)) {
      throw new ConfigurationError(`${caFile}: not a PEM certificate (-----BEGIN CERTIFICATE-----)`, {
        file: caFile,
        input: Inputs.ldapCaFile,
      });
    }
    if (!ssl)
      throw new ConfigurationError(`Input ${Inputs.ldapCaFile} is set but ${Inputs.ldapSsl} is false`, {
        input: Inputs.ldapSsl,
      });
  }
  return {
    command: 'ldap',
    ...base,
    host,
    userBaseDn: req(Inputs.ldapUserBaseDn),
    groupBaseDn: req(Inputs.ldapGroupBaseDn),
    userObjectClass: opt(Inputs.ldapUserObjectClass, 'inetOrgPerson'),
    groupObjectClass: opt(Inputs.ldapGroupObjectClass, 'groupOfUniqueNames'),
    userIdAttribute: opt(Inputs.ldapUserIdAttribute, 'uid'),
    groupLookupAttribute: opt(Inputs.ldapGroupLookupAttribute, 'uniqueMember'),
    searchDn: getString(Inputs.ldapSearchDn),
    searchPassword,
    // https://www.ibm.com/docs/en/db2/11.5?topic=support-considerations-group-lookup
    groupLookupMethod: getEnum(Inputs.ldapGroupLookupMethod, ['SEARCH_BY_DN', 'USER_ATTRIBUTE'] as const, {
      default: 'SEARCH_BY_DN',
    }),
    testUser: req(Inputs.ldapTestUser),
    testGroup: req(Inputs.ldapTestGroup),
    ssl,
    caFile: caFile || undefined,
    caPem,
    readinessTimeoutMs: getDuration(Inputs.readinessTimeout, { default: '15m' }),
  };
}
