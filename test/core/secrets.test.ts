import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, redact, registerSecret } from '../../shared/secrets';

/**
 * A secret inside a longer base64 text: an HTTP Basic header, the `auth` of a Docker config, a
 * base64-encoded config file a task writes. Its characters there depend on where it starts in a
 * 3-byte group and on the byte after it, so base64 of the secret alone is never found in them.
 */
describe('redact: a secret inside longer base64 text', () => {
  afterEach(() => clearSecrets());
  const secret = `p"a\\s's$ w&d/+=€${'x'.repeat(5)}`;

  it('masks the Basic credentials and the Docker config auth that carry it', () => {
    registerSecret(secret);
    const header = `Authorization: Basic ${Buffer.from(`deploy:${secret}`).toString('base64')}`;
    const config = JSON.stringify({ auths: { 'r.example': { auth: Buffer.from(`ci:${secret}`).toString('base64') } } });
    for (const text of [header, config]) {
      const masked = redact(text);
      expect(masked, text).toContain('***');
      // What is left of the base64 does not decode to any 4 bytes in a row of the secret.
      const left = masked.match(/[A-Za-z0-9+/]{4,}/g) ?? [];
      for (const run of left) {
        for (let start = 0; start < 4; start++) {
          const decoded = Buffer.from(run.slice(start), 'base64').toString('latin1');
          for (let i = 0; i + 4 <= Buffer.byteLength(secret); i++)
            expect(decoded).not.toContain(
              Buffer.from(secret)
                .subarray(i, i + 4)
                .toString('latin1'),
            );
        }
      }
    }
  });

  it('at every offset and with anything after it, in both alphabets, at most one character of its bits is left on each side', () => {
    registerSecret(secret);
    const bytes = Buffer.from(secret);
    for (const alphabet of ['base64', 'base64url'] as const) {
      for (let before = 0; before < 6; before++) {
        for (const after of ['', 'Z', '\n}', '"}\n']) {
          const stream = Buffer.concat([Buffer.alloc(before, 0xa5), bytes, Buffer.from(after)]);
          const encoded = stream.toString(alphabet);
          const masked = redact(encoded);
          const label = `${alphabet} after ${before} bytes, before ${JSON.stringify(after)}`;
          expect(masked.split('***').length - 1, label).toBe(1);
          // Characters whose 6 bits all come from the secret.
          const first = Math.ceil((before * 8) / 6);
          const last = Math.floor(((before + bytes.length) * 8) / 6);
          const removed = encoded.length - (masked.length - 3);
          expect(removed, label).toBeGreaterThanOrEqual(last - first - 2);
        }
      }
    }
  });

  it('still masks the secret alone and leaves text without it untouched', () => {
    registerSecret(secret);
    expect(redact(Buffer.from(secret).toString('base64'))).toMatch(/^\*\*\*=*$/);
    expect(redact(Buffer.from(secret).toString('base64url'))).toBe('***');
    const other = Buffer.from('an ordinary config file with no secret in it').toString('base64');
    expect(redact(other)).toBe(other);
  });
});
