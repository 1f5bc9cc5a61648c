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

/** A CA, a leaf it issued, an expired leaf (via `openssl ca` with fixed dates), a PKCS#12 and an unrelated CA. */
export function pki(dir: string): Pki {
  const d = join(dir, 'pki');
  mkdirSync(join(d, 'db'), { recursive: true });
  const ca = (name: string) => {
    sh('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(d, `${name}.key`),
      '-out',
      join(d, `${name}.pem`),
      '-days',
      '30',
      '-subj',
      `/CN=Paved Test ${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  };
  ca('ca');
  ca('other-ca');
  const leaf = (name: string) => {
    sh('openssl', [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(d, `${name}.key`),
      '-out',
      join(d, `${name}.csr`),
      '-subj',
      `/CN=Paved Test ${name}/O=CD Foundation`,
    ]);
  };
  // Extensions of each kind of certificate the tests need (openssl x509 -extfile sections).
  writeFileSync(
    join(d, 'ext.cnf'),
    [
      '[codesign]',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=codeSigning',
      '[tls]',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      '[nodigsig]',
      'keyUsage=critical,keyEncipherment',
      'extendedKeyUsage=codeSigning',
      '[intermediate]',
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,keyCertSign,cRLSign',
      '',
    ].join('\n'),
  );
  const issue = (name: string, section: string, issuer = 'ca') =>
    sh('openssl', [
      'x509',
      '-req',
      '-in',
      join(d, `${name}.csr`),
      '-CA',
      join(d, `${issuer}.pem`),
      '-CAkey',
      join(d, `${issuer}.key`),
      '-CAcreateserial',
      '-out',
      join(d, `${name}.pem`),
      '-days',
      '10',
      '-extfile',
      join(d, 'ext.cnf'),
      '-extensions',
      section,
    ]);
  for (const [name, section] of [
    ['leaf', 'codesign'],
    ['tls', 'tls'],
    ['nodigsig', 'nodigsig'],
    ['intermediate', 'intermediate'],
  ] as const) {
    leaf(name);
    issue(name, section);
  }
  leaf('intleaf');
  issue('intleaf', 'codesign', 'intermediate');
  leaf('expired');
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
