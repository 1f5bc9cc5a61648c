import { createHash, createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordActionRun } from '../../shared/telemetry';
import { runAction } from '../harness';
import { type ActionsApi, startActionsApi } from './actions-api';
import { asJobStep, cleanTelemetryEnv, useTelemetryJob } from './job-env';
import { pointsOf, type SpanView, spansOf } from './receiver';

/**
 * mode: run — the shipped bundle rebuilds the workflow run from a local stand-in for the Actions
 * API (recorded "List jobs for a workflow run attempt" responses, fixtures/actions-api/) and sends
 * it, with this job's own spans, to a real OTLP/HTTP receiver on loopback.
 */
const REPOSITORY = 'acme-confidential/payments-ledger';
const RUN_ID = '9876543210';
const ATTEMPT = '2';
const SALT = 'run-mode-salt-0123456789abcdef';
const TOKEN = 'ghs_runModeToken0123456789abcdefABCDEF';
const hmac = (v: string) => createHmac('sha256', SALT).update(v).digest('hex');
/** The ids every job derives on its own (independently recomputed here from the documented recipe). */
const derived = (label: string, n: number) =>
  createHash('sha256').update(`paved-telemetry/${label}`).digest('hex').slice(0, n);
const TRACE_ID = derived(`trace/${RUN_ID}/${ATTEMPT}`, 32);
const ROOT_SPAN = derived(`run/${RUN_ID}/${ATTEMPT}`, 16);

let api: ActionsApi;

const t = useTelemetryJob('run-mode');
beforeAll(async () => {
  api = await startActionsApi(TOKEN);
});
afterAll(async () => {
  await api?.close();
});
beforeEach(() => {
  api.requests.length = 0;
  api.mode = 'ok';
});

function githubEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const event = join(t.work, 'event.json');
  writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: REPOSITORY } }));
  return {
    RUNNER_TEMP: t.temp,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKFLOW: 'Release payments ledger',
    GITHUB_ACTOR: 'jane-q-developer',
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: ATTEMPT,
    GITHUB_JOB: 'release',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_WORKSPACE: t.work,
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_NAME: 'GitHub Actions 5',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...cleanTelemetryEnv(),
    GITHUB_TOKEN: undefined,
    ...extra,
  };
}

const inputs = (extra: Record<string, string> = {}) => ({
  consent: 'granted',
  'consent-version': '1',
  endpoint: t.receiver.url,
  mode: 'run',
  'github-token': TOKEN,
  ...extra,
});

/** A job: the telemetry main step, a Paved action recorded by the core hook, then the post step. */
async function job(input: Record<string, string>, env = githubEnv()) {
  const main = await runAction('telemetry', input, { env });
  expect(main.exitCode, main.stdout).toBe(0);
  await asJobStep(t.temp, main.env, () =>
    recordActionRun({ action: 'sbom', version: '0.1.0', durationMs: 1500, outcome: 'success' }),
  );
  const end = await runAction('telemetry', input, { env: { ...env, ...main.env }, post: true });
  expect(end.post?.exitCode, end.post?.stdout).toBe(0);
  const traces = t.receiver.requests.find((r) => r.path === '/v1/traces');
  const metrics = t.receiver.requests.find((r) => r.path === '/v1/metrics');
  return { main, end, traces, spans: spansOf(traces?.decoded ?? {}), points: pointsOf(metrics?.decoded ?? {}) };
}

const byTask = (spans: SpanView[], name: string) => spans.find((s) => s.attributes['cicd.pipeline.task.name'] === name);

