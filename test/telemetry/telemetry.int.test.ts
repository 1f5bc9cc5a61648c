import { createHash, createHmac } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortValue } from '../../actions/telemetry/src/export/receipt';
import { recordDeployment } from '../../shared/telemetry';
import { ROOT, runAction } from '../harness';
import { asJobStep, cleanTelemetryEnv, useTelemetryJob } from './job-env';
import { deadEndpoint, decodeRequest, pointsOf, spansOf } from './receiver';

/**
 * The shipped bundles (dist/telemetry/index.js + post.js, and another action's bundle in
 * between) against a real OTLP/HTTP receiver on loopback.
 */
const REPOSITORY = 'acme-confidential/payments-ledger';
const WORKFLOW = 'Release payments ledger';
const ACTOR = 'jane-q-developer';
const SALT = 'test-salt-0123456789abcdef';
const RUN_ID = '9876543210';
const hmac = (v: string) => createHmac('sha256', SALT).update(v).digest('hex');

function githubEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const event = join(t.work, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      ref: 'refs/heads/main',
      head_commit: { id: 'a'.repeat(40), timestamp: new Date(Date.now() - 3_600_000).toISOString() },
      repository: { full_name: REPOSITORY },
    }),
  );
  return {
    RUNNER_TEMP: t.temp,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKFLOW: WORKFLOW,
    GITHUB_ACTOR: ACTOR,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_JOB: 'release',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_WORKSPACE: t.work,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ...cleanTelemetryEnv(),
    ...extra,
  };
}

const consent = (extra: Record<string, string> = {}) => ({
  consent: 'granted',
  'consent-version': '1',
  endpoint: t.receiver.url,
  ...extra,
});

