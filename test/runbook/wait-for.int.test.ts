import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, reportText, runbook, visibleLog, workspace } from './helpers';

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

/** wait_for url through an "auth proxy": a loopback server that wants a bearer token. */
describe('wait_for url with headers and status (bundle, local target)', () => {
  const TOKEN = 'tok-27182818284';
  let dir: string;
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    dir = workspace({});
    server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ?? '-'} ${req.headers['x-probe'] ?? '-'}`);
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/login' }).end();
      } else if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401).end('login first');
      } else if (req.url === '/teapot') {
        res.writeHead(418).end();
      } else res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    cleanup(dir);
  });

  const run = (args: string, inputs: Record<string, string> = {}) => {
    writeFileSync(
      join(dir, 'http.yml'),
      `tasks:\n  - name: ready\n    wait_for: { url: "http://127.0.0.1:${port}\${path}", timeout: 1s, interval: 200ms, ${args} }\n`,
    );
    return runbook(dir, { runbook: 'http.yml', secrets: JSON.stringify({ token: TOKEN }), ...inputs });
  };
  const task = (result: Awaited<ReturnType<typeof runbook>>) => report(result).hosts[0]!.tasks[0]!;

  it('authenticates with headers built from secrets, and never shows them', async () => {
    seen.length = 0;
    const result = await run('headers: { Authorization: "Bearer ${secrets.token}", X-Probe: "${who}" }', {
      vars: '{ path: /health, who: paved }',
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(task(result).status).toBe('ok');
    expect(seen).toEqual([`/health Bearer ${TOKEN} paved`]);
    // The whole header value is masked, not only the token inside it.
    expect(result.masks).toContain(`Bearer ${TOKEN}`);
    for (const text of [visibleLog(result), result.summary, reportText(result)]) expect(text).not.toContain(TOKEN);
  });

  it('fails with the status it got when the proxy refuses the probe (no headers)', async () => {
    const result = await run('delay: 0s', { vars: '{ path: /health }' });
    expect(result.exitCode).toBe(1);
    expect(task(result).msg).toContain('timed out after 1s');
    expect(task(result).msg).toContain('HTTP 401 (expected 2xx)');
  });

  it('accepts the expected status (a code or a list) and treats a redirect as not ready by default', async () => {
    const auth = 'headers: { Authorization: "Bearer ${secrets.token}" }';
    expect(task(await run(`${auth}, status: 418`, { vars: '{ path: /teapot }' })).status).toBe('ok');
    expect(task(await run(`${auth}, status: [200, "418"]`, { vars: '{ path: /teapot }' })).status).toBe('ok');
    expect(task(await run(`${auth}, status: "\${code}"`, { vars: '{ path: /teapot, code: 418 }' })).status).toBe('ok');
    const teapot = task(await run(auth, { vars: '{ path: /teapot }' }));
    expect(teapot.msg).toContain('HTTP 418 (expected 2xx)');
    expect(task(await run('status: [301, 302]', { vars: '{ path: /moved }' })).status).toBe('ok');
    expect(task(await run('delay: 0s', { vars: '{ path: /moved }' })).msg).toContain('HTTP 302 (expected 2xx)');
  });

  it('rejects bad status and headers at load, and a header value that resolves to several lines', async () => {
    for (const [args, message] of [
      ['status: 2000', 'status must be an HTTP status code (100-599) or a list of them, got "2000"'],
      ['headers: [a]', 'headers must be a mapping of header names to values'],
      ['headers: { "bad name": x }', 'headers: "bad name" is not a header name'],
    ] as const) {
      const result = await run(args, { vars: '{ path: / }' });
      expect(result.exitCode).toBe(1);
      expect(result.annotations.find((a) => a.level === 'error')?.message).toContain(message);
      expect(result.outputs.report).toBeUndefined();
    }
    writeFileSync(join(dir, 'port-status.yml'), 'tasks:\n  - name: p\n    wait_for: { port: 1, status: 200 }\n');
    const portStatus = await runbook(dir, { runbook: 'port-status.yml' });
    expect(portStatus.annotations.find((a) => a.level === 'error')?.message).toContain('status applies to url only');
    const injected = await run('headers: { X-Probe: "${who}" }', {
      vars: JSON.stringify({ path: '/', who: 'a\r\nAuthorization: Bearer stolen' }),
    });
    expect(injected.exitCode).toBe(1);
    expect(task(injected).msg).toContain('headers: the value of X-Probe must be a single line');
  });
});
