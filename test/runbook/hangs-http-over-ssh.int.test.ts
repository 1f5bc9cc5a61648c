import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { startUnansweringPeers, type UnansweringPeers } from '../services/unanswering-peers';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/**
 * wait_for url, uri and get_url reach the URL through the host's SSH connection (a direct-tcpip
 * channel). http's own `timeout` option arms the socket's setTimeout, which ssh2's channel does
 * not have: an app that accepted the connection and never answered (starting up, deadlocked), or
 * stalled mid-body, held the task, and with no run timeout the whole job, for ever. Here each of
 * those peers is a raw TCP server on the runner, reached from the SSH host; the run has a 60 s
 * timeout only so that the old behaviour ends as "cancelled" instead of hanging the test.
 */
describe.skipIf(!service('sshd').available)('HTTP from the host over SSH: peers that never finish', () => {
  let dir: string;
  let peers: UnansweringPeers;
  beforeAll(async () => {
    peers = await startUnansweringPeers();
    dir = workspace({});
    const url = (path: string) => `${peers.url}${path}`;
    writeFileSync(
      join(dir, 'inventory.yml'),
      `all:\n  hosts:\n    h1: { ansible_host: 127.0.0.21, ansible_port: ${sshPort()} }\n`,
    );
    writeFileSync(
      join(dir, 'hangs.yml'),
      [
        'tasks:',
        '  - name: wait-silent',
        `    wait_for: { url: "${url('/silent')}", timeout: 2s, interval: 200ms }`,
        '    ignore_errors: true',
        '  - name: uri-silent',
        `    uri: { url: "${url('/silent')}", timeout: 2s }`,
        '    ignore_errors: true',
        '  - name: uri-stall',
        `    uri: { url: "${url('/stall')}", timeout: 2s }`,
        '    ignore_errors: true',
        '  - name: get-short',
        `    get_url: { url: "${url('/short')}", dest: "${join(dir, 'short.bin')}", timeout: 30s }`,
        '    ignore_errors: true',
        '  - name: after',
        '    shell: "true"',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await peers.close();
    cleanup(dir);
  });

  it('fails each task with the reason and runs the rest, instead of waiting for the run timeout', async () => {
    const result = await runbook(dir, {
      ...sshInputs(),
      runbook: 'hangs.yml',
      inventory: 'inventory.yml',
      timeout: '60s',
    });
    const log = visibleLog(result);
    const tasks = report(result).hosts[0]!.tasks;
    const task = (id: string) => tasks.find((t) => t.id === id);
    expect(report(result).cancelled, log).toBe(false);
    expect(task('wait-silent')?.status, log).toBe('failed');
    expect(task('wait-silent')?.msg).toContain('timed out after 2s waiting for');
    expect(task('wait-silent')?.msg).toContain('no HTTP response within 5s');
    expect(task('uri-silent')?.status).toBe('failed');
    expect(task('uri-silent')?.msg).toContain('no HTTP response within 2s');
    expect(task('uri-stall')?.status).toBe('failed');
    expect(task('uri-stall')?.msg).toContain('the HTTP response stalled: no bytes for 2s');
    expect(task('get-short')?.status).toBe('failed');
    expect(task('get-short')?.msg).toMatch(/aborted|ECONNRESET|premature/i);
    expect(task('after')?.status).toBe('changed');
    expect(result.exitCode, log).toBe(0);
  });
});
