import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPath, requireTool, runAction, service, waitFor } from '../harness';
import { Db2Fixture, docker, dockerRc, freePort, PASSWORD } from './fixture';

/** The build command on the stand-in base image, run the way IBM's entrypoint runs /var/custom. */
const f = new Db2Fixture();
const LONG = { timeout: 600_000 };

describe.skipIf(!service('dockerd').available)('db2 build (stand-in Db2 image)', () => {
  beforeAll(() => f.setup());
  afterAll(() => f.cleanup());

  it(
    'builds an image with the generated scripts, users without passwords, custom scripts and labels',
    LONG,
    async () => {
      const scripts = f.tempDir('custom');
      writeFileSync(join(scripts, '50-hello.sh'), '#!/bin/sh\necho "(*) custom hello from $(hostname)"\n');
      const repo = `${f.run}-custom`;
      const r = await runAction('db2', {
        command: 'build',
        'base-image': f.images.new,
        // docker/metadata-action's output: one full reference per line.
        tags: `${repo}:11.5.9.0\n${repo}:latest\n`,
        labels: 'org.opencontainers.image.source=https://example.org/db2\norg.opencontainers.image.revision=abc123',
        users: 'appuser1\nappuser2:1200',
        'custom-scripts': scripts,
      });
      expect(r.exitCode, r.stdout).toBe(0);
      const id = r.outputs['image-id'] as string;
      expect(id).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(r.outputs.tags).toBe(`${repo}:11.5.9.0\n${repo}:latest`);
      // The Dockerfile lives in RUNNER_TEMP (which the harness removes after the run); the summary shows it.
      expect(r.outputs.dockerfile).toMatch(/paved-db2-build-\w+\/Dockerfile$/);
      expect(r.summary).toContain(`FROM ${f.images.new}`);
      expect(r.summary).toContain('RUN useradd -M -N appuser1');
      try {
        expect(
          docker(
            'image',
            'inspect',
            '--format',
            '{{index .Config.Labels "org.opencontainers.image.revision"}}',
            `${repo}:latest`,
          ),
        ).toBe('abc123');
        const look = docker(
          'run',
          '--rm',
          '--entrypoint',
          '/bin/sh',
          `${repo}:11.5.9.0`,
          '-c',
          'grep -E "^appuser" /etc/passwd; ls -l /var/custom',
        );
        expect(look).toMatch(/^appuser1:x:\d+:/m);
        expect(look).toMatch(/^appuser2:x:1200:/m);
        expect(look).toMatch(/-rwxr-xr-x .* 10-paved-activate-databases\.sh/);
        expect(look).toMatch(/-rwxr-xr-x .* 20-paved-text-search\.sh/);
        expect(look).toMatch(/-rwxr-xr-x .* 50-hello\.sh/);
        // Run it: databases activate at start, and TEXT_SEARCH=false switches text search off.
        const name = f.track(f.unique('built'));
        docker(
          'run',
          '--detach',
          '--name',
          name,
          '--label',
          `paved.test=${f.run}`,
          '-e',
          'LICENSE=accept',
          '-e',
          `DB2INST1_PASSWORD=${PASSWORD}`,
          '-e',
          'DBNAME=testdb',
          '-e',
          'TEXT_SEARCH=false',
          `${repo}:latest`,
        );
        await f.waitSetup(name);
        // The scripts rerun at every start: activation must be idempotent.
        docker('restart', '--time', '5', name);
        await f.waitSetup(name, 2);
        const logs = docker('logs', name);
        expect(logs.split('(*) Activating database TESTDB...').length).toBe(3);
        expect(logs).toContain('(*) TEXT_SEARCH=false: not starting the text search service');
        expect(logs).toContain('(*) custom hello from');
        expect(f.sql(name, 'db2 list active databases')).toContain('TESTDB');
      } finally {
        dockerRc('rmi', '--force', `${repo}:11.5.9.0`, `${repo}:latest`);
      }
    },
  );

  it('pushes to a registry and outputs the digest', LONG, async (ctx) => {
    requireTool(ctx, 'docker-registry', onPath('docker-registry'), 'apt-get install docker-registry');
    const port = await freePort();
    const dir = f.tempDir('registry');
    writeFileSync(
      join(dir, 'config.yml'),
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
    );
    const registry: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
    try {
      await waitPort(port);
      const ref = `127.0.0.1:${port}/paved/db2-custom:11.5.9.0`;
      const r = await runAction('db2', {
        command: 'build',
        'base-image': f.images.new,
        tags: ref,
        push: true,
        'text-search': false,
      });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(docker('image', 'inspect', '--format', '{{join .RepoDigests " "}}', ref)).toContain(r.outputs.digest);
      dockerRc('rmi', '--force', ref);
    } finally {
      registry.kill();
    }
  });
});

/** The registry answers /v2/: a generous deadline, as a busy machine starts it slowly. */
async function waitPort(port: number): Promise<void> {
  await waitFor(
    `the registry on ${port} to answer`,
    () =>
      fetch(`http://127.0.0.1:${port}/v2/`).then(
        (r) => r.ok,
        () => false,
      ),
    { timeoutMs: 120_000, intervalMs: 100 },
  );
}
