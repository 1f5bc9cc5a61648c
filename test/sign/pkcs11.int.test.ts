import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, runAction } from '../harness';
import { opensslCmsVerify, type Pki, pki, sh, status, tempDir } from './fixtures';
import { type SoftHsm, softHsmMissing, startSoftHsm } from './softhsm';

/**
 * private-key as an RFC 7512 PKCS#11 URI (as cosign takes it), against a real SoftHSM2 token holding a
 * P-256 and an RSA key generated on it. The .sig verifies with openssl using the public key read back
 * from the token; x509 CMS and attestations sign on the token too; the PIN never reaches the log.
 */
const missing = softHsmMissing();
if (missing && IN_CI) throw new Error(`PKCS#11 tests need SoftHSM under CI=true: ${missing}`);

const { dir, cleanup } = tempDir('pkcs11');
let hsm: SoftHsm;
let p: Pki;

beforeAll(() => {
  if (missing) return;
  hsm = startSoftHsm(dir);
  p = pki(dir);
});
afterAll(cleanup);

const enc = encodeURIComponent;
function uri(object: string, query: Record<string, string> = {}): string {
  const q = { 'module-path': hsm.module, ...query };
  return `pkcs11:token=${enc(hsm.token)};object=${enc(object)}?${Object.entries(q)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&')}`;
}

function workspace(name: string): string {
  const ws = join(dir, name);
  mkdirSync(join(ws, 'dist'), { recursive: true });
  writeFileSync(join(ws, 'dist/app.bin'), Buffer.alloc(30_000, 4));
  writeFileSync(join(ws, 'dist/big.bin'), Buffer.alloc(9 * 1024 * 1024, 2)); // the streamed (prehashed) path
  return ws;
}

const run = (ws: string, inputs: Record<string, string>, env: Record<string, string | undefined> = {}) =>
  runAction('sign', inputs, { env: { GITHUB_WORKSPACE: ws, ...hsm.env, ...env } });

/** openssl dgst -verify of a cosign-style base64 .sig with a PEM public key. */
function opensslVerify(ws: string, pub: string, file: string): number {
  const raw = join(ws, `${file.replace(/\//g, '_')}.sig.der`);
  writeFileSync(raw, Buffer.from(readFileSync(join(ws, `${file}.sig`), 'utf8'), 'base64'));
  return status('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', raw, join(ws, file)]);
}

function withoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask'))
    .join('\n');
}

const GITHUB_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/release.yml@refs/heads/main',
  GITHUB_RUN_ID: '1',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_ENVIRONMENT: 'self-hosted',
};

