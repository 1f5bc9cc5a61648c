import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { TELEMETRY_POLICY_VERSION } from '../../../../shared/telemetry';
import type { JobContext } from '../context';
import type { Level } from '../inputs';
import type { Journal } from '../journal';
import { allowed } from './allowlist';
import { pseudonym } from './identity';
import * as S from './semconv';

/**
 * Turns the job's journal into OpenTelemetry spans and metrics with the SDK, following the
 * CI/CD semantic conventions: the job is one pipeline-run span (the part of the workflow run
 * this job saw), each Paved action run a task span under it, each deployment a `deploy` task
 * span. Every attribute passes through the allowlist of the chosen level.
 */
export interface BuildInput {
  journal: Journal;
  job: JobContext;
  level: Level;
  salt: string | undefined;
  version: string;
  /** Commit time (epoch ms) per deployment index, when known: for the lead time. */
  commitTimes: (number | undefined)[];
  now: number;
}

export interface Telemetry {
  spans: ReadableSpan[];
  metrics: ResourceMetrics;
}

const DURATION_BUCKETS = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 21600];
const LEAD_TIME_BUCKETS = [300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800, 1209600, 2592000];

class OneShotReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export async function buildTelemetry(input: BuildInput): Promise<Telemetry> {
  const { journal, job, level, salt, now } = input;
  const hashed = salt !== undefined;
  const id = (value: string) => (salt !== undefined && value !== '' ? pseudonym(salt, value) : undefined);
  const attrs = (a: Record<string, unknown>) => allowed(a, level, hashed);

  const resource = resourceFromAttributes(
    attrs({
      [S.ATTR_SERVICE_NAME]: 'paved',
      [S.ATTR_SERVICE_VERSION]: input.version,
      [S.ATTR_PAVED_POLICY_VERSION]: TELEMETRY_POLICY_VERSION,
      [S.ATTR_PAVED_LEVEL]: level,
      [S.ATTR_OS_TYPE]: osType(job.runnerOs),
      [S.ATTR_HOST_ARCH]: hostArch(job.runnerArch),
      [S.ATTR_PAVED_RUNNER_ENVIRONMENT]: ['github-hosted', 'self-hosted'].includes(job.runnerEnvironment)
        ? job.runnerEnvironment
        : undefined,
    }),
  );

  const failedRuns = journal.runs.filter((r) => r.outcome === 'failure');
  const failed = failedRuns.length > 0 || journal.deployments.some((d) => d.result === 'failure');
  const result = failed ? S.CICD_PIPELINE_RESULT_VALUE_FAILURE : S.CICD_PIPELINE_RESULT_VALUE_SUCCESS;
  const firstRun = Math.min(...journal.runs.map((r) => r.startedAt), ...journal.deployments.map((d) => d.startedAt));
  const start = Math.min(journal.startedAt ?? firstRun, Number.isFinite(firstRun) ? firstRun : now, now);
  const pipelineName = id(job.workflow);

