import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import { describe, expect, it } from 'vitest';
import type { JobContext } from '../../actions/telemetry/src/context';
import { ALLOWLIST, allowed } from '../../actions/telemetry/src/export/allowlist';
import { buildTelemetry, environmentName, runnerLabels, taskResult } from '../../actions/telemetry/src/export/build';
import { encode } from '../../actions/telemetry/src/export/encode';
import { receiptRows } from '../../actions/telemetry/src/export/receipt';
import * as S from '../../actions/telemetry/src/export/semconv';
import type { Journal } from '../../actions/telemetry/src/journal';
import { ROOT } from '../harness';
import { decodeRequest, pointsOf, spansOf } from './receiver';

describe('semantic conventions', () => {
  it('every copied name equals the one in @opentelemetry/semantic-conventions', () => {
    const upstream = incubating as unknown as Record<string, string>;
    for (const [name, value] of Object.entries(S)) {
      if (name.includes('PAVED') || name === 'WELL_KNOWN_ENVIRONMENTS') continue;
      expect(upstream[name], name).toBe(value);
    }
    expect([...S.WELL_KNOWN_ENVIRONMENTS].sort()).toEqual(
      [
        incubating.DEPLOYMENT_ENVIRONMENT_NAME_VALUE_PRODUCTION,
        incubating.DEPLOYMENT_ENVIRONMENT_NAME_VALUE_STAGING,
        incubating.DEPLOYMENT_ENVIRONMENT_NAME_VALUE_TEST,
        incubating.DEPLOYMENT_ENVIRONMENT_NAME_VALUE_DEVELOPMENT,
      ].sort(),
    );
  });
});

describe('allowlist', () => {
  it('minimal holds no identity, and identities need a salt', () => {
    for (const [key, rule] of Object.entries(ALLOWLIST)) if (rule.identity) expect(rule.level, key).toBe('standard');
    const candidate = { [S.ATTR_CICD_PIPELINE_NAME]: 'x', [S.ATTR_OS_TYPE]: 'linux', 'user.email': 'a@b', ok: 1 };
    expect(allowed(candidate, 'minimal', true)).toEqual({});
    expect(allowed(candidate, 'standard', false)).toEqual({ [S.ATTR_OS_TYPE]: 'linux' });
    expect(allowed(candidate, 'standard', true)).toEqual({
      [S.ATTR_CICD_PIPELINE_NAME]: 'x',
      [S.ATTR_OS_TYPE]: 'linux',
    });
  });

  it('TELEMETRY.md documents every attribute that can be sent, at its level', () => {
    const doc = readFileSync(join(ROOT, 'TELEMETRY.md'), 'utf8');
    for (const [key, rule] of Object.entries(ALLOWLIST)) {
      expect(doc, key).toMatch(new RegExp(`\\| \`${key.replace(/\./g, '\\.')}\` \\| ${rule.level} \\|`));
    }
  });
});

describe('TELEMETRY.md', () => {
  it('lists every metric, with its level', () => {
    const doc = readFileSync(join(ROOT, 'TELEMETRY.md'), 'utf8');
    const metrics = Object.entries(S).filter(([name]) => name.startsWith('METRIC_'));
    expect(metrics.length).toBeGreaterThan(5);
    for (const [, metric] of metrics) {
      expect(doc, String(metric)).toMatch(
        new RegExp(`\\| \`${String(metric).replace(/\./g, '\\.')}\` \\| (minimal|standard) \\|`),
      );
    }
  });
});

const job: JobContext = {
  runId: '42',
  runAttempt: '1',
  repository: 'org/repo',
  workflow: 'CI',
  actor: 'someone',
  job: 'build',
  eventName: 'push',
  refType: 'branch',
  sha: '',
  workspace: '',
  eventPath: '',
  runnerOs: 'Linux',
  runnerArch: 'ARM64',
  runnerEnvironment: 'self-hosted',
  runnerName: 'runner-1',
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com',
};

