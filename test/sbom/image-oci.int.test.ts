import { execFileSync } from 'node:child_process';
import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, OperationError } from '../../shared/errors';
import {
  digestOf,
  type ImageManifest,
  MEDIA_TYPES,
  parseChallenge,
  pickPlatform,
  RegistryClient,
} from '../../shared/oci/client';
import { parseReference } from '../../shared/oci/reference';
import { redact } from '../../shared/secrets';
import { closedPort, IN_CI, onPath } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { FIXTURES } from './helpers';

/**
 * shared/oci against a real docker-registry: push (what sign will use), resolve, platform choice
 * from an index, digest verification, Basic auth; and reference parsing as the Docker CLI does it.
 */
const available = onPath('docker-registry') && onPath('openssl');
if (IN_CI && !available) throw new Error('docker-registry and openssl are required under CI=true');
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

describe('platform choice from an index', () => {
  const entry = (architecture: string, variant?: string) => ({
    mediaType: MEDIA_TYPES.ociManifest,
    digest: `sha256:${architecture}${variant ?? ''}`,
    size: 1,
    platform: { os: 'linux', architecture, ...(variant ? { variant } : {}) },
  });
  const index = (...manifests: ReturnType<typeof entry>[]) => ({ schemaVersion: 2, manifests });

  it('counts an unwritten variant as the architecture default, as containerd does', () => {
    // linux/arm64/v8 asked, the index writes plain arm64 (and the other way round).
    expect(
      pickPlatform(index(entry('amd64'), entry('arm64')), { os: 'linux', architecture: 'arm64', variant: 'v8' }, 'x')
        .digest,
    ).toBe('sha256:arm64');
    expect(pickPlatform(index(entry('arm64', 'v8')), { os: 'linux', architecture: 'arm64' }, 'x').digest).toBe(
      'sha256:arm64v8',
    );
    // linux/arm prefers arm/v7 (the default) over an earlier arm/v6.
    expect(
      pickPlatform(index(entry('arm', 'v6'), entry('arm', 'v7')), { os: 'linux', architecture: 'arm' }, 'x').digest,
    ).toBe('sha256:armv7');
    expect(() =>
      pickPlatform(index(entry('arm', 'v6')), { os: 'linux', architecture: 'arm', variant: 'v7' }, 'img'),
    ).toThrow(/img has no linux\/arm\/v7 image; it has linux\/arm\/v6/);
  });

  it('an index of 50 platforms (one listed twice, one absurdly long) makes a short error', () => {
    const many = Array.from({ length: 50 }, (_, i) => entry(`arch${i}`));
    many.push(entry('arch0'), entry(`x${'y'.repeat(100_000)}`));
    let message = '';
    try {
      pickPlatform(index(...many), { os: 'linux', architecture: 's390x' }, 'img');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^img has no linux\/s390x image; it has linux\/arch0, linux\/arch1, .*linux\/arch11 and 39 more$/,
    );
    expect(message.length).toBeLessThan(400);
  });
});

describe('OCI client credentials', () => {
  it('are masked in the encodings they travel in: the Basic header, a Docker config auth', () => {
    const password = 'pa$$:w"rd';
    // A user name whose length is not a multiple of 3, so the password's own base64 is not inside the header's.
    new RegistryClient('127.0.0.1:1', { credentials: { username: 'paved-user', password } });
    const basic = Buffer.from(`paved-user:${password}`).toString('base64');
    // Base64 padding depends on what follows, so it may stay; the secret part may not.
    expect(redact(`Authorization: Basic ${basic}`)).toMatch(/^Authorization: Basic \*\*\*=*$/);
    expect(redact(`{"auths":{"r":{"auth":"${basic}"}}}`)).not.toContain(basic.replace(/=+$/, ''));
  });
});

/**
 * A registry that stops answering: no docker-registry can be made to hang on cue, so a loopback
 * HTTP server plays one. The manifest is never answered; the blob sends its headers and half its
 * bytes, then nothing. Both must fail the call after the client's timeout, never hang it.
 */
