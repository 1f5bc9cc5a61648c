import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, service } from '../harness';
import { cleanup, report, runbook, sshHostKey, sshInputs, sshPort, visibleLog, workspace } from './helpers';
import { type SlowLink, slowLink } from './slow-link';

/**
 * A link that corrupts the stream (a bad NIC, a broken middlebox): one flipped bit in a host's
 * replies, at a different point of the run for each corrupted host (during key exchange, during
 * authentication, mid-task, mid-transfer). SSH's MAC check catches it; the run must fail exactly
 * those hosts with a message saying the connection broke, finish the others, and still write its
 * report and outputs — never exit 0 having stopped halfway.
 */
const HOSTS = 14;
const CORRUPT: Record<number, { at: number; direction: 'reply' | 'request' }> = {
  2: { at: 900, direction: 'reply' },
  4: { at: 2_500, direction: 'reply' },
  6: { at: 6_000, direction: 'reply' },
  8: { at: 9_000, direction: 'reply' },
  // Mid-upload of the 64 KiB payload.
  10: { at: 40_000, direction: 'request' },
};
/** Reply chunks delivered out of order (a broken proxy): mid-run, two hosts. */
const SWAP: Record<number, number> = { 12: 8, 13: 14 };

describe.skipIf(!service('sshd').available)('runbook over a link that corrupts the stream', () => {
  const links: SlowLink[] = [];
  let dir: string;
  let target: string;
  beforeAll(async () => {
    const port = await closedPort('127.0.2.2');
    for (let n = 2; n < 2 + HOSTS; n++)
      links.push(
        await slowLink({
          listen: { address: `127.0.2.${n}`, port },
          target: { address: '127.0.0.1', port: sshPort() },
          delayMs: 5,
          stallMs: 0,
          stallRate: 0,
          seed: n,
          corrupt: CORRUPT[n],
          swapReplyChunk: SWAP[n],
        }),
      );
    target = mkdtempSync(join(tmpdir(), 'rb-corrupt-'));
    dir = workspace({
      'payload.txt': 'x'.repeat(64 * 1024),
      'deploy.yml': [
        'name: deploy',
        'hosts: all',
        'tasks:',
        '  - name: dir',
        '    file: { path: "${target}/${host.name}", state: directory }',
        '  - name: payload',
        '    copy: { src: payload.txt, dest: "${target}/${host.name}/payload.txt" }',
        '  - name: listing',
        '    shell: seq 1 3000 > ${target}/${host.name}/seq && cat ${target}/${host.name}/seq',
        '  - name: done',
        '    shell: echo done > ${target}/${host.name}/done',
        '',
      ].join('\n'),
      'hosts.ini': links
        .map((l) => `c${l.address.split('.')[3]} ansible_host=${l.address} ansible_port=${port}`)
        .join('\n'),
    });
  }, 120_000);
  afterAll(async () => {
    for (const l of links) await l.close();
    if (dir) cleanup(dir);
    if (target) rmSync(target, { recursive: true, force: true });
  });

  it('fails the corrupted hosts only, with the report and outputs complete', async () => {
    const hostKey = sshHostKey().pub;
    const result = await runbook(dir, {
      ...sshInputs(),
      'known-hosts': links.map((l) => `[${l.address}]:${l.port} ${hostKey}`).join('\n'),
      'connect-timeout': '10s',
      runbook: 'deploy.yml',
      inventory: 'hosts.ini',
      vars: `target: ${target}`,
    });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    const corrupted = [...Object.keys(CORRUPT), ...Object.keys(SWAP)].map((n) => `c${n}`);
    expect(result.outputs['failed-hosts']?.split(',').sort(), log).toEqual([...corrupted].sort());
    const r = report(result);
    expect(r.hosts).toHaveLength(HOSTS);
    for (const h of r.hosts) {
      if (corrupted.includes(h.name)) {
        // A lost connection makes the host unreachable, whether at the handshake or mid-task.
        expect(h.status, h.name).toBe('unreachable');
        expect(h.error, h.name).toMatch(
          /^(.+: connection to 127\.0\.2\.\d+:\d+ lost \(.+\)|127\.0\.2\.2:\d+ unreachable after \d attempts: .+)$/,
        );
      } else {
        expect(h.status, `${h.name}: ${h.error}`).toBe('ok');
        expect(readFileSync(join(target, h.name, 'done'), 'utf8')).toBe('done\n');
      }
    }
    expect(log).not.toContain('stopped before finishing');
  });
});

/**
 * Servers that greet and hang up: sshd over its MaxStartups limit, tcp wrappers and fail2ban
 * send the banner (or the banner and their key exchange offer) and close. The client library
 * then reports a close and no error; the host must fail with a message that says so, after its
 * retries, and the run must end: never wait for ever, never exit 0 having stopped halfway.
 */
describe.skipIf(!service('sshd').available)('runbook against servers that greet and hang up', () => {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  let dir: string;
  let target: string;
  let port: number;
  beforeAll(async () => {
    port = await closedPort('127.0.3.2');
    const greetAndClose = (address: string, afterKexinit: boolean) =>
      new Promise<void>((resolve) => {
        const server = createServer((socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
          socket.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n');
          if (!afterKexinit) return socket.end();
          socket.once('data', () => socket.end());
        });
        servers.push(server);
        server.listen(port, address, () => resolve());
      });
    await greetAndClose('127.0.3.2', false);
    await greetAndClose('127.0.3.3', true);
    target = mkdtempSync(join(tmpdir(), 'rb-hangup-'));
    dir = workspace({
      'deploy.yml': 'hosts: all\ntasks:\n  - name: mark\n    shell: echo done > ${target}/${host.name}\n',
      'hosts.ini': [
        `greet ansible_host=127.0.3.2 ansible_port=${port}`,
        `kexinit ansible_host=127.0.3.3 ansible_port=${port}`,
        `good ansible_host=127.0.0.1 ansible_port=${sshPort()}`,
        '',
      ].join('\n'),
    });
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    for (const s of servers) await new Promise((r) => s.close(r));
    if (dir) cleanup(dir);
    if (target) rmSync(target, { recursive: true, force: true });
  });

  it('fails each such host with the reason, and finishes the others', async () => {
    const ssh = sshInputs();
    const result = await runbook(dir, {
      ...ssh,
      'known-hosts': `${ssh['known-hosts']}\n`,
      'host-key-policy': 'accept-new',
      runbook: 'deploy.yml',
      inventory: 'hosts.ini',
      vars: `target: ${target}`,
    });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(1);
    expect(log).not.toContain('stopped before finishing');
    expect(result.outputs['failed-hosts']?.split(',').sort(), log).toEqual(['greet', 'kexinit']);
    expect(readFileSync(join(target, 'good'), 'utf8')).toBe('done\n');
    const r = report(result);
    for (const name of ['greet', 'kexinit']) {
      const h = r.hosts.find((x) => x.name === name);
      expect(h?.status).toBe('unreachable');
      expect(h?.error).toMatch(
        /unreachable after 3 attempts: the host closed the connection during the SSH handshake \(sshd refusing it: MaxStartups/,
      );
    }
  });
});
