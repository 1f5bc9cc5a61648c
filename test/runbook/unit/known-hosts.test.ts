import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KnownHosts, knownHostsLine } from '../../../actions/runbook/src/transport/known-hosts';

const key = (n: number) => {
  const type = Buffer.from('ssh-ed25519');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(type.length);
  return Buffer.concat([len, type, Buffer.alloc(36, n)]);
};

describe('known_hosts', () => {
  it('matches plain, [host]:port, patterns, negations and @revoked', () => {
    const kh = new KnownHosts(
      [
        `# comment`,
        `web1,10.0.0.1 ssh-ed25519 ${key(1).toString('base64')}`,
        `[10.0.0.2]:2222 ssh-ed25519 ${key(2).toString('base64')}`,
        `*.example.com,!bad.example.com ssh-ed25519 ${key(3).toString('base64')}`,
        `@revoked 10.0.0.1 ssh-ed25519 ${key(9).toString('base64')}`,
      ].join('\n'),
    );
    expect(kh.lookup('10.0.0.1', 22).keys[0]?.blob.equals(key(1))).toBe(true);
    expect(kh.lookup('10.0.0.1', 22).revoked).toHaveLength(1);
    expect(kh.lookup('10.0.0.2', 22).keys).toHaveLength(0);
    expect(kh.lookup('10.0.0.2', 2222).keys).toHaveLength(1);
    expect(kh.lookup('a.example.com', 22).keys).toHaveLength(1);
    expect(kh.lookup('bad.example.com', 22).keys).toHaveLength(0);
  });
  it('matches hashed entries', () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[h.internal]:2200').digest();
    const kh = new KnownHosts(
      `|1|${salt.toString('base64')}|${hash.toString('base64')} ssh-ed25519 ${key(4).toString('base64')}`,
    );
    expect(kh.lookup('h.internal', 2200).keys).toHaveLength(1);
    expect(kh.lookup('h.internal', 22).keys).toHaveLength(0);
  });
  it('writes lines OpenSSH reads', () => {
    expect(knownHostsLine('10.0.0.5', 2222, key(5))).toBe(`[10.0.0.5]:2222 ssh-ed25519 ${key(5).toString('base64')}`);
  });
});
