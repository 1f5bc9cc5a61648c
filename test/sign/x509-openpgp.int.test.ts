import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness';
import {
  type GpgKey,
  gpgKey,
  gpgVerify,
  opensslCmsVerify,
  PASSPHRASE,
  type Pki,
  pki,
  sh,
  status,
  tamper,
  tempDir,
} from './fixtures';

const { dir, cleanup } = tempDir('x509');
let p: Pki;
let pgp: GpgKey;
let otherPgp: GpgKey;

beforeAll(() => {
  p = pki(dir);
  pgp = gpgKey(dir, 'release');
  otherPgp = gpgKey(dir, 'intruder');
});
afterAll(cleanup);

function workspace(name: string): string {
  const ws = join(dir, name);
  sh('mkdir', ['-p', join(ws, 'out')]);
  writeFileSync(join(ws, 'out/app.bin'), Buffer.alloc(100_000, 3));
  writeFileSync(join(ws, 'out/readme.txt'), 'read me\n');
  return ws;
}

const run = (ws: string, inputs: Record<string, string>) =>
  runAction('sign', inputs, { env: { GITHUB_WORKSPACE: ws } });

const cmsVerify = (ws: string, file: string, ca: string) =>
  opensslCmsVerify(join(ws, `${file}.p7s`), join(ws, file), ca);

