import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import { registerSecret } from '../../../../shared/secrets';
import type { Options } from '../inputs';
import type { Host } from '../inventory';
import { KnownHosts } from './known-hosts';
import { LocalConnection } from './local';
import { checkPrivateKey, connectSsh, type HostKeyPolicy, type SshConnection, type SshSettings } from './ssh';
import { type Connection, UnreachableError } from './types';

/** The connection settings of the parsed inputs, plus where the run is and how it is cancelled. */
export type TransportOptions = Pick<
  Options,
  'sshKey' | 'sshPassphrase' | 'sshUser' | 'sshPort' | 'knownHosts' | 'hostKeyPolicy' | 'jumpHost' | 'connectTimeoutMs'
> & { workspace: string; signal: AbortSignal };

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
    if (options.sshKey) return options.sshKey;
    if (process.env.SSH_AUTH_SOCK) return undefined;
    // Like OpenSSH without -i: the user's default identity, so `paved runbook` works from a terminal.
    for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
      const path = resolve(homedir(), '.ssh', name);
      if (keyFiles.has(path)) return keyFiles.get(path);
      try {
        const text = readFileSync(path, 'utf8');
        keyFiles.set(path, text);
        return text;
      } catch {
        /* try the next one */
      }
    }
    return undefined;
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

/** Every key that will be used must open before the first connection (input key and inventory key files). */
export async function checkKeys(
  options: Pick<TransportOptions, 'sshKey' | 'sshPassphrase' | 'workspace'>,
  hosts: Host[],
): Promise<void> {
  if (options.sshKey) {
    const problem = await checkPrivateKey(options.sshKey, options.sshPassphrase, 'The ssh-key input');
    if (problem) throw new ConfigurationError(problem, { input: 'ssh-key' });
  }
  const files = new Set(
    hosts.filter((h) => h.connection === 'ssh' && h.privateKeyFile).map((h) => h.privateKeyFile as string),
  );
  for (const file of files) {
    const path = resolve(options.workspace, file.replace(/^~(?=\/)/, homedir()));
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigurationError(
        `The private key file ${file} named in the inventory cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    const problem = await checkPrivateKey(text, options.sshPassphrase, `The private key file ${file}`);
    if (problem) throw new ConfigurationError(problem);
  }
}
