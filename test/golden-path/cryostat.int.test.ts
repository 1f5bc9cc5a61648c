import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { closedPort, ROOT, runAction, service } from '../harness';
import { sshInputs, sshPort } from '../runbook/helpers';
import { ensureStandins } from './cryostat/standins';

/**
 * examples/cryostat-stack with the shipped runbook bundle, over SSH to a loopback host, on the real
 * Docker engine, with stand-in images that keep the real images' env contracts (built from busybox
 * in ./cryostat/standins.ts). The stand-ins check each other: the app logs in to the db and reads
 * its bucket before it serves, and the proxy checks Basic auth and forwards to the app, so a wiring
 * mistake in the runbook shows up as a failed deploy, not as a green test.
 */

const STACK = `cryostat-t${process.pid}`;
const NAMES = { app: STACK, db: `${STACK}-db`, storage: `${STACK}-storage`, proxy: `${STACK}-auth` };
const VOLUMES = [`${STACK}-db-data`, `${STACK}-storage-data`];
const PROXY_USER = 'operator';
const PROXY_PASSWORD = 'Proxy-pass-8dZ!q2';
const SECRETS = {
  db_password: 'Db-pass-7Kq2xW9!zR',
  db_encrypt_key: 'Enc-key-Vb3nQ8tY1pLm',
  storage_access_key: 'cryostatAK4f7e1c',
  storage_secret_key: 'S3-secret-Hj6wP0sD4u',
  proxy_cookie_secret: 'cookie-secret-24-bytes!!',
  proxy_htpasswd: `${PROXY_USER}:{SHA}${createHash('sha1').update(PROXY_PASSWORD).digest('base64')}\n`,
};
const SECRET_VALUES = [...Object.values(SECRETS).map((s) => s.trim()), PROXY_PASSWORD];

const docker = (...args: string[]) =>
  spawnSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });

interface Container {
  Id: string;
  State: { Running: boolean; StartedAt: string };
  Config: { Labels: Record<string, string>; Env: string[] };
  HostConfig: { PortBindings: Record<string, { HostIp: string; HostPort: string }[]> | null };
  NetworkSettings: { Networks: Record<string, unknown>; Ports: Record<string, unknown[] | null> };
}

function inspect(name: string): Container | undefined {
  const r = docker('container', 'inspect', name);
  return r.status === 0 ? (JSON.parse(r.stdout) as Container[])[0] : undefined;
}

/** Containers carrying this stack's label, running or not. */
function stackContainers(): string[] {
  return docker('ps', '-a', '--filter', `label=io.cryostat.stack=${STACK}`, '--format', '{{.Names}}')
    .stdout.split('\n')
    .filter(Boolean)
    .sort();
}

