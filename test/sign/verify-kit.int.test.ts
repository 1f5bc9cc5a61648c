import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness';
import { type GpgKey, gpgKey, type KeyFiles, opensslKey, PASSPHRASE, type Pki, pki, sh, tempDir } from './fixtures';

/**
 * Certificate purpose (a TLS server certificate from the same CA is no code signer) and verify.sh as a
 * consumer runs it: a chain with an intermediate and the root supplied by the consumer (CA_FILE), no
 * anchor at all, a release downloaded flat into one directory, EXPECT_FINGERPRINT pinning the signer,
 * and gpg without an agent.
 */
const { dir, cleanup } = tempDir('kit');
let p: Pki;
let ec: KeyFiles;
let rsa: KeyFiles;
let pgp: GpgKey;

beforeAll(() => {
  p = pki(dir);
  ec = opensslKey(dir, 'ec');
  rsa = opensslKey(dir, 'rsa');
  pgp = gpgKey(dir, 'kit');
});
afterAll(cleanup);

function workspace(name: string): string {
  const ws = join(dir, name);
  mkdirSync(join(ws, 'dist'), { recursive: true });
  writeFileSync(join(ws, 'dist/app.bin'), Buffer.alloc(50_000, 5));
  writeFileSync(join(ws, 'dist/notes.txt'), 'notes\n');
  return ws;
}

const run = (ws: string, inputs: Record<string, string>) =>
  runAction('sign', inputs, { env: { GITHUB_WORKSPACE: ws } });

