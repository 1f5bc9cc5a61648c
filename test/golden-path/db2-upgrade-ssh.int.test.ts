import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT, service } from '../harness';

/**
 * workflows-examples/db2-upgrade.yml reaches a remote Docker engine over SSH. Its steps must work
 * with a job-private key and known_hosts, never touch ~/.ssh (a self-hosted runner's own), and
 * leave nothing behind. The steps' own shell runs here against the loopback sshd.
 */
interface Step {
  name?: string;
  run?: string;
  if?: string;
}
const workflow = YAML.parse(readFileSync(join(ROOT, 'workflows-examples', 'db2-upgrade.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};

const sshd = service('sshd');

describe.skipIf(!sshd.available)('db2-upgrade.yml over SSH', () => {
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const reach = job.steps.find((s) => s.name === 'Reach the Docker engine on the Db2 host');
    if (!reach) continue;
    it(`job ${name}: a job-private ssh config that works, leaves ~/.ssh alone, and is removed at the end`, () => {
      const cleanup = job.steps.at(-1) as Step;
      expect(cleanup.if).toBe('${{ always() }}');
      const work = mkdtempSync(join(tmpdir(), 'paved-wf-ssh-'));
      const home = join(work, 'home');
      const runnerTemp = join(work, 'temp');
      mkdirSync(home);
      mkdirSync(runnerTemp);
      const files = { GITHUB_ENV: join(work, 'env'), GITHUB_PATH: join(work, 'path') };
      for (const f of Object.values(files)) writeFileSync(f, '');
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: home,
        RUNNER_TEMP: runnerTemp,
        ...files,
        DOCKER_HOST_URL: `ssh://${sshd.env.PAVED_SSH_USER}@127.0.0.1:${sshd.env.PAVED_SSH_PORT ?? '2222'}`,
        SSH_KEY: readFileSync(sshd.env.PAVED_SSH_KEY as string, 'utf8').trim(),
        KNOWN_HOSTS: readFileSync(sshd.env.PAVED_SSH_KNOWN_HOSTS as string, 'utf8').trim(),
      };
      const setup = spawnSync('bash', ['-c', reach.run as string], { env, encoding: 'utf8' });
      expect(setup.status, setup.stderr).toBe(0);
      expect(readFileSync(files.GITHUB_ENV, 'utf8')).toContain(`DOCKER_HOST=${env.DOCKER_HOST_URL}`);
      const binDir = readFileSync(files.GITHUB_PATH, 'utf8').trim();
      expect(binDir).toBe(join(runnerTemp, 'paved-ssh', 'bin'));
      // What the docker CLI does: run `ssh` from PATH, with the job's PATH entry first.
      const ssh = spawnSync(
        'ssh',
        [
          '-p',
          sshd.env.PAVED_SSH_PORT ?? '2222',
          '-o',
          'BatchMode=yes',
          `${sshd.env.PAVED_SSH_USER}@127.0.0.1`,
          'echo reached',
        ],
        { env: { ...env, PATH: `${binDir}:${env.PATH}` }, encoding: 'utf8', timeout: 120_000 },
      );
      expect(ssh.stdout.trim(), ssh.stderr).toBe('reached');
      expect(existsSync(join(home, '.ssh'))).toBe(false);
      const end = spawnSync('bash', ['-c', cleanup.run as string], { env, encoding: 'utf8' });
      expect(end.status, end.stderr).toBe(0);
      expect(existsSync(join(runnerTemp, 'paved-ssh'))).toBe(false);
    });
  }

  it('no step of any example workflow writes to ~/.ssh', () => {
    for (const file of ['db2-upgrade.yml', 'deploy.yml', 'release.yml', 'db2-image.yml']) {
      const parsed = YAML.parse(readFileSync(join(ROOT, 'workflows-examples', file), 'utf8')) as typeof workflow;
      for (const job of Object.values(parsed.jobs))
        for (const step of job.steps ?? []) {
          const code = (step.run ?? '')
            .split('\n')
            .filter((line) => !line.trim().startsWith('#'))
            .join('\n');
          expect(code, `${file}: ${step.name}`).not.toMatch(/(~|\$HOME|\$\{HOME\})\/\.ssh/);
        }
    }
  });
});
