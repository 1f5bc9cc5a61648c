import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { closedPort, IN_CI, service } from '../harness';
import { cleanup, report, runbook, sshHostKey, sshInputs, sshPort, visibleLog, workspace } from './helpers';
import { type SlowLink, slowLink } from './slow-link';
import { type SshdInstance, startSshd } from './sshd-instance';

/**
 * A 20-host deploy over a slow, lossy network: the hosts live in a network namespace behind a
 * veth pair, with tc netem adding 100 ms of delay and 5 % loss in each direction. Keepalives and
 * connection retries must keep the deploy correct on every host.
 *
 * Namespaces need root (CI runs as root with iproute2: there a missing namespace is a failure).
 * netem needs the kernel's sch_netem, which some VMs and containers lack: the test then says so
 * and skips, naming the reason.
 */
const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const tag = `rb${process.pid % 100000}`;
const NS = `${tag}ns`;
const subnet = `10.${77 + ((process.pid >> 8) % 100)}.${process.pid % 250}`;

function setUp(): { ok: boolean; reason?: string } {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'network namespaces need root' };
  try {
    ip('netns', 'add', NS);
    ip('link', 'add', `${tag}a`, 'type', 'veth', 'peer', 'name', `${tag}b`);
    ip('link', 'set', `${tag}b`, 'netns', NS);
    ip('addr', 'add', `${subnet}.1/24`, 'dev', `${tag}a`);
    ip('link', 'set', `${tag}a`, 'up');
    ip('netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up');
    for (let n = 2; n <= 21; n++) ip('netns', 'exec', NS, 'ip', 'addr', 'add', `${subnet}.${n}/24`, 'dev', `${tag}b`);
    ip('netns', 'exec', NS, 'ip', 'link', 'set', `${tag}b`, 'up');
  } catch (error) {
    return { ok: false, reason: `network namespaces unavailable: ${(error as { stderr?: Buffer }).stderr ?? error}` };
  }
  try {
    const netem = ['qdisc', 'add', 'dev', 'DEV', 'root', 'netem', 'delay', '100ms', 'loss', '5%'];
    execFileSync(
      'tc',
      netem.map((a) => (a === 'DEV' ? `${tag}a` : a)),
      { stdio: 'pipe' },
    );
    execFileSync('ip', ['netns', 'exec', NS, 'tc', ...netem.map((a) => (a === 'DEV' ? `${tag}b` : a))], {
      stdio: 'pipe',
    });
  } catch (error) {
    return {
      ok: false,
      reason: `tc netem unavailable (kernel ${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()} has no sch_netem?): ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    };
  }
  return { ok: true };
}

function tearDown(): void {
  for (const args of [
    ['link', 'del', `${tag}a`],
    ['netns', 'del', NS],
  ]) {
    try {
      ip(...args);
    } catch {
      /* not created */
    }
  }
}

/** The deploy both tests run: a directory, a template that notifies a handler, a check. */
function deployFiles(inventoryLines: string[]): Record<string, string> {
  return {
    'app.conf.tpl': 'host ${host.name}\naddress ${host.address}\nrelease ${release}\n',
    'deploy.yml': [
      'name: deploy',
      'hosts: all',
      'tasks:',
      '  - name: dir',
      '    file: { path: "${target}/${host.name}", state: directory }',
      '  - name: config',
      '    template: { source: app.conf.tpl, destination: "${target}/${host.name}/app.conf" }',
      '    notify: restart',
      '  - name: check',
      '    shell: grep -q "release ${release}" ${target}/${host.name}/app.conf',
      'handlers:',
      '  - name: restart',
      '    shell: echo restarted >> ${target}/${host.name}/restarts',
      '',
    ].join('\n'),
    'hosts.ini': inventoryLines.join('\n'),
  };
}

function expectDeployed(result: RunBundleResult, target: string, address: (name: string) => string): void {
  expect(result.exitCode, visibleLog(result)).toBe(0);
  const r = report(result);
  expect(r.hosts).toHaveLength(20);
  for (const h of r.hosts) {
    expect(h.status, `${h.name}: ${h.error}`).toBe('ok');
    expect(readFileSync(join(target, h.name, 'app.conf'), 'utf8')).toBe(
      `host ${h.name}\naddress ${address(h.name)}\nrelease r42\n`,
    );
    expect(readFileSync(join(target, h.name, 'restarts'), 'utf8')).toBe('restarted\n');
  }
}

describe.skipIf(!service('sshd').available)('runbook over a slow, lossy network (netem)', () => {
  let setup: { ok: boolean; reason?: string } = { ok: false };
  let sshd: SshdInstance | undefined;
  let dir: string;
  let target: string;

  beforeAll(async () => {
    setup = setUp();
    if (!setup.ok) {
      // Said in the test output, not only in a skip count.
      console.warn(`netem test skipped: ${setup.reason}`);
      if (IN_CI && /namespaces/.test(setup.reason ?? '')) throw new Error(`under CI=true: ${setup.reason}`);
      return;
    }
    sshd = await startSshd({ netns: NS, address: '0.0.0.0', port: 22, probe: `${subnet}.2` });
    target = mkdtempSync(join(tmpdir(), 'rb-netem-'));
    dir = workspace(deployFiles(Array.from({ length: 20 }, (_, i) => `n${i + 2} ansible_host=${subnet}.${i + 2}`)));
  }, 120_000);
  afterAll(async () => {
    await sshd?.stop();
    tearDown();
    if (dir) cleanup(dir);
    if (target) rmSync(target, { recursive: true, force: true });
  });

  it('deploys 20 hosts correctly with 100 ms delay and 5 % loss each way', async (ctx) => {
    if (!setup.ok) ctx.skip(setup.reason);
    const knownHosts = Array.from({ length: 20 }, (_, i) => `${subnet}.${i + 2} ${sshd?.hostKey}`).join('\n');
    writeFileSync(join(dir, 'known_hosts'), knownHosts);
    const result = await runbook(dir, {
      ...sshInputs(),
      'known-hosts': knownHosts,
      'ssh-port': '22',
      'connect-timeout': '10s',
      runbook: 'deploy.yml',
      inventory: 'hosts.ini',
      vars: `target: ${target}\nrelease: r42`,
    });
    expectDeployed(result, target, (name) => `${subnet}.${name.slice(1)}`);
  });
});

/**
 * The same deploy where the kernel has no netem (or no namespaces): 20 hosts behind user-space
 * slow links to the shared sshd, 100 ms each way and a 1.2 s stall on 5 % of chunks (a lost
 * segment's retransmission, as the stream sees it). Runs everywhere, so the slow path is always
 * exercised, netem or not.
 */
describe.skipIf(!service('sshd').available)('runbook over a slow link emulated in user space', () => {
  const links: SlowLink[] = [];
  let dir: string;
  let target: string;
  let port: number;
  beforeAll(async () => {
    port = await closedPort('127.0.1.2');
    for (let n = 2; n <= 21; n++)
      links.push(
        await slowLink({
          listen: { address: `127.0.1.${n}`, port },
          target: { address: '127.0.0.1', port: sshPort() },
          delayMs: 100,
          stallMs: 1200,
          stallRate: 0.05,
          seed: n,
        }),
      );
    target = mkdtempSync(join(tmpdir(), 'rb-slowlink-'));
    dir = workspace(
      deployFiles(Array.from({ length: 20 }, (_, i) => `n${i + 2} ansible_host=127.0.1.${i + 2} ansible_port=${port}`)),
    );
  }, 120_000);
  afterAll(async () => {
    for (const l of links) await l.close();
    if (dir) cleanup(dir);
    if (target) rmSync(target, { recursive: true, force: true });
  });

  it('deploys 20 hosts correctly with 100 ms delay each way and stalls standing in for loss', async () => {
    const hostKey = sshHostKey().pub;
    const knownHosts = links.map((l) => `[${l.address}]:${l.port} ${hostKey}`).join('\n');
    const result = await runbook(dir, {
      ...sshInputs(),
      'known-hosts': knownHosts,
      'connect-timeout': '10s',
      runbook: 'deploy.yml',
      inventory: 'hosts.ini',
      vars: `target: ${target}\nrelease: r42`,
    });
    expectDeployed(result, target, (name) => `127.0.1.${name.slice(1)}`);
    // The stalls happened: the run met late segments, not a fast path.
    expect(links.reduce((n, l) => n + l.stalls(), 0)).toBeGreaterThan(0);
  });
});
