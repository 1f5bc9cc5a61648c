import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

const IMAGE = 'paved-test/busybox:1';
const NAME = `paved-rb-test-${process.pid}`;
const PORT = 18_000 + (process.pid % 1000);

/** A tiny image built here (no registry is reachable): a static busybox and its applet links. */
function ensureImage(): void {
  try {
    execFileSync('docker', ['image', 'inspect', IMAGE], { stdio: 'ignore' });
    return;
  } catch {
    /* build it */
  }
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((p) => {
    try {
      return !execFileSync('ldd', [p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes('=>');
    } catch {
      return true; // "not a dynamic executable" exits non-zero: static, what we want
    }
  });
  if (!busybox) throw new Error('a static busybox is needed: apt-get install busybox-static');
  const rootfs = mkdtempSync(join(tmpdir(), 'rb-rootfs-'));
  try {
    mkdirSync(join(rootfs, 'bin'));
    mkdirSync(join(rootfs, 'www'));
    writeFileSync(join(rootfs, 'www', 'index.html'), 'ok\n');
    copyFileSync(busybox, join(rootfs, 'bin', 'busybox'));
    for (const applet of ['sh', 'sleep', 'httpd', 'cat', 'echo']) symlinkSync('busybox', join(rootfs, 'bin', applet));
    const tar = execFileSync('tar', ['-C', rootfs, '-c', '.'], { maxBuffer: 64 * 1024 * 1024 });
    execFileSync('docker', ['import', '-', IMAGE], { input: tar, stdio: ['pipe', 'ignore', 'pipe'] });
  } finally {
    rmSync(rootfs, { recursive: true, force: true });
  }
}

/** The hosts log in as root here, so the key is root's. */
const KEY_FILE = '/var/lib/paved/container-spec.key';

function labels(): Record<string, string> {
  return JSON.parse(
    execFileSync('docker', ['inspect', '-f', '{{json .Config.Labels}}', NAME], { encoding: 'utf8' }),
  ) as Record<string, string>;
}

function inspect(): { Id: string; State: { Running: boolean }; Config: { Env: string[] } } | undefined {
  try {
    return JSON.parse(
      execFileSync('docker', ['container', 'inspect', NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )[0];
  } catch {
    return undefined;
  }
}

describe.skipIf(!service('sshd').available || !service('dockerd').available)(
  'container and wait_for modules on a host over SSH',
  () => {
    let dir: string;
    beforeAll(() => {
      ensureImage();
      dir = workspace({ 'hosts.ini': `docker1 ansible_host=127.0.0.18 ansible_port=${sshPort()}\n` });
    });
    afterAll(() => {
      execFileSync('docker', ['rm', '-f', NAME], { stdio: 'ignore' });
      cleanup(dir);
    });

    const write = (env: string, state = 'started') =>
      writeFileSync(
        join(dir, 'app.yml'),
        `hosts: all\ntasks:\n  - name: app\n    container:\n      name: ${NAME}\n      image: ${IMAGE}\n      state: ${state}\n      command: [httpd, -f, -p, "80", -h, /www]\n      env: { MODE: "${env}", TOKEN: "\${secrets.token}" }\n      ports: ["127.0.0.1:${PORT}:80"]\n      pull: never\n  - name: ready\n    wait_for: { url: "http://127.0.0.1:${PORT}/", timeout: 20s }\n    when: "'${state}' == 'started'"\n`,
      );
    const inputs = () => ({
      ...sshInputs(),
      runbook: 'app.yml',
      inventory: 'hosts.ini',
      secrets: '{"token": "tok-3141592653"}',
    });

    it('creates the container, waits for it, then leaves it alone on a second run', async () => {
      write('one');
      const first = await runbook(dir, inputs());
      expect(first.exitCode, visibleLog(first)).toBe(0);
      const c = inspect();
      expect(c?.State.Running).toBe(true);
      expect(c?.Config.Env).toContain('MODE=one');
      expect(report(first).hosts[0]!.tasks.map((t) => t.status)).toEqual(['changed', 'ok']);
      const second = await runbook(dir, inputs());
      expect(second.exitCode, visibleLog(second)).toBe(0);
      expect(second.outputs.changed).toBe('0');
      expect(inspect()?.Id).toBe(c?.Id);
    });

    it('replaces the container when its spec changes, showing the spec diff without secret values', async () => {
      const before = inspect()?.Id;
      write('two');
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      const after = inspect();
      expect(after?.Id).not.toBe(before);
      expect(after?.Config.Env).toContain('MODE=two');
      const diff = report(result).hosts[0]!.tasks[0]!.diff ?? '';
      expect(diff).toMatch(/^-\s+"MODE": "hmac-sha256:[0-9a-f]{32}"/m);
      expect(diff).toMatch(/^\s+"TOKEN": "hmac-sha256:/m); // unchanged value, same salt: same fingerprint
      expect(diff).not.toContain('tok-3141592653');
      expect(JSON.stringify(labels())).not.toContain('tok-3141592653');
    });

    it('stores env values as keyed HMACs: neither the value nor its plain sha256 is in the label', async () => {
      const label = JSON.parse(labels()['dev.paved.spec'] as string) as { env: Record<string, string>; salt: string };
      expect(label.salt).toMatch(/^[0-9a-f]{32}$/);
      const text = JSON.stringify(labels());
      for (const value of ['tok-3141592653', 'two']) {
        const plain = createHash('sha256').update(value).digest('hex');
        expect(text).not.toContain(plain.slice(0, 16));
        // Nor a salted hash anyone could recompute from the label alone.
        const salted = createHash('sha256').update(`${label.salt}${value}`).digest('hex');
        expect(text).not.toContain(salted.slice(0, 16));
      }
      expect(text).not.toContain('tok-3141592653');
      // The key lives only on the host, readable by its owner only.
      const key = statSync(KEY_FILE);
      expect(key.mode & 0o777).toBe(0o600);
      const hex = readFileSync(KEY_FILE, 'utf8').trim();
      expect(hex).toMatch(/^[0-9a-f]{64}$/);
      const mac = createHmac('sha256', Buffer.from(hex, 'hex'))
        .update(`${label.salt}\0TOKEN\0tok-3141592653`)
        .digest('hex');
      expect(label.env.TOKEN).toBe(`hmac-sha256:${mac.slice(0, 32)}`);
    });

    it('replaces a container with an old-format (unsalted sha256) label once, then leaves it alone', async () => {
      const old = {
        image: IMAGE,
        command: ['httpd', '-f', '-p', '80', '-h', '/www'],
        env: Object.fromEntries(
          Object.entries({ MODE: 'two', TOKEN: 'tok-3141592653' }).map(([k, v]) => [
            k,
            `sha256:${createHash('sha256').update(v).digest('hex').slice(0, 16)}`,
          ]),
        ),
        ports: [`127.0.0.1:${PORT}:80`],
        volumes: [],
        restart: 'no',
        network: null,
        labels: {},
      };
      execFileSync('docker', ['rm', '-f', NAME], { stdio: 'ignore' });
      execFileSync(
        'docker',
        ['create', '--name', NAME, '--label', `dev.paved.spec=${JSON.stringify(old)}`, IMAGE, 'sleep', '1'],
        { stdio: 'ignore' },
      );
      const before = inspect()?.Id;
      write('two');
      const first = await runbook(dir, inputs());
      expect(first.exitCode, visibleLog(first)).toBe(0);
      expect(report(first).hosts[0]!.tasks[0]!.status).toBe('changed');
      expect(inspect()?.Id).not.toBe(before);
      expect(inspect()?.State.Running).toBe(true);
      const second = await runbook(dir, inputs());
      expect(second.outputs.changed, visibleLog(second)).toBe('0');
    });

    it('check mode plans a replacement but leaves the container running', async () => {
      const before = inspect()?.Id;
      write('three');
      const result = await runbook(dir, { ...inputs(), check: 'true' });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(result.outputs.changed).toBe('1');
      expect(inspect()?.Id).toBe(before);
    });

    it('removes it with state absent', async () => {
      write('two', 'absent');
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(inspect()).toBeUndefined();
    });
  },
);