/** Every file below RUNNER_TEMP (the runner files of runAction live elsewhere). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

const t = useTelemetryJob('telemetry');

describe('without consent nothing happens', () => {
  it('no consent input: telemetry off, no variable, no file, no request, even across actions', async () => {
    const main = await runAction(
      'telemetry',
      { 'consent-version': '1', endpoint: t.receiver.url },
      { env: githubEnv() },
    );
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.outputs.enabled).toBe('false');
    expect(main.outputs['policy-version']).toBe('1');
    expect(main.env).toEqual({});
    // Another action of the job runs its hook (it may pass or fail on this empty folder: either is recorded).
    await runAction('sbom', { path: t.work, 'output-dir': t.work }, { env: { ...githubEnv(), ...main.env } });
    const again = await runAction(
      'telemetry',
      { 'consent-version': '1', endpoint: t.receiver.url },
      { env: githubEnv(), post: true },
    );
    expect(again.post?.exitCode).toBe(0);
    expect(filesUnder(t.temp)).toEqual([]);
    expect(t.receiver.requests).toEqual([]);
    expect(again.summary).toContain('Telemetry: off');
  });

  it('a consent other than "granted" is off, with a notice', async () => {
    const r = await runAction('telemetry', consent({ consent: 'yes' }), { env: githubEnv(), post: true });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.enabled).toBe('false');
    expect(r.annotations.some((a) => a.level === 'notice' && a.message.includes('"yes"'))).toBe(true);
    expect(t.receiver.requests).toEqual([]);
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it('off never fails the job: no other input is validated, not even a missing consent-version or a short salt', async () => {
    const broken = {
      'consent-version': '',
      endpoint: 'not a url',
      protocol: 'grpc',
      salt: 'short',
      level: 'everything',
      'dry-run': 'maybe',
      mode: 'whole-run',
      'resource-attributes': '=,,%',
    };
    for (const [inputs, env] of [
      [{ ...broken, consent: '' }, githubEnv()],
      [{ ...broken, consent: 'no' }, githubEnv()],
      // The environment's opt-out wins over a granted consent, before anything else is read.
      [{ ...broken, consent: 'granted' }, githubEnv({ DO_NOT_TRACK: '1' })],
      [{ ...broken, consent: 'granted' }, githubEnv({ PAVED_TELEMETRY: 'off', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })],
    ] as const) {
      const r = await runAction('telemetry', inputs, { env, post: true });
      expect(r.exitCode, r.stdout).toBe(0);
      expect(r.post?.exitCode).toBe(0);
      expect(r.outputs.enabled).toBe('false');
      expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    }
    expect(filesUnder(t.temp)).toEqual([]);
    expect(t.receiver.requests).toEqual([]);
  });

  it('granted consent still needs a whole-number consent-version', async () => {
    const r = await runAction('telemetry', consent({ 'consent-version': '' }), { env: githubEnv() });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('consent-version is required');
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it('consent to an older policy version lapses', async () => {
    const r = await runAction('telemetry', consent({ 'consent-version': '0' }), { env: githubEnv(), post: true });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.enabled).toBe('false');
    expect(r.outputs.reason).toMatch(/policy version 0.*version 1/);
    expect(t.receiver.requests).toEqual([]);
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it.each([
    ['DO_NOT_TRACK', '1'],
    ['PAVED_TELEMETRY', 'off'],
  ])('%s=%s beats consent', async (name, value) => {
    const r = await runAction('telemetry', consent(), { env: githubEnv({ [name]: value }), post: true });
    expect(r.exitCode).toBe(0);
    expect(r.post?.exitCode).toBe(0);
    expect(r.outputs.enabled).toBe('false');
    expect(r.outputs.reason).toContain(name);
    expect(r.env).toEqual({});
    expect(filesUnder(t.temp)).toEqual([]);
    expect(t.receiver.requests).toEqual([]);
  });

  it('DO_NOT_TRACK in a later step wins over the consent an earlier step recorded', async () => {
    const main = await runAction('telemetry', consent(), { env: githubEnv() });
    expect(main.outputs.enabled).toBe('true');
    expect(filesUnder(t.temp)).toHaveLength(1);
    // Re-run with the job's variables: the post step now sees DO_NOT_TRACK.
    const r = await runAction('telemetry', consent(), {
      env: { ...githubEnv(), ...main.env, DO_NOT_TRACK: '1' },
      post: true,
    });
    expect(r.post?.exitCode).toBe(0);
    expect(t.receiver.requests).toEqual([]);
  });

  it('a pull request from a fork is always off', async () => {
    const event = join(t.work, 'pr.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          head: { repo: { full_name: 'someone/payments-ledger', fork: true } },
          base: { repo: { full_name: REPOSITORY, fork: false } },
        },
      }),
    );
    const r = await runAction('telemetry', consent(), {
      env: githubEnv({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }),
      post: true,
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.enabled).toBe('false');
    expect(r.outputs.reason).toContain('fork');
    expect(filesUnder(t.temp)).toEqual([]);
    expect(t.receiver.requests).toEqual([]);
  });
});

describe('bad input fails before anything is written', () => {
  it('a misspelt protocol is a configuration error with a suggestion', async () => {
    const r = await runAction('telemetry', consent({ protocol: 'http/protobuff' }), { env: githubEnv() });
    expect(r.exitCode).toBe(1);
    const error = r.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain('did you mean "http/protobuf"');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it('consent without an endpoint (and no dry run) is a configuration error', async () => {
    const r = await runAction('telemetry', { consent: 'granted', 'consent-version': '1' }, { env: githubEnv() });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.find((a) => a.level === 'error')?.message).toContain('endpoint');
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it.each([
    'short-salt',
    'short',
    'salt',
    'guessable',
    'characters',
    'brief',
  ])('a short salt (%s) is refused, and the masked message does not reveal it', async (salt) => {
    const r = await runAction('telemetry', consent({ salt }), { env: githubEnv() });
    expect(r.exitCode).toBe(1);
    expect(r.masks).toContain(salt);
    const error = r.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/16/);
    // What the runner shows: every registered mask replaced by ***. Not one *** may appear.
    const shown = r.masks.reduce((text, mask) => text.split(mask).join('***'), error);
    expect(shown).not.toContain('***');
    expect(r.stdout).not.toContain(`${salt}:`);
    expect(filesUnder(t.temp)).toEqual([]);
  });
});

describe('with consent', () => {
  it('records another action in the job and exports CI/CD spans and metrics, identities only hashed', async () => {
    const env = githubEnv();
    const inputs = consent({
      level: 'standard',
      salt: SALT,
      headers: 'authorization=Bearer%20tok-123456,x-team=platform',
    });
    const main = await runAction('telemetry', inputs, { env });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.outputs.enabled).toBe('true');
    expect(Object.keys(main.env).sort()).toEqual([
      'PAVED_TELEMETRY_JOURNAL',
      'PAVED_TELEMETRY_KEY',
      'PAVED_TELEMETRY_POLICY',
      'TRACEPARENT',
    ]);
    expect(main.masks).toContain(main.env.PAVED_TELEMETRY_KEY);
    // W3C traceparent: version 00, the run attempt's trace id, this job's span id, sampled.
    expect(main.env.TRACEPARENT).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, traceId, jobSpanId] = (main.env.TRACEPARENT as string).split('-');
    expect(main.env.PAVED_TELEMETRY_JOURNAL?.startsWith(t.temp)).toBe(true);

    // Another Paved action of the job, with the variables the main step exported, on a real lockfile.
    cpSync(join(ROOT, 'test', 'telemetry', 'fixtures', 'cargo'), t.work, { recursive: true });
    const sbom = await runAction('sbom', { path: t.work, 'output-dir': t.work }, { env: { ...env, ...main.env } });
    const journal = readFileSync(main.env.PAVED_TELEMETRY_JOURNAL as string, 'utf8');
    expect(
      journal,
      `dist/sbom must run and include the telemetry hook (node scripts/build.mjs sbom): ${sbom.stderr.slice(-500)}`,
    ).toContain('"action":"sbom"');
    expect(journal).toContain(`"outcome":"${sbom.exitCode === 0 ? 'success' : 'failure'}"`);
    // What a deploying action reports through the core API (runbook calls recordDeployment).
    await asJobStep(t.temp, main.env, () =>
      recordDeployment({
        action: 'runbook',
        environment: 'production',
        result: 'success',
        startedAt: Date.now() - 20_000,
        finishedAt: Date.now() - 1_000,
      }),
    );
    for (const line of journal.split('\n').filter(Boolean)) {
      expect(JSON.parse(line)).not.toHaveProperty('message');
    }

    // The end of the job: the telemetry step's post (its main reuses the journal).
    const end = await runAction('telemetry', inputs, { env: { ...env, ...main.env }, post: true });
    expect(end.exitCode).toBe(0);
    expect(end.post?.exitCode, end.post?.stdout).toBe(0);
    expect(end.annotations.filter((a) => a.level === 'warning')).toEqual([]);

    const paths = t.receiver.requests.map((r) => r.path).sort();
    expect(paths).toEqual(['/v1/metrics', '/v1/traces']);
    for (const r of t.receiver.requests) {
      expect(r.headers['content-type']).toBe('application/x-protobuf');
      expect(r.headers.authorization).toBe('Bearer tok-123456');
      expect(r.headers['x-team']).toBe('platform');
      // Not one raw identity anywhere in the bytes on the wire.
      for (const raw of [REPOSITORY, 'acme-confidential', 'payments-ledger', WORKFLOW, ACTOR, 'release']) {
        expect(r.body.includes(Buffer.from(raw)), `${raw} in ${r.path}`).toBe(false);
      }
    }
    expect(end.masks).toContain('Bearer tok-123456');
    expect(end.post?.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('tok-123456');
    expect(end.summary).not.toContain('tok-123456');

    const traces = t.receiver.requests.find((r) => r.path === '/v1/traces')?.decoded ?? {};
    const spans = spansOf(traces);
    const pipeline = spans.find((s) => s.name === 'RUN');
    // The job's span is the one TRACEPARENT named, in the run attempt's trace.
    expect(pipeline?.spanId).toBe(jobSpanId);
    expect(spansOf(traces).every((s) => s.traceId === traceId)).toBe(true);
    expect(pipeline?.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
    expect(pipeline?.attributes).toMatchObject({
      'cicd.pipeline.action.name': 'RUN',
      'cicd.pipeline.run.id': RUN_ID,
      'cicd.pipeline.result': sbom.exitCode === 0 ? 'success' : 'failure',
      'cicd.pipeline.name': hmac(WORKFLOW),
      'vcs.repository.name': hmac(REPOSITORY),
      'enduser.pseudo.id': hmac(ACTOR),
      'paved.run.attempt': '2',
      'paved.trigger': 'push',
      'vcs.ref.head.type': 'branch',
    });
    expect(pipeline?.resource).toMatchObject({
      'service.name': 'paved',
      'paved.telemetry.policy': '1',
      'paved.telemetry.level': 'standard',
      'os.type': 'linux',
      'host.arch': 'amd64',
    });
    const task = spans.find((s) => s.name === 'sbom');
    expect(task?.parentSpanId).toBe(pipeline?.spanId);
    expect(task?.attributes['cicd.pipeline.task.name']).toBe('sbom');
    expect(task?.attributes['cicd.pipeline.task.run.result']).toMatch(/^(success|failure)$/);
    const deploy = spans.find((s) => s.name === 'deploy');
    expect(deploy?.attributes).toMatchObject({
      'cicd.pipeline.task.name': 'runbook',
      'cicd.pipeline.task.type': 'deploy',
      'deployment.status': 'succeeded',
      'deployment.environment.name': 'production',
    });
    // Lead time from the push event's head_commit (an hour ago) to the end of the deployment.
    expect(Number(deploy?.attributes['paved.deployment.lead_time'])).toBeGreaterThan(3500);
    expect(Number(deploy?.attributes['paved.deployment.lead_time'])).toBeLessThan(3700);

    const metrics = pointsOf(t.receiver.requests.find((r) => r.path === '/v1/metrics')?.decoded ?? {});
    const duration = metrics.find((p) => p.metric === 'cicd.pipeline.run.duration');
    expect(duration?.unit).toBe('s');
    expect(duration?.attributes).toMatchObject({
      'cicd.pipeline.name': hmac(WORKFLOW),
      'cicd.pipeline.run.state': 'executing',
    });
    expect(metrics.map((p) => p.metric)).toEqual(
      expect.arrayContaining(['paved.action.run.duration', 'paved.deployment.count', 'paved.deployment.lead_time']),
    );

    // The receipt lists every attribute that was sent, with the value sent.
    expect(end.summary).toContain('Telemetry receipt');
    for (const span of spans) {
      for (const [key, value] of Object.entries({ ...span.attributes, ...span.resource })) {
        expect(end.summary, `${key} missing from the receipt`).toContain(
          `| ${key} | \`${shortValue(String(value))}\` |`,
        );
        // Digests are shortened in the table and listed in full under it.
        expect(end.summary).toContain(`| ${key} | \`${value}\` |`);
      }
    }
    for (const point of metrics) {
      for (const [key, value] of Object.entries(point.attributes)) {
        expect(end.summary).toContain(`| ${point.metric} | ${key} | \`${shortValue(String(value))}\` |`);
      }
    }
    for (const raw of [REPOSITORY, WORKFLOW, ACTOR]) expect(end.summary).not.toContain(raw);
    // Exported once: the journal is gone.
    expect(filesUnder(t.temp)).toEqual([]);
  });

  it('without a salt, repository, workflow and actor are not sent at all; minimal sends no runner details', async () => {
    const r = await runAction('telemetry', consent({ level: 'standard' }), { env: githubEnv(), post: true });
    expect(r.post?.exitCode).toBe(0);
    expect(t.receiver.requests).toHaveLength(2);
    const spans = spansOf(t.receiver.requests.find((q) => q.path === '/v1/traces')?.decoded ?? {});
    const keys = new Set(spans.flatMap((s) => Object.keys(s.attributes)));
    for (const k of ['cicd.pipeline.name', 'vcs.repository.name', 'enduser.pseudo.id']) expect(keys.has(k)).toBe(false);
    expect(spans[0]?.resource['os.type']).toBe('linux');

    t.receiver.requests.length = 0;
    const minimal = await runAction('telemetry', consent({ salt: SALT }), { env: githubEnv(), post: true });
    expect(minimal.post?.exitCode).toBe(0);
    const m = spansOf(t.receiver.requests.find((q) => q.path === '/v1/traces')?.decoded ?? {});
    expect(Object.keys(m[0]?.resource ?? {}).sort()).toEqual([
      'paved.telemetry.level',
      'paved.telemetry.policy',
      'service.name',
      'service.version',
    ]);
    const minimalKeys = new Set(m.flatMap((s) => Object.keys(s.attributes)));
    for (const k of ['cicd.pipeline.name', 'vcs.repository.name', 'enduser.pseudo.id', 'paved.trigger']) {
      expect(minimalKeys.has(k)).toBe(false);
    }
  });

  it('http/json to an endpoint given as its /v1/traces URL: one suffix, JSON bodies', async () => {
    const r = await runAction(
      'telemetry',
      consent({ protocol: 'http/json', endpoint: `${t.receiver.url}/v1/traces` }),
      {
        env: githubEnv(),
        post: true,
      },
    );
    expect(r.post?.exitCode).toBe(0);
    expect(t.receiver.requests.map((q) => q.path).sort()).toEqual(['/v1/metrics', '/v1/traces']);
    for (const q of t.receiver.requests) {
      expect(q.headers['content-type']).toBe('application/json');
      // Uncompressed: the receipt's digest is that of the very bytes the collector received.
      expect(q.wire.equals(q.body)).toBe(true);
      expect(r.summary).toContain(
        `${q.path}, ${q.body.length} bytes application/json, sha256 ${createHash('sha256').update(q.wire).digest('hex')}`,
      );
    }
    const spans = spansOf(t.receiver.requests.find((q) => q.path === '/v1/traces')?.decoded ?? {});
    expect(spans.find((s) => s.name === 'RUN')?.attributes['cicd.pipeline.run.id']).toBe(RUN_ID);
  });
});

describe('the standard OTEL_* configuration, when the inputs are empty', () => {
  const noEndpoint = { consent: 'granted', 'consent-version': '1' };

  it('OTEL_EXPORTER_OTLP_ENDPOINT gets v1/<signal> appended; headers percent-decoded; json; gzip; resource attributes', async () => {
    const r = await runAction('telemetry', noEndpoint, {
      env: githubEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: `${t.receiver.url}/otlp`,
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Basic%20dXNlcjpwdw%3D%3D, x-scope = team%2Fa',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
        OTEL_RESOURCE_ATTRIBUTES: 'team.name=plat%2Cform,service.name=not-paved, cost.centre = 42 ',
      }),
      post: true,
    });
    expect(r.post?.exitCode, r.post?.stdout).toBe(0);
    expect(r.stdout).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(t.receiver.requests.map((q) => q.path).sort()).toEqual(['/otlp/v1/metrics', '/otlp/v1/traces']);
    for (const q of t.receiver.requests) {
      expect(q.headers.authorization).toBe('Basic dXNlcjpwdw==');
      expect(q.headers['x-scope']).toBe('team/a');
      expect(q.headers['content-type']).toBe('application/json');
      expect(q.headers['content-encoding']).toBe('gzip');
      expect(q.wire.length).toBeLessThan(q.body.length);
    }
    expect(r.masks).toContain('Basic dXNlcjpwdw==');
    const spans = spansOf(t.receiver.requests.find((q) => q.path.endsWith('/v1/traces'))?.decoded ?? {});
    expect(spans[0]?.resource).toMatchObject({
      'team.name': 'plat,form',
      'cost.centre': '42',
      'service.name': 'paved',
    });
    // The receipt: the table and the digests are of the uncompressed payload; the wire bytes have their own digest.
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    for (const q of t.receiver.requests) {
      expect(r.summary).toContain(`payload ${q.body.length} bytes application/json, sha256 ${sha(q.body)}`);
      expect(r.summary).toContain(`on the wire gzip, ${q.wire.length} bytes, sha256 ${sha(q.wire)}`);
    }
    expect(r.summary).toContain('| resource | (every span and metric) | team.name | `plat,form` |');
  });

  it('per-signal variables win over the general ones and their endpoints are used as they are', async () => {
    const r = await runAction('telemetry', noEndpoint, {
      env: githubEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: await deadEndpoint(),
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${t.receiver.url}/custom/spans`,
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${t.receiver.url}/v1/metrics`,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-general=1',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces=2',
      }),
      post: true,
    });
    expect(r.post?.exitCode, r.post?.stdout).toBe(0);
    const traces = t.receiver.requests.find((q) => q.path === '/custom/spans');
    const metrics = t.receiver.requests.find((q) => q.path === '/v1/metrics');
    expect(traces?.headers['content-type']).toBe('application/x-protobuf');
    expect(traces?.headers['x-traces']).toBe('2');
    expect(traces?.headers['x-general']).toBeUndefined();
    expect(metrics?.headers['content-type']).toBe('application/json');
    expect(metrics?.headers['x-general']).toBe('1');
    expect(t.receiver.requests).toHaveLength(2);
  });

  it('inputs win over the variables', async () => {
    const r = await runAction('telemetry', consent({ protocol: 'http/json', headers: 'x-input=yes' }), {
      env: githubEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: await deadEndpoint(),
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-env=yes',
        OTEL_EXPORTER_OTLP_COMPRESSION: 'gzip',
      }),
      post: true,
    });
    expect(r.post?.exitCode).toBe(0);
    expect(t.receiver.requests.map((q) => q.path).sort()).toEqual(['/v1/metrics', '/v1/traces']);
    for (const q of t.receiver.requests) {
      expect(q.headers['content-type']).toBe('application/json');
      expect(q.headers['x-input']).toBe('yes');
      expect(q.headers['x-env']).toBeUndefined();
      // compression has no input value here, so the variable applies.
      expect(q.headers['content-encoding']).toBe('gzip');
    }
  });

  it('a grpc protocol or a malformed OTEL_RESOURCE_ATTRIBUTES is a configuration error naming the variable', async () => {
    const g = await runAction('telemetry', consent(), { env: githubEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }) });
    expect(g.exitCode).toBe(1);
    expect(g.annotations.find((a) => a.level === 'error')?.message).toMatch(/OTEL_EXPORTER_OTLP_PROTOCOL.*gRPC/);
    const a = await runAction('telemetry', consent(), { env: githubEnv({ OTEL_RESOURCE_ATTRIBUTES: 'team=%zz' }) });
    expect(a.exitCode).toBe(1);
    expect(a.annotations.find((x) => x.level === 'error')?.message).toContain('OTEL_RESOURCE_ATTRIBUTES');
    const n = await runAction('telemetry', noEndpoint, { env: githubEnv() });
    expect(n.exitCode).toBe(1);
    expect(n.annotations.find((x) => x.level === 'error')?.message).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(filesUnder(t.temp)).toEqual([]);
  });
});

describe('a collector that is down or slow never fails the job', () => {
  it('connection refused: a warning, the job passes, well within the bound', async () => {
    const endpoint = await deadEndpoint();
    const r = await runAction('telemetry', consent({ endpoint }), { env: githubEnv(), post: true });
    expect(r.exitCode).toBe(0);
    expect(r.post?.exitCode).toBe(0);
    const warnings = r.annotations.filter((a) => a.level === 'warning');
    expect(warnings.some((w) => w.message.includes('could not send traces'))).toBe(true);
    // Bounded, not timed: the budget is 5 s; a busy 2-core machine adds seconds of process start.
    expect(r.post?.durationMs).toBeLessThan(30_000);
  });

  it('a hanging collector: two attempts per signal, a warning, done within 5 s (+ process start)', async () => {
    t.receiver.mode = 'hang';
    const r = await runAction('telemetry', consent(), { env: githubEnv(), post: true });
    expect(r.exitCode).toBe(0);
    expect(r.post?.exitCode).toBe(0);
    expect(r.annotations.some((a) => a.level === 'warning' && a.message.includes('no answer within'))).toBe(true);
    // It waited out the 5 s budget, and then stopped: without the budget it would wait on the hanging
    // collector until the test's own deadline. The upper bound is loose on purpose (a busy machine).
    expect(r.post?.durationMs).toBeGreaterThan(4500);
    expect(r.post?.durationMs).toBeLessThan(30_000);
    expect(t.receiver.requests.filter((q) => q.path === '/v1/traces')).toHaveLength(2);
    expect(t.receiver.requests.filter((q) => q.path === '/v1/metrics')).toHaveLength(2);
  });

  it('a 503 answer is retried once, a 401 is not retried', async () => {
    t.receiver.mode = { status: 503 };
    const r = await runAction('telemetry', consent(), { env: githubEnv(), post: true });
    expect(r.post?.exitCode).toBe(0);
    const attempts = t.receiver.requests.filter((q) => q.path === '/v1/traces').length;
    // Retried once; only a machine so busy that the 5 s budget is spent before the pause may skip
    // the retry, and then it must say so.
    if (attempts !== 2) {
      expect(attempts).toBe(1);
      expect(r.post?.stdout).toContain('no time left for a retry');
    }
    expect(r.post?.stdout).toMatch(/traces: not sent after [12] attempt\(s\)[^\n]*HTTP 503/);
    t.receiver.requests.length = 0;
    t.receiver.mode = { status: 401 };
    const u = await runAction('telemetry', consent(), { env: githubEnv(), post: true });
    expect(u.post?.exitCode).toBe(0);
    expect(t.receiver.requests.filter((q) => q.path === '/v1/traces')).toHaveLength(1);
    expect(u.annotations.some((a) => a.level === 'warning' && a.message.includes('HTTP 401'))).toBe(true);
  });
});

describe('dry run', () => {
  it('sends nothing and shows the payload that the real run then sends', async () => {
    const env = githubEnv();
    const inputs = consent({ level: 'standard', salt: SALT });
    const dry = await runAction('telemetry', { ...inputs, 'dry-run': 'true' }, { env, post: true });
    expect(dry.post?.exitCode).toBe(0);
    expect(t.receiver.requests).toEqual([]);
    expect(dry.summary).toContain('Telemetry dry run: nothing was sent');
    const shown = [
      ...dry.summary.matchAll(
        /<summary>OTLP (traces|metrics) request: POST (\S+?),[^<]*<\/summary>\s*```json\n([\s\S]*?)\n```/g,
      ),
    ];
    expect(shown.map((m) => m[1])).toEqual(['traces', 'metrics']);
    expect(shown[0]?.[2]).toBe(`${t.receiver.url}/v1/traces`);

    // A dry run removes its journal: nothing of it can be exported later.
    expect(filesUnder(t.temp)).toEqual([]);
    // The same job, sent for real.
    const real = await runAction('telemetry', inputs, { env, post: true });
    expect(real.post?.exitCode).toBe(0);
    const shape = (decoded: Record<string, unknown>) => ({
      spans: spansOf(decoded)
        .map((s) => ({ name: s.name, attributes: s.attributes, resource: s.resource, root: !s.parentSpanId }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      points: pointsOf(decoded).sort((a, b) => a.metric.localeCompare(b.metric)),
    });
    const sent = (path: string) =>
      shape(
        decodeRequest(
          path,
          'application/x-protobuf',
          t.receiver.requests.find((q) => q.path === path)?.body ?? Buffer.alloc(0),
        ),
      );
    const shownTraces = shape(JSON.parse(shown[0]?.[3] ?? '{}'));
    const shownMetrics = shape(JSON.parse(shown[1]?.[3] ?? '{}'));
    expect(shownTraces.spans.length).toBeGreaterThan(0);
    expect(sent('/v1/traces').spans).toEqual(shownTraces.spans);
    expect(sent('/v1/metrics').points).toEqual(shownMetrics.points);
  });
});

it('the action folder holds what the runner needs', () => {
  expect(readdirSync(join(ROOT, 'dist', 'telemetry')).sort()).toEqual(expect.arrayContaining(['index.js', 'post.js']));
});
