import { createHash, createPublicKey, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, runAction } from '../harness';
import type { Registry } from '../services/registry';
import { tempDir } from './fixtures';
import { CREDS, inspectRaw, LOGIN, pushImage, REGISTRY_PASSWORD, startImageRegistry } from './registry-images';
import { IDENTITY, ISSUER, REQUEST_TOKEN, type Sigstore, startSigstore } from './sigstore';

/**
 * Keyless image signatures (`images` with method keyless) against a real docker-registry on
 * loopback and the private Sigstore of test/sign/sigstore.ts (@sigstore/mock's Fulcio and Rekor).
 * The layers must be what cosign v2 writes (sigstore/cosign pkg/oci/static/signature.go,
 * options.go; pkg/cosign/bundle/rekor.go): the simple-signing payload with the signature, the
 * Fulcio certificate and chain, and Rekor's signed entry timestamp as the `dev.sigstore.cosign/bundle`
 * JSON, which the test checks itself with Rekor's key from the trusted root, as cosign does offline.
 */
const missing = ['docker-registry', 'skopeo'].find((t) => !onPath(t));
if (missing && IN_CI) throw new Error(`image tests need ${missing} under CI=true`);

const SIG = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
};

const { dir, cleanup } = tempDir('images-keyless');
let sigstore: Sigstore;
let registry: Registry;
let proxy: FlakyProxy;

beforeAll(async () => {
  sigstore = await startSigstore(dir);
  if (missing) return;
  registry = await startImageRegistry();
  proxy = await flakyProxy(registry.host);
});
afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
  await sigstore?.stop();
  cleanup();
});

/**
 * An HTTP proxy in front of the registry that fails the requests `fail` picks: with HTTP 500, or by
 * dropping the connection after reading part of the body (a registry or load balancer going away
 * mid-push). The Host header is passed on, so the registry's upload Locations point at the proxy.
 */
interface FlakyProxy {
  host: string;
  fail: (method: string, path: string) => 500 | 'drop' | undefined;
  failed: string[];
  stop(): Promise<void>;
}

async function flakyProxy(target: string): Promise<FlakyProxy> {
  const [hostname, port] = target.split(':');
  const state: FlakyProxy = { host: '', fail: () => undefined, failed: [], stop: async () => undefined };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const failure = state.fail(req.method ?? 'GET', path);
    if (failure) state.failed.push(`${req.method} ${path} → ${failure}`);
    if (failure === 500) {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNKNOWN","message":"injected failure"}]}');
      return;
    }
    if (failure === 'drop') {
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      return;
    }
    const upstream = request(
      { hostname, port: Number(port), method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  state.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.stop = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return state;
}

/** The distribution API with the test credentials (what the tests read and rewrite behind the action's back). */
async function registryApi(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://${registry.host}/v2/${path}`, {
    ...init,
    headers: {
      Authorization: `Basic ${Buffer.from(LOGIN).toString('base64')}`,
      Accept: 'application/vnd.oci.image.manifest.v1+json',
      ...(init.headers ?? {}),
    },
  });
}

