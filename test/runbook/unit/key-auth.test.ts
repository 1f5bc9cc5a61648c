import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyAuth } from '../../../actions/runbook/src/transport/ssh';

const hasKeygen = (() => {
  try {
    execFileSync('ssh-keygen', ['-?'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // ssh-keygen -? prints usage and exits 1: it exists.
    return (error as { status?: number }).status === 1;
  }
})();

/**
 * ssh2 parses the private key on every connect, and an encrypted key costs bcrypt-pbkdf each
 * time (~0.6 s of event-loop CPU per host): the runbook decrypts it once and hands the parsed key
 * to every connection.
 */
describe.skipIf(!hasKeygen && process.env.CI !== 'true')('ssh key authentication config', () => {
  let dir: string;
  let encrypted: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rb-keyauth-'));
    // Few KDF rounds: what is checked is that it is parsed once, not how long a parse takes.
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '4', '-N', 'pass phrase', '-f', join(dir, 'k')]);
    encrypted = readFileSync(join(dir, 'k'), 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decrypts a key once and gives every connection the same parsed key', async () => {
    const a = await keyAuth({ user: 'deploy', privateKey: encrypted, passphrase: 'pass phrase' });
    const b = await keyAuth({ user: 'other', privateKey: Buffer.from(encrypted), passphrase: 'pass phrase' });
    const keyOf = (c: typeof a) =>
      (c.authHandler as { type: string; key?: unknown; username: string }[]).find((m) => m.type === 'publickey');
    expect(keyOf(a)?.key).toBeDefined();
    expect(keyOf(b)?.key).toBe(keyOf(a)?.key);
    // Each connection logs in as its own user; no text key or passphrase is passed on to ssh2.
    expect(keyOf(b)?.username).toBe('other');
    expect(a.privateKey).toBeUndefined();
    expect(a.passphrase).toBeUndefined();
  });

  it('leaves a key it cannot open (wrong passphrase) to ssh2, which reports it as before', async () => {
    const c = await keyAuth({ user: 'deploy', privateKey: encrypted, passphrase: 'wrong' });
    expect(c.authHandler).toBeUndefined();
    expect(c.privateKey).toBe(encrypted);
    expect(await keyAuth({ user: 'deploy' })).toEqual({});
  });
});
