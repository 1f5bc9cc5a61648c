import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test keys and certificates made with the real tools (openssl, gpg) once per test file,
 * in a temp directory removed at the end.
 */
export const PASSPHRASE = 'correct horse battery staple';

export function sh(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
) {
  return execFileSync(cmd, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Exit status of a command, for the checks that must fail. */
export function status(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  try {
    sh(cmd, args, options);
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `paved-sign-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface KeyFiles {
  /** Encrypted PKCS#8 PEM (PASSPHRASE). */
  encrypted: string;
  plain: string;
  publicPem: string;
}

export function opensslKey(dir: string, kind: 'ec' | 'ed25519' | 'rsa'): KeyFiles {
  const base = join(dir, `key-${kind}`);
  const args =
    kind === 'ec'
      ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : kind === 'rsa'
        ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
        : ['-algorithm', 'ED25519'];
  sh('openssl', ['genpkey', ...args, '-out', `${base}.pem`]);
  sh('openssl', ['pkcs8', '-topk8', '-in', `${base}.pem`, '-out', `${base}.enc.pem`, '-passout', `pass:${PASSPHRASE}`]);
  sh('openssl', ['pkey', '-in', `${base}.pem`, '-pubout', '-out', `${base}.pub.pem`]);
  return { plain: `${base}.pem`, encrypted: `${base}.enc.pem`, publicPem: `${base}.pub.pem` };
}

export interface Pki {
  caCert: string;
  leafCert: string;
  leafKey: string;
  /** leaf + CA, PEM. */
  chain: string;
  p12: string;
  p12Password: string;
  expiredCert: string;
  expiredKey: string;
  otherCaCert: string;
  /** A TLS server certificate (extendedKeyUsage serverAuth) from the same CA. */
  tlsCert: string;
  tlsKey: string;
  /** codeSigning, but keyUsage without digitalSignature. */
  noDigSigCert: string;
  noDigSigKey: string;
  /** An intermediate CA under `ca`, and a code-signing leaf it issued. */
  intermediateCert: string;
  intLeafCert: string;
  intLeafKey: string;
}

export interface CertKey {
  /** PEM certificate path. */
  cert: string;
  /** PEM private key path (P-256, unencrypted). */
  key: string;
}

/**
 * openssl with its clock at `at` ("2019-06-01 00:00:00", via faketime) when given, so a certificate can
 * be made valid from a past date.
 */
function opensslAt(at: string | undefined, args: string[]): string {
  return at ? sh('faketime', [at, 'openssl', ...args]) : sh('openssl', args);
}

/** `openssl req` arguments for a new unencrypted P-256 key, written to the path that follows. */
const NEW_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout'];

/** A self-signed P-256 CA, `<d>/<name>.pem` and `.key`, valid for `days` from now (or from `at`). */
export function makeCa(d: string, name: string, subject: string, days: number, at?: string): CertKey {
  const cert = join(d, `${name}.pem`);
  const key = join(d, `${name}.key`);
  opensslAt(at, [
    'req',
    '-x509',
    ...NEW_P256_KEY,
    key,
    '-out',
    cert,
    '-days',
    String(days),
    '-subj',
    subject,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert, key };
}

/**
 * A P-256 key and a certificate for it issued by `issuer`, with the extensions `ext` (openssl config
 * lines such as `extendedKeyUsage=codeSigning`), valid for `days` from now (or from `at`).
 */
export function issueCert(
  d: string,
  name: string,
  subject: string,
  issuer: CertKey,
  ext: string,
  days: number,
  at?: string,
): CertKey {
  const cert = join(d, `${name}.pem`);
  const key = join(d, `${name}.key`);
  const csr = join(d, `${name}.csr`);
  const extFile = join(d, `${name}.ext.cnf`);
  sh('openssl', ['req', ...NEW_P256_KEY, key, '-out', csr, '-subj', subject]);
  writeFileSync(extFile, `[ext]\n${ext}\n`);
  opensslAt(at, [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    issuer.cert,
    '-CAkey',
    issuer.key,
    '-CAcreateserial',
    '-out',
    cert,
    '-days',
    String(days),
    '-extfile',
    extFile,
    '-extensions',
    'ext',
  ]);
  return { cert, key };
}

/** Extensions of each kind of certificate the tests need. */
export const CODE_SIGNING = 'keyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning';
const TLS_SERVER = 'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth';
const NO_DIGITAL_SIGNATURE = 'keyUsage=critical,keyEncipherment\nextendedKeyUsage=codeSigning';
const INTERMEDIATE_CA = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign';

/** A CA, a leaf it issued, an expired leaf (via `openssl ca` with fixed dates), a PKCS#12 and an unrelated CA. */
export function pki(dir: string): Pki {
  const d = join(dir, 'pki');
  mkdirSync(join(d, 'db'), { recursive: true });
  const ca = makeCa(d, 'ca', '/CN=Paved Test ca', 30);
  makeCa(d, 'other-ca', '/CN=Paved Test other-ca', 30);
  const subject = (name: string) => `/CN=Paved Test ${name}/O=CD Foundation`;
  const issue = (name: string, ext: string, issuer = ca) => issueCert(d, name, subject(name), issuer, ext, 10);
  issue('leaf', CODE_SIGNING);
  issue('tls', TLS_SERVER);
  issue('nodigsig', NO_DIGITAL_SIGNATURE);
  const intermediate = issue('intermediate', INTERMEDIATE_CA);
  issue('intleaf', CODE_SIGNING, intermediate);
  sh('openssl', [
    'req',
    ...NEW_P256_KEY,
    join(d, 'expired.key'),
    '-out',
    join(d, 'expired.csr'),
    '-subj',
    subject('expired'),
  ]);
  writeFileSync(join(d, 'db', 'index.txt'), '');
  writeFileSync(join(d, 'db', 'serial'), '1000\n');
  writeFileSync(
    join(d, 'ca.cnf'),
    `[ca]\ndefault_ca = test\n[test]\ndir = ${d}\ndatabase = ${d}/db/index.txt\nserial = ${d}/db/serial\nnew_certs_dir = ${d}/db\ncertificate = ${d}/ca.pem\nprivate_key = ${d}/ca.key\ndefault_md = sha256\npolicy = any\nunique_subject = no\nx509_extensions = codesign\n[any]\ncommonName = supplied\norganizationName = optional\n[codesign]\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=codeSigning\n`,
  );
  sh('openssl', [
    'ca',
    '-batch',
    '-config',
    join(d, 'ca.cnf'),
    '-in',
    join(d, 'expired.csr'),
    '-out',
    join(d, 'expired.pem'),
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20210101000000Z',
    '-notext',
  ]);
  writeFileSync(
    join(d, 'chain.pem'),
    readFileSync(join(d, 'leaf.pem'), 'utf8') + readFileSync(join(d, 'ca.pem'), 'utf8'),
  );
  const p12Password = 'p12-secret-pass';
  sh('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    join(d, 'leaf.key'),
    '-in',
    join(d, 'leaf.pem'),
    '-certfile',
    join(d, 'ca.pem'),
    '-passout',
    `pass:${p12Password}`,
    '-out',
    join(d, 'leaf.p12'),
  ]);
  return {
    caCert: join(d, 'ca.pem'),
    leafCert: join(d, 'leaf.pem'),
    leafKey: join(d, 'leaf.key'),
    chain: join(d, 'chain.pem'),
    p12: join(d, 'leaf.p12'),
    p12Password,
    expiredCert: join(d, 'expired.pem'),
    expiredKey: join(d, 'expired.key'),
    otherCaCert: join(d, 'other-ca.pem'),
    tlsCert: join(d, 'tls.pem'),
    tlsKey: join(d, 'tls.key'),
    noDigSigCert: join(d, 'nodigsig.pem'),
    noDigSigKey: join(d, 'nodigsig.key'),
    intermediateCert: join(d, 'intermediate.pem'),
    intLeafCert: join(d, 'intleaf.pem'),
    intLeafKey: join(d, 'intleaf.key'),
  };
}

export interface GpgKey {
  secretArmored: string;
  publicArmored: string;
  fingerprint: string;
}

/** An OpenPGP key generated by gpg itself in a throwaway GNUPGHOME. */
export function gpgKey(dir: string, name: string): GpgKey {
  const home = join(dir, `gnupg-${name}`);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const gpg = (args: string[]) =>
    sh('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', PASSPHRASE, ...args]);
  gpg(['--quick-gen-key', `${name} <${name}@example.com>`, 'ed25519', 'sign', 'never']);
  const fingerprint = /^fpr:+([0-9A-F]+):/m.exec(gpg(['--with-colons', '--fingerprint']))?.[1] ?? '';
  return {
    secretArmored: gpg(['--armor', '--export-secret-keys', fingerprint]),
    publicArmored: gpg(['--armor', '--export', fingerprint]),
    fingerprint,
  };
  // gpg-agent started for this home exits when the directory is removed.
}

/** gpg --verify against a fresh keyring holding only `publicArmored`. */
export function gpgVerify(dir: string, publicArmored: string, signature: string, file: string): number {
  const home = mkdtempSync(join(dir, 'gnupg-verify-'));
  sh('gpg', ['--homedir', home, '--batch', '--import'], { input: publicArmored });
  return status('gpg', ['--homedir', home, '--batch', '--verify', signature, file]);
}

/**
 * openssl's own verdict on a detached DER CMS signature against `ca`. OpenSSL 3.0 has no
 * code-signing purpose and its default (S/MIME) refuses a codeSigning-only certificate, hence
 * `-purpose any`: the action and verify.sh check the purpose themselves.
 */
export function opensslCmsVerify(p7s: string, content: string, ca: string): number {
  return status('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    p7s,
    '-content',
    content,
    '-CAfile',
    ca,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}

/** Flips one byte in the middle of a file. */
export function tamper(path: string): void {
  const data = readFileSync(path);
  const i = Math.floor(data.length / 2);
  data[i] = (data[i] as number) ^ 0x01;
  writeFileSync(path, data);
}
