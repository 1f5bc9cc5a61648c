import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../harness';
import { type KeyFiles, opensslKey, PASSPHRASE, sh, status, tamper, tempDir } from './fixtures';

const { dir, cleanup } = tempDir('key');
const keys: Record<string, KeyFiles> = {};

beforeAll(() => {
  for (const kind of ['ec', 'ed25519', 'rsa'] as const) keys[kind] = opensslKey(dir, kind);
});
afterAll(cleanup);

function workspace(name: string, files: Record<string, string | Buffer>): string {
  const ws = join(dir, name);
  sh('mkdir', ['-p', join(ws, 'dist')]);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(ws, file), content);
  return ws;
}

const sign = (ws: string, inputs: Record<string, string>) =>
  runAction('sign', { command: 'sign', method: 'key', ...inputs }, { env: { GITHUB_WORKSPACE: ws } });

/** openssl's verdict on a cosign-style .sig: base64 of the raw signature. */
function opensslVerify(ws: string, kind: string, pub: string, file: string): number {
  const raw = join(ws, `${file}.sig.der`);
  writeFileSync(raw, Buffer.from(readFileSync(join(ws, `${file}.sig`), 'utf8'), 'base64'));
  return kind === 'ed25519'
    ? status('openssl', [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        pub,
        '-rawin',
        '-in',
        join(ws, file),
        '-sigfile',
        raw,
      ])
    : status('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', raw, join(ws, file)]);
}

describe.each(['ec', 'ed25519', 'rsa'] as const)('method key with an encrypted %s key', (kind) => {
  it('writes .sig and a v0.3 bundle that openssl verifies, and verify.sh that rejects a one-byte change', async () => {
    const ws = workspace(`sign-${kind}`, {
      'dist/app.tar.gz': 'release bytes\n'.repeat(1000),
      'dist/notes.txt': 'notes',
    });
    const key = keys[kind] as KeyFiles;
    const r = await sign(ws, {
      files: 'dist/*',
      'private-key': readFileSync(key.encrypted, 'utf8'),
      passphrase: PASSPHRASE,
    });
    expect(r.exitCode, r.stdout).toBe(0);
    const signatures = JSON.parse(r.outputs.signatures ?? '[]') as string[];
    expect(signatures).toEqual(
      expect.arrayContaining([
        'dist/app.tar.gz.sig',
        'dist/app.tar.gz.sigstore.json',
        'dist/notes.txt.sig',
        'dist/verify.sh',
      ]),
    );
    const digests = JSON.parse(r.outputs.digests ?? '{}') as Record<string, string>;
    expect(digests['dist/notes.txt']).toBe(sh('sha256sum', [join(ws, 'dist/notes.txt')]).split(' ')[0]);
    for (const file of ['dist/app.tar.gz', 'dist/notes.txt'])
      expect(opensslVerify(ws, kind, key.publicPem, file)).toBe(0);

    const bundle = JSON.parse(readFileSync(join(ws, 'dist/app.tar.gz.sigstore.json'), 'utf8'));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.publicKey.hint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(bundle.messageSignature.messageDigest.digest, 'base64').toString('hex')).toBe(
      digests['dist/app.tar.gz'],
    );
    expect(bundle.messageSignature.signature).toBe(readFileSync(join(ws, 'dist/app.tar.gz.sig'), 'utf8'));

    // The secrets were masked and never printed.
    expect(r.masks).toContain(PASSPHRASE);
    // The key text and the decrypted key, line by line (the runner masks line by line).
    expect(r.masks).toContain(readFileSync(key.encrypted, 'utf8').split('\n')[1]);
    expect(r.masks).toContain(readFileSync(key.plain, 'utf8').split('\n')[1]);
    const logs = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(logs).not.toContain(PASSPHRASE);
    expect(logs).not.toContain(readFileSync(key.plain, 'utf8').split('\n')[1]);
    expect(r.summary).toContain('Signed 2 files (key)');

    expect(status('sh', [join(ws, 'dist/verify.sh')])).toBe(0);
    tamper(join(ws, 'dist/app.tar.gz'));
    expect(opensslVerify(ws, kind, key.publicPem, 'dist/app.tar.gz')).not.toBe(0);
    const out = (() => {
      try {
        return sh('sh', [join(ws, 'dist/verify.sh')]);
      } catch (error) {
        return `exit ${(error as { status: number }).status}\n${(error as { stdout: string }).stdout}`;
      }
    })();
    expect(out).toMatch(/^exit 1/);
    expect(out).toContain('FAILED  app.tar.gz');
    expect(out).toContain('OK      notes.txt');
  });
});

