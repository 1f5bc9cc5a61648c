import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { closedPort, service, waitFor } from '../harness';

/**
 * A second sshd on 127.0.0.1 with its own config (in a mkdtemp directory, on a free port), for
 * server setups the shared one does not have: no sftp subsystem, for one. It reuses the shared
 * instance's host key and authorized keys (scripts/services/sshd.sh), so the same client key and
 * a known_hosts line for the new port are all a test needs.
 */
export interface SshdInstance {
  port: number;
  knownHosts: string;
  /** `type base64` of the host key, for known_hosts lines of other addresses. */
  hostKey: string;
  stop(): Promise<void>;
}

export interface SshdOptions {
  extraConfig?: string[];
  /** Run inside this network namespace (ip netns exec), listening on `address`. */
  netns?: string;
  address?: string;
  /** Where to check that it listens, when address is 0.0.0.0. */
  probe?: string;
  port?: number;
}

export async function startSshd(settings: SshdOptions | string[] = {}): Promise<SshdInstance> {
  const options: SshdOptions = Array.isArray(settings) ? { extraConfig: settings } : settings;
  const { extraConfig = [], netns, address = '127.0.0.1' } = options;
  const env = service('sshd').env;
  const shared = dirname(env.PAVED_SSH_KEY as string);
  const dir = mkdtempSync(join(tmpdir(), 'rb-sshd-'));
  const port = options.port ?? (await closedPort());
  const config = join(dir, 'sshd.config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      `ListenAddress ${address}`,
      `HostKey ${shared}/host_ed25519`,
      `PidFile ${dir}/sshd.pid`,
      `AuthorizedKeysFile ${shared}/authorized_keys`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'LogLevel ERROR',
      // No Subsystem line: this server has no sftp (the shared one does).
      ...extraConfig,
      '',
    ].join('\n'),
  );
  const argv = ['/usr/sbin/sshd', '-D', '-e', '-f', config];
  const sshd = netns
    ? spawn('ip', ['netns', 'exec', netns, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  sshd.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  await listening(address === '0.0.0.0' ? (options.probe ?? '127.0.0.1') : address, port, sshd, () => stderr);
  const pub = readFileSync(`${shared}/host_ed25519.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return {
    port,
    knownHosts: `[${address}]:${port} ${pub}\n`,
    hostKey: pub,
    async stop() {
      if (sshd.exitCode === null) {
        const exited = new Promise((resolve) => sshd.once('exit', resolve));
        sshd.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function listening(host: string, port: number, sshd: ChildProcess, stderr: () => string): Promise<void> {
  const state = await waitFor(
    `sshd to listen on ${host}:${port}`,
    async () => (sshd.exitCode !== null ? 'exited' : (await accepts(host, port)) && 'up'),
    { timeoutMs: 30_000 },
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${stderr()}`);
  });
  if (state === 'exited') throw new Error(`sshd exited (${sshd.exitCode}): ${stderr()}`);
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
