import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, runAction } from '../harness';
import { type KeyFiles, opensslKey, tempDir } from './fixtures';

/**
 * Mistakes a user can fix are ConfigurationErrors naming the path, never "internal error", and a
 * failed run leaves no half-written set of signatures behind.
 *
 * The tests run as root in CI, and root reads and writes through file modes. The action then runs
 * under setpriv without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH, so modes bind it like any user.
 */
const { dir, cleanup } = tempDir('errors');
let key: KeyFiles;
let node: string | undefined;

beforeAll(() => {
  key = opensslKey(dir, 'ec');
  if (process.getuid?.() === 0 && onPath('setpriv')) {
    // Not a shell script: sh drops INPUT_PRIVATE-KEY and every other name with a hyphen from the
    // environment. env -S and setpriv pass it through; node then runs the bundle named in argv.
    node = join(dir, 'node-without-dac.cjs');
    const caps = '-dac_override,-dac_read_search';
    writeFileSync(
      node,
      `#!/usr/bin/env -S setpriv --bounding-set=${caps} --inh-caps=${caps} ${process.execPath}\nprocess.argv.splice(1, 1);\nrequire(process.argv[1]);\n`,
      { mode: 0o755 },
    );
  }
});
afterAll(() => {
  // Modes set by the tests would stop the cleanup of an unprivileged user.
  for (const d of readdirSync(dir)) chmodRecursive(join(dir, d));
  cleanup();
});

function chmodRecursive(path: string): void {
  try {
    chmodSync(path, 0o700);
    for (const e of readdirSync(path)) chmodRecursive(join(path, e));
  } catch {
    /* a file: chmod done, readdir fails */
  }
}

/** Without root (or with setpriv) file modes are enforced; as root without setpriv they are not. */
const modesEnforced = () => process.getuid?.() !== 0 || node !== undefined;

function workspace(name: string): string {
  const ws = join(dir, name);
  mkdirSync(join(ws, 'dist'), { recursive: true });
  writeFileSync(join(ws, 'dist/app.bin'), 'app\n');
  writeFileSync(join(ws, 'dist/notes.txt'), 'notes\n');
  return ws;
}

const sign = (ws: string, inputs: Record<string, string>, env: Record<string, string | undefined> = {}) =>
  runAction(
    'sign',
    { method: 'key', 'private-key': readFileSync(key.plain, 'utf8'), ...inputs },
    { env: { GITHUB_WORKSPACE: ws, ...env }, node },
  );

function expectConfigurationError(r: { exitCode: number; stdout: string }, message: string): void {
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toContain(`::error::sign: ${message}`);
  expect(r.stdout).not.toMatch(/internal error|please report|\n\s+at /i);
}