describe('command verify with method key', () => {
  it('accepts good signatures, then names the tampered file and the reason; rejects another key', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024, 7); // above the in-memory threshold: the prehashed path
    const ws = workspace('verify', { 'dist/big.bin': big, 'dist/small.txt': 'small' });
    const key = keys.ec as KeyFiles;
    const signed = await sign(ws, {
      files: 'dist/*',
      'private-key': readFileSync(key.plain, 'utf8'),
      'output-dir': 'sigs',
    });
    expect(signed.exitCode, signed.stdout).toBe(0);
    expect(existsSync(join(ws, 'sigs/big.bin.sig'))).toBe(true);
    expect(existsSync(join(ws, 'sigs/verify.sh'))).toBe(true);
    expect(status('sh', [join(ws, 'sigs/verify.sh')])).toBe(0);

    const verify = (publicKey: string) =>
      runAction(
        'sign',
        { command: 'verify', method: 'key', files: 'dist/*', 'output-dir': 'sigs', 'public-key': publicKey },
        { env: { GITHUB_WORKSPACE: ws } },
      );
    const ok = await verify(key.publicPem);
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toEqual(['dist/big.bin', 'dist/small.txt']);

    const wrongKey = await verify((keys.rsa as KeyFiles).publicPem);
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.stdout).toMatch(/::error.*dist\/big\.bin: signature does not match/);

    tamper(join(ws, 'dist/big.bin'));
    const bad = await verify(key.publicPem);
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.outputs.verified ?? '[]')).toEqual(['dist/small.txt']);
    expect(bad.stdout).toContain('1 of 2 files failed verification; dist/big.bin: signature does not match');
    expect(bad.summary).toContain('Verification failed for 1 of 2 files');
    expect(status('sh', [join(ws, 'sigs/verify.sh')])).toBe(1);
  });
});

describe('bad input', () => {
  const key = () => keys.ec as KeyFiles;
  const expectConfigError = (r: Awaited<ReturnType<typeof sign>>, text: RegExp) => {
    expect(r.exitCode).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(text);
    expect(r.stdout).not.toContain('Stack trace');
  };

  it('a wrong passphrase names the passphrase input and writes nothing', async () => {
    const ws = workspace('wrong-pass', { 'dist/a.txt': 'a' });
    const r = await sign(ws, {
      files: 'dist/a.txt',
      'private-key': readFileSync(key().encrypted, 'utf8'),
      passphrase: 'nope-wrong',
    });
    expectConfigError(r, /Could not decrypt private-key: wrong passphrase/);
    expect(existsSync(join(ws, 'dist/a.txt.sig'))).toBe(false);
  });

  it('a missing passphrase and a corrupt key each name the input to fix', async () => {
    const ws = workspace('corrupt', { 'dist/a.txt': 'a' });
    expectConfigError(
      await sign(ws, { files: 'dist/a.txt', 'private-key': readFileSync(key().encrypted, 'utf8') }),
      /set input passphrase/,
    );
    const corrupt = readFileSync(key().plain, 'utf8').replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    expectConfigError(
      await sign(ws, { files: 'dist/a.txt', 'private-key': corrupt }),
      /Input private-key is not a readable private key/,
    );
    expectConfigError(await sign(ws, { files: 'dist/a.txt', 'private-key': 'not a key' }), /private-key must be a PEM/);
  });

  it('a pattern that matches nothing is an error, not an empty success', async () => {
    const ws = workspace('nomatch', { 'dist/a.txt': 'a' });
    expectConfigError(
      await sign(ws, { files: 'dist/a.txt\nrelease/*.tgz', 'private-key': readFileSync(key().plain, 'utf8') }),
      /pattern "release\/\*\.tgz" matched no file/,
    );
    expect(existsSync(join(ws, 'dist/a.txt.sig'))).toBe(false);
  });

  it('a method typo suggests the right one', async () => {
    const ws = workspace('typo', { 'dist/a.txt': 'a' });
    expectConfigError(await sign(ws, { files: 'dist/a.txt', method: 'keyles' }), /did you mean "keyless"/);
  });

  it('keyless without id-token permission explains what to add', async () => {
    const ws = workspace('no-oidc', { 'dist/a.txt': 'a' });
    const r = await runAction(
      'sign',
      { files: 'dist/a.txt', method: 'keyless' },
      {
        env: {
          GITHUB_WORKSPACE: ws,
          ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
        },
      },
    );
    expectConfigError(r, /id-token: write/);
  });
});
