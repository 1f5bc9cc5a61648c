import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, IN_CI, runAction } from '../harness';
import {
  CODE_SIGNING,
  issueCert,
  type KeyFiles,
  makeCa,
  opensslCmsVerify,
  opensslKey,
  type Pki,
  pki,
  sh,
  status,
  tempDir,
} from './fixtures';
import { FAKETIME_LIB, startTsa, type Tsa } from './tsa';

/**
 * tsa-url for the key and x509 methods against a real RFC 3161 TSA (openssl ts -reply over HTTP):
 * the key method's Sigstore bundle carries timestampVerificationData.rfc3161Timestamps, which
 * sigstore-js accepts under its default policy (one timestamp required) given the TSA's chain; the
 * x509 CMS carries an id-aa-timeStampToken unsigned attribute, and verify accepts a certificate that
 * has since expired when the timestamp proves the signature was made inside its validity.
 */
const { dir, cleanup } = tempDir('tsa');
let tsa: Tsa;
let p: Pki;
let ec: KeyFiles;

beforeAll(async () => {
  tsa = await startTsa(dir);
  p = pki(dir);
  ec = opensslKey(dir, 'ec');
});
afterAll(async () => {
  await tsa?.close();
  cleanup();
});

function workspace(name: string): string {
  const ws = join(dir, name);
  mkdirSync(join(ws, 'dist'), { recursive: true });
  writeFileSync(join(ws, 'dist/app.bin'), Buffer.alloc(20_000, 9));
  return ws;
}

const b64Der = (pemPath: string) =>
  Buffer.from(
    readFileSync(pemPath, 'utf8')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  ).toString('base64');

