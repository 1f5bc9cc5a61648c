import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT, service } from '../harness';

/**
 * Example workflows reach a remote Docker engine over SSH (db2-upgrade.yml, and the takeover job of
 * db2-hadr-rolling-upgrade.yml, which carries its own copy of the step). Each such step must work
 * with a job-private key and known_hosts, never touch ~/.ssh (a self-hosted runner's own), and be
 * followed by an always() step that leaves nothing behind. Every workflow in workflows-examples/
 * (callers included) is read, and a step is found by what it does (an ssh:// DOCKER_HOST_URL and
 * the paved-ssh wrapper), not by its name, so a renamed copy is still run here against the loopback sshd.
 */
interface Step {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
type Workflow = { jobs: Record<string, { steps?: Step[] }> };

const DIR = join(ROOT, 'workflows-examples');
const files = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.yml')),
  ...readdirSync(join(DIR, 'callers'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => join('callers', f)),
];
const workflows = files.map((file) => ({
  file,
  workflow: YAML.parse(readFileSync(join(DIR, file), 'utf8')) as Workflow,
}));
const code = (step: Step) =>
  (step.run ?? '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
const reaches = workflows.flatMap(({ file, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) =>
    steps
      .filter((s) => s.env?.DOCKER_HOST_URL !== undefined && /paved-ssh/.test(s.run ?? ''))
      .map((reach) => ({ file, job, reach, steps })),
  ),
);

describe('example workflows that set up SSH to a Docker engine', () => {
  it('are the ones expected, and every copy of the step runs the same code', () => {
    expect(reaches.map((r) => `${r.file}#${r.job}`).sort()).toEqual([
      'db2-hadr-rolling-upgrade.yml#takeover',
      'db2-upgrade.yml#plan',
      'db2-upgrade.yml#upgrade',
    ]);
    const [first, ...copies] = reaches.map((r) => code(r.reach));
    for (const [i, copy] of copies.entries())
      expect(copy, `${reaches[i + 1]?.file}#${reaches[i + 1]?.job}`).toBe(first);
  });
});

const sshd = service('sshd');

describe.skipIf(!sshd.available)('example workflows over SSH', () => {
  for (const { file, job, reach, steps } of reaches) {
    it(`${file} job ${job}: a job-private ssh config that works, leaves ~/.ssh alone, and is removed at the end`, () => {
      const cleanup = steps.at(-1) as Step;
      expect(cleanup.if).toBe('${{ always() }}');
      expect(cleanup.run).toMatch(/rm -rf "\$RUNNER_TEMP\/paved-ssh"/);
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
});

describe('example workflows and ~/.ssh', () => {
  it('no step of any example workflow writes to ~/.ssh', () => {
    expect(files).toContain('db2-hadr-rolling-upgrade.yml');
    for (const { file, workflow } of workflows)
      for (const job of Object.values(workflow.jobs))
        for (const step of job.steps ?? [])
          expect(code(step), `${file}: ${step.name}`).not.toMatch(/(~|\$HOME|\$\{HOME\})\/\.ssh/);
  });
});