const now = 1_800_000_000_000;
const journal: Journal = {
  startedAt: now - 60_000,
  skipped: 0,
  unsigned: 0,
  runs: [
    { kind: 'run', action: 'sbom', version: '0.1.0', startedAt: now - 50_000, durationMs: 2_000, outcome: 'success' },
    {
      kind: 'run',
      action: 'runbook',
      version: '0.1.0',
      startedAt: now - 40_000,
      durationMs: 30_000,
      outcome: 'failure',
      errorClass: 'OperationError',
    },
  ],
  deployments: [
    {
      kind: 'deployment',
      action: 'runbook',
      environment: 'eu-customer-x',
      result: 'failure',
      startedAt: now - 40_000,
      finishedAt: now - 10_000,
      commitTimestamp: now - 3_600_000,
    },
  ],
};

describe('the payload', () => {
  it('a failed deployment makes a failed pipeline, an error metric and a lead time; both encodings agree', async () => {
    const telemetry = await buildTelemetry({
      journal,
      job,
      level: 'standard',
      salt: undefined,
      version: '0.1.0',
      now,
    });
    const requests = encode(telemetry, undefined);
    const traces = decodeRequest('/v1/traces', 'application/x-protobuf', Buffer.from(requests[0]?.body ?? []));
    const spans = spansOf(traces);
    const json = spansOf(requests[0]?.json ?? {});
    expect(spans.map((s) => [s.name, s.attributes])).toEqual(json.map((s) => [s.name, s.attributes]));
    const root = spans.find((s) => s.name === 'RUN');
    expect(root?.attributes['cicd.pipeline.result']).toBe('failure');
    expect(root?.attributes['error.type']).toBe('OperationError');
    expect(root?.statusCode).toBe(2);
    expect(root?.resource).toMatchObject({ 'host.arch': 'arm64', 'paved.runner.environment': 'self-hosted' });
    const deploy = spans.find((s) => s.name === 'deploy');
    expect(deploy?.attributes['deployment.status']).toBe('failed');
    // Not a well-known name and no salt: the name stays home.
    expect(deploy?.attributes['deployment.environment.name']).toBe('other');
    expect(Number(deploy?.attributes['paved.deployment.lead_time'])).toBe(3590);
    const points = pointsOf(
      decodeRequest('/v1/metrics', 'application/x-protobuf', Buffer.from(requests[1]?.body ?? [])),
    );
    expect(points.find((p) => p.metric === 'cicd.pipeline.run.errors')?.attributes['error.type']).toBe(
      'OperationError',
    );
    expect(points.filter((p) => p.metric === 'paved.action.run.duration')).toHaveLength(2);
    // The receipt lists exactly the attributes in the request.
    const rows = receiptRows(requests);
    const listed = rows.filter((r) => r.signal === 'span').length;
    expect(listed).toBe(spans.reduce((n, s) => n + Object.keys(s.attributes).length, 0));
  });

  it('environment names: well-known in clear, others hashed (standard + salt) or "other"', () => {
    expect(environmentName('Production', 'minimal', undefined)).toBe('production');
    expect(environmentName('eu-customer-x', 'minimal', 'a-long-enough-salt')).toBe('other');
    expect(environmentName('eu-customer-x', 'standard', 'a-long-enough-salt')).toMatch(/^[0-9a-f]{64}$/);
    expect(environmentName(undefined, 'standard', undefined)).toBeUndefined();
  });
});

describe('mode run values', () => {
  it('maps every Actions API conclusion to a CI/CD task result', () => {
    expect(
      ['success', 'neutral', 'failure', 'cancelled', 'skipped', 'timed_out', 'action_required', null].map(taskResult),
    ).toEqual(['success', 'success', 'failure', 'cancellation', 'skip', 'timeout', 'error', undefined]);
  });

  it("runner labels: GitHub's own in clear, the user's hashed at standard with a salt, else other", () => {
    const labels = ['ubuntu-24.04', 'windows-2025', 'macos-15-xlarge', 'self-hosted', 'ARM64', 'ubuntu-acme-prod'];
    expect(runnerLabels(labels, 'minimal', undefined)).toBe(
      'ubuntu-24.04,windows-2025,macos-15-xlarge,self-hosted,arm64,other',
    );
    expect(runnerLabels(['gpu-pool'], 'standard', 'a-long-enough-salt!')).toMatch(/^[0-9a-f]{64}$/);
    expect(runnerLabels([], 'standard', undefined)).toBeUndefined();
  });
});
