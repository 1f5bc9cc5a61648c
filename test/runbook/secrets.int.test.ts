import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/** Quotes, backslash, dollar, space, ampersand, slash, plus, percent: every encoding differs from raw. */
const NEW = `n3w"Pa\\ss'$ x&y/z+w=%`;
/** The value on the hosts before the rotation: never registered, so only our diffs could leak it. */
const OLD = `0ld"Pa\\ss'$ q&r/s+t=%`;
/** What a removed key file held. */
const REMOVED = 'REMOVED-KEY-MATERIAL-4f1c9a';

/** Every form a value can take in what the action writes (computed independently of shared/secrets). */
function forms(value: string): Record<string, string> {
  return {
    raw: value,
    json: JSON.stringify(value).slice(1, -1),
    'shell single-quoted': value.replace(/'/g, `'\\''`),
    'shell double-quoted': value.replace(/(["\\$`])/g, '\\$1'),
    url: encodeURIComponent(value),
    base64: Buffer.from(value).toString('base64').replace(/=+$/, ''),
  };
}

/** Every byte the run wrote for people to read: log, summary, outputs, report and its directory. */
function everything(result: RunBundleResult, dir: string): Record<string, string> {
  const written: Record<string, string> = {
    log: visibleLog(result),
    summary: result.summary,
    outputs: JSON.stringify(result.outputs),
    annotations: JSON.stringify(result.annotations),
  };
  const reports = join(dir, '.runner-temp', 'paved-runbook');
  if (existsSync(reports))
    for (const f of readdirSync(reports)) written[`file ${f}`] = readFileSync(join(reports, f), 'utf8');
  return written;
}

function expectNoLeak(result: RunBundleResult, dir: string): void {
  const written = everything(result, dir);
  expect(Object.keys(written).some((k) => k.startsWith('file report-'))).toBe(true);
  for (const [label, value] of Object.entries({ NEW, OLD })) {
    for (const [encoding, form] of Object.entries(forms(value))) {
      for (const [where, text] of Object.entries(written)) {
        expect(text.includes(form), `${label} secret (${encoding}: ${form}) in ${where}`).toBe(false);
      }
    }
  }
  for (const [where, text] of Object.entries(written))
    expect(text.includes(REMOVED), `removed file content in ${where}`).toBe(false);
}

describe.skipIf(!service('sshd').available)('runbook never shows a secret', () => {
  let dir: string;
  let target: string;
  const removedSha = createHash('sha256').update(`${REMOVED}\n`).digest('hex');

  beforeAll(() => {
    target = mkdtempSync(join(tmpdir(), 'rb-secret-target-'));
    dir = workspace({
      'app.conf.tpl': 'user app\npassword ${secrets.db}\nport 5432\n',
      'rotate.yml': [
        'name: rotate',
        'hosts: all',
        'tasks:',
        '  - name: config',
        '    template: { source: app.conf.tpl, destination: "${target}/${host.name}.conf", mode: "0600" }',
        '  - name: inline',
        '    file: { path: "${target}/${host.name}.inline", content: "token=${secrets.db}\\n" }',
        '  - name: encodings',
        '    shell:',
        '      cmd: |',
        `        printf '%s\\n' "$PW"`,
        `        printf '%s' "$PW" | base64 -w0; echo`,
        `        jq -rn --arg v "$PW" '$v|@uri'`,
        `        jq -n --arg v "$PW" '{password: $v}'`,
        `        printf '%s\\n' "$PW" >&2`,
        '      env: { PW: "${secrets.db}" }',
        '  - name: dsn',
        '    shell: { cmd: \'echo "postgres://app:$PW@db/app"; exit 3\', env: { PW: "${secrets.db}" } }',
        '    ignore_errors: true',
        '  - name: remove key',
        '    file: { path: "${target}/${host.name}.key", state: absent }',
        '',
      ].join('\n'),
      'hosts.ini': `r23 ansible_host=127.0.0.23 ansible_port=${sshPort()}\nlocalhost ansible_connection=local\n`,
    });
  });
  afterAll(() => {
    cleanup(dir);
    rmSync(target, { recursive: true, force: true });
  });

  const seed = () => {
    for (const host of ['r23', 'localhost']) {
      writeFileSync(join(target, `${host}.conf`), `user app\npassword ${OLD}\nport 5432\n`);
      writeFileSync(join(target, `${host}.inline`), `token=${OLD}\n`);
      writeFileSync(join(target, `${host}.key`), `${REMOVED}\n`);
    }
  };
  const inputs = (check: boolean) => ({
    ...sshInputs(),
    runbook: 'rotate.yml',
    inventory: 'hosts.ini',
    vars: `target: ${target}`,
    secrets: JSON.stringify({ db: NEW }),
    check: String(check),
  });

  it('check mode after a rotation: diffs show which lines change, never the old or new value', async () => {
    seed();
    const result = await runbook(dir, inputs(true));
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expectNoLeak(result, dir);
    for (const host of report(result).hosts) {
      const diff = (id: string) => host.tasks.find((t) => t.id === id)?.diff ?? '';
      expect(diff('config'), host.name).toContain('@@ -1,3 +1,3 @@');
      expect(diff('config')).toContain('-*** (old line hidden: it comes from a secret)');
      expect(diff('config')).toContain('+*** (new line hidden: it comes from a secret)');
      expect(diff('inline')).toContain('-*** (old line hidden');
      expect(diff('remove key')).toBe(
        `# ${target}/${host.name}.key: file removed (${REMOVED.length + 1} bytes, sha256 ${removedSha})\n`,
      );
    }
    expect(result.summary).toContain('old line hidden');
    expect(result.summary).toContain(removedSha);
    // Check mode changed nothing.
    expect(readFileSync(join(target, 'r23.conf'), 'utf8')).toContain(OLD);
  });

  it('a real run: output in every encoding, a failing command and a removed file leak nothing', async () => {
    seed();
    const result = await runbook(dir, inputs(false));
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expectNoLeak(result, dir);
    // The secret did reach the hosts: the masking is in what we show, not in what we write.
    expect(readFileSync(join(target, 'r23.conf'), 'utf8')).toBe(`user app\npassword ${NEW}\nport 5432\n`);
    expect(readFileSync(join(target, 'localhost.inline'), 'utf8')).toBe(`token=${NEW}\n`);
    expect(existsSync(join(target, 'r23.key'))).toBe(false);
    for (const host of report(result).hosts) {
      const task = (id: string) => host.tasks.find((t) => t.id === id);
      expect(task('encodings')?.status, host.name).toBe('changed');
      expect((task('encodings') as { stdout?: string } | undefined)?.stdout).toContain('***');
      expect(task('dsn')?.msg).toContain('postgres://app:***@db/app');
      expect(task('remove key')?.diff).toContain(`sha256 ${removedSha}`);
    }
    expect(result.summary).toMatch(/· 0 failed · 2 failed \(ignored\)/);
  });
});
