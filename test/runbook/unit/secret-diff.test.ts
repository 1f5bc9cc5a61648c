import { afterEach, describe, expect, it } from 'vitest';
import { maskSecretDiff, secretTemplateLines } from '../../../actions/runbook/src/engine/secret-diff';
import { clearSecrets, redact, registerSecret } from '../../../shared/secrets';

describe('secret masking', () => {
  afterEach(() => clearSecrets());

  it('masks a secret in every encoding it is written in', () => {
    const secret = `p"a\\s's$ w&d/+=`;
    registerSecret(secret);
    const written = [
      secret,
      JSON.stringify({ password: secret }),
      `'${secret.replace(/'/g, `'\\''`)}'`,
      `"${secret.replace(/(["\\$`])/g, '\\$1')}"`,
      `https://h/?p=${encodeURIComponent(secret)}`,
      `p=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url'),
    ];
    for (const text of written) expect(redact(text), text).toContain('***');
    for (const text of written) expect(redact(text)).not.toContain('w&d');
  });

  it('hides the change blocks that come from secrets, keeping headers, line numbers and the other lines', () => {
    const diff =
      '--- a/etc/app.conf\n+++ b/etc/app.conf\n@@ -1,5 +1,5 @@\n-user app\n+user app2\n mode 1\n-password old\n+password new\n port 1\n-token=t0\n+token=t1\n# /etc/app.conf: mode 0644 → 0600\n';
    const template = 'user ${user}\npassword ${secrets.db}\nport ${port}\ntoken=${api_token}\n';
    expect(maskSecretDiff(diff, secretTemplateLines(template, ['api_token']))).toBe(
      '--- a/etc/app.conf\n+++ b/etc/app.conf\n@@ -1,5 +1,5 @@\n-user app\n+user app2\n mode 1\n' +
        '-*** (old line hidden: it comes from a secret)\n' +
        '+*** (new line hidden: it comes from a secret)\n' +
        ' port 1\n' +
        '-*** (old line hidden: it comes from a secret)\n' +
        '+*** (new line hidden: it comes from a secret)\n' +
        '# /etc/app.conf: mode 0644 → 0600\n',
    );
    // Not from secrets and no registered value in it: shown as is.
    expect(maskSecretDiff(diff)).toBe(diff);
    // A registered value on a new line hides the block it is in, old line included (the rotation case).
    registerSecret('t1x');
    expect(maskSecretDiff(diff.replace('token=t1', 'token=t1x'))).toContain('-*** (old line hidden');
    expect(maskSecretDiff(diff.replace('token=t1', 'token=t1x'))).toContain('-user app\n');
  });
});
