import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { sh } from './fixtures';

/**
 * The image tests' registry: a real docker-registry with htpasswd auth, images pushed into it with
 * skopeo, and what the tests read back through skopeo and the distribution API.
 *
 * test/sign/fixtures/registry.htpasswd holds user `paved`, password `registry-secret-pw`,
 * bcrypt-hashed with Python's crypt module (METHOD_BLOWFISH) when the fixture was made.
 */
export const REGISTRY_USER = 'paved';
export const REGISTRY_PASSWORD = 'registry-secret-pw';
export const LOGIN = `${REGISTRY_USER}:${REGISTRY_PASSWORD}`;
/** The action's inputs for these credentials. */
export const CREDS = { 'registry-username': REGISTRY_USER, 'registry-password': REGISTRY_PASSWORD };

export function startImageRegistry(): Promise<Registry> {
  return startRegistry({ htpasswd: readFileSync(join(ROOT, 'test/sign/fixtures/registry.htpasswd'), 'utf8') });
}

let pushed = 0;
/**
 * Pushes a one-layer image built here (OCI layout in `dir` → skopeo copy) to `host/reference` and
 * returns its manifest digest.
 */
export function pushImage(dir: string, host: string, reference: string, content: string): string {
  const layout = join(dir, `layout-${++pushed}`);
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
  const manifest = blob(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
      }),
    ),
  );
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
    LOGIN,
    '--preserve-digests',
    `oci:${layout}:img`,
    `docker://${host}/${reference}`,
  ]);
  return manifest.digest;
}

/** `skopeo inspect --raw`: the manifest as the registry stores it. */
export const inspectRaw = (ref: string) =>
  sh('skopeo', ['--insecure-policy', 'inspect', '--raw', '--tls-verify=false', '--creds', LOGIN, ref]);

/** `skopeo copy` out of the registry (e.g. to `dir:<path>`, one file per blob). */
export const copyOut = (ref: string, to: string) =>
  sh('skopeo', ['--insecure-policy', 'copy', '--src-tls-verify=false', '--src-creds', LOGIN, ref, to]);
