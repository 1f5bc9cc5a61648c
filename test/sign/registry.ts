import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, waitFor } from '../harness';
import { sh } from './fixtures';

/**
 * A real `docker-registry` (CNCF distribution 2.8, Debian) on a free loopback port, its config and
 * storage in the test's temp directory, with htpasswd (Basic) authentication. The htpasswd file is
 * vendored: test/sign/fixtures/registry.htpasswd holds user `paved`, password `registry-secret-pw`,
 * bcrypt-hashed with Python's crypt module (METHOD_BLOWFISH) when the fixture was made.
 */
export const REGISTRY_USER = 'paved';
export const REGISTRY_PASSWORD = 'registry-secret-pw';

export interface TestRegistry {
  host: string;
  close(): Promise<void>;
  /** Pushes a one-layer image built here (OCI layout → skopeo copy) and returns its manifest digest. */
  push(reference: string, content: string): string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  await new Promise((ok) => server.close(ok));
  return port;
}

export async function startRegistry(dir: string): Promise<TestRegistry> {
  const d = join(dir, 'registry');
  mkdirSync(join(d, 'data'), { recursive: true });
  copyFileSync(join(ROOT, 'test/sign/fixtures/registry.htpasswd'), join(d, 'htpasswd'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(
    join(d, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${d}/data`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      'auth:',
      '  htpasswd:',
      '    realm: paved-test',
      `    path: ${d}/htpasswd`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', join(d, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  await waitFor(
    `docker-registry on ${host}`,
    async () => {
      if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
      const r = await fetch(`http://${host}/v2/`).catch(() => undefined);
      return r?.status === 401;
    },
    { timeoutMs: 60_000 },
  );
  let n = 0;
  return {
    host,
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((ok) => child.once('exit', ok));
      }
    },
    push(reference: string, content: string): string {
      const layout = join(d, `layout-${++n}`);
      const src = join(layout, 'src');
      mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
      mkdirSync(src);
      writeFileSync(join(src, 'hello.txt'), content);
      sh('tar', ['-C', src, '-cf', join(layout, 'layer.tar'), 'hello.txt']);
      const tar = readFileSync(join(layout, 'layer.tar'));
      const blob = (bytes: Buffer) => {
        const hex = createHash('sha256').update(bytes).digest('hex');
        writeFileSync(join(layout, 'blobs', 'sha256', hex), bytes);
        return { digest: `sha256:${hex}`, size: bytes.length };
      };
      const layer = blob(gzipSync(tar));
      const diffId = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
      const config = blob(
        Buffer.from(
          JSON.stringify({
            architecture: 'amd64',
            os: 'linux',
            rootfs: { type: 'layers', diff_ids: [diffId] },
            config: {},
          }),
        ),
      );
      const manifestBytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
        }),
      );
      const manifest = blob(manifestBytes);
      writeFileSync(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
      writeFileSync(
        join(layout, 'index.json'),
        JSON.stringify({
          schemaVersion: 2,
          manifests: [
            {
              mediaType: 'application/vnd.oci.image.manifest.v1+json',
              ...manifest,
              annotations: { 'org.opencontainers.image.ref.name': 'img' },
            },
          ],
        }),
      );
      sh('skopeo', [
        '--insecure-policy',
        'copy',
        '--dest-tls-verify=false',
        '--dest-creds',
        `${REGISTRY_USER}:${REGISTRY_PASSWORD}`,
        '--preserve-digests',
        `oci:${layout}:img`,
        `docker://${host}/${reference}`,
      ]);
      return manifest.digest;
    },
  };
}
