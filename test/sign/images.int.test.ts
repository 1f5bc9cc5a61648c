import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, runAction } from '../harness';
import type { Registry } from '../services/registry';
import { type KeyFiles, opensslKey, status, tempDir } from './fixtures';
import {
  copyOut,
  CREDS as creds,
  inspectRaw,
  pushImage,
  REGISTRY_PASSWORD,
  REGISTRY_USER,
  startImageRegistry,
} from './registry-images';

/**
 * Input `images` against a real docker-registry on loopback (htpasswd auth), inspected with skopeo:
 * the signature is stored the way cosign stores it (sigstore/cosign specs/SIGNATURE_SPEC.md), so
 * `cosign verify --key` would accept it, and verify refuses a tag that has moved.
 */
const missing = ['docker-registry', 'skopeo'].find((t) => !onPath(t));
if (missing && IN_CI) throw new Error(`image tests need ${missing} under CI=true`);

const { dir, cleanup } = tempDir('images');
let registry: Registry;
let key: KeyFiles;
let otherKey: KeyFiles;

beforeAll(async () => {
  if (missing) return;
  registry = await startImageRegistry();
  key = opensslKey(dir, 'ec');
  mkdirSync(join(dir, 'other'));
  otherKey = opensslKey(join(dir, 'other'), 'ec');
});
afterAll(async () => {
  await registry?.stop();
  cleanup();
});

/** Pushes a one-layer image to the test registry and returns its manifest digest. */
const push = (reference: string, content: string) => pushImage(dir, registry.host, reference, content);

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

  it('a missing tag and a method other than key or keyless are configuration errors', async () => {
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
    const openpgp = await runAction(
      'sign',
      { method: 'openpgp', images: `${registry.host}/paved/app:v1` },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(openpgp.exitCode).toBe(1);
    expect(openpgp.stdout).toContain('images are signed and verified with method key');
    expect(openpgp.stdout).toContain('or keyless; method is openpgp');
  });
});