describe('method x509', () => {
  it('writes detached DER CMS with signing time that openssl cms -verify accepts, and rejects a one-byte change', async () => {
    const ws = workspace('cms');
    const r = await run(ws, {
      method: 'x509',
      files: 'out/*',
      certificate: p.chain,
      'private-key': readFileSync(p.leafKey, 'utf8'),
    });
    expect(r.exitCode, r.stdout).toBe(0);
    for (const f of ['out/app.bin', 'out/readme.txt']) expect(cmsVerify(ws, f, p.caCert)).toBe(0);
    expect(cmsVerify(ws, 'out/app.bin', p.otherCaCert)).not.toBe(0);
    const printed = sh('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(ws, 'out/app.bin.p7s')]);
    expect(printed).toContain('signingTime');
    expect(printed).toContain('messageDigest');
    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(status('sh', [join(ws, 'out/verify.sh')])).toBe(0);

    const verify = () =>
      run(ws, { command: 'verify', method: 'x509', files: 'out/*', 'ca-certificate': readFileSync(p.caCert, 'utf8') });
    const ok = await verify();
    expect(ok.exitCode, ok.stdout).toBe(0);
    const wrongCa = await run(ws, {
      command: 'verify',
      method: 'x509',
      files: 'out/app.bin',
      'ca-certificate': p.otherCaCert,
    });
    expect(wrongCa.exitCode).toBe(1);
    expect(wrongCa.stdout).toMatch(/out\/app\.bin: certificate "CN=Paved Test leaf.*does not chain to the given CA/);

    tamper(join(ws, 'out/app.bin'));
    expect(cmsVerify(ws, 'out/app.bin', p.caCert)).not.toBe(0);
    expect(status('sh', [join(ws, 'out/verify.sh')])).toBe(1);
    const bad = await verify();
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('out/app.bin: the file does not match the signed digest');
    expect(JSON.parse(bad.outputs.verified ?? '[]')).toEqual(['out/readme.txt']);
  });

  it('signs from a PKCS#12 bundle, masking its password; a wrong password names the input', async () => {
    const ws = workspace('p12');
    const r = await run(ws, { method: 'x509', files: 'out/app.bin', pkcs12: p.p12, password: p.p12Password });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(cmsVerify(ws, 'out/app.bin', p.caCert)).toBe(0);
    expect(r.masks).toContain(p.p12Password);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask'))
        .join('\n'),
    ).not.toContain(p.p12Password);
    const wrong = await run(ws, { method: 'x509', files: 'out/readme.txt', pkcs12: p.p12, password: 'wrong-password' });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toMatch(/::error::sign: Could not open pkcs12: wrong password/);
    expect(existsSync(join(ws, 'out/readme.txt.p7s'))).toBe(false);
  });

  it('an unreadable certificate names the certificate input', async () => {
    const ws = workspace('bad-cert');
    const broken = readFileSync(p.leafCert, 'utf8').replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    const r = await run(ws, {
      method: 'x509',
      files: 'out/app.bin',
      certificate: broken,
      'private-key': readFileSync(p.leafKey, 'utf8'),
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::sign: Input certificate: certificate 1 is not readable/);
    expect(existsSync(join(ws, 'out/app.bin.p7s'))).toBe(false);
  });

  it("refuses a key that is not the certificate's, and signing with an expired certificate", async () => {
    const ws = workspace('mismatch');
    const mismatch = await run(ws, {
      method: 'x509',
      files: 'out/app.bin',
      certificate: p.leafCert,
      'private-key': readFileSync(p.expiredKey, 'utf8'),
    });
    expect(mismatch.exitCode).toBe(1);
    expect(mismatch.stdout).toMatch(/private key does not belong to the signing certificate/);
    const expired = await run(ws, {
      method: 'x509',
      files: 'out/app.bin',
      certificate: p.expiredCert,
      'private-key': readFileSync(p.expiredKey, 'utf8'),
    });
    expect(expired.exitCode).toBe(1);
    expect(expired.stdout).toMatch(/signing certificate is not valid now/);
    expect(existsSync(join(ws, 'out/app.bin.p7s'))).toBe(false);
  });

  it('verify fails on a signature made (by openssl) with an expired certificate, naming the file and reason', async () => {
    const ws = workspace('expired');
    sh('openssl', [
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-in',
      join(ws, 'out/app.bin'),
      '-signer',
      p.expiredCert,
      '-inkey',
      p.expiredKey,
      '-out',
      join(ws, 'out/app.bin.p7s'),
    ]);
    const r = await run(ws, { command: 'verify', method: 'x509', files: 'out/app.bin', 'ca-certificate': p.caCert });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/out\/app\.bin: certificate "CN=Paved Test expired.*" expired on/);
  });
});

describe('method openpgp', () => {
  it('writes armored detached signatures that gpg --verify accepts, and rejects a one-byte change', async () => {
    const ws = workspace('pgp');
    const r = await run(ws, {
      method: 'openpgp',
      files: 'out/*',
      'private-key': pgp.secretArmored,
      passphrase: PASSPHRASE,
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(readFileSync(join(ws, 'out/app.bin.asc'), 'utf8')).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
    expect(r.masks).toContain(PASSPHRASE);
    const keyLine = pgp.secretArmored.split('\n').find((l) => l.length > 60) as string;
    expect(r.masks).toContain(keyLine);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask'))
        .join('\n'),
    ).not.toContain(keyLine);
    expect(gpgVerify(dir, pgp.publicArmored, join(ws, 'out/app.bin.asc'), join(ws, 'out/app.bin'))).toBe(0);
    expect(gpgVerify(dir, pgp.publicArmored, join(ws, 'out/readme.txt.asc'), join(ws, 'out/readme.txt'))).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask'))
        .join('\n'),
    ).not.toContain(PASSPHRASE);
    expect(status('sh', [join(ws, 'out/verify.sh')])).toBe(0);

    const verify = (key: string) =>
      run(ws, { command: 'verify', method: 'openpgp', files: 'out/*', 'openpgp-public-key': key });
    expect((await verify(pgp.publicArmored)).exitCode).toBe(0);
    const other = await verify(otherPgp.publicArmored);
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toMatch(/out\/app\.bin: .*(key|signing)/i);

    tamper(join(ws, 'out/app.bin'));
    expect(gpgVerify(dir, pgp.publicArmored, join(ws, 'out/app.bin.asc'), join(ws, 'out/app.bin'))).not.toBe(0);
    expect(status('sh', [join(ws, 'out/verify.sh')])).toBe(1);
    const bad = await verify(pgp.publicArmored);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/::error.*out\/app\.bin: /);
    expect(JSON.parse(bad.outputs.verified ?? '[]')).toEqual(['out/readme.txt']);
  });

  it('a corrupt key names the private-key input, and writes nothing', async () => {
    const ws = workspace('pgp-corrupt');
    // Lines cut out of the middle of the armored key: packet lengths no longer add up.
    const lines = pgp.secretArmored.split('\n');
    const corrupt = [...lines.slice(0, 4), ...lines.slice(9)].join('\n');
    const r = await run(ws, {
      method: 'openpgp',
      files: 'out/app.bin',
      'private-key': corrupt,
      passphrase: PASSPHRASE,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::sign: Input private-key is not an armored OpenPGP private key/);
    expect(r.stdout).not.toContain('    at ');
    expect(existsSync(join(ws, 'out/app.bin.asc'))).toBe(false);
  });

  it('a wrong passphrase names the passphrase input', async () => {
    const ws = workspace('pgp-wrong');
    const r = await run(ws, {
      method: 'openpgp',
      files: 'out/app.bin',
      'private-key': pgp.secretArmored,
      passphrase: 'not it',
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::sign: Could not unlock private-key: wrong passphrase/);
  });
});
