import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort, waitFor } from '../harness';

/** A real `docker-registry` (distribution) on a free loopback port, in its own temporary directory. */
export interface Registry {
  /** `127.0.0.1:PORT` */
  host: string;
  dir: string;
  stop(): Promise<void>;
}

export interface TokenAuth {
  /** URL of the token service the registry sends clients to. */
  realm: string;
  service: string;
  issuer: string;
  /** PEM of the certificate(s) whose keys sign the tokens. */
  rootCertificates: string;
}

/**
 * Starts the registry; with `htpasswd` (file contents: user:bcrypt) every request needs Basic auth,
 * with `token` a Bearer token from the given token service (Docker Hub's scheme).
 */
export async function startRegistry(options: { htpasswd?: string; token?: TokenAuth } = {}): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), 'paved-registry-'));
  const port = await closedPort();
  const host = `127.0.0.1:${port}`;
  let auth = '';
  if (options.htpasswd) {
    writeFileSync(join(dir, 'htpasswd'), options.htpasswd);
    auth = `auth:\n  htpasswd:\n    realm: paved-test\n    path: ${join(dir, 'htpasswd')}\n`;
  }
  if (options.token) {
    writeFileSync(join(dir, 'token-roots.pem'), options.token.rootCertificates);
    auth = `auth:\n  token:\n    realm: ${options.token.realm}\n    service: ${options.token.service}\n    issuer: ${options.token.issuer}\n    rootcertbundle: ${join(dir, 'token-roots.pem')}\n`;
  }
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${auth}`,
  );
  let output = '';
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  child.on('error', (error) => {
    exited = error.message;
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      `docker-registry on ${host}`,
      async () => {
        if (exited) throw new Error(`docker-registry ${exited}: ${output}`);
        const response = await fetch(`http://${host}/v2/`).catch(() => undefined);
        // 200 open, 401 with auth: either way it is serving.
        return response !== undefined && (response.status === 200 || response.status === 401);
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, dir, stop };
}
