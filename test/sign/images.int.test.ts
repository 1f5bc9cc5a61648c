import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, ROOT, runAction } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { type KeyFiles, opensslKey, sh, status, tempDir } from './fixtures';

/**
 * Input `images` against a real docker-registry on loopback (htpasswd auth), inspected with skopeo:
 * the signature is stored the way cosign stores it (sigstore/cosign specs/SIGNATURE_SPEC.md), so
 * `cosign verify --key` would accept it, and verify refuses a tag that has moved.
 */
const missing = ['docker-registry', 'skopeo'].find((t) => !onPath(t));
if (missing && IN_CI) throw new Error(`image tests need ${missing} under CI=true`);

/**
 * test/sign/fixtures/registry.htpasswd holds user `paved`, password `registry-secret-pw`,
 * bcrypt-hashed with Python's crypt module (METHOD_BLOWFISH) when the fixture was made.
 */
const REGISTRY_USER = 'paved';
const REGISTRY_PASSWORD = 'registry-secret-pw';

const { dir, cleanup } = tempDir('images');
let registry: Registry;
let key: KeyFiles;
let otherKey: KeyFiles;

beforeAll(async () => {
  if (missing) return;
  registry = await startRegistry({
    htpasswd: readFileSync(join(ROOT, 'test/sign/fixtures/registry.htpasswd'), 'utf8'),
  });
  key = opensslKey(dir, 'ec');
  mkdirSync(join(dir, 'other'));
  otherKey = opensslKey(join(dir, 'other'), 'ec');
});
afterAll(async () => {
  await registry?.stop();
  cleanup();
});

let pushed = 0;
/** Pushes a one-layer image built here (OCI layout → skopeo copy) and returns its manifest digest. */
function push(reference: string, content: string): string {
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
    `${REGISTRY_USER}:${REGISTRY_PASSWORD}`,
    '--preserve-digests',
    `oci:${layout}:img`,
    `docker://${registry.host}/${reference}`,
  ]);
  return manifest.digest;
}

const GITHUB_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'b'.repeat(40),
  GITHUB_REF: 'refs/tags/v1',
  GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/release.yml@refs/tags/v1',
  GITHUB_RUN_ID: '9',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

function workspace(name: string): string {
  const ws = join(dir, name);
  mkdirSync(ws, { recursive: true });
  return ws;
}

const creds = { 'registry-username': REGISTRY_USER, 'registry-password': REGISTRY_PASSWORD };
const login = `${REGISTRY_USER}:${REGISTRY_PASSWORD}`;
const inspectRaw = (ref: string) =>
  sh('skopeo', ['--insecure-policy', 'inspect', '--raw', '--tls-verify=false', '--creds', login, ref]);
const copyOut = (ref: string, to: string) =>
  sh('skopeo', ['--insecure-policy', 'copy', '--src-tls-verify=false', '--src-creds', login, ref, to]);

