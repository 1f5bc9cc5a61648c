import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, OperationError } from '../../shared/errors';
import { digestOf, type ImageManifest, MEDIA_TYPES, parseChallenge, RegistryClient } from '../../shared/oci/client';
import { parseReference } from '../../shared/oci/reference';
import { IN_CI, onPath } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { FIXTURES } from './helpers';

/**
 * shared/oci against a real docker-registry: push (what sign will use), resolve, platform choice
 * from an index, digest verification, Basic auth; and reference parsing as the Docker CLI does it.
 */
const available = onPath('docker-registry');
if (IN_CI && !available) throw new Error('docker-registry is required under CI=true');
const PASSWORD = 'paved-registry-test';

describe('OCI references', () => {
  it('normalises like the Docker CLI', () => {
    expect(parseReference('debian')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/debian',
      tag: 'latest',
    });
    expect(parseReference('acme/api:1.2')).toMatchObject({ registry: 'docker.io', repository: 'acme/api', tag: '1.2' });
    expect(parseReference('127.0.0.1:5000/a/b')).toMatchObject({
      registry: '127.0.0.1:5000',
      repository: 'a/b',
      tag: 'latest',
    });
    expect(parseReference('localhost/x:y')).toMatchObject({ registry: 'localhost', repository: 'x', tag: 'y' });
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseReference(`ghcr.io/o/r@${digest}`)).toMatchObject({
      registry: 'ghcr.io',
      repository: 'o/r',
      digest,
      tag: undefined,
    });
    for (const bad of ['', 'UPPER/case', 'a@sha256:short', 'a:b:c:/d'])
      expect(() => parseReference(bad), bad).toThrow(ConfigurationError);
  });

  it('reads WWW-Authenticate challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/debian:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/debian:pull',
      },
    });
    expect(parseChallenge('Basic realm="paved-test"')).toEqual({ scheme: 'basic', params: { realm: 'paved-test' } });
  });
});

describe.skipIf(!available)('OCI client against docker-registry', () => {
  let open: Registry;
  let locked: Registry;
  let noConfig: string;
  beforeAll(async () => {
    noConfig = join(mkdtempSync(join(tmpdir(), 'oci-client-')), 'config.json');
    open = await startRegistry();
    const { readFileSync } = await import('node:fs');
    locked = await startRegistry({ htpasswd: readFileSync(join(FIXTURES, 'image', 'htpasswd'), 'utf8') });
  }, 120_000);
  afterAll(async () => {
    await open?.stop();
    await locked?.stop();
    if (noConfig) rmSync(join(noConfig, '..'), { recursive: true, force: true });
  });

  /** Pushes a one-layer image for `arch` and returns its manifest digest. */
  async function pushImage(
    client: RegistryClient,
    ref: ReturnType<typeof parseReference>,
    arch: string,
  ): Promise<{ digest: string; layer: string }> {
    const layer = gzipSync(Buffer.from(`layer for ${arch}\n`));
    const config = Buffer.from(
      JSON.stringify({
        architecture: arch,
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [digestOf(`layer for ${arch}\n`)] },
      }),
    );
    const layerDigest = await client.pushBlob(ref, layer);
    const configDigest = await client.pushBlob(ref, config);
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
    };
    const body = Buffer.from(JSON.stringify(manifest));
    const digest = await client.pushManifest(ref, digestOf(body), body, MEDIA_TYPES.ociManifest);
    return { digest, layer: layerDigest };
  }

  it('pushes a multi-platform index, resolves it, and picks the platform asked for', async () => {
    const client = new RegistryClient(open.host, { dockerConfig: noConfig });
    const ref = parseReference(`${open.host}/paved/multi:1`);
    const amd64 = await pushImage(client, ref, 'amd64');
    const arm64 = await pushImage(client, ref, 'arm64');
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociIndex,
        manifests: [
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: amd64.digest,
            size: 1,
            platform: { os: 'linux', architecture: 'amd64' },
          },
          {
            mediaType: MEDIA_TYPES.ociManifest,
            digest: arm64.digest,
            size: 1,
            platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
          },
        ],
      }),
    );
    const indexDigest = await client.pushManifest(ref, '1', index, MEDIA_TYPES.ociIndex);
    expect(await client.resolve(ref)).toBe(indexDigest);
    const chosen = await client.getImage(ref);
    expect([chosen.digest, chosen.indexDigest]).toEqual([amd64.digest, indexDigest]);
    const arm = await client.getImage(ref, { os: 'linux', architecture: 'arm64' });
    expect(arm.digest).toBe(arm64.digest);
    expect((await client.fetchBlob(ref, arm.manifest.layers[0]?.digest as string)).length).toBeGreaterThan(0);
    await expect(client.getImage(ref, { os: 'linux', architecture: 's390x' })).rejects.toThrow(
      /has no linux\/s390x image; it has linux\/amd64, linux\/arm64\/v8/,
    );
    await expect(client.getImage(parseReference(`${open.host}/paved/multi:nope`))).rejects.toThrow(
      /paved\/multi:nope was not found in registry .*HTTP 404 MANIFEST_UNKNOWN/,
    );
  });

  it('a blob that does not match its digest is an error, never returned', async () => {
    const client = new RegistryClient(open.host, { dockerConfig: noConfig });
    const ref = parseReference(`${open.host}/paved/tampered:1`);
    const { layer } = await pushImage(client, ref, 'amd64');
    // Change the stored bytes behind the registry's back.
    const hex = layer.slice('sha256:'.length);
    const data = join(open.dir, 'data', 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
    expect(readdirSync(join(data, '..'))).toContain('data');
    writeFileSync(data, gzipSync(Buffer.from('something else, same length?\n')));
    const error = await client.fetchBlob(ref, layer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect(String(error)).toMatch(/does not match its digest/);
  });

  it('Basic auth: explicit credentials push and pull; wrong or missing ones are a 401 naming the reference', async () => {
    const ref = parseReference(`${locked.host}/paved/private:1`);
    const good = new RegistryClient(locked.host, { credentials: { username: 'paved', password: PASSWORD } });
    const { digest } = await pushImage(good, ref, 'amd64');
    expect((await good.getImage({ ...ref, tag: undefined, digest })).digest).toBe(digest);
    const wrong = new RegistryClient(locked.host, { credentials: { username: 'paved', password: 'wrong' } });
    await expect(wrong.getImage({ ...ref, digest })).rejects.toThrow(
      /rejected the credentials for .*paved\/private.* \(HTTP 401/,
    );
    const none = new RegistryClient(locked.host, { dockerConfig: noConfig });
    const error = await none.resolve(ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toMatch(/needs credentials for .*paved\/private:1 \(HTTP 401/);
  });
});