  // Spans
  const memory = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = tracerProvider.getTracer('paved-telemetry', input.version);
  const pipeline = tracer.startSpan(S.CICD_PIPELINE_ACTION_NAME_VALUE_RUN, {
    kind: SpanKind.SERVER,
    startTime: start,
    attributes: attrs({
      [S.ATTR_CICD_PIPELINE_ACTION_NAME]: S.CICD_PIPELINE_ACTION_NAME_VALUE_RUN,
      [S.ATTR_CICD_PIPELINE_RUN_ID]: job.runId,
      [S.ATTR_CICD_PIPELINE_RESULT]: result,
      [S.ATTR_CICD_PIPELINE_NAME]: pipelineName,
      [S.ATTR_VCS_REPOSITORY_NAME]: id(job.repository),
      [S.ATTR_ENDUSER_PSEUDO_ID]: id(job.actor),
      [S.ATTR_PAVED_RUN_ATTEMPT]: job.runAttempt,
      [S.ATTR_PAVED_TRIGGER]: /^[a-z_]{1,40}$/.test(job.eventName) ? job.eventName : undefined,
      [S.ATTR_VCS_REF_HEAD_TYPE]: job.refType === 'branch' || job.refType === 'tag' ? job.refType : undefined,
      [S.ATTR_ERROR_TYPE]: failedRuns[0]?.errorClass,
    }),
  });
  if (failed) pipeline.setStatus({ code: SpanStatusCode.ERROR });
  const parent = trace.setSpan(context.active(), pipeline);
  for (const run of journal.runs) {
    const span = tracer.startSpan(
      run.action,
      {
        kind: SpanKind.INTERNAL,
        startTime: run.startedAt,
        attributes: attrs({
          [S.ATTR_CICD_PIPELINE_TASK_NAME]: run.action,
          [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: run.outcome,
          [S.ATTR_PAVED_ACTION_VERSION]: run.version,
          [S.ATTR_ERROR_TYPE]: run.errorClass,
        }),
      },
      parent,
    );
    if (run.outcome === 'failure') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(run.startedAt + run.durationMs);
  }
  const deployments = journal.deployments.map((d, i) => {
    const commit = d.commitTimestamp ?? input.commitTimes[i];
    return {
      ...d,
      environment: environmentName(d.environment, level, salt),
      status: d.result === 'success' ? S.DEPLOYMENT_STATUS_VALUE_SUCCEEDED : S.DEPLOYMENT_STATUS_VALUE_FAILED,
      leadTimeS: commit !== undefined && commit <= d.finishedAt ? (d.finishedAt - commit) / 1000 : undefined,
    };
  });
  for (const d of deployments) {
    const span = tracer.startSpan(
      'deploy',
      {
        kind: SpanKind.INTERNAL,
        startTime: d.startedAt,
        attributes: attrs({
          [S.ATTR_CICD_PIPELINE_TASK_NAME]: d.action,
          [S.ATTR_CICD_PIPELINE_TASK_TYPE]: S.CICD_PIPELINE_TASK_TYPE_VALUE_DEPLOY,
          [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: d.result,
          [S.ATTR_DEPLOYMENT_STATUS]: d.status,
          [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: d.environment,
          [S.ATTR_PAVED_DEPLOYMENT_LEAD_TIME]: d.leadTimeS,
        }),
      },
      parent,
    );
    if (d.result === 'failure') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(d.finishedAt);
  }
  pipeline.end(Math.max(now, start));
  await tracerProvider.forceFlush();
  const spans = memory.getFinishedSpans().slice();
  await tracerProvider.shutdown();

  // Metrics
  const reader = new OneShotReader();
  const meterProvider = new MeterProvider({ resource, readers: [reader] });
  const meter = meterProvider.getMeter('paved-telemetry', input.version);
  meter
    .createHistogram(S.METRIC_CICD_PIPELINE_RUN_DURATION, {
      unit: 's',
      description: 'Duration of a pipeline run grouped by pipeline, state and result.',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    })
    .record(
      Math.max(0, now - start) / 1000,
      attrs({
        [S.ATTR_CICD_PIPELINE_NAME]: pipelineName,
        [S.ATTR_CICD_PIPELINE_RUN_STATE]: S.CICD_PIPELINE_RUN_STATE_VALUE_EXECUTING,
        [S.ATTR_CICD_PIPELINE_RESULT]: result,
      }),
    );
  if (failed) {
    meter
      .createCounter(S.METRIC_CICD_PIPELINE_RUN_ERRORS, {
        unit: '{error}',
        description: 'The number of errors encountered in pipeline runs.',
      })
      .add(
        1,
        attrs({
          [S.ATTR_CICD_PIPELINE_NAME]: pipelineName,
          [S.ATTR_ERROR_TYPE]: failedRuns[0]?.errorClass ?? 'DeploymentFailed',
        }),
      );
  }
  if (journal.runs.length > 0) {
    const runDuration = meter.createHistogram(S.METRIC_PAVED_ACTION_RUN_DURATION, {
      unit: 's',
      description: 'Duration of one Paved action run, by action, version and result.',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
    for (const run of journal.runs) {
      runDuration.record(
        run.durationMs / 1000,
        attrs({
          [S.ATTR_CICD_PIPELINE_TASK_NAME]: run.action,
          [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: run.outcome,
          [S.ATTR_PAVED_ACTION_VERSION]: run.version,
          [S.ATTR_ERROR_TYPE]: run.errorClass,
        }),
      );
    }
  }
  if (deployments.length > 0) {
    const count = meter.createCounter(S.METRIC_PAVED_DEPLOYMENT_COUNT, {
      unit: '{deployment}',
      description: 'Deployments by environment and status: deployment frequency and change failure rate (DORA).',
    });
    const lead = meter.createHistogram(S.METRIC_PAVED_DEPLOYMENT_LEAD_TIME, {
      unit: 's',
      description: 'Time from the deployed commit to the end of its deployment: lead time for changes (DORA).',
      advice: { explicitBucketBoundaries: LEAD_TIME_BUCKETS },
    });
    for (const d of deployments) {
      const a = attrs({ [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: d.environment, [S.ATTR_DEPLOYMENT_STATUS]: d.status });
      count.add(1, a);
      if (d.leadTimeS !== undefined) lead.record(d.leadTimeS, a);
    }
  }
  const { resourceMetrics, errors } = await reader.collect();
  await meterProvider.shutdown();
  if (errors.length > 0) throw new AggregateError(errors, 'collecting metrics failed');
  return { spans, metrics: resourceMetrics };
}

/**
 * Environment names are user text (they may name a customer or a project): only the
 * conventions' well-known names go out in clear; others are hashed at `standard` with a
 * salt, and otherwise sent as `other`.
 */
export function environmentName(raw: string | undefined, level: Level, salt: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const lower = raw.trim().toLowerCase();
  if ((S.WELL_KNOWN_ENVIRONMENTS as readonly string[]).includes(lower)) return lower;
  if (level === 'standard' && salt !== undefined) return pseudonym(salt, raw.trim());
  return 'other';
}

function osType(runnerOs: string): string | undefined {
  return { Linux: 'linux', Windows: 'windows', macOS: 'darwin' }[runnerOs];
}

function hostArch(runnerArch: string): string | undefined {
  return { X64: 'amd64', X86: 'x86', ARM64: 'arm64', ARM: 'arm32' }[runnerArch];
}
