import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { service } from '../harness';

/**
 * A second sshd on 127.0.0.1 with its own config (in a mkdtemp directory, on a free port), for
 * server setups the shared one does not have: no sftp subsystem, for one. It reuses the shared
 * instance's host key and authorized keys (scripts/services/sshd.sh), so the same client key and
 * a known_hosts line for the new port are all a test needs.
 */
export interface SshdInstance {
  port: number;
  knownHosts: string;
  stop(): Promise<void>;
}

export async function startSshd(extraConfig: string[] = [], withSftp = false): Promise<SshdInstance> {
  const env = service('sshd').env;
  const shared = dirname(env.PAVED_SSH_KEY as string);
  const dir = mkdtempSync(join(tmpdir(), 'rb-sshd-'));
  const port = await freePort();
  const config = join(dir, 'sshd.config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${shared}/host_ed25519`,
      `PidFile ${dir}/sshd.pid`,
      `AuthorizedKeysFile ${shared}/authorized_keys`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'LogLevel ERROR',
      ...(withSftp ? ['Subsystem sftp internal-sftp'] : []),
      ...extraConfig,
      '',
    ].join('\n'),
  );
  const sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  sshd.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  await listening(port, sshd, () => stderr);
  const pub = readFileSync(`${shared}/host_ed25519.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  return {
    port,
    knownHosts: `[127.0.0.1]:${port} ${pub}\n`,
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function listening(port: number, sshd: ChildProcess, stderr: () => string): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    if (sshd.exitCode !== null) throw new Error(`sshd exited (${sshd.exitCode}): ${stderr()}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > end) throw new Error(`sshd did not listen on ${port}: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