async function blob(repository: string, digest: string): Promise<Buffer> {
  const response = await registryApi(`${repository}/blobs/${digest}`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Puts a manifest (a rewritten one, behind the action's back) under `repository/manifests/tag`. */
async function putManifest(path: string, manifest: unknown): Promise<void> {
  const put = await registryApi(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
    body: Buffer.isBuffer(manifest) ? manifest : JSON.stringify(manifest),
  });
  expect(put.status).toBe(201);
}

interface Layer {
  mediaType: string;
  digest: string;
  annotations: Record<string, string>;
}

const workspace = (name: string) => {
  const ws = join(dir, name);
  mkdirSync(ws, { recursive: true });
  return ws;
};

/** Every place a secret could leak to: the log (minus the ::add-mask:: commands), the summary, the outputs. */
function published(r: Awaited<ReturnType<typeof runAction>>): string {
  const log = `${r.stdout}\n${r.stderr}`.replace(/^::add-mask::.*$/gm, '');
  return `${log}\n${r.summary}\n${JSON.stringify(r.outputs)}\n${JSON.stringify(r.annotations)}`;
}

/** JSON with sorted keys and no spaces (RFC 8785 for these plain values), what Rekor signs in a SET. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe.skipIf(missing)(`keyless container images${missing ? `: skipped, ${missing} missing` : ''}`, () => {
  const keylessInputs = () => ({
    method: 'keyless',
    'fulcio-url': `${sigstore.base}/fulcio`,
    'rekor-url': `${sigstore.base}/rekor`,
    ...CREDS,
  });
  const verify = (images: string, identity = IDENTITY, issuer = ISSUER) =>
    runAction(
      'sign',
      {
        command: 'verify',
        method: 'keyless',
        images,
        'trusted-root': sigstore.trustedRootPath,
        'certificate-identity': identity,
        'certificate-oidc-issuer': issuer,
        ...CREDS,
      },
      { env: { GITHUB_WORKSPACE: workspace('verify') } },
    );

  // First: the stand-in TSA's clock is fixed three minutes after it started, and its time must fall
  // inside the 10-minute certificates issued now.
  it("tsa-url adds RFC 3161 timestamps as cosign v2 does (the signature's over its signature, the attestation's over its envelope), which verify checks", async () => {
    const digest = pushImage(dir, registry.host, 'paved/stamped:v1', 'stamped\n');
    const hex = digest.slice('sha256:'.length);
    const image = `${registry.host}/paved/stamped:v1`;
    const r = await runAction(
      'sign',
      { ...keylessInputs(), images: image, provenance: 'true', 'tsa-url': `${sigstore.base}/tsa/api/v1/timestamp` },
      { env: sigstore.env(workspace('stamped')) },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const paths = {
      sig: `paved/stamped/manifests/sha256-${hex}.sig`,
      att: `paved/stamped/manifests/sha256-${hex}.att`,
    };
    const read = async (path: string) =>
      JSON.parse(Buffer.from(await (await registryApi(path)).arrayBuffer()).toString('utf8'));
    const tokens: Record<string, string> = {};
    for (const [kind, path] of Object.entries(paths)) {
      const annotations = ((await read(path)).layers[0] as Layer).annotations;
      const token = JSON.parse(annotations[SIG.timestamp] ?? '{}');
      expect(Object.keys(token)).toEqual(['SignedRFC3161Timestamp']);
      expect(Buffer.from(token.SignedRFC3161Timestamp, 'base64')[0]).toBe(0x30); // a DER TimeStampResp
      tokens[kind] = annotations[SIG.timestamp] ?? '';
    }
    const ok = await verify(image);
    expect(ok.exitCode, ok.stdout).toBe(0);

    // A genuine token, but for other bytes (the other layer's): a failure, not ignored.
    const swap = async (path: string, token: string) => {
      const m = await read(path);
      m.layers[0].annotations[SIG.timestamp] = token;
      await putManifest(path, m);
    };
    await swap(paths.att, tokens.sig ?? '');
    const badAtt = await verify(image);
    expect(badAtt.exitCode).toBe(1);
    expect(badAtt.stdout).toContain(
      `${image}: attestation https://slsa.dev/provenance/v1: RFC 3161 timestamp: the timestamp is over other data than this signature`,
    );
    await swap(paths.att, tokens.att ?? '');
    await swap(paths.sig, tokens.att ?? '');
    const badSig = await verify(image);
    expect(badSig.exitCode).toBe(1);
    expect(badSig.stdout).toMatch(/::error.*paved\/stamped:v1: .*TIMESTAMP/);
  });

  it("signs a tag's digest as cosign keyless does (certificate, chain, Rekor bundle annotations), attests it, and verifies it", async () => {
    const digest = pushImage(dir, registry.host, 'paved/app:v1', 'version 1\n');
    const hex = digest.slice('sha256:'.length);
    const image = `${registry.host}/paved/app:v1`;
    const ws = workspace('sign');
    const r = await runAction(
      'sign',
      { ...keylessInputs(), images: image, provenance: 'true' },
      { env: sigstore.env(ws) },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.images ?? '{}')).toEqual({ [image]: digest });
    expect(r.summary).toContain('Signed 1 image (cosign format)');
    // Secrets: the OIDC token, the runner's request token and the registry password are masked, and never printed.
    expect(r.masks).toEqual(expect.arrayContaining([sigstore.jwt, REQUEST_TOKEN, REGISTRY_PASSWORD]));
    for (const secret of [sigstore.jwt, REQUEST_TOKEN, REGISTRY_PASSWORD]) expect(published(r)).not.toContain(secret);

    // The .sig manifest as skopeo sees it: one simple-signing layer with cosign's keyless annotations.
    const manifest = JSON.parse(inspectRaw(`docker://${registry.host}/paved/app:sha256-${hex}.sig`));
    expect(manifest.layers).toHaveLength(1);
    const layer = manifest.layers[0] as Layer;
    expect(layer.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
    const payload = await blob('paved/app', layer.digest);
    expect(JSON.parse(payload.toString('utf8')).critical.image['docker-manifest-digest']).toBe(digest);
    const a = layer.annotations;
    const signature = Buffer.from(a[SIG.signature] ?? '', 'base64');
    const certificate = new X509Certificate(a[SIG.certificate] ?? '');
    expect(certificate.subjectAltName).toContain(IDENTITY);
    expect(cryptoVerify('sha256', payload, certificate.publicKey, signature)).toBe(true);
    // The chain is the rest of what Fulcio returned: here the mock CA's root, as the trusted root lists it.
    const root = Buffer.from(
      sigstore.trustedRoot.certificateAuthorities[0]?.certChain?.certificates[0]?.rawBytes ?? [],
    );
    const chain = (a[SIG.chain] ?? '').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    expect(chain.map((pem) => new X509Certificate(pem).raw.equals(root))).toEqual([true]);
    expect(certificate.checkIssued(new X509Certificate(chain[0] ?? ''))).toBe(true);
    expect(a[SIG.timestamp]).toBeUndefined();

    // cosign's RekorBundle, checked the way cosign checks it offline: the SET over the canonical payload.
    const rekor = JSON.parse(a[SIG.bundle] ?? '{}');
    expect(Object.keys(rekor)).toEqual(['SignedEntryTimestamp', 'Payload']);
    expect(Object.keys(rekor.Payload)).toEqual(['body', 'integratedTime', 'logIndex', 'logID']);
    const tlog = sigstore.trustedRoot.tlogs[0];
    const rekorKey = createPublicKey({
      key: Buffer.from(tlog?.publicKey?.rawBytes ?? []),
      format: 'der',
      type: 'spki',
    });
    expect(rekor.Payload.logID).toBe(Buffer.from(tlog?.logId?.keyId ?? []).toString('hex'));
    expect(typeof rekor.Payload.integratedTime).toBe('number');
    expect(
      cryptoVerify(
        'sha256',
        Buffer.from(canonical(rekor.Payload)),
        rekorKey,
        Buffer.from(rekor.SignedEntryTimestamp, 'base64'),
      ),
    ).toBe(true);
    // A hashedrekord entry over the payload's sha256, with this signature and certificate, as cosign sign logs it.
    const body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8'));
    expect(body.kind).toBe('hashedrekord');
    expect(body.spec.data.hash).toEqual({ algorithm: 'sha256', value: sha256(payload) });
    expect(body.spec.signature.content).toBe(a[SIG.signature]);
    // The certificate Rekor logged is the layer's (as PEM; the line wrapping is the CA's).
    expect(new X509Certificate(Buffer.from(body.spec.signature.publicKey.content, 'base64')).raw).toEqual(
      certificate.raw,
    );

    // The provenance attestation: a DSSE envelope layer with the same certificate and its own Rekor entry.
    const att = JSON.parse(inspectRaw(`docker://${registry.host}/paved/app:sha256-${hex}.att`));
    expect(att.layers).toHaveLength(1);
    const attLayer = att.layers[0] as Layer;
    expect(attLayer.mediaType).toBe('application/vnd.dsse.envelope.v1+json');
    expect(attLayer.annotations.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(attLayer.annotations[SIG.signature]).toBe('');
    expect(attLayer.annotations[SIG.certificate]).toBe(a[SIG.certificate]);
    expect(attLayer.annotations[SIG.chain]).toBe(a[SIG.chain]);
    const envelope = JSON.parse((await blob('paved/app', attLayer.digest)).toString('utf8'));
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    expect(statement.subject).toEqual([{ name: `${registry.host}/paved/app`, digest: { sha256: hex } }]);
    const attRekor = JSON.parse(attLayer.annotations[SIG.bundle] ?? '{}');
    const attBody = JSON.parse(Buffer.from(attRekor.Payload.body, 'base64').toString('utf8'));
    expect(attBody.kind).toBe('dsse'); // cosign v2 attest's default --rekor-entry-type
    expect(attBody.spec.payloadHash.value).toBe(sha256(Buffer.from(envelope.payload, 'base64')));

    // verify: the tag, and the digest pinned from the output; identity and issuer as regular expressions too.
    const pinned = `${image}@${digest}`;
    const ok = await verify(`${image}\n${pinned}`, '/https://github\\.com/paved/.*@refs/heads/main/');
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.images ?? '{}')).toEqual({ [image]: digest, [pinned]: digest });
    expect(ok.summary).toContain('Verified 2 images');
    expect(ok.summary).toContain('Trusted: ');
    expect(ok.summary).toContain('trusted root from file; identity /https://github');
    expect(published(ok)).not.toContain(REGISTRY_PASSWORD);

    const wrongIdentity = await verify(
      image,
      'https://github.com/other/repo/.github/workflows/release.yml@refs/heads/main',
    );
    expect(wrongIdentity.exitCode).toBe(1);
    expect(wrongIdentity.stdout).toContain(`::error`);
    expect(wrongIdentity.stdout).toContain(
      `${image}: ${registry.host}/paved/app:sha256-${hex}.sig: certificate identity "${IDENTITY}" does not match`,
    );
    const wrongIssuer = await verify(image, IDENTITY, '/https://accounts\\.google\\.com/');
    expect(wrongIssuer.exitCode).toBe(1);
    expect(wrongIssuer.stdout).toContain(`certificate OIDC issuer "${ISSUER}" does not match`);

    // A rewritten Rekor bundle: the SET no longer covers it. Then a certificate that Rekor did not log.
    const sigPath = `paved/app/manifests/sha256-${hex}.sig`;
    const original = Buffer.from(await (await registryApi(sigPath)).arrayBuffer());
    const rewrite = async (change: (annotations: Record<string, string>) => void) => {
      const m = JSON.parse(original.toString('utf8'));
      change(m.layers[0].annotations);
      await putManifest(sigPath, m);
    };
    await rewrite((an) => {
      const b = JSON.parse(an[SIG.bundle] ?? '{}');
      b.Payload.logIndex += 1;
      an[SIG.bundle] = JSON.stringify(b);
    });
    const tamperedSet = await verify(image);
    expect(tamperedSet.exitCode).toBe(1);
    expect(tamperedSet.stdout).toMatch(new RegExp(`${image.replace(/[.]/g, '\\.')}: .*TLOG_INCLUSION_PROMISE_ERROR`));
    await rewrite((an) => {
      an[SIG.bundle] = JSON.stringify({
        ...JSON.parse(an[SIG.bundle] ?? '{}'),
        SignedEntryTimestamp: Buffer.from('forged').toString('base64'),
      });
    });
    const forgedSet = await verify(image);
    expect(forgedSet.exitCode).toBe(1);
    expect(forgedSet.stdout).toContain('inclusion promise could not be verified');
    await rewrite((an) => {
      delete an[SIG.bundle];
    });
    const noBundle = await verify(image);
    expect(noBundle.exitCode).toBe(1);
    expect(noBundle.stdout).toContain(`no Rekor bundle (${SIG.bundle})`);
    await rewrite((an) => {
      an[SIG.certificate] = `${chain[0]}\n`;
    });
    const otherCert = await verify(image);
    expect(otherCert.exitCode).toBe(1);
    expect(otherCert.stdout).toContain('the Rekor entry names another certificate than the layer');
    await putManifest(sigPath, original);
    expect((await verify(image)).exitCode).toBe(0);

    // The attestation with a genuine Rekor bundle, but the signature's: the entry is not this envelope's.
    const attPath = `paved/app/manifests/sha256-${hex}.att`;
    const attManifest = JSON.parse(Buffer.from(await (await registryApi(attPath)).arrayBuffer()).toString('utf8'));
    attManifest.layers[0].annotations[SIG.bundle] = a[SIG.bundle];
    await putManifest(attPath, attManifest);
    const swappedRun = await verify(image);
    expect(swappedRun.exitCode).toBe(1);
    expect(swappedRun.stdout).toMatch(
      new RegExp(`${image.replace(/[.]/g, '\\.')}: attestation https://slsa\\.dev/provenance/v1: .*TLOG_BODY_ERROR`),
    );

    // Someone pushes another image under the tag: by tag it has no signature, pinned it says the tag moved.
    const moved = pushImage(dir, registry.host, 'paved/app:v1', 'version 2, never signed\n');
    expect(moved).not.toBe(digest);
    const byTag = await verify(image);
    expect(byTag.exitCode).toBe(1);
    expect(byTag.stdout).toContain(`${image}: no cosign signature for ${moved}`);
    const byPin = await verify(pinned);
    expect(byPin.exitCode).toBe(1);
    expect(byPin.stdout).toContain(`${pinned}: tag v1 now points at ${moved}, not the signed ${digest}`);
  });

  it('a registry that answers 500 or drops the connection mid-push leaves no signature tag and names the image', async () => {
    const digest = pushImage(dir, registry.host, 'paved/flaky:v1', 'flaky 1\n');
    const hex = digest.slice('sha256:'.length);
    const image = `${proxy.host}/paved/flaky:v1`;
    const sign = () =>
      runAction('sign', { ...keylessInputs(), images: image }, { env: sigstore.env(workspace('flaky')) });
    const sigTag = async () => (await registryApi(`paved/flaky/manifests/sha256-${hex}.sig`)).status;

    // The first upload (the payload blob) is cut off mid-body: nothing is tagged.
    proxy.fail = (method, path) => (method === 'PUT' && path.includes('/blobs/uploads/') ? 'drop' : undefined);
    const dropped = await sign();
    expect(dropped.exitCode).toBe(1);
    expect(proxy.failed).toHaveLength(1);
    expect(dropped.stdout).toContain(
      `::error::sign: ${image}: the signature was not written to ${proxy.host}/paved/flaky:sha256-${hex}.sig: `,
    );
    expect(await sigTag()).toBe(404);

    // The blobs arrive, the manifest is refused: still no tag.
    proxy.failed = [];
    proxy.fail = (method, path) =>
      method === 'PUT' && path.endsWith(`/manifests/sha256-${hex}.sig`) ? 500 : undefined;
    const refused = await sign();
    expect(refused.exitCode).toBe(1);
    expect(proxy.failed).toEqual([`PUT /v2/paved/flaky/manifests/sha256-${hex}.sig → 500`]);
    expect(refused.stdout).toContain(
      `::error::sign: ${image}: the signature was not written to ${proxy.host}/paved/flaky:sha256-${hex}.sig: Registry ${proxy.host} answered HTTP 500 UNKNOWN`,
    );
    expect(await sigTag()).toBe(404);
    for (const r of [refused, dropped]) {
      for (const secret of [sigstore.jwt, REQUEST_TOKEN, REGISTRY_PASSWORD]) expect(published(r)).not.toContain(secret);
    }

    // A transparency log that refuses the entry: nothing is pushed, and the error names the image.
    const noLog = await runAction(
      'sign',
      { ...keylessInputs(), images: image, 'rekor-url': `${sigstore.base}/no-rekor` },
      { env: sigstore.env(workspace('flaky')) },
    );
    expect(noLog.exitCode).toBe(1);
    expect(noLog.stdout).toContain(`::error::sign: ${image} was not signed: image signature: transparency log`);
    expect(await sigTag()).toBe(404);

    // Once the registry behaves, the same step signs.
    proxy.fail = () => undefined;
    const signed = await sign();
    expect(signed.exitCode, signed.stdout).toBe(0);
    expect(await sigTag()).toBe(200);
  });
});