describe('OCI client against a registry that stalls or answers garbage', () => {
  const held: import('node:http').ServerResponse[] = [];
  const layer = Buffer.alloc(64 * 1024, 7);
  const server = createServer((req, res) => {
    held.push(res);
    if (req.url?.includes('/blobs/')) {
      res.writeHead(200, { 'Content-Length': String(layer.length) });
      res.write(layer.subarray(0, layer.length / 2));
    }
  });
  let host = '';
  let noConfig = '';
  beforeAll(async () => {
    noConfig = join(mkdtempSync(join(tmpdir(), 'oci-stall-')), 'config.json');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a manifest never answered is an OperationError naming the registry and the timeout', async () => {
    const client = new RegistryClient(host, { timeoutMs: 1000, dockerConfig: noConfig });
    const error = await client.getImage(parseReference(`${host}/paved/hung:1`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect(String(error)).toMatch(/Registry 127\.0\.0\.1:\d+ did not answer GET .*paved\/hung:1 within 1 s/);
  });

  it('a token service answering with an HTML page instead of a token is an OperationError saying so', async () => {
    const portal = createServer((req, res) => {
      if (req.url?.startsWith('/v2/'))
        res
          .writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${req.headers.host}/token",service="portal"` })
          .end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in to the Wi-Fi</body></html>');
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    try {
      const at = `127.0.0.1:${(portal.address() as import('node:net').AddressInfo).port}`;
      const client = new RegistryClient(at, {
        dockerConfig: join(mkdtempSync(join(tmpdir(), 'oci-portal-')), 'config.json'),
      });
      const error = await client.resolve(parseReference(`${at}/paved/portal:1`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OperationError);
      expect(String(error)).toMatch(
        /Token service http:\/\/127\.0\.0\.1:\d+ of registry 127\.0\.0\.1:\d+ returned no token/,
      );
    } finally {
      await new Promise<void>((resolve) => portal.close(() => resolve()));
    }
  });

  it('a blob that stops half way errors its stream instead of hanging the reader', async () => {
    const client = new RegistryClient(host, { timeoutMs: 1000, dockerConfig: noConfig });
    const error = await client
      .fetchBlob(parseReference(`${host}/paved/hung:1`), digestOf(layer))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect(String(error)).toMatch(/stopped sending blob sha256:[0-9a-f]{64} .*: no bytes .* for 1 s/);
  });
});

describe.skipIf(!available)('OCI client against docker-registry', () => {
  let open: Registry;
  let locked: Registry;
  let noConfig: string;
  beforeAll(async () => {
    noConfig = join(mkdtempSync(join(tmpdir(), 'oci-client-')), 'config.json');
    open = await startRegistry();
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
    // findRaw (sign's look-up of an existing .sig manifest) says "none" instead of failing.
    expect(await client.findRaw(parseReference(`${open.host}/paved/multi:nope`))).toBeUndefined();
    expect((await client.findRaw(ref))?.digest).toBe(indexDigest);
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

  it("Bearer auth: the registry's challenge is answered with a token from its token service (as Docker Hub does)", async () => {
    // A token service (Docker Hub's auth.docker.io in miniature) signing with a key whose self-signed
    // certificate the real registry trusts; the registry checks every token's signature, audience and grants.
    const dir = mkdtempSync(join(tmpdir(), 'oci-token-'));
    let server: Server | undefined;
    let registry: Registry | undefined;
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=paved-token',
          '-days',
          '1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const key = readFileSync(join(dir, 'key.pem'), 'utf8');
      const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
      const der = new X509Certificate(cert).raw.toString('base64');
      const requests: string[] = [];
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://token');
        requests.push(
          `${url.searchParams.get('service')} ${url.searchParams.get('scope')} ${req.headers.authorization ? 'with credentials' : 'anonymous'}`,
        );
        if (req.headers.authorization !== `Basic ${Buffer.from(`paved:${PASSWORD}`).toString('base64')}`) {
          res.writeHead(401).end('{"details":"bad credentials"}');
          return;
        }
        const [, name, actions] = /^repository:([^:]+):(.+)$/.exec(url.searchParams.get('scope') ?? '') ?? [];
        const now = Math.floor(Date.now() / 1000);
        const unsigned = `${b64({ typ: 'JWT', alg: 'RS256', x5c: [der] })}.${b64({
          iss: 'paved-test',
          sub: 'paved',
          aud: 'paved-registry',
          exp: now + 300,
          nbf: now - 60,
          iat: now,
          jti: randomUUID(),
          access: name ? [{ type: 'repository', name, actions: (actions as string).split(',') }] : [],
        })}`;
        const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ token: `${unsigned}.${signature}` }));
      });
      const port = await closedPort();
      await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
      registry = await startRegistry({
        token: {
          realm: `http://127.0.0.1:${port}/token`,
          service: 'paved-registry',
          issuer: 'paved-test',
          rootCertificates: cert,
        },
      });
      const ref = parseReference(`${registry.host}/paved/bearer:1`);
      const client = new RegistryClient(registry.host, { credentials: { username: 'paved', password: PASSWORD } });
      const { digest } = await pushImage(client, ref, 'amd64');
      // Tag it: the manifest as stored, put again under the tag.
      const { raw } = await client.getRaw({ ...ref, tag: undefined, digest });
      await client.pushManifest(ref, '1', raw, MEDIA_TYPES.ociManifest);
      const reader = new RegistryClient(registry.host, { credentials: { username: 'paved', password: PASSWORD } });
      expect(await reader.resolve(ref)).toBe(digest);
      expect(requests).toContain('paved-registry repository:paved/bearer:pull,push with credentials');
      expect(requests).toContain('paved-registry repository:paved/bearer:pull with credentials');
      const refused = new RegistryClient(registry.host, { credentials: { username: 'paved', password: 'wrong' } });
      await expect(refused.resolve(ref)).rejects.toThrow(
        /Token service http:\/\/127\.0\.0\.1:\d+ refused .*paved\/bearer:1 \(HTTP 401\): the credentials were rejected/,
      );
    } finally {
      await registry?.stop();
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
