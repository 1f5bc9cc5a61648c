import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { FulcioSigner, MessageSignatureBundleBuilder, RekorWitness } from '@sigstore/sign';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness';
import { sh, tamper, tempDir } from './fixtures';
import { IDENTITY, ISSUER, REQUEST_TOKEN, type Sigstore, startSigstore } from './sigstore';

/**
 * Keyless signing against @sigstore/mock's Fulcio and Rekor, served over real HTTP on 127.0.0.1
 * together with a GitHub-style OIDC token endpoint (test/sign/sigstore.ts); the bundles are then
 * checked by @sigstore/verify with a trusted root built from the mock's own keys.
 */
const { dir, cleanup } = tempDir('keyless');
let sigstore: Sigstore;
let base: string;
let trustedRootPath: string;
let trustedRoot: Sigstore['trustedRoot'];
let requests: string[];
let jwt: string;

beforeAll(async () => {
  sigstore = await startSigstore(dir);
  ({ base, trustedRootPath, trustedRoot, requests, jwt } = sigstore);
});

afterAll(async () => {
  await sigstore?.stop();
  cleanup();
});

const env = (ws: string) => sigstore.env(ws);

describe('method keyless (mock Fulcio and Rekor on 127.0.0.1)', () => {
  it('signs with a Fulcio certificate and Rekor entries; @sigstore/verify accepts the bundles and the attestation', async () => {
    const ws = join(dir, 'ws');
    sh('mkdir', ['-p', join(ws, 'dist')]);
    writeFileSync(join(ws, 'dist/app.tgz'), Buffer.alloc(10 * 1024 * 1024 + 3, 9)); // above the in-memory threshold
    writeFileSync(join(ws, 'dist/app.txt'), 'hello');
    const r = await runAction(
      'sign',
      {
        method: 'keyless',
        files: 'dist/*',
        'fulcio-url': `${base}/fulcio`,
        'rekor-url': `${base}/rekor`,
        provenance: 'true',
      },
      { env: env(ws) },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    expect(requests.filter((q) => q.includes('signingCert'))).toHaveLength(1); // one certificate per run
    expect(r.masks).toContain(REQUEST_TOKEN);
    expect(r.masks).toContain(jwt); // the OIDC token itself
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(jwt);
    expect(JSON.parse(r.outputs.signatures ?? '[]')).toEqual([
      'dist/app.tgz.sigstore.json',
      'dist/app.txt.sigstore.json',
      'dist/multiple.intoto.jsonl',
    ]);
    expect(r.outputs.attestation).toBe('dist/multiple.intoto.jsonl');

    const verifier = new Verifier(toTrustMaterial(trustedRoot), { tlogThreshold: 1, ctlogThreshold: 1 });
    for (const file of ['dist/app.tgz', 'dist/app.txt']) {
      const json = JSON.parse(readFileSync(join(ws, `${file}.sigstore.json`), 'utf8'));
      expect(json.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(json.verificationMaterial.tlogEntries).toHaveLength(1);
      const signer = verifier.verify(toSignedEntity(bundleFromJSON(json), readFileSync(join(ws, file))));
      expect(signer.identity?.subjectAlternativeName).toBe(IDENTITY);
      expect(signer.identity?.extensions?.issuer).toBe(ISSUER);
      const changed = Buffer.from(readFileSync(join(ws, file)));
      changed[0] = (changed[0] as number) ^ 1;
      expect(() => verifier.verify(toSignedEntity(bundleFromJSON(json), changed))).toThrow();
    }
    const line = JSON.parse(readFileSync(join(ws, 'dist/multiple.intoto.jsonl'), 'utf8').trim());
    const attestation = bundleFromJSON(line);
    verifier.verify(toSignedEntity(attestation));
    expect(line.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = JSON.parse(Buffer.from(line.dsseEnvelope.payload, 'base64').toString('utf8'));
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(statement.subject.map((s: { name: string }) => s.name)).toEqual(['dist/app.tgz', 'dist/app.txt']);
    expect(statement.predicate.runDetails.metadata.invocationId).toBe(
      'https://github.com/paved/demo/actions/runs/777/attempts/2',
    );

    const verify = (identity: string, issuer = ISSUER) =>
      runAction(
        'sign',
        {
          command: 'verify',
          method: 'keyless',
          files: 'dist/*',
          'trusted-root': trustedRootPath,
          'certificate-identity': identity,
          'certificate-oidc-issuer': issuer,
        },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify('/https://github\\.com/paved/.*/release\\.yml@refs/heads/main/');
    expect(ok.exitCode, ok.stdout).toBe(0);
    // The provenance attestation is checked too: Rekor entry, certificate, identity, subjects.
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toEqual([
      'dist/app.tgz',
      'dist/app.txt',
      'dist/multiple.intoto.jsonl',
    ]);
    expect(ok.summary).toContain('Verified 2 files and 1 attestation file (keyless)');
    const exact = await verify(IDENTITY);
    expect(exact.exitCode, exact.stdout).toBe(0);

    const wrongIdentity = await verify('/https://github\\.com/other/.*/');
    expect(wrongIdentity.exitCode).toBe(1);
    expect(wrongIdentity.stdout).toContain(`dist/app.tgz: certificate identity "${IDENTITY}" does not match`);
    expect(wrongIdentity.stdout).toContain(
      `dist/multiple.intoto.jsonl: certificate identity "${IDENTITY}" does not match`,
    );
    const wrongIssuer = await verify(IDENTITY, 'https://accounts.google.com');
    expect(wrongIssuer.exitCode).toBe(1);
    expect(wrongIssuer.stdout).toContain('certificate OIDC issuer');
    const issuerRegex = await verify(IDENTITY, '/https://token\\.actions\\.githubusercontent\\.com/');
    expect(issuerRegex.exitCode, issuerRegex.stdout).toBe(0);
    // Anchored at both ends: a prefix of the identity is not a match.
    const unanchored = await verify('/https://github\\.com/paved/demo/');
    expect(unanchored.exitCode).toBe(1);

    // A statement rewritten inside the attestation bundle no longer matches its signature.
    const attestationPath = join(ws, 'dist/multiple.intoto.jsonl');
    const original = readFileSync(attestationPath, 'utf8');
    const forged = JSON.parse(original);
    const forgedStatement = JSON.parse(Buffer.from(forged.dsseEnvelope.payload, 'base64').toString('utf8'));
    forgedStatement.subject[0].digest.sha256 = '0'.repeat(64);
    forged.dsseEnvelope.payload = Buffer.from(JSON.stringify(forgedStatement)).toString('base64');
    writeFileSync(attestationPath, `${JSON.stringify(forged)}\n`);
    const forgedRun = await verify(IDENTITY);
    expect(forgedRun.exitCode).toBe(1);
    expect(forgedRun.stdout).toMatch(/::error.*dist\/multiple\.intoto\.jsonl: /);
    expect(JSON.parse(forgedRun.outputs.verified ?? '[]')).toEqual(['dist/app.tgz', 'dist/app.txt']);
    writeFileSync(attestationPath, original);

    tamper(join(ws, 'dist/app.txt'));
    const bad = await verify(IDENTITY);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('dist/app.txt: the file does not match the digest in the bundle');
    expect(bad.stdout).toMatch(/dist\/multiple\.intoto\.jsonl: dist\/app\.txt has sha256 [0-9a-f]{64}, but the/);
    expect(JSON.parse(bad.outputs.verified ?? '[]')).toEqual(['dist/app.tgz']);
  });
});

describe('keyless certificate validity', () => {
  it('verify names an expired certificate (logged after its 10 minutes), and sign refuses one', async () => {
    const ws = join(dir, 'stale');
    sh('mkdir', ['-p', join(ws, 'dist')]);
    writeFileSync(join(ws, 'dist/old.txt'), 'signed too late');
    // The bundle is made by sigstore-js itself (not this action), with a certificate that expired before the Rekor entry.
    const bundler = new MessageSignatureBundleBuilder({
      signer: new FulcioSigner({
        fulcioBaseURL: `${base}/stale-fulcio`,
        identityProvider: { getToken: async () => jwt },
      }),
      witnesses: [new RekorWitness({ rekorBaseURL: `${base}/rekor` })],
    });
    const bundle = await bundler.create({ data: readFileSync(join(ws, 'dist/old.txt')) });
    writeFileSync(join(ws, 'dist/old.txt.sigstore.json'), JSON.stringify(bundleToJSON(bundle)));
    const verify = await runAction(
      'sign',
      {
        command: 'verify',
        method: 'keyless',
        files: 'dist/old.txt',
        'trusted-root': trustedRootPath,
        'certificate-identity': IDENTITY,
        'certificate-oidc-issuer': ISSUER,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toMatch(
      /::error.*dist\/old\.txt: CERTIFICATE_ERROR: .*certificate is not valid or expired at the specified date/,
    );

    const sign = await runAction(
      'sign',
      { method: 'keyless', files: 'dist/old.txt', 'fulcio-url': `${base}/stale-fulcio`, 'rekor-url': `${base}/rekor` },
      { env: env(ws) },
    );
    expect(sign.exitCode).toBe(1);
    expect(sign.stdout).toMatch(
      /::error::sign: Fulcio .* issued a certificate that is not valid now \(valid .* to .*\)/,
    );
  });

  it('tsa-url adds an RFC 3161 timestamp that @sigstore/verify checks against the trusted root', async () => {
    const ws = join(dir, 'tsa');
    sh('mkdir', ['-p', join(ws, 'dist')]);
    writeFileSync(join(ws, 'dist/stamped.txt'), 'timestamped');
    const r = await runAction(
      'sign',
      {
        method: 'keyless',
        files: 'dist/stamped.txt',
        'fulcio-url': `${base}/fulcio`,
        'rekor-url': `${base}/rekor`,
        'tsa-url': `${base}/tsa/api/v1/timestamp`, // the full endpoint, as a SigningConfig lists it
      },
      { env: env(ws) },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const json = JSON.parse(readFileSync(join(ws, 'dist/stamped.txt.sigstore.json'), 'utf8'));
    expect(json.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    // Two timestamps required: Rekor's integrated time and the TSA's signed one.
    const verifier = new Verifier(toTrustMaterial(trustedRoot), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 2,
    });
    verifier.verify(toSignedEntity(bundleFromJSON(json), readFileSync(join(ws, 'dist/stamped.txt'))));
    const verify = await runAction(
      'sign',
      {
        command: 'verify',
        method: 'keyless',
        files: 'dist/stamped.txt',
        'trusted-root': trustedRootPath,
        'certificate-identity': IDENTITY,
        'certificate-oidc-issuer': ISSUER,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(verify.exitCode, verify.stdout).toBe(0);
  });
});

/**
 * attest: github against a local HTTP server standing in for GitHub's REST API: the request must be
 * exactly what actions/attest sends, `POST /repos/{owner}/{repo}/attestations` with `{"bundle": …}`
 * (https://docs.github.com/en/rest/repos/attestations#create-an-attestation), authenticated with the
 * job token; GitHub answers 201 with the attestation id.
 */
describe('attest: github (stand-in for the GitHub attestations API)', () => {
  it('posts each attestation bundle to /repos/{owner}/{repo}/attestations, and a 403 names the permission', async () => {
    const received: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];
    let status = 201;
    const api = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify(
            status === 201 ? { id: 4000 + received.length } : { message: 'Resource not accessible by integration' },
          ),
        );
      });
    });
    await new Promise<void>((ok) => api.listen(0, '127.0.0.1', ok));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    try {
      const ws = join(dir, 'ws-gh');
      sh('mkdir', ['-p', join(ws, 'dist')]);
      writeFileSync(join(ws, 'dist/app.txt'), 'attested');
      const inputs = {
        method: 'keyless',
        files: 'dist/app.txt',
        'fulcio-url': `${base}/fulcio`,
        'rekor-url': `${base}/rekor`,
        provenance: 'true',
        attest: 'github',
        'github-token': 'ghs_jobtoken123',
      };
      const r = await runAction('sign', inputs, { env: { ...env(ws), GITHUB_API_URL: apiUrl } });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(received).toHaveLength(1);
      const [request] = received;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe('/repos/paved/demo/attestations');
      expect(request?.headers.authorization).toBe('token ghs_jobtoken123');
      expect(request?.headers['content-type']).toMatch(/^application\/json/);
      const line = readFileSync(join(ws, 'dist/app.txt.intoto.jsonl'), 'utf8').trim();
      expect(JSON.parse(request?.body ?? '{}')).toEqual({ bundle: JSON.parse(line) });
      // The uploaded bundle is the keyless DSSE bundle gh attestation verify checks.
      const uploaded = JSON.parse(request?.body ?? '{}').bundle;
      expect(uploaded.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.bundle/);
      expect(uploaded.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
      expect(r.stdout).toContain('stored attestation id(s) 4001 in paved/demo');
      expect(r.masks).toContain('ghs_jobtoken123');

      status = 403;
      const denied = await runAction('sign', inputs, { env: { ...env(ws), GITHUB_API_URL: apiUrl } });
      expect(denied.exitCode).toBe(1);
      expect(denied.stdout).toMatch(/HTTP 403.*permissions: attestations: write/);

      const wrongMethod = await runAction(
        'sign',
        { ...inputs, method: 'key' },
        { env: { ...env(ws), GITHUB_API_URL: apiUrl } },
      );
      expect(wrongMethod.exitCode).toBe(1);
      expect(wrongMethod.stdout).toContain(
        '::error::sign: Input attest: github stores Sigstore bundles from keyless signing',
      );
    } finally {
      await new Promise((ok) => api.close(ok));
    }
  });
});