/** sh verify.sh with extra environment: exit status and everything it printed. */
function script(path: string, env: Record<string, string> = {}): { code: number; out: string } {
  try {
    const out = sh('sh', [path], { env });
    return { code: 0, out };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** A detached CMS signature made by openssl itself, with any certificate. */
function opensslCms(file: string, cert: string, key: string): void {
  sh('openssl', [
    'cms',
    '-sign',
    '-binary',
    '-outform',
    'DER',
    '-in',
    file,
    '-signer',
    cert,
    '-inkey',
    key,
    '-out',
    `${file}.p7s`,
  ]);
}

const fingerprint = (cert: string) =>
  sh('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1] as string;

const GITHUB_ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'c'.repeat(40),
  GITHUB_REF: 'refs/tags/v2',
  GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/release.yml@refs/tags/v2',
  GITHUB_RUN_ID: '3',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_ENVIRONMENT: 'github-hosted',
};

describe('certificate purpose', () => {
  it('refuses to sign with a TLS server certificate or one whose keyUsage lacks digitalSignature', async () => {
    const ws = workspace('purpose-sign');
    const tls = await run(ws, {
      method: 'x509',
      files: 'dist/app.bin',
      certificate: p.tlsCert,
      'private-key': readFileSync(p.tlsKey, 'utf8'),
    });
    expect(tls.exitCode).toBe(1);
    expect(tls.stdout).toMatch(
      /::error::sign: Input certificate: certificate "CN=Paved Test tls.*" is not for code signing \(extendedKeyUsage serverAuth; needs codeSigning\)/,
    );
    const noDigSig = await run(ws, {
      method: 'x509',
      files: 'dist/app.bin',
      certificate: p.noDigSigCert,
      'private-key': readFileSync(p.noDigSigKey, 'utf8'),
    });
    expect(noDigSig.exitCode).toBe(1);
    expect(noDigSig.stdout).toMatch(/keyUsage without digitalSignature/);
    expect(existsSync(join(ws, 'dist/app.bin.p7s'))).toBe(false);
  });

  it('verify and verify.sh refuse a signature made (by openssl) with a TLS certificate from the trusted CA', async () => {
    const ws = workspace('purpose-verify');
    const signed = await run(ws, {
      method: 'x509',
      files: 'dist/*',
      certificate: p.chain,
      'private-key': readFileSync(p.leafKey, 'utf8'),
    });
    expect(signed.exitCode, signed.stdout).toBe(0);
    const kit = join(ws, 'dist/verify.sh');
    expect(readFileSync(kit, 'utf8')).not.toContain('-purpose any');
    expect(script(kit).code).toBe(0);

    // Same CA, same file, a valid signature: only the certificate's purpose is wrong.
    opensslCms(join(ws, 'dist/app.bin'), p.tlsCert, p.tlsKey);
    const r = await run(ws, {
      command: 'verify',
      method: 'x509',
      files: 'dist/*',
      'ca-certificate': p.caCert,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/dist\/app\.bin: certificate "CN=Paved Test tls.*" is not for code signing/);
    expect(JSON.parse(r.outputs.verified ?? '[]')).toEqual(['dist/notes.txt']);
    const bad = script(kit);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAILED {2}app\.bin: the signing certificate is not for code signing/);
    expect(bad.out).toContain('OK      notes.txt');
  });
});

describe('verify.sh where consumers are', () => {
  it('checks a leaf + intermediate chain against the root the consumer supplies, and says when there is no anchor', async () => {
    const ws = workspace('chain');
    const chain = join(ws, 'chain.pem');
    writeFileSync(chain, readFileSync(p.intLeafCert, 'utf8') + readFileSync(p.intermediateCert, 'utf8'));
    const signed = await run(ws, {
      method: 'x509',
      files: 'dist/*',
      certificate: chain,
      'private-key': readFileSync(p.intLeafKey, 'utf8'),
    });
    expect(signed.exitCode, signed.stdout).toBe(0);
    const kit = join(ws, 'dist/verify.sh');

    const noAnchor = script(kit);
    expect(noAnchor.code).toBe(2);
    expect(noAnchor.out).toContain(
      'no trust anchor: the signing chain stops below CN=Paved Test ca and embeds no root certificate; set CA_FILE to the root certificate you trust',
    );
    expect(noAnchor.out).not.toContain('FAILED');

    const good = script(kit, { CA_FILE: p.caCert });
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('OK      app.bin');
    const other = script(kit, { CA_FILE: p.otherCaCert });
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/FAILED {2}app\.bin: the signing certificate does not chain to/);
    const missing = script(kit, { CA_FILE: join(ws, 'nope.pem') });
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('nope.pem: no such file');

    // The action agrees: the intermediate travels in the .p7s, the consumer holds the root.
    const verified = await run(ws, { command: 'verify', method: 'x509', files: 'dist/*', 'ca-certificate': p.caCert });
    expect(verified.exitCode, verified.stdout).toBe(0);

    // EXPECT_FINGERPRINT pins the signing certificate.
    const pinned = script(kit, { CA_FILE: p.caCert, EXPECT_FINGERPRINT: fingerprint(p.intLeafCert) });
    expect(pinned.code, pinned.out).toBe(0);
    const wrongPin = script(kit, { CA_FILE: p.caCert, EXPECT_FINGERPRINT: fingerprint(p.leafCert) });
    expect(wrongPin.code).toBe(1);
    expect(wrongPin.out).toMatch(/FAILED {2}app\.bin: signed by [0-9a-f]{64}, not EXPECT_FINGERPRINT/);
  });

  it('finds files beside the signatures when the release is downloaded flat, and EXPECT_FINGERPRINT refuses another key', async () => {
    const ws = workspace('flat');
    const signed = await run(ws, {
      method: 'key',
      files: 'dist/*',
      'output-dir': 'sigs',
      'private-key': readFileSync(ec.plain, 'utf8'),
    });
    expect(signed.exitCode, signed.stdout).toBe(0);
    // As a consumer downloads a release: every asset in one directory.
    // Outside the workspace, so ../dist/… does not exist.
    const flat = join(dir, 'flat-download');
    mkdirSync(flat);
    for (const f of ['dist/app.bin', 'dist/notes.txt', 'sigs/app.bin.sig', 'sigs/notes.txt.sig', 'sigs/verify.sh']) {
      copyFileSync(join(ws, f), join(flat, basename(f)));
    }
    const ok = script(join(flat, 'verify.sh'));
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('OK      app.bin');

    const keyFp = sh('sh', ['-c', `openssl pkey -pubin -in '${ec.publicPem}' -outform DER | openssl dgst -sha256 -r`])
      .trim()
      .split(' ')[0] as string;
    expect(script(join(flat, 'verify.sh'), { EXPECT_FINGERPRINT: keyFp.toUpperCase() }).code).toBe(0);
    // Someone swapped the embedded key for theirs: PUBLIC_KEY stands in for that here.
    const swapped = script(join(flat, 'verify.sh'), { EXPECT_FINGERPRINT: keyFp, PUBLIC_KEY: rsa.publicPem });
    expect(swapped.code).toBe(1);
    expect(swapped.out).toMatch(/FAILED {2}public key: signed by [0-9a-f]{64}, not EXPECT_FINGERPRINT/);
  });

  it('file names a shell would interpret stay data in verify.sh, for every method: quotes, $(…), backticks, backslash, newline', async () => {
    // Made inside the script's directory: if any name were evaluated, this file would appear.
    const hostile = `it's "a" $(touch PWNED) \`touch PWNED\` \\ \${HOME}\nx.bin`;
    const kits: [string, Record<string, string>, Record<string, string>][] = [
      ['key', { 'private-key': readFileSync(ec.plain, 'utf8') }, { 'public-key': ec.publicPem }],
      [
        'x509',
        { certificate: p.chain, 'private-key': readFileSync(p.leafKey, 'utf8') },
        { 'ca-certificate': p.caCert },
      ],
      [
        'openpgp',
        { 'private-key': pgp.secretArmored, passphrase: PASSPHRASE },
        { 'openpgp-public-key': pgp.publicArmored },
      ],
    ];
    for (const [method, inputs, trust] of kits) {
      const ws = workspace(`hostile-${method}`);
      writeFileSync(join(ws, 'dist', hostile), 'release asset with an awkward name\n');
      // With provenance, so verify.sh's attestation check (which lists the files too) gets the name as well.
      const signed = await runAction(
        'sign',
        { method, files: 'dist/*', provenance: 'true', ...inputs },
        { env: { GITHUB_WORKSPACE: ws, ...GITHUB_ENV } },
      );
      expect(signed.exitCode, signed.stdout).toBe(0);
      const kit = join(ws, 'dist/verify.sh');
      const ok = script(kit);
      expect(ok.code, `${method}: ${ok.out}`).toBe(0);
      expect(ok.out).toContain(`OK      ${hostile}`);
      expect(existsSync(join(ws, 'dist/PWNED')), method).toBe(false);
      const verified = await run(ws, { command: 'verify', method, files: 'dist/*', ...trust });
      expect(verified.exitCode, `${method}: ${verified.stdout}`).toBe(0);
      expect(JSON.parse(verified.outputs.verified ?? '[]')).toContain(`dist/${hostile}`);
      // And the name still points at that file: changing it fails the check naming it.
      writeFileSync(join(ws, 'dist', hostile), 'swapped\n');
      const bad = script(kit);
      expect(bad.code, `${method}: ${bad.out}`).toBe(1);
      expect(bad.out).toContain(`FAILED  ${hostile}`);
      expect(existsSync(join(ws, 'dist/PWNED')), method).toBe(false);
    }
  });

  it('openpgp verify.sh imports into a temporary homedir without starting gpg-agent; EXPECT_FINGERPRINT pins the key', async () => {
    const ws = workspace('gpg');
    const signed = await run(ws, {
      method: 'openpgp',
      files: 'dist/*',
      'private-key': pgp.secretArmored,
      passphrase: PASSPHRASE,
    });
    expect(signed.exitCode, signed.stdout).toBe(0);
    const kit = join(ws, 'dist/verify.sh');
    const text = readFileSync(kit, 'utf8');
    expect(text).toContain('--no-autostart');
    expect(text).not.toMatch(/gpg --(?!homedir "\$work\/gnupg" --no-autostart)/);
    // A consumer whose HOME is not writable and who runs no agent.
    const home = join(ws, 'readonly-home');
    mkdirSync(home, { mode: 0o500 });
    const env = { HOME: home, GNUPGHOME: join(home, '.gnupg') };
    const ok = script(kit, env);
    expect(ok.code, ok.out).toBe(0);
    expect(existsSync(join(home, '.gnupg'))).toBe(false);
    expect(script(kit, { ...env, EXPECT_FINGERPRINT: pgp.fingerprint }).code).toBe(0);
    const other = script(kit, { ...env, EXPECT_FINGERPRINT: 'AAAA'.repeat(10) });
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/FAILED {2}app\.bin: signed by [0-9a-f]{40}, not EXPECT_FINGERPRINT/);
  });
});
