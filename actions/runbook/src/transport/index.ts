import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { OperationError } from '../../../../shared/errors';
import { registerSecret } from '../../../../shared/secrets';
import type { Host } from '../inventory';
import { KnownHosts } from './known-hosts';
import { LocalConnection } from './local';
import { connectSsh, type HostKeyPolicy, type SshConnection, type SshSettings } from './ssh';
import { type Connection, UnreachableError } from './types';

export interface TransportOptions {
  workspace: string;
  sshKey?: string;
  sshPassphrase?: string;
  sshUser: string;
  sshPort: number;
  knownHosts: string;
  hostKeyPolicy: HostKeyPolicy;
  jumpHost?: { user?: string; host: string; port?: number };
  connectTimeoutMs: number;
  signal: AbortSignal;
}

/** Builds the per-host connect function: local hosts get the runner, others one SSH connection each. */
export function transport(options: TransportOptions): {
  connect(host: Host): Promise<Connection>;
  seenKeys: string[];
  close(): Promise<void>;
} {
  const seenKeys: string[] = [];
  const settings: SshSettings = {
    knownHosts: new KnownHosts(options.knownHosts),
    policy: options.hostKeyPolicy,
    connectTimeoutMs: options.connectTimeoutMs,
    attempts: 3,
    agent: process.env.SSH_AUTH_SOCK,
    onNewKey: (line) => {
      if (!seenKeys.includes(line)) seenKeys.push(line);
    },
    signal: options.signal,
  };
  const keyFiles = new Map<string, string>();
  const keyFor = (host: Host): string | undefined => {
    if (host.privateKeyFile) {
      const path = resolve(options.workspace, host.privateKeyFile.replace(/^~(?=\/)/, homedir()));
      let text = keyFiles.get(path);
      if (text === undefined) {
        try {
          text = readFileSync(path, 'utf8');
        } catch (error) {
          throw new UnreachableError(
            `cannot read the private key ${host.privateKeyFile} named for ${host.name}: ${(error as NodeJS.ErrnoException).code}`,
          );
        }
        registerSecret(text);
        keyFiles.set(path, text);
      }
      return text;
    }
    return options.sshKey;
  };
  let bastion: Promise<SshConnection> | undefined;
  const jump = () => {
    const j = options.jumpHost;
    if (!j) return undefined;
    bastion ??= connectSsh(
      {
        name: j.host,
        address: j.host,
        port: j.port ?? options.sshPort,
        user: j.user ?? options.sshUser,
        privateKey: options.sshKey,
        passphrase: options.sshPassphrase,
      },
      settings,
    ).catch((error: Error) => {
      throw new UnreachableError(`jump host ${j.host}: ${error.message}`);
    });
    return bastion;
  };
  return {
    seenKeys,
    async connect(host: Host): Promise<Connection> {
      if (host.connection === 'local') return new LocalConnection();
      const via = jump();
      return connectSsh(
        {
          name: host.name,
          address: host.address,
          port: host.port ?? options.sshPort,
          user: host.user ?? options.sshUser,
          privateKey: keyFor(host),
          passphrase: options.sshPassphrase,
        },
        settings,
        via ? await via : undefined,
      ).catch((error: Error) => {
        throw error instanceof UnreachableError ? error : new OperationError(error.message);
      });
    },
    async close() {
      if (bastion) await (await bastion.catch(() => undefined))?.close();
    },
  };
}

export function warnPolicy(policy: HostKeyPolicy): void {
  if (policy === 'off') {
    core.warning(
      'host-key-policy is off: host keys are not checked, so a machine-in-the-middle would go unnoticed. Use it for throwaway hosts only; pin keys with known-hosts.',
    );
  }
}
