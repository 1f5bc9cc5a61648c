import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/** wait_for on the runner (local transport): argument checks at load and after interpolation. */
describe('wait_for arguments (bundle, local target)', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({});
  });
  afterAll(() => cleanup(dir));

  const waitRunbook = (args: string) =>
    `tasks:\n  - name: marker\n    shell: touch ${dir}/marker\n  - name: wait\n    wait_for: { path: "${dir}/marker", ${args} }\n  - name: after\n    shell: touch ${dir}/after\n`;

  it('accepts timeout, interval and delay given as ${} templates and uses the resolved values', async () => {
    writeFileSync(join(dir, 'templated.yml'), waitRunbook('timeout: "${t}", interval: "${i}", delay: "${d}"'));
    const result = await runbook(dir, { runbook: 'templated.yml', vars: '{ t: 5s, i: 100ms, d: 300ms }' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const wait = report(result).hosts[0]!.tasks.find((t) => t.id === 'wait')!;
    expect(wait.status).toBe('ok');
    // The resolved delay really was waited for before the first probe.
    expect(wait.durationMs).toBeGreaterThanOrEqual(290);
    expect(existsSync(join(dir, 'after'))).toBe(true);
  });

  it('rejects a literal value that is not a duration at load, before anything runs', async () => {
    cleanup(join(dir, 'marker'));
    writeFileSync(join(dir, 'literal.yml'), waitRunbook('timeout: soon'));
    const result = await runbook(dir, { runbook: 'literal.yml' });
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.level === 'error')!;
    expect(error.message).toContain('timeout must be a duration such as 30s, got "soon"');
    expect(error).toMatchObject({ file: 'literal.yml', line: 5 });
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  });

  it('rejects a template that resolves to something that is not a duration, at that task', async () => {
    cleanup(join(dir, 'after'));
    writeFileSync(join(dir, 'resolved.yml'), waitRunbook('interval: "${i}"'));
    for (const check of ['false', 'true']) {
      const result = await runbook(dir, { runbook: 'resolved.yml', vars: '{ i: "every now and then" }', check });
      expect(result.exitCode).toBe(1);
      const wait = report(result).hosts[0]!.tasks.find((t) => t.id === 'wait')!;
      expect(wait.status).toBe('failed');
      expect(wait.msg).toContain('interval must be a duration such as 30s, got "every now and then"');
      expect(result.outputs['failed-hosts']).toBe('localhost');
      expect(existsSync(join(dir, 'after'))).toBe(false);
    }
  });

  it('checks a templated port and url once resolved', async () => {
    writeFileSync(
      join(dir, 'port.yml'),
      'tasks:\n  - name: port\n    wait_for: { port: "${p}", timeout: 1s }\n  - name: url\n    wait_for: { url: "${u}", timeout: 1s }\n',
    );
    const port = await runbook(dir, {
      runbook: 'port.yml',
      vars: '{ p: 99999, u: "http://127.0.0.1:1/" }',
      check: 'true',
    });
    expect(report(port).hosts[0]!.tasks[0]!.msg).toContain('port must be a TCP port (1-65535), got "99999"');
    const url = await runbook(dir, { runbook: 'port.yml', vars: '{ p: 1, u: "ftp://x/" }', check: 'true' });
    const tasks = report(url).hosts[0]!.tasks;
    expect(tasks[0]!.status).toBe('ok');
    expect(tasks[1]!.msg).toContain('url must be an http:// or https:// URL, got "ftp://x/"');
  });
});
