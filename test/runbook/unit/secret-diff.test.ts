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

  it('hides the diff lines that come from secrets, keeping headers, line numbers and the other lines', () => {
    const diff =
      '--- a/etc/app.conf\n+++ b/etc/app.conf\n@@ -1,3 +1,3 @@\n-user app\n+user app2\n-password old\n+password new\n port 1\n# /etc/app.conf: mode 0644 → 0600\n';
    const template = 'user ${user}\npassword ${secrets.db}\nport ${port}\n';
    expect(maskSecretDiff(diff, secretTemplateLines(template))).toBe(
      '--- a/etc/app.conf\n+++ b/etc/app.conf\n@@ -1,3 +1,3 @@\n-user app\n+user app2\n' +
        '-*** (old line hidden: it comes from a secret)\n' +
        '+*** (new line hidden: it comes from a secret)\n' +
        ' port 1\n# /etc/app.conf: mode 0644 → 0600\n',
    );
    // The task's own arguments read a secret: every content line is hidden.
    expect(maskSecretDiff(diff, 'all')).toContain(' *** (unchanged line hidden: it comes from a secret)');
    // Not from secrets and no registered value in it: shown as is.
    expect(maskSecretDiff(diff, undefined)).toBe(diff);
    // A registered value on a changed line (a secret reached the file through a variable): all hidden.
    registerSecret('new');
    expect(maskSecretDiff(diff, undefined)).toContain('-*** (old line hidden');
    expect(maskSecretDiff(diff, undefined)).not.toContain('user app');
  });
});
