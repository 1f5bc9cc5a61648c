import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPostStep } from '../../shared/runner-protocol';
import { journalLine, recordActionRun, recordDeployment } from '../../shared/telemetry';
import { ROOT, runAction } from '../harness';
import { asJobStep, cleanTelemetryEnv, useTelemetryJob } from './job-env';
import { type PointView, pointsOf, spansOf } from './receiver';

/**
 * DORA from the shipped bundle against a real OTLP receiver: deployments count only with an
 * environment, the lead time covers every commit since the last deployment (a real git
 * repository), change failures and time to restore come from the user's state file; and the
 * journal's integrity: only lines signed by a Paved step of this job are exported.
 */
const REPOSITORY = 'acme-confidential/payments-ledger';
const SALT = 'dora-salt-0123456789abcdef';
const hmac = (v: string) => createHmac('sha256', SALT).update(v).digest('hex');

const t = useTelemetryJob('dora');

const HOUR = 3_600_000;

/** A real repository with commits at known times (hours ago); returns their shas, oldest first. */
function repository(hoursAgo: number[]): string[] {
  const git = (args: string[], date?: number) =>
    execFileSync('git', args, {
      cwd: t.work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'dev@example.com',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'dev@example.com',
        ...(date ? { GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` } : {}),
      },
    }).trim();
  git(['init', '-q', '-b', 'main']);
  return hoursAgo.map((h, i) => {
    writeFileSync(join(t.work, 'file.txt'), `change ${i}\n`);
    git(['add', 'file.txt']);
    git(['commit', '-q', '-m', `change ${i}`], Math.round((Date.now() - h * HOUR) / 1000));
    return git(['rev-parse', 'HEAD']);
  });
}

function githubEnv(sha: string, event: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  const path = join(t.temp, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ repository: { full_name: REPOSITORY }, ...event }));
  return {
    RUNNER_TEMP: t.temp,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_ACTOR: 'jane-q-developer',
    GITHUB_RUN_ID: '424242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: path,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: sha,
    GITHUB_WORKSPACE: t.work,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...cleanTelemetryEnv(),
    ...extra,
  };
}

const inputs = (extra: Record<string, string> = {}) => ({
  consent: 'granted',
  'consent-version': '1',
  endpoint: t.receiver.url,
  'state-file': 'dora-state.json',
  ...extra,
});

/** One deploy job: telemetry main, deployments reported through the core hook, the post step. */
async function deployJob(
  env: Record<string, string | undefined>,
  deployments: { result: 'success' | 'failure'; environment?: string; action?: string }[],
  input = inputs(),
  between?: (journal: string, jobEnv: Record<string, string>) => void,
) {
  t.receiver.requests.length = 0;
  const main = await runAction('telemetry', input, { env });
  expect(main.exitCode, main.stdout).toBe(0);
  await asJobStep(t.temp, main.env, () => {
    for (const d of deployments) {
      const finishedAt = Date.now();
      recordDeployment({
        action: d.action ?? 'runbook',
        environment: d.environment,
        result: d.result,
        startedAt: finishedAt - 30_000,
        finishedAt,
      });
    }
    between?.(main.env.PAVED_TELEMETRY_JOURNAL as string, main.env);
  });
  // The end of the job: the post step, with the state this main step saved (as the runner does).
  const end = await post(input, { ...env, ...main.env }, main.state);
  const points = pointsOf(t.receiver.requests.find((r) => r.path === '/v1/metrics')?.decoded ?? {});
  const spans = spansOf(t.receiver.requests.find((r) => r.path === '/v1/traces')?.decoded ?? {});
  return { main, end, points, spans };
}

async function post(
  input: Record<string, string>,
  env: Record<string, string | undefined>,
  state: Record<string, string>,
) {
  const end = await runPostStep({ root: ROOT, action: 'telemetry', inputs: input, env, state, timeoutMs: 120_000 });
  expect(end?.exitCode, end?.stdout).toBe(0);
  return end as NonNullable<typeof end>;
}

const values = (points: PointView[], metric: string) => points.filter((p) => p.metric === metric);
const state = () => JSON.parse(readFileSync(join(t.work, 'dora-state.json'), 'utf8'));

describe('DORA', () => {
  it('lead time over every commit, change failures and time to restore from the state file', async () => {
    const [c1, c2, c3, c4, c5] = repository([10, 8, 6, 3, 2]);
    // 1. A push of c1..c3 deploys to production: the push event's commits give three lead times.
    const push = {
      head_commit: { id: c3 },
      commits: [
        { id: c1, distinct: true, timestamp: new Date(Date.now() - 10 * HOUR).toISOString() },
        { id: c2, distinct: true, timestamp: new Date(Date.now() - 8 * HOUR).toISOString() },
        { id: c3, distinct: true, timestamp: new Date(Date.now() - 6 * HOUR).toISOString() },
      ],
    };
    const first = await deployJob(githubEnv(c3 as string, push), [{ result: 'success', environment: 'production' }]);
    const lead = first.points.find((p) => p.metric === 'paved.deployment.lead_time');
    expect(lead?.attributes).toMatchObject({
      'deployment.environment.name': 'production',
      'deployment.status': 'succeeded',
    });
    const deploy = first.spans.find((s) => s.name === 'deploy');
    expect(deploy?.attributes['paved.deployment.commits']).toBe('3');
    expect(Number(deploy?.attributes['paved.deployment.lead_time'])).toBeGreaterThan(6 * 3600 - 60);
    expect(Number(deploy?.attributes['paved.deployment.lead_time'])).toBeLessThan(6 * 3600 + 600);
    expect(state().environments.production.lastSuccess.sha).toBe(c3);
    expect(first.end.summary).toContain(
      '| resource | (every span and metric) | deployment.environment.name | `production` |',
    );

    // 2. c4 fails production: a change failure (the environment was healthy), an incident starts.
    const second = await deployJob(githubEnv(c4 as string), [{ result: 'failure', environment: 'production' }]);
    const cf = values(second.points, 'paved.deployment.change_failures');
    expect(cf).toHaveLength(1);
    expect(second.spans.find((s) => s.name === 'deploy')?.attributes['paved.deployment.change_failure']).toBe('true');
    expect(state().environments.production.failingSince).toBeDefined();
    const since = Date.parse(state().environments.production.failingSince);

    // 3. Failing again is not a new change failure.
    const third = await deployJob(githubEnv(c4 as string), [{ result: 'failure', environment: 'production' }]);
    expect(third.spans.find((s) => s.name === 'deploy')?.attributes['paved.deployment.change_failure']).toBe('false');
    expect(Date.parse(state().environments.production.failingSince)).toBe(since);

    // 4. c5 restores production: time to restore; lead time over every commit since c3 (git log c3..c5).
    const fourth = await deployJob(githubEnv(c5 as string), [{ result: 'success', environment: 'production' }]);
    const restore = fourth.spans.find((s) => s.name === 'deploy');
    expect(Number(restore?.attributes['paved.deployment.restore_time'])).toBeGreaterThan(0);
    expect(restore?.attributes['paved.deployment.commits']).toBe('2');
    expect(values(fourth.points, 'paved.deployment.restore_time')).toHaveLength(1);
    expect(state().environments.production).toEqual({ lastSuccess: { sha: c5, at: expect.any(String) } });
  });

  it('a second telemetry step writes the state during the job (for cache/save and upload-artifact), counted once', async () => {
    const [c1, c2] = repository([5, 1]);
    // A healthy production at c1, as an earlier run left it.
    writeFileSync(
      join(t.work, 'dora-state.json'),
      JSON.stringify({
        kind: 'paved-dora-state',
        version: 1,
        environments: { production: { lastSuccess: { sha: c1, at: new Date(Date.now() - 4 * HOUR).toISOString() } } },
      }),
    );
    const env = githubEnv(c2 as string);
    const first = await runAction('telemetry', inputs(), { env });
    expect(first.exitCode, first.stdout).toBe(0);
    await asJobStep(t.temp, first.env, () => {
      const finishedAt = Date.now();
      recordDeployment({
        action: 'runbook',
        environment: 'production',
        result: 'failure',
        startedAt: finishedAt - 1000,
        finishedAt,
      });
    });
    // The checkpoint step (if: always() after the deploy): the file is up to date before the job ends.
    const second = await runAction('telemetry', inputs(), { env: { ...env, ...first.env } });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toContain('DORA state written');
    const saved = readFileSync(join(t.work, 'dora-state.json'), 'utf8');
    expect(JSON.parse(saved).environments.production.failingSince).toBeDefined();
    expect(JSON.parse(saved).environments.production.lastSuccess.sha).toBe(c1);
    // Post steps run in reverse order: the second step's exports, from the base before the checkpoint.
    t.receiver.requests.length = 0;
    const end = await post(inputs(), { ...env, ...second.env }, second.state);
    expect(end.stdout).toContain('DORA state written');
    const spans = spansOf(t.receiver.requests.find((r) => r.path === '/v1/traces')?.decoded ?? {});
    const deploy = spans.filter((s) => s.name === 'deploy');
    expect(deploy).toHaveLength(1);
    expect(deploy[0]?.attributes['paved.deployment.change_failure']).toBe('true');
    // Lead time from the state's last success: git log c1..c2.
    expect(deploy[0]?.attributes['paved.deployment.commits']).toBe('1');
    expect(readFileSync(join(t.work, 'dora-state.json'), 'utf8')).toBe(saved);
    // The first step's post finds the journal exported and sends nothing more.
    t.receiver.requests.length = 0;
    await post(inputs(), { ...env, ...first.env }, first.state);
    expect(t.receiver.requests).toEqual([]);
  });

  it('a deployment counts only with an environment (its own or the input); series per hashed repository', async () => {
    const [c1] = repository([1]);
    const none = await deployJob(githubEnv(c1 as string), [{ result: 'success' }], inputs({ 'state-file': '' }));
    expect(values(none.points, 'paved.deployment.count')).toEqual([]);
    expect(none.spans.find((s) => s.name === 'deploy')).toBeDefined();
    expect(none.end.stdout).toContain('not counted as a deployment');

    const input = inputs({ 'state-file': '', environment: 'eu-customer-x', level: 'standard', salt: SALT });
    const named = await deployJob(githubEnv(c1 as string), [{ result: 'success', action: 'db2.upgrade' }], input);
    const count = values(named.points, 'paved.deployment.count');
    expect(count).toHaveLength(1);
    expect(count[0]?.attributes['deployment.environment.name']).toBe(hmac('eu-customer-x'));
    const resource = named.spans[0]?.resource ?? {};
    expect(resource['vcs.repository.name']).toBe(hmac(REPOSITORY));
    expect(resource['deployment.environment.name']).toBe(hmac('eu-customer-x'));
    expect(named.spans.find((s) => s.name === 'deploy')?.attributes['cicd.pipeline.task.name']).toBe('db2.upgrade');
  });

  it('a malformed state file fails the telemetry step with its path; a dry run does not write it', async () => {
    const [c1] = repository([1]);
    writeFileSync(join(t.work, 'dora-state.json'), '{ not json');
    const bad = await runAction('telemetry', inputs(), { env: githubEnv(c1 as string) });
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations.find((a) => a.level === 'error')?.file).toContain('dora-state.json');
    rmSync(join(t.work, 'dora-state.json'));
    const dry = await runAction('telemetry', inputs({ 'dry-run': 'true' }), {
      env: githubEnv(c1 as string),
      post: true,
    });
    expect(dry.post?.exitCode).toBe(0);
    expect(existsSync(join(t.work, 'dora-state.json'))).toBe(false);
  });
});

describe('journal integrity', () => {
  it('exports only lines a Paved step signed with this job key, whatever else is appended', async () => {
    const [c1] = repository([1]);
    const { end, spans } = await deployJob(
      githubEnv(c1 as string),
      [],
      inputs({ 'state-file': '' }),
      (journal, jobEnv) => {
        // A Paved action, through the core hook: signed.
        void recordActionRun({ action: 'sbom', version: '0.1.0', durationMs: 10, outcome: 'success' });
        // A script appending a well-formed but unsigned line, and one signed with a key of its own.
        const line = {
          kind: 'run',
          action: 'sign',
          version: '0.1.0',
          startedAt: Date.now(),
          durationMs: 5,
          outcome: 'failure',
        } as const;
        appendFileSync(journal, `${JSON.stringify(line)}\n`);
        appendFileSync(journal, `${journalLine(line, 'f'.repeat(64))}\n`);
        expect(jobEnv.PAVED_TELEMETRY_KEY).toMatch(/^[0-9a-f]{64}$/);
      },
    );
    expect(spans.map((s) => s.name).sort()).toEqual(['RUN', 'sbom']);
    expect(end.stdout).toContain('2 journal line(s) were not written by a Paved step');
  });

  it('a key swapped in the environment later in the job does not let forged lines in', async () => {
    const [c1] = repository([1]);
    const forged = 'e'.repeat(64);
    const env = githubEnv(c1 as string);
    const main = await runAction('telemetry', inputs({ 'state-file': '' }), { env });
    appendFileSync(
      main.env.PAVED_TELEMETRY_JOURNAL as string,
      `${journalLine({ kind: 'run', action: 'sign', version: '0.1.0', startedAt: Date.now(), durationMs: 5, outcome: 'failure' }, forged)}\n`,
    );
    t.receiver.requests.length = 0;
    // The environment now claims the forged key; the post step verifies with the one in its state.
    await post(inputs({ 'state-file': '' }), { ...env, ...main.env, PAVED_TELEMETRY_KEY: forged }, main.state);
    const spans = spansOf(t.receiver.requests.find((r) => r.path === '/v1/traces')?.decoded ?? {});
    expect(spans.map((s) => s.name)).toEqual(['RUN']);
  });
});