describe('mode: run', () => {
  it('one trace for the run: a span per job and step, queue time, labels, conclusions; names only hashed', async () => {
    const { main, end, traces, spans, points } = await job(inputs({ level: 'standard', salt: SALT }));
    // The API was asked for this run attempt, with the token, and paged through (2 jobs a page).
    const paths = api.requests.map((r) => r.path);
    expect(paths[0]).toBe(`/repos/${REPOSITORY}/actions/runs/${RUN_ID}/attempts/${ATTEMPT}/jobs?per_page=100`);
    expect(paths).toHaveLength(2);
    expect(paths[1]).toContain('page=2');
    expect(api.requests[0]?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(end.masks).toContain(TOKEN);
    expect(`${end.stdout}${end.post?.stdout}${end.summary}`.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);

    // One trace, the run attempt's, that TRACEPARENT named for the later steps.
    expect(main.env.TRACEPARENT).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    const jobSpanId = (main.env.TRACEPARENT as string).split('-')[2];
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([TRACE_ID]));

    const root = spans.find((s) => s.name === 'RUN');
    expect(root?.parentSpanId).toBeUndefined();
    expect(root?.spanId).toBe(ROOT_SPAN);
    expect(root?.attributes).toMatchObject({
      'cicd.pipeline.run.id': RUN_ID,
      'cicd.pipeline.result': 'failure',
      'cicd.pipeline.run.url.full': hmac(`https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/attempts/${ATTEMPT}`),
      'vcs.repository.name': hmac(REPOSITORY),
    });
    expect(root?.statusCode).toBe(2);

    const jobs = spans.filter((s) => s.name === 'job');
    expect(jobs).toHaveLength(3);
    for (const j of jobs) expect(j.parentSpanId).toBe(ROOT_SPAN);
    const build = byTask(spans, hmac('Build payments-ledger'));
    expect(build?.attributes).toMatchObject({
      'cicd.pipeline.task.run.id': '31220000101',
      'cicd.pipeline.task.run.result': 'success',
      'cicd.pipeline.task.run.url.full': hmac(
        `https://github.com/${REPOSITORY}/actions/runs/${RUN_ID}/job/31220000101`,
      ),
      'paved.job.queue_time': '7',
      'paved.runner.labels': 'ubuntu-latest',
    });
    const tests = byTask(spans, hmac('Integration tests (acme-gpu)'));
    expect(tests?.attributes['cicd.pipeline.task.run.result']).toBe('failure');
    expect(tests?.attributes['paved.job.queue_time']).toBe('90');
    expect(tests?.attributes['paved.runner.labels']).toBe(`self-hosted,linux,x64,${hmac('acme-gpu-pool')}`);
    expect(tests?.statusCode).toBe(2);
    // This job is the in-progress "release" job: its span is the one in TRACEPARENT, and our spans join it.
    const release = byTask(spans, hmac('release'));
    expect(release?.spanId).toBe(jobSpanId);
    expect(spans.find((s) => s.name === 'sbom')?.parentSpanId).toBe(jobSpanId);

    const steps = spans.filter((s) => s.name === 'step');
    // Steps that never started (skipped, queued) have no span: 4 + 3 + 3.
    expect(steps).toHaveLength(10);
    const failedStep = byTask(spans, hmac('Run integration suite'));
    expect(failedStep?.parentSpanId).toBe(tests?.spanId);
    expect(failedStep?.attributes).toMatchObject({
      'cicd.pipeline.task.run.result': 'failure',
      'paved.step.number': '2',
    });
    expect(failedStep?.statusCode).toBe(2);

    // Not one name of a job, step, runner or the repository in clear on the wire.
    for (const raw of [
      'acme-confidential',
      'payments-ledger',
      'Build payments',
      'Integration tests',
      'acme-gpu',
      'acme-runner-07',
      'GitHub Actions 5',
      'Compile ledger',
    ]) {
      expect(traces?.body.includes(Buffer.from(raw)), raw).toBe(false);
      expect(end.summary).not.toContain(raw);
    }
    expect(points.filter((p) => p.metric === 'paved.job.queue_time')).not.toHaveLength(0);
    expect(end.summary).toContain('| span | job | cicd.pipeline.task.run.id | `31220000102` |');
  });

  it('at minimal: no job, step or runner names, no URLs; ids, results and queue times only', async () => {
    const { spans } = await job(inputs({ salt: SALT }));
    const keys = new Set(
      spans.filter((s) => s.name === 'job' || s.name === 'step').flatMap((s) => Object.keys(s.attributes)),
    );
    for (const k of ['cicd.pipeline.task.name', 'cicd.pipeline.task.run.url.full', 'paved.runner.labels']) {
      expect(keys.has(k), k).toBe(false);
    }
    expect(spans.find((s) => s.name === 'RUN')?.attributes['cicd.pipeline.run.url.full']).toBeUndefined();
    expect(keys.has('cicd.pipeline.task.run.id')).toBe(true);
    expect(keys.has('paved.job.queue_time')).toBe(true);
    expect(spans.filter((s) => s.name === 'job')).toHaveLength(3);
  });

  it('a token without actions: read: a warning, and this job alone is sent; the job passes', async () => {
    api.mode = 'forbidden';
    const { end, spans, main } = await job(inputs());
    expect(end.annotations.some((a) => a.level === 'warning' && a.message.includes('actions: read'))).toBe(true);
    expect(spans.filter((s) => s.name === 'job')).toEqual([]);
    // The job-mode span still joins the run's trace under the run's root span id.
    const own = spans.find((s) => s.name === 'RUN');
    expect(own?.traceId).toBe(TRACE_ID);
    expect(own?.parentSpanId).toBe(ROOT_SPAN);
    expect(own?.spanId).toBe((main.env.TRACEPARENT as string).split('-')[2]);
  });

  // The API gets its own 10 s bound (post-step.ts API_BUDGET_MS): a hung API costs the job that, then
  // the same fallback. The hang case waits those 10 s: a hang guard, not a timing assertion.
  it.each([
    ['answers 500', 'error', 'HTTP 500'],
    ['answers an HTML page', 'garbage', 'its answer is not the list of jobs'],
    ['answers JSON of another shape', 'wrong-shape', 'its answer is not the list of jobs'],
    ['never answers', 'hang', 'no answer within 10 s'],
  ] as const)('an API that %s: a warning, and this job alone is sent; the job passes', async (_, mode, why) => {
    api.mode = mode;
    const { end, spans } = await job(inputs());
    expect(api.requests).not.toHaveLength(0);
    const warning = end.annotations.find((a) => a.level === 'warning' && a.message.includes('sending this job only'));
    expect(warning?.message).toContain(why);
    expect(warning?.message).not.toContain('Bad Gateway');
    expect(spans.filter((s) => s.name === 'job')).toEqual([]);
    expect(spans.find((s) => s.name === 'RUN')?.parentSpanId).toBe(ROOT_SPAN);
    expect(spans.find((s) => s.name === 'sbom')).toBeDefined();
  });

  it('mode: run without a token is a configuration error before anything is written', async () => {
    const r = await runAction('telemetry', inputs({ 'github-token': '' }), { env: githubEnv() });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('github-token');
  });

  it('another job in job mode joins the same trace, under the root span mode: run sends', async () => {
    const { spans } = await job(
      { consent: 'granted', 'consent-version': '1', endpoint: t.receiver.url },
      githubEnv({ GITHUB_JOB: 'build', RUNNER_NAME: 'GitHub Actions 2' }),
    );
    expect(api.requests).toEqual([]);
    const own = spans.find((s) => s.name === 'RUN');
    expect(own?.traceId).toBe(TRACE_ID);
    expect(own?.parentSpanId).toBe(ROOT_SPAN);
  });

  it('a workflow_run job rebuilds the run that triggered it', async () => {
    const event = join(t.work, 'workflow-run.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'completed',
        workflow_run: {
          id: Number(RUN_ID),
          name: 'Release payments ledger (triggering)',
          run_attempt: Number(ATTEMPT),
          head_repository: { full_name: REPOSITORY, fork: false },
          repository: { full_name: REPOSITORY },
        },
        repository: { full_name: REPOSITORY },
      }),
    );
    const { spans } = await job(
      inputs({ level: 'standard', salt: SALT }),
      githubEnv({
        GITHUB_EVENT_NAME: 'workflow_run',
        GITHUB_EVENT_PATH: event,
        GITHUB_RUN_ID: '5550001',
        GITHUB_RUN_ATTEMPT: '1',
      }),
    );
    expect(api.requests[0]?.path).toContain(`/actions/runs/${RUN_ID}/attempts/${ATTEMPT}/jobs`);
    expect(spans.filter((s) => s.name === 'job' && s.traceId === TRACE_ID)).toHaveLength(3);
    // The run's root span names the triggering workflow (hashed), not this one.
    const root = spans.find((s) => s.name === 'RUN' && s.traceId === TRACE_ID);
    expect(root?.attributes['cicd.pipeline.name']).toBe(hmac('Release payments ledger (triggering)'));
    // This job belongs to its own run: its spans are in that run's trace.
    const own = spans.find((s) => s.name === 'RUN' && s.traceId !== TRACE_ID);
    expect(own?.traceId).toBe(derived('trace/5550001/1', 32));
    expect(spans.find((s) => s.name === 'sbom')?.parentSpanId).toBe(own?.spanId);
  });
});

it('the recorded API responses cite the documentation they follow', () => {
  const file = join(import.meta.dirname, 'fixtures', 'actions-api', `jobs-run-${RUN_ID}-attempt-${ATTEMPT}.json`);
  const recorded = JSON.parse(readFileSync(file, 'utf8'));
  expect(recorded._source).toContain(
    'https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt',
  );
  expect(recorded.jobs).toHaveLength(recorded.total_count);
});