describe('RFC 3161 timestamps', () => {
  it('key: the bundle carries an RFC 3161 timestamp over the signature that sigstore-js and openssl ts accept', async () => {
    const ws = workspace('key');
    const r = await runAction(
      'sign',
      { method: 'key', files: 'dist/app.bin', 'private-key': readFileSync(ec.plain, 'utf8'), 'tsa-url': tsa.url },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const json = JSON.parse(readFileSync(join(ws, 'dist/app.bin.sigstore.json'), 'utf8'));
    const stamps = json.verificationMaterial.timestampVerificationData.rfc3161Timestamps;
    expect(stamps).toHaveLength(1);

    // openssl's own verdict on the token: over the .sig bytes, signed by a TSA under the root.
    const sig = Buffer.from(readFileSync(join(ws, 'dist/app.bin.sig'), 'utf8'), 'base64');
    writeFileSync(join(ws, 'sig.der'), sig);
    // Sigstore bundles hold the whole TimeStampResp (as cosign writes it), not only the token.
    writeFileSync(join(ws, 'reply.tsr'), Buffer.from(stamps[0].signedTimestamp, 'base64'));
    const tsVerify = (ca: string) =>
      status('openssl', [
        'ts',
        '-verify',
        '-data',
        join(ws, 'sig.der'),
        '-in',
        join(ws, 'reply.tsr'),
        '-CAfile',
        ca,
        '-untrusted',
        tsa.tsaCert,
      ]);
    expect(tsVerify(tsa.rootCert)).toBe(0);
    expect(tsVerify(p.caCert)).not.toBe(0);

    // sigstore-js, default timestamp policy (1 required), no transparency log: the TSA is the only witness.
    const spki = createPublicKey(readFileSync(ec.publicPem)).export({ format: 'der', type: 'spki' });
    const hint = createHash('sha256').update(spki).digest('base64');
    const root = TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: [
        {
          subject: { organization: 'Paved', commonName: 'Paved Test TSA' },
          uri: tsa.url,
          certChain: { certificates: [{ rawBytes: b64Der(tsa.tsaCert) }, { rawBytes: b64Der(tsa.rootCert) }] },
          validFor: { start: '2019-01-01T00:00:00Z' },
        },
      ],
    });
    const keys = { [hint]: { rawBytes: spki, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256 } };
    const verifier = new Verifier(toTrustMaterial(root, keys), { tlogThreshold: 0, ctlogThreshold: 0 });
    const data = readFileSync(join(ws, 'dist/app.bin'));
    verifier.verify(toSignedEntity(bundleFromJSON(json), data));
    // The same bundle without its timestamp is refused under that policy.
    const bare = structuredClone(json);
    bare.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [];
    expect(() => verifier.verify(toSignedEntity(bundleFromJSON(bare), data))).toThrow(/timestamp/);

    const verify = (tsaCert: string) =>
      runAction(
        'sign',
        {
          command: 'verify',
          method: 'key',
          files: 'dist/app.bin',
          'public-key': ec.publicPem,
          'tsa-certificate': tsaCert,
        },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify(tsa.rootCert);
    expect(ok.exitCode, ok.stdout).toBe(0);
    const wrongTsa = await verify(p.caCert);
    expect(wrongTsa.exitCode).toBe(1);
    expect(wrongTsa.stdout).toMatch(
      /app\.bin\.sigstore\.json: timestamp: certificate "CN=Paved Test TSA" does not chain/,
    );
  });

  it('x509: the CMS carries an id-aa-timeStampToken over its signature; openssl cms still verifies it', async () => {
    const ws = workspace('x509');
    const r = await runAction(
      'sign',
      {
        method: 'x509',
        files: 'dist/app.bin',
        certificate: p.chain,
        'private-key': readFileSync(p.leafKey, 'utf8'),
        'tsa-url': tsa.url,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const printed = sh('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(ws, 'dist/app.bin.p7s')]);
    expect(printed).toMatch(/unsignedAttrs:[\s\S]*id-smime-aa-timeStampToken/);
    expect(opensslCmsVerify(join(ws, 'dist/app.bin.p7s'), join(ws, 'dist/app.bin'), p.caCert)).toBe(0);
    const v = await runAction(
      'sign',
      {
        command: 'verify',
        method: 'x509',
        files: 'dist/app.bin',
        'ca-certificate': p.caCert,
        'tsa-certificate': tsa.rootCert,
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(v.exitCode, v.stdout).toBe(0);
    // Without tsa-certificate the TSA must chain to ca-certificate, which it does not: the timestamp is refused, not ignored.
    const noTsaRoot = await runAction(
      'sign',
      { command: 'verify', method: 'x509', files: 'dist/app.bin', 'ca-certificate': p.caCert },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(noTsaRoot.exitCode).toBe(1);
    expect(noTsaRoot.stdout).toMatch(/dist\/app\.bin: timestamp: certificate "CN=Paved Test TSA" does not chain/);
  });

  it('x509: verify accepts a certificate that has expired when a timestamp proves it signed inside its validity, and refuses it without one', async (ctx) => {
    if (!tsa.canFakeTime) {
      if (IN_CI) throw new Error('faketime is required under CI=true');
      ctx.skip('faketime is not installed: cannot sign in 2020 with a certificate valid only then');
    }
    // A CA valid since 2019 and a code-signing certificate valid only during 2020, both made in the past.
    const d = join(dir, 'old');
    mkdirSync(d);
    const ca = makeCa(d, 'ca', '/CN=Paved Old CA', 10000, '2019-12-01 00:00:00');
    const leaf = issueCert(d, 'leaf', '/CN=Paved 2020 signer', ca, CODE_SIGNING, 366, '2020-01-01 00:00:00');
    const anchors = join(d, 'anchors.pem');
    writeFileSync(anchors, readFileSync(ca.cert, 'utf8') + readFileSync(tsa.rootCert, 'utf8'));

    // The action itself runs with its clock in June 2020 (libfaketime), and the TSA answers for that time.
    const ws = workspace('expired');
    writeFileSync(join(ws, 'dist/plain.bin'), 'no timestamp\n');
    const in2020 = { LD_PRELOAD: FAKETIME_LIB, FAKETIME: '@2020-06-01 12:00:00', FAKETIME_DONT_FAKE_MONOTONIC: '1' };
    const sign2020 = (file: string, tsaUrl: string) =>
      runAction(
        'sign',
        {
          method: 'x509',
          files: file,
          certificate: leaf.cert,
          'private-key': readFileSync(leaf.key, 'utf8'),
          'tsa-url': tsaUrl,
          'verify-script': 'false',
        },
        { env: { GITHUB_WORKSPACE: ws, ...in2020 } },
      );
    const stamped = await sign2020('dist/app.bin', `${tsa.url}/at/2020-06-01T12:00:00`);
    expect(stamped.exitCode, stamped.stdout).toBe(0);
    const plain = await sign2020('dist/plain.bin', '');
    expect(plain.exitCode, plain.stdout).toBe(0);

    // Today, the certificate has expired.
    const verify = (file: string) =>
      runAction(
        'sign',
        { command: 'verify', method: 'x509', files: file, 'ca-certificate': anchors },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify('dist/app.bin');
    expect(ok.exitCode, ok.stdout).toBe(0);
    const refused = await verify('dist/plain.bin');
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/dist\/plain\.bin: certificate "CN=Paved 2020 signer" expired on/);
  });

  it.each([
    [
      'is unreachable',
      async () => `http://127.0.0.1:${await closedPort()}`,
      /did not answer: fetch failed \(connect ECONNREFUSED/,
    ],
    ['drops the connection mid-reply', () => `${tsa.url}/drop`, /did not answer: terminated \(other side closed\)/],
    ['answers garbage', () => `${tsa.url}/garbage`, /sent no RFC 3161 reply/],
    ['refuses the request', () => `${tsa.url}/refuse`, /answered HTTP 503: TSA overloaded/],
    [
      'answers with a valid token over other data',
      () => `${tsa.url}/other`,
      /sent a bad token: the timestamp is over other data than this signature/,
    ],
  ] as const)('a TSA that %s fails the step naming it, and writes nothing', async (name, url, message) => {
    const ws = workspace(`down-${name.replace(/\W+/g, '-')}`);
    const tsaUrl = await url();
    const r = await runAction(
      'sign',
      { method: 'key', files: 'dist/app.bin', 'private-key': readFileSync(ec.plain, 'utf8'), 'tsa-url': tsaUrl },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.stdout).toContain(`::error::sign: Timestamp authority ${tsaUrl}`);
    expect(r.stdout).toMatch(message);
    expect(existsSync(join(ws, 'dist/app.bin.sig'))).toBe(false);
    expect(existsSync(join(ws, 'dist/app.bin.sigstore.json'))).toBe(false);
  });
});