describe.skipIf(missing)(`PKCS#11 keys (SoftHSM2)${missing ? `: skipped, ${missing}` : ''}`, () => {
  it('key method with the P-256 token key: .sig verifies with the exported public key, the attestation too, the PIN is masked', async () => {
    const ws = workspace('ec');
    const keyUri = uri('release ec', { 'pin-value': hsm.pin });
    const r = await run(ws, { method: 'key', files: 'dist/*', 'private-key': keyUri, provenance: 'true' }, GITHUB_ENV);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('on PKCS#11 paved release token/release ec');
    for (const f of ['dist/app.bin', 'dist/big.bin']) expect(opensslVerify(ws, hsm.ecPublic, f)).toBe(0);
    expect(r.masks).toContain(hsm.pin);
    const log = withoutMasks(r.stdout) + r.stderr + r.summary;
    expect(log).not.toContain(hsm.pin);
    expect(log).not.toContain(enc(hsm.pin));
    // verify.sh embeds the token's public key; the action's verify accepts signatures and attestation.
    expect(status('sh', [join(ws, 'dist/verify.sh')])).toBe(0);
    const v = await run(ws, { command: 'verify', method: 'key', files: 'dist/*', 'public-key': hsm.ecPublic });
    expect(v.exitCode, v.stdout).toBe(0);
    expect(JSON.parse(v.outputs.verified ?? '[]')).toEqual([
      'dist/app.bin',
      'dist/big.bin',
      'dist/multiple.intoto.jsonl',
    ]);
  });

  it('key method with the RSA token key named by its binary id, and pin-source: openssl verifies the PKCS#1 v1.5 signature', async () => {
    const ws = workspace('rsa');
    const pinFile = join(ws, 'pin.txt');
    writeFileSync(pinFile, `${hsm.pin}\n`, { mode: 0o600 });
    // CKA_ID a3f1 is not UTF-8: the id must reach the token as those two bytes, not be refused as broken text.
    const byId = `pkcs11:token=${enc(hsm.token)};id=%a3%F1?module-path=${enc(hsm.module)}&pin-source=${enc(`file://${pinFile}`)}`;
    const r = await run(ws, { method: 'key', files: 'dist/*', 'private-key': byId });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('on PKCS#11 paved release token/id a3f1');
    for (const f of ['dist/app.bin', 'dist/big.bin']) expect(opensslVerify(ws, hsm.rsaPublic, f)).toBe(0);
    expect(withoutMasks(r.stdout)).not.toContain(hsm.pin);
  });

  it('x509 method with the token key and a certificate for it: openssl cms verifies the .p7s', async () => {
    const ws = workspace('x509');
    const cert = join(ws, 'token-cert.pem');
    writeFileSync(join(ws, 'ext.cnf'), '[cs]\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n');
    sh('openssl', [
      'x509',
      '-new',
      '-subj',
      '/CN=Paved HSM signer',
      '-force_pubkey',
      hsm.ecPublic,
      '-CA',
      p.caCert,
      '-CAkey',
      join(dir, 'pki', 'ca.key'),
      '-set_serial',
      '4242',
      '-days',
      '5',
      '-extfile',
      join(ws, 'ext.cnf'),
      '-extensions',
      'cs',
      '-out',
      cert,
    ]);
    const r = await run(ws, {
      method: 'x509',
      files: 'dist/app.bin',
      certificate: cert,
      'private-key': uri('release ec', { 'pin-value': hsm.pin }),
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(opensslCmsVerify(join(ws, 'dist/app.bin.p7s'), join(ws, 'dist/app.bin'), p.caCert)).toBe(0);
    // The RSA key on the same token is not this certificate's.
    const other = await run(ws, {
      method: 'x509',
      files: 'dist/app.bin',
      certificate: cert,
      'private-key': uri('release rsa', { 'pin-value': hsm.pin }),
    });
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toContain('private key does not belong to the signing certificate');
  });

  it('a wrong PIN, an unknown object and malformed URIs are configuration errors naming private-key', async () => {
    const ws = workspace('bad');
    const wrong = await run(ws, {
      method: 'key',
      files: 'dist/app.bin',
      'private-key': uri('release ec', { 'pin-value': 'not-the-pin' }),
    });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toMatch(/::error::sign: Input private-key: the token refused the PIN/);
    expect(withoutMasks(wrong.stdout)).not.toContain('not-the-pin');
    expect(status('ls', [join(ws, 'dist/app.bin.sig')])).not.toBe(0);

    const unknown = await run(ws, {
      method: 'key',
      files: 'dist/app.bin',
      'private-key': uri('no such key', { 'pin-value': hsm.pin }),
    });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toMatch(
      /Input private-key: could not read the public key of paved release token\/no such key/,
    );

    for (const [text, message] of [
      [`pkcs11:token=t;object=k;colour=red?module-path=${hsm.module}`, 'unknown path attribute "colour"'],
      ['pkcs11:token=t;object=k', 'needs ?module-path='],
      [`pkcs11:token=t;object=%E0%A4%A?module-path=${hsm.module}`, 'attribute "object" has a broken percent-encoding'],
      [
        `pkcs11:token=t;object=k?module-path=${hsm.module}&pin-value=1&pin-source=/x`,
        'give pin-value or pin-source, not both',
      ],
    ] as const) {
      const r = await run(ws, { method: 'key', files: 'dist/app.bin', 'private-key': text });
      expect(r.exitCode, text).toBe(1);
      expect(r.stdout).toContain(message);
      expect(r.stdout).not.toMatch(/internal error/i);
    }
  });
});