function get(
  port: number,
  path: string,
  auth?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, auth, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from 127.0.0.1:${port}${path}`)));
    req.on('error', reject);
    req.end();
  });
}

/** stdout without the runner's ::add-mask:: lines (those carry the secrets by design). */
const visible = (r: RunBundleResult) =>
  `${r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')}\n${r.stderr}`;

interface Report {
  hosts: { name: string; status: string; error?: string; tasks: { id: string; status: string; msg?: string }[] }[];
}
const reportText = (r: RunBundleResult) => readFileSync(r.outputs.report as string, 'utf8');
const report = (r: RunBundleResult) => JSON.parse(reportText(r)) as Report;

describe.skipIf(!service('sshd').available || !service('dockerd').available)(
  'examples/cryostat-stack: Cryostat 3 on a Docker host over SSH',
  () => {
    let work: string;
    let configDir: string;
    let proxyPort: number;
    let images: ReturnType<typeof ensureStandins>;

    const vars = (extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        stack: STACK,
        app_image: images.app,
        db_image: images.db,
        storage_image: images.storage,
        proxy_image: images.proxy,
        pull: 'never', // no registry here: the stand-ins exist locally only
        restart: 'no',
        proxy_bind: '127.0.0.1',
        proxy_host_port: proxyPort,
        config_dir: configDir,
        proxy_uid: 0,
        ...extra,
      });

    const deploy = (
      extraVars: Record<string, unknown> = {},
      secrets: Record<string, string> = SECRETS,
      inputs: Record<string, string> = {},
    ) =>
      runAction(
        'runbook',
        {
          ...sshInputs(),
          runbook: 'examples/cryostat-stack/runbook.yml',
          inventory: join(work, 'inventory.ini'),
          vars: vars(extraVars),
          secrets: JSON.stringify(secrets),
          environment: 'test',
          ...inputs,
        },
        { cwd: ROOT, env: { GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: mkdtempSync(join(work, 'rt-')) } },
      );

    beforeAll(async () => {
      images = ensureStandins();
      work = mkdtempSync(join(tmpdir(), 'cryostat-stack-'));
      configDir = join(work, 'etc');
      proxyPort = await closedPort();
      writeFileSync(
        join(work, 'inventory.ini'),
        `[cryostat]\ndocker1 ansible_host=127.0.0.21 ansible_port=${sshPort()}\n`,
      );
    }, 120_000);

    afterAll(() => {
      for (const name of Object.values(NAMES)) docker('rm', '-f', '-v', name);
      docker('network', 'rm', STACK);
      for (const v of VOLUMES) docker('volume', 'rm', '-f', v);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('the stand-ins keep the real images’ contracts: required env, and credentials checked across containers', () => {
      for (const image of Object.values(images)) {
        const r = docker('run', '--rm', image);
        expect(r.status, image).toBe(1);
        expect(r.stderr, image).toContain('required environment variables are not set');
      }
      const net = `${STACK}-contract`;
      const db = `${STACK}-contract-db`;
      try {
        expect(docker('network', 'create', net).status).toBe(0);
        const env = (pairs: Record<string, string>) => Object.entries(pairs).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
        const started = docker(
          'run',
          '-d',
          '--name',
          db,
          '--network',
          net,
          ...env({ POSTGRESQL_USER: 'u', POSTGRESQL_PASSWORD: 'right', POSTGRESQL_DATABASE: 'd', PG_ENCRYPT_KEY: 'k' }),
          images.db,
        );
        expect(started.status, started.stderr).toBe(0);
        const app = docker(
          'run',
          '--rm',
          '--network',
          net,
          ...env({
            QUARKUS_DATASOURCE_JDBC_URL: `jdbc:postgresql://${db}:5432/d`,
            QUARKUS_DATASOURCE_USERNAME: 'u',
            QUARKUS_DATASOURCE_PASSWORD: 'wrong',
            QUARKUS_S3_ENDPOINT_OVERRIDE: 'http://nowhere:8333',
            QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID: 'a',
            QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY: 's',
            STORAGE_BUCKETS_ARCHIVES_NAME: 'b',
          }),
          images.app,
        );
        expect(app.status).toBe(1);
        expect(app.stderr).toContain('datasource refused: FATAL: password authentication failed for user "u"');
      } finally {
        docker('rm', '-f', db);
        docker('network', 'rm', net);
      }
    });

    it('refuses an invalid configuration in validation, before any container, network or file exists', async () => {
      const r = await deploy(
        { app_port: 5432, archive_bucket: 'Archived_Recordings' },
        { ...SECRETS, db_password: 'password123' },
      );
      expect(r.exitCode, visible(r)).toBe(1);
      const host = report(r).hosts[0]!;
      expect(host.status).toBe('failed');
      expect(host.tasks.map((t) => `${t.id}:${t.status}`)).toEqual(['validate stack configuration:failed']);
      const msg = host.tasks[0]!.msg ?? '';
      expect(msg).toContain('stack configuration is invalid (4 problems)');
      expect(msg).toContain('containers.db.port 5432 is also the app port');
      expect(msg).toContain('storage.archive_bucket "Archived_Recordings" may hold only lower-case letters');
      expect(msg).toContain('storage.archive_bucket "Archived_Recordings" is not among storage.buckets');
      expect(msg).toContain('database.password is too short (11 characters; at least 12)');
      expect(visible(r)).toContain('containers.db.port 5432 is also the app port');
      expect(r.summary).toContain('validate stack configuration');
      expect(`${visible(r)}${r.summary}${reportText(r)}`).not.toContain('password123');
      expect(stackContainers()).toEqual([]);
      expect(docker('network', 'inspect', STACK).status).not.toBe(0);
      for (const v of VOLUMES) expect(docker('volume', 'inspect', v).status).not.toBe(0);
      expect(spawnSync('test', ['-e', join(configDir, 'auth', 'htpasswd')]).status).not.toBe(0);
    });

    it('check mode on a fresh host plans the whole deploy and creates nothing', async () => {
      const r = await deploy({}, SECRETS, { check: 'true' });
      expect(r.exitCode, visible(r)).toBe(0);
      const tasks = report(r).hosts[0]!.tasks;
      // Parallel siblings finish in any order.
      expect(
        tasks
          .filter((t) => t.status === 'changed')
          .map((t) => t.id)
          .sort(),
      ).toEqual(
        [
          'network and credentials › network',
          'network and credentials › proxy credentials › config directory',
          'network and credentials › proxy credentials › htpasswd',
          'backing services › cryostat-db',
          'backing services › cryostat-storage',
          'cryostat',
          'auth proxy',
        ].sort(),
      );
      expect(tasks.find((t) => t.id === 'network and credentials › network')!.msg).toBe(
        `would create network ${STACK} (bridge)`,
      );
      // Readiness checks read addresses that only exist after a real run: skipped, not failed.
      expect(tasks.find((t) => t.id.endsWith('db accepts connections'))!.status).toBe('skipped');
      expect(stackContainers()).toEqual([]);
      expect(docker('network', 'inspect', STACK).status).not.toBe(0);
      expect(spawnSync('test', ['-e', join(configDir, 'auth', 'htpasswd')]).status).not.toBe(0);
    });

    it('deploys the four containers; only the proxy is published, and it wants a login', async () => {
      const r = await deploy();
      expect(r.exitCode, visible(r)).toBe(0);
      const tasks = report(r).hosts[0]!.tasks;
      const status = Object.fromEntries(tasks.map((t) => [t.id, t.status]));
      expect(status).toMatchObject({
        'validate stack configuration': 'ok',
        'network and credentials › network': 'changed',
        'network and credentials › proxy credentials › htpasswd': 'changed',
        'backing services › cryostat-db': 'changed',
        'backing services › cryostat-storage': 'changed',
        'backing services ready › db ready › db accepts connections': 'ok',
        'backing services ready › storage ready › storage accepts connections': 'ok',
        cryostat: 'changed',
        'cryostat ready › app is live': 'ok',
        'auth proxy': 'changed',
        'through the proxy › health reaches the app': 'ok',
        'through the proxy › everything else needs a login': 'ok',
      });
      expect(Number(r.outputs.changed)).toBe(7);
      expect(r.outputs.failed).toBe('0');

      // All four run on the stack's network.
      expect(stackContainers()).toEqual(Object.values(NAMES).sort());
      for (const name of Object.values(NAMES)) {
        const c = inspect(name)!;
        expect(c.State.Running, name).toBe(true);
        expect(Object.keys(c.NetworkSettings.Networks), name).toEqual([STACK]);
      }
      // Only the proxy publishes a port, on the address asked for.
      for (const name of [NAMES.app, NAMES.db, NAMES.storage]) {
        const c = inspect(name)!;
        expect(Object.keys(c.HostConfig.PortBindings ?? {}), name).toEqual([]);
        expect(Object.values(c.NetworkSettings.Ports ?? {}).filter(Boolean), name).toEqual([]);
      }
      expect(inspect(NAMES.proxy)!.HostConfig.PortBindings).toEqual({
        '4180/tcp': [{ HostIp: '127.0.0.1', HostPort: String(proxyPort) }],
      });
      // Volumes hold the data.
      for (const v of VOLUMES) expect(docker('volume', 'inspect', v).status, v).toBe(0);

      // Through the proxy: no credentials → 401; wrong → 401; right → the app, which reached db and storage.
      const anonymous = await get(proxyPort, '/');
      expect(anonymous.status).toBe(401);
      expect(String(anonymous.headers['www-authenticate'])).toMatch(/^Basic realm=/);
      expect((await get(proxyPort, '/', `${PROXY_USER}:not-the-password`)).status).toBe(401);
      const page = await get(proxyPort, '/', `${PROXY_USER}:${PROXY_PASSWORD}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`database cryostat at ${NAMES.db}:5432`);
      expect(page.body).toContain('recordings in s3 bucket archivedrecordings');
      expect((await get(proxyPort, '/health/liveness')).status).toBe(200);
      // The app itself is not reachable from the host's published ports at all.
      expect(docker('port', NAMES.app).stdout.trim()).toBe('');

      // No secret in the log, the summary, the report, or any container's labels.
      const labels = Object.values(NAMES)
        .map((n) => JSON.stringify(inspect(n)!.Config.Labels))
        .join('\n');
      const seen = `${visible(r)}\n${r.summary}\n${reportText(r)}\n${labels}`;
      for (const secret of SECRET_VALUES)
        expect(seen.includes(secret), `a secret leaked: ${secret.slice(0, 4)}…`).toBe(false);
      // …while the containers did get them (the labels hold hashes of env values only).
      expect(inspect(NAMES.app)!.Config.Env).toContain(`QUARKUS_DATASOURCE_PASSWORD=${SECRETS.db_password}`);
    });

    it('a second run changes nothing', async () => {
      const before = Object.values(NAMES).map((n) => inspect(n)!.Id);
      const r = await deploy();
      expect(r.exitCode, visible(r)).toBe(0);
      expect(r.outputs.changed).toBe('0');
      expect(report(r).hosts[0]!.tasks.filter((t) => t.status === 'changed')).toEqual([]);
      expect(Object.values(NAMES).map((n) => inspect(n)!.Id)).toEqual(before);
    });

    it('rotating the proxy password rewrites the htpasswd file only, and the running proxy honours it', async () => {
      const proxyId = inspect(NAMES.proxy)!.Id;
      const rotated = 'Rotated-pass-3xV!k9';
      const htpasswd = `${PROXY_USER}:{SHA}${createHash('sha1').update(rotated).digest('base64')}\n`;
      const r = await deploy({}, { ...SECRETS, proxy_htpasswd: htpasswd });
      expect(r.exitCode, visible(r)).toBe(0);
      expect(
        report(r)
          .hosts[0]!.tasks.filter((t) => t.status === 'changed')
          .map((t) => t.id),
      ).toEqual(['network and credentials › proxy credentials › htpasswd']);
      expect(inspect(NAMES.proxy)!.Id).toBe(proxyId);
      expect((await get(proxyPort, '/', `${PROXY_USER}:${rotated}`)).status).toBe(200);
      expect((await get(proxyPort, '/', `${PROXY_USER}:${PROXY_PASSWORD}`)).status).toBe(401);
      expect(`${visible(r)}${r.summary}${reportText(r)}`).not.toContain(rotated);
      // …and back, so the rest of the file runs against the original secrets.
      expect((await deploy()).exitCode).toBe(0);
    });

    it('an invalid change to a running stack fails validation and leaves every container as it was', async () => {
      const before = Object.values(NAMES).map((n) => `${inspect(n)!.Id}@${inspect(n)!.State.StartedAt}`);
      const r = await deploy({ proxy_upstream: `http://${NAMES.app}:9999/`, buckets: 'archivedrecordings,xn--bad' });
      expect(r.exitCode, visible(r)).toBe(1);
      const tasks = report(r).hosts[0]!.tasks;
      expect(tasks.map((t) => t.status)).toEqual(['failed']);
      expect(tasks[0]!.msg).toContain(
        `proxy.upstream points at ${NAMES.app}:9999, not at the app (${NAMES.app}:8181); the proxy would answer 502`,
      );
      expect(tasks[0]!.msg).toContain('storage bucket "xn--bad" must not start with the reserved prefix "xn--"');
      expect(Object.values(NAMES).map((n) => `${inspect(n)!.Id}@${inspect(n)!.State.StartedAt}`)).toEqual(before);
      expect((await get(proxyPort, '/', `${PROXY_USER}:${PROXY_PASSWORD}`)).status).toBe(200);
    });

    it('check mode on the deployed stack plans nothing', async () => {
      const r = await deploy({}, SECRETS, { check: 'true' });
      expect(r.exitCode, visible(r)).toBe(0);
      expect(r.outputs.changed).toBe('0');
    });
  },
);
