import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/errors';
import {
  getBoolean,
  getDuration,
  getEnum,
  getInteger,
  getList,
  getMapping,
  getSecret,
  getString,
  parseMapping,
} from '../../../shared/inputs';
import { registerSecret } from '../../../shared/secrets';
import { Inputs } from './names';
import type { HostKeyPolicy } from './transport/ssh';

export interface Options {
  workspace: string;
  runbook: string;
  inventory: string;
  vars: Record<string, unknown>;
  varsFile: Record<string, unknown>;
  secrets: Record<string, string>;
  sshKey?: string;
  sshPassphrase?: string;
  sshUser: string;
  sshPort: number;
  knownHosts: string;
  hostKeyPolicy: HostKeyPolicy;
  jumpHost?: { user?: string; host: string; port?: number };
  connectTimeoutMs: number;
  concurrency: number;
  batch?: { count?: number; percent?: number };
  maxFailPercentage?: number;
  strategy: 'free' | 'lockstep';
  check: boolean;
  tags: string[];
  skipTags: string[];
  shard?: { index: number; count: number };
  timeoutMs?: number;
  environment?: string;
  limit?: string;
  listHosts: boolean;
  listTasks: boolean;
  startAtTask?: string;
}

/** Reads every input once, up front: a bad one fails the step before any host is touched. */
export function parseInputs(): Options {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const secretsText = getSecret(Inputs.secrets);
  const secrets: Record<string, string> = {};
  if (secretsText.trim()) {
    for (const [k, v] of Object.entries(parseMapping(secretsText, `input ${Inputs.secrets}`, Inputs.secrets))) {
      const value = typeof v === 'string' ? v : JSON.stringify(v);
      registerSecret(value);
      secrets[k] = value;
    }
  }
  const varsFilePath = getString(Inputs.varsFile);
  let varsFile: Record<string, unknown> = {};
  if (varsFilePath) {
    const full = resolve(workspace, varsFilePath);
    if (!existsSync(full))
      throw new ConfigurationError(`The vars-file ${varsFilePath} does not exist`, { input: Inputs.varsFile });
    varsFile = parseMapping(readFileSync(full, 'utf8'), `vars-file ${varsFilePath}`, Inputs.varsFile);
  }
  const sshKey = getSecret(Inputs.sshKey);
  const passphrase = getSecret(Inputs.sshPassphrase);
  let knownHosts = getString(Inputs.knownHosts);
  if (!knownHosts) {
    const file = join(homedir(), '.ssh', 'known_hosts');
    if (existsSync(file)) knownHosts = readFileSync(file, 'utf8');
  }
  const timeout = getDuration(Inputs.timeout);
  return {
    workspace,
    runbook: getString(Inputs.runbook, { required: true }),
    inventory: getString(Inputs.inventory),
    vars: getMapping(Inputs.vars),
    varsFile,
    secrets,
    sshKey: sshKey.trim() ? `${sshKey.trim()}\n` : undefined,
    sshPassphrase: passphrase || undefined,
    sshUser: getString(Inputs.sshUser) || userInfo().username,
    sshPort: getInteger(Inputs.sshPort, { default: 22, min: 1, max: 65535 }),
    knownHosts,
    hostKeyPolicy: getEnum(Inputs.hostKeyPolicy, ['strict', 'accept-new', 'off'] as const, { default: 'strict' }),
    jumpHost: parseJump(getString(Inputs.jumpHost)),
    connectTimeoutMs: getDuration(Inputs.connectTimeout, { default: '10s' }),
    concurrency: getInteger(Inputs.concurrency, { default: 50, min: 1, max: 1000 }),
    batch: parseBatch(getString(Inputs.batch)),
    maxFailPercentage: optionalPercent(getString(Inputs.maxFailPercentage)),
    strategy: getEnum(Inputs.strategy, ['free', 'lockstep'] as const, { default: 'free' }),
    check: getBoolean(Inputs.check),
    tags: getList(Inputs.tags),
    skipTags: getList(Inputs.skipTags),
    shard: parseShard(getString(Inputs.shard)),
    timeoutMs: Number.isNaN(timeout) ? undefined : timeout,
    environment: getString(Inputs.environment) || undefined,
    limit: getString(Inputs.limit) || undefined,
    listHosts: getBoolean(Inputs.listHosts),
    listTasks: getBoolean(Inputs.listTasks),
    startAtTask: getString(Inputs.startAtTask) || undefined,
  };
}

function parseJump(text: string): Options['jumpHost'] {
  if (!text) return undefined;
  const m = /^(?:([^@\s]+)@)?(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text);
  if (!m)
    throw new ConfigurationError(`Input ${Inputs.jumpHost} must be [user@]host[:port], got "${text}"`, {
      input: Inputs.jumpHost,
    });
  return { user: m[1], host: (m[2] as string).replace(/^\[|\]$/g, ''), port: m[3] ? Number(m[3]) : undefined };
}

function parseBatch(text: string): Options['batch'] {
  if (!text) return undefined;
  const m = /^(\d+)(%?)$/.exec(text);
  if (!m || Number(m[1]) === 0 || (m[2] && Number(m[1]) > 100)) {
    throw new ConfigurationError(
      `Input ${Inputs.batch} must be a host count (5) or a percentage (25%), got "${text}"`,
      { input: Inputs.batch },
    );
  }
  return m[2] ? { percent: Number(m[1]) } : { count: Number(m[1]) };
}

function optionalPercent(text: string): number | undefined {
  if (!text) return undefined;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text);
  if (!m || Number(m[1]) > 100) {
    throw new ConfigurationError(
      `Input ${Inputs.maxFailPercentage} must be a percentage between 0 and 100, got "${text}"`,
      { input: Inputs.maxFailPercentage },
    );
  }
  return Number(m[1]);
}

function parseShard(text: string): Options['shard'] {
  if (!text) return undefined;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ConfigurationError(
      `Input ${Inputs.shard} must be i/n with 1 ≤ i ≤ n (e.g. \${{ matrix.shard }}/4), got "${text}"`,
      { input: Inputs.shard },
    );
  }
  return { index, count };
}