describe('honest errors', () => {
  it('an unreadable file to sign, and an unreadable key file, name the path', async (ctx) => {
    if (!modesEnforced()) {
      if (IN_CI) throw new Error('setpriv is required under CI=true to test file modes as root');
      ctx.skip('running as root without setpriv: file modes are not enforced');
    }
    const ws = workspace('unreadable');
    chmodSync(join(ws, 'dist/notes.txt'), 0o000);
    const r = await sign(ws, { files: 'dist/*' });
    expectConfigurationError(r, 'Cannot read files entry dist/notes.txt: permission denied');
    expect(existsSync(join(ws, 'dist/app.bin.sig'))).toBe(false);

    chmodSync(join(ws, 'dist/notes.txt'), 0o644);
    writeFileSync(join(ws, 'key.pem'), readFileSync(key.plain));
    chmodSync(join(ws, 'key.pem'), 0o000);
    const k = await sign(ws, { files: 'dist/*', 'private-key': 'key.pem' });
    // The value of a secret input is masked, path or not: the message names the input.
    expectConfigurationError(k, 'Cannot read input private-key: ***: permission denied');
  });

  it('a read-only output-dir, and an output-dir that is a file, name it before anything is signed', async (ctx) => {
    if (!modesEnforced()) {
      if (IN_CI) throw new Error('setpriv is required under CI=true to test file modes as root');
      ctx.skip('running as root without setpriv: file modes are not enforced');
    }
    const ws = workspace('readonly');
    mkdirSync(join(ws, 'sigs'));
    chmodSync(join(ws, 'sigs'), 0o555);
    const r = await sign(ws, { files: 'dist/*', 'output-dir': 'sigs' });
    expectConfigurationError(r, 'Cannot write signatures to sigs: permission denied');
    expect(readdirSync(join(ws, 'sigs'))).toEqual([]);

    writeFileSync(join(ws, 'out'), 'a file');
    const f = await sign(ws, { files: 'dist/*', 'output-dir': 'out/sub' });
    expectConfigurationError(
      f,
      'Input output-dir: out is a file, not a directory; signatures cannot be written to out/sub',
    );
  });

  it('a directory in place of a file names it', async () => {
    const ws = workspace('dirs');
    const files = await sign(ws, { files: 'dist' });
    expectConfigurationError(
      files,
      'Input files: dist is a directory, not a file; write "dist/**" to sign the files in it',
    );
    mkdirSync(join(ws, 'keydir'));
    const k = await sign(ws, { files: 'dist/*', 'private-key': 'keydir' });
    expectConfigurationError(k, 'Input private-key: *** is a directory, not a file');
  });

  it('writes all signatures or none: a directory where one signature belongs leaves the others unwritten', async () => {
    const ws = workspace('atomic');
    writeFileSync(join(ws, 'dist/zzz.bin'), 'last\n');
    mkdirSync(join(ws, 'dist/zzz.bin.sig'));
    const r = await sign(ws, { files: 'dist/*' });
    expectConfigurationError(r, 'Cannot write dist/zzz.bin.sig: it is a directory');
    expect(readdirSync(join(ws, 'dist')).sort()).toEqual(['app.bin', 'notes.txt', 'zzz.bin', 'zzz.bin.sig']);
  });

  it('tsa-url with openpgp is refused rather than silently ignored', async () => {
    const ws = workspace('pgp-tsa');
    const r = await runAction(
      'sign',
      {
        method: 'openpgp',
        files: 'dist/*',
        'private-key': '-----BEGIN PGP PRIVATE KEY BLOCK-----\n(never read)\n-----END PGP PRIVATE KEY BLOCK-----',
        'tsa-url': 'http://127.0.0.1:9',
      },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(
      '::error::sign: Input tsa-url: OpenPGP signatures have no place for an RFC 3161 timestamp',
    );
  });

  it('private-key without method suggests method: key', async () => {
    const ws = workspace('no-method');
    const r = await runAction(
      'sign',
      { files: 'dist/*', 'private-key': readFileSync(key.plain, 'utf8') },
      { env: { GITHUB_WORKSPACE: ws } },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /::error::sign: Input private-key is set, but method is keyless \(the default\).*set `method: key`/,
    );
    expect(existsSync(join(ws, 'dist/app.bin.sigstore.json'))).toBe(false);
  });

  it('keyless verify that cannot reach the TUF repository says to pass trusted-root', async () => {
    const ws = workspace('offline');
    const home = join(ws, 'home');
    mkdirSync(home);
    const r = await runAction(
      'sign',
      {
        command: 'verify',
        method: 'keyless',
        files: 'dist/app.bin',
        'certificate-identity': 'https://github.com/o/r/.github/workflows/release.yml@refs/heads/main',
        'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
      },
      {
        // No network: every request goes to a proxy on a port nothing listens on, with an empty TUF cache.
        env: {
          GITHUB_WORKSPACE: ws,
          HOME: home,
          XDG_CACHE_HOME: join(home, '.cache'),
          HTTPS_PROXY: 'http://127.0.0.1:9',
          https_proxy: 'http://127.0.0.1:9',
          HTTP_PROXY: 'http://127.0.0.1:9',
          http_proxy: 'http://127.0.0.1:9',
          NO_PROXY: '',
          no_proxy: '',
        },
      },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(
      /::error::sign: Could not fetch the Sigstore public-good trusted root with TUF .*; offline, pass input trusted-root/,
    );
  });

  it('provenance never invents values: no runner environment or workflow path the run did not state', async () => {
    const ws = workspace('provenance');
    const r = await sign(
      ws,
      { files: 'dist/app.bin', provenance: 'true', 'verify-script': 'false' },
      {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SHA: 'c'.repeat(40),
        GITHUB_REF: 'refs/heads/main',
        GITHUB_RUN_ID: '7',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW: 'Release',
        GITHUB_WORKFLOW_REF: undefined,
        RUNNER_ENVIRONMENT: undefined,
      },
    );
    expect(r.exitCode, r.stdout).toBe(0);
    const line = readFileSync(join(ws, 'dist/app.bin.intoto.jsonl'), 'utf8').trim();
    const statement = JSON.parse(Buffer.from(JSON.parse(line).payload, 'base64').toString('utf8'));
    const p = statement.predicate;
    expect(p.runDetails.builder.id).toBe('https://github.com/actions/runner');
    expect(p.buildDefinition.externalParameters.workflow).toEqual({
      ref: 'refs/heads/main',
      repository: 'https://github.com/o/r',
    });
    expect(JSON.stringify(p)).not.toContain('github-hosted');
    expect(JSON.stringify(p)).not.toContain('Release');
  });
});