describe.skipIf(missing)(`container images (docker-registry)${missing ? `: skipped, ${missing} missing` : ''}`, () => {
  it("signs a tag's digest in cosign's format: .sig simple-signing layer with the signature annotation, .att DSSE layer", async () => {
    const digest = push('paved/app:v1', 'version 1\n');
    const ws = workspace('sign');
    const image = `${registry.host}/paved/app:v1`;
    const r = await runAction(
      'sign',
      { method: 'key', images: image, 'private-key': readFileSync(key.plain, 'utf8'), provenance: 'true', ...creds },
      { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.images ?? '{}')).toEqual({ [image]: digest });
    expect(r.masks).toContain(REGISTRY_PASSWORD);
    expect(r.summary).toContain('Signed 1 image (cosign format)');
    expect(r.summary).toContain(digest.slice(0, 23));
    expect(r.summary + r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(REGISTRY_PASSWORD);

    // skopeo's view of the .sig tag: an OCI manifest whose layer is the simple-signing payload.
    const hex = digest.slice('sha256:'.length);
    const sigTag = `docker://${registry.host}/paved/app:sha256-${hex}.sig`;
    const manifest = JSON.parse(inspectRaw(sigTag));
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.layers).toHaveLength(1);
    const [layer] = manifest.layers;
    expect(layer.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
    const signature = layer.annotations['dev.cosignproject.cosign/signature'];
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);

    // Fetch the payload blob with skopeo and check it as cosign does: digest named, signature by the key.
    const out = join(ws, 'sig-copy');
    copyOut(sigTag, `dir:${out}`);
    const payloadFile = join(out, layer.digest.slice('sha256:'.length));
    const payload = JSON.parse(readFileSync(payloadFile, 'utf8'));
    expect(payload.critical).toEqual({
      identity: { 'docker-reference': `${registry.host}/paved/app` },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    });
    writeFileSync(join(ws, 'sig.der'), Buffer.from(signature, 'base64'));
    expect(
      status('openssl', ['dgst', '-sha256', '-verify', key.publicPem, '-signature', join(ws, 'sig.der'), payloadFile]),
    ).toBe(0);

    const att = JSON.parse(inspectRaw(`docker://${registry.host}/paved/app:sha256-${hex}.att`));
    expect(att.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      'application/vnd.dsse.envelope.v1+json',
    ]);
    expect(att.layers[0].annotations.predicateType).toBe('https://slsa.dev/provenance/v1');

    // Signing again with another key appends a second signature, as cosign does.
    const again = await runAction(
      'sign',
      { method: 'key', images: image, 'private-key': readFileSync(otherKey.plain, 'utf8'), ...creds },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(again.exitCode, again.stdout).toBe(0);
    expect(JSON.parse(inspectRaw(sigTag)).layers).toHaveLength(2);
    expect(readdirSync(out).length).toBeGreaterThan(0);
  });

  it('verifies with the public key and docker config credentials; refuses another key, no credentials, and a moved tag', async () => {
    const digest = push('paved/tool:stable', 'tool 1\n');
    const ws = workspace('verify');
    const signed = await runAction(
      'sign',
      {
        method: 'key',
        images: `${registry.host}/paved/tool:stable`,
        'private-key': readFileSync(key.plain, 'utf8'),
        ...creds,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);

    // Credentials from ~/.docker/config.json, as `docker login` writes them.
    const home = join(ws, 'home');
    mkdirSync(join(home, '.docker'), { recursive: true });
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64') } },
      }),
    );
    const verify = (images: string, publicKey = key.publicPem, env: Record<string, string> = { HOME: home }) =>
      runAction(
        'sign',
        { command: 'verify', method: 'key', images, 'public-key': publicKey },
        { env: { GITHUB_WORKSPACE: ws, DOCKER_CONFIG: '', ...env } },
      );
    const pinned = `${registry.host}/paved/tool:stable@${digest}`;
    const ok = await verify(`${registry.host}/paved/tool:stable\n${pinned}`);
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.images ?? '{}')).toEqual({
      [`${registry.host}/paved/tool:stable`]: digest,
      [pinned]: digest,
    });
    expect(ok.masks).toContain(REGISTRY_PASSWORD);

    const other = await verify(`${registry.host}/paved/tool:stable`, otherKey.publicPem);
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toMatch(/paved\/tool:stable: no signature in .* verifies with the public key/);

    const anonymous = await verify(`${registry.host}/paved/tool:stable`, key.publicPem, { HOME: join(ws, 'nohome') });
    expect(anonymous.exitCode).toBe(1);
    expect(anonymous.stdout).toMatch(
      /::error::sign: Registry 127\.0\.0\.1:\d+ needs credentials for 127\.0\.0\.1:\d+\/paved\/tool:stable \(HTTP 401 UNAUTHORIZED\): .* or set registry-username\/registry-password/,
    );

    // Someone pushes another image under the same tag.
    const moved = push('paved/tool:stable', 'tool 2, not what was signed\n');
    expect(moved).not.toBe(digest);
    const byTag = await verify(`${registry.host}/paved/tool:stable`);
    expect(byTag.exitCode).toBe(1);
    expect(byTag.stdout).toContain(`no cosign signature for ${moved}`);
    const byPin = await verify(pinned);
    expect(byPin.exitCode).toBe(1);
    expect(byPin.summary).toContain('Verification failed for 1 of 1 image');
    expect(byPin.stdout).toContain(`tag stable now points at ${moved}, not the signed ${digest}`);
  });

  it('a missing tag and a non-key method are configuration errors', async () => {
    const ws = workspace('bad');
    const noTag = await runAction(
      'sign',
      {
        method: 'key',
        images: `${registry.host}/paved/none:v9`,
        'private-key': readFileSync(key.plain, 'utf8'),
        ...creds,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(noTag.exitCode).toBe(1);
    expect(noTag.stdout).toMatch(/::error::sign: Input images: .*paved\/none:v9: no tag v9 in/);
    const badRef = await runAction(
      'sign',
      { method: 'key', images: `${registry.host}/Paved/App:v1`, 'private-key': readFileSync(key.plain, 'utf8') },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(badRef.exitCode).toBe(1);
    expect(badRef.stdout).toMatch(/::error::sign: Input images: Image reference ".*\/Paved\/App:v1" is not valid/);
    const keyless = await runAction(
      'sign',
      { images: `${registry.host}/paved/app:v1` },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(keyless.exitCode).toBe(1);
    expect(keyless.stdout).toContain('images are signed and verified with method key');
  });
});
