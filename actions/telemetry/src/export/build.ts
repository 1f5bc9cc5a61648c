import {
  type Attributes,
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  type IdGenerator,
  InMemorySpanExporter,
  RandomIdGenerator,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { TELEMETRY_POLICY_VERSION } from '../../../../shared/telemetry';
import type { JobContext } from '../context';
import type { Level } from '../inputs';
import type { Journal } from '../journal';
import type { RunJob } from '../run/fetch-run';
import { jobSpanId, newSpanId, runSpanId, runTraceId, stepSpanId } from '../run/trace-ids';
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
  /** The user's own resource attributes: sent as given, never replacing one Paved sets. */
  userResource?: Record<string, string>;
  level: Level;
  salt: string | undefined;
  version: string;
  /**
   * The deployments with what the post step learnt about them (dora.ts): every commit's time,
   * the environment (theirs or the job's), change failure and restore time from the state file.
   * Defaults to the journal's deployments as recorded.
   */
  deployments?: DeploymentView[];
  /** This job's span id (the main step's choice, in TRACEPARENT); random when unknown. */
  jobSpanId?: string;
  /** mode: run — the workflow run as the Actions API listed it. */
  run?: RunView;
  now: number;
}

export interface DeploymentView {
  action: string;
  environment: string | undefined;
  result: 'success' | 'failure';
  startedAt: number;
  finishedAt: number;
  /** When each commit of the deployment was made (epoch ms), newest first when known. */
  commitTimes: number[];
  changeFailure?: boolean;
  restoreTimeS?: number;
}

export interface RunView {
  runId: string;
  attempt: string;
  /** The run's page, e.g. https://github.com/o/r/actions/runs/1 (sent only hashed). */
  url: string;
  jobs: RunJob[];
  /** The API job that is this job, when it is in this run. */
  currentJobId: string | undefined;
  /** The run's workflow name when it is not this job's (a workflow_run job rebuilds another run). */
  workflow?: string;
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

/** The SDK draws ids from here: the next id is set just before a span that needs a given one. */
class ChosenIds implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  nextTraceId: string | undefined;
  nextSpanId: string | undefined;
  generateTraceId(): string {
    const id = this.nextTraceId ?? this.random.generateTraceId();
    this.nextTraceId = undefined;
    return id;
  }
  generateSpanId(): string {
    const id = this.nextSpanId ?? this.random.generateSpanId();
    this.nextSpanId = undefined;
    return id;
  }
}

export function fromJournal(journal: Journal): DeploymentView[] {
  return journal.deployments.map((d) => ({
    action: d.action,
    environment: d.environment,
    result: d.result,
    startedAt: d.startedAt,
    finishedAt: d.finishedAt,
    commitTimes: d.commitTimestamp === undefined ? [] : [d.commitTimestamp],
  }));
}

export async function buildTelemetry(input: BuildInput): Promise<Telemetry> {
  const { journal, job, level, salt, now } = input;
  const hashed = salt !== undefined;
  const id = (value: string) => (salt !== undefined && value !== '' ? pseudonym(salt, value) : undefined);
  /** Names of jobs and steps: user text, so only at standard, and only hashed. */
  const named = (value: string) => (level === 'standard' ? id(value) : undefined);
  const attrs = (a: Record<string, unknown>) => allowed(a, level, hashed);
  const run = input.run;

  const deployments = (input.deployments ?? fromJournal(journal)).map((d) => {
    const heads = d.commitTimes.filter((c) => c <= d.finishedAt);
    return {
      ...d,
      environmentSent: environmentName(d.environment, level, salt),
      status: d.result === 'success' ? S.DEPLOYMENT_STATUS_VALUE_SUCCEEDED : S.DEPLOYMENT_STATUS_VALUE_FAILED,
      leadTimesS: heads.map((c) => (d.finishedAt - c) / 1000),
      leadTimeS: heads.length > 0 ? (d.finishedAt - Math.max(...heads)) / 1000 : undefined,
    };
  });
  // Series per repository (hashed) and environment: on the resource, so every metric carries them.
  const environments = [...new Set(deployments.map((d) => d.environmentSent).filter((e) => e !== undefined))];
  const resource = resourceFromAttributes({
    ...input.userResource,
    ...attrs({
      [S.ATTR_SERVICE_NAME]: 'paved',
      [S.ATTR_SERVICE_VERSION]: input.version,
      [S.ATTR_PAVED_POLICY_VERSION]: TELEMETRY_POLICY_VERSION,
      [S.ATTR_PAVED_LEVEL]: level,
      [S.ATTR_OS_TYPE]: osType(job.runnerOs),
      [S.ATTR_HOST_ARCH]: hostArch(job.runnerArch),
      [S.ATTR_PAVED_RUNNER_ENVIRONMENT]: ['github-hosted', 'self-hosted'].includes(job.runnerEnvironment)
        ? job.runnerEnvironment
        : undefined,
      [S.ATTR_VCS_REPOSITORY_NAME]: id(job.repository),
      [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: environments.length === 1 ? environments[0] : undefined,
    }),
  });

  const failedRuns = journal.runs.filter((r) => r.outcome === 'failure');
  const failed = failedRuns.length > 0 || deployments.some((d) => d.result === 'failure');
  const result = failed ? S.CICD_PIPELINE_RESULT_VALUE_FAILURE : S.CICD_PIPELINE_RESULT_VALUE_SUCCESS;
  const firstRun = Math.min(...journal.runs.map((r) => r.startedAt), ...deployments.map((d) => d.startedAt));
  const start = Math.min(journal.startedAt ?? firstRun, Number.isFinite(firstRun) ? firstRun : now, now);
  const pipelineName = id(job.workflow);
  const pipelineAttributes = (runId: string, attempt: string, outcome: string) => ({
    [S.ATTR_CICD_PIPELINE_ACTION_NAME]: S.CICD_PIPELINE_ACTION_NAME_VALUE_RUN,
    [S.ATTR_CICD_PIPELINE_RUN_ID]: runId,
    [S.ATTR_CICD_PIPELINE_RESULT]: outcome,
    [S.ATTR_CICD_PIPELINE_NAME]: pipelineName,
    [S.ATTR_VCS_REPOSITORY_NAME]: id(job.repository),
    [S.ATTR_ENDUSER_PSEUDO_ID]: id(job.actor),
    [S.ATTR_PAVED_RUN_ATTEMPT]: attempt,
    [S.ATTR_PAVED_TRIGGER]: /^[a-z_]{1,40}$/.test(job.eventName) ? job.eventName : undefined,
    [S.ATTR_VCS_REF_HEAD_TYPE]: job.refType === 'branch' || job.refType === 'tag' ? job.refType : undefined,
  });

  // Spans
  const memory = new InMemorySpanExporter();
  const ids = new ChosenIds();
  const tracerProvider = new BasicTracerProvider({
    resource,
    idGenerator: ids,
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = tracerProvider.getTracer('paved-telemetry', input.version);
  const jobSpan = input.jobSpanId ?? newSpanId();

  let parent: Context | undefined;
  let closeJob = () => {};
  let endRun = () => {};
  const current = run?.jobs.find((j) => j.id === run.currentJobId);
  if (run) {
    // The whole run: a root span with the run's own ids, a span per job and per step.
    const jobResults = run.jobs.map((j) => taskResult(j.conclusion));
    const runResult =
      failed || jobResults.some((r) => r === 'failure' || r === 'timeout' || r === 'error')
        ? S.CICD_PIPELINE_RESULT_VALUE_FAILURE
        : jobResults.includes('cancellation')
          ? S.CICD_PIPELINE_RESULT_VALUE_CANCELLATION
          : S.CICD_PIPELINE_RESULT_VALUE_SUCCESS;
    const runStart = Math.min(...run.jobs.map((j) => j.createdAt ?? j.startedAt ?? now), start);
    const runEnd = Math.max(now, ...run.jobs.map((j) => j.completedAt ?? 0));
    ids.nextTraceId = runTraceId(run.runId, run.attempt);
    ids.nextSpanId = runSpanId(run.runId, run.attempt);
    const root = tracer.startSpan(S.CICD_PIPELINE_ACTION_NAME_VALUE_RUN, {
      root: true,
      kind: SpanKind.SERVER,
      startTime: runStart,
      attributes: attrs({
        ...pipelineAttributes(run.runId, run.attempt, runResult),
        [S.ATTR_CICD_PIPELINE_NAME]: run.workflow === undefined ? pipelineName : id(run.workflow),
        [S.ATTR_CICD_PIPELINE_RUN_URL_FULL]: level === 'standard' ? id(run.url) : undefined,
        [S.ATTR_ERROR_TYPE]: runResult === S.CICD_PIPELINE_RESULT_VALUE_FAILURE ? runResult : undefined,
      }),
    });
    if (runResult === S.CICD_PIPELINE_RESULT_VALUE_FAILURE) root.setStatus({ code: SpanStatusCode.ERROR });
    const inRun = trace.setSpan(context.active(), root);
    for (const j of run.jobs) {
      const isCurrent = j.id === current?.id;
      const jobStart = j.startedAt ?? j.createdAt ?? runStart;
      const jobResult = taskResult(j.conclusion);
      ids.nextSpanId = isCurrent ? jobSpan : jobSpanId(run.runId, run.attempt, j.id);
      const span = tracer.startSpan(
        'job',
        {
          kind: SpanKind.INTERNAL,
          startTime: jobStart,
          attributes: attrs({
            [S.ATTR_CICD_PIPELINE_TASK_NAME]: named(j.name),
            [S.ATTR_CICD_PIPELINE_TASK_RUN_ID]: j.id,
            [S.ATTR_CICD_PIPELINE_TASK_RUN_URL_FULL]: j.htmlUrl ? named(j.htmlUrl) : undefined,
            [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: isCurrent && failed ? 'failure' : jobResult,
            [S.ATTR_PAVED_JOB_QUEUE_TIME]:
              j.createdAt !== undefined && j.startedAt !== undefined && j.startedAt >= j.createdAt
                ? (j.startedAt - j.createdAt) / 1000
                : undefined,
            [S.ATTR_PAVED_RUNNER_LABELS]: runnerLabels(j.labels, level, salt),
            [S.ATTR_ERROR_TYPE]: jobResult && jobResult !== 'success' && jobResult !== 'skip' ? jobResult : undefined,
          }),
        },
        inRun,
      );
      if (jobResult === 'failure' || jobResult === 'timeout' || jobResult === 'error' || (isCurrent && failed)) {
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      const inJob = trace.setSpan(context.active(), span);
      for (const step of j.steps) {
        if (step.startedAt === undefined) continue; // never ran (skipped before starting, or still queued)
        const stepResult = taskResult(step.conclusion);
        ids.nextSpanId = stepSpanId(run.runId, run.attempt, j.id, step.number);
        const s = tracer.startSpan(
          'step',
          {
            kind: SpanKind.INTERNAL,
            startTime: step.startedAt,
            attributes: attrs({
              [S.ATTR_CICD_PIPELINE_TASK_NAME]: named(step.name),
              [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: stepResult,
              [S.ATTR_PAVED_STEP_NUMBER]: step.number,
              [S.ATTR_ERROR_TYPE]:
                stepResult && stepResult !== 'success' && stepResult !== 'skip' ? stepResult : undefined,
            }),
          },
          inJob,
        );
        if (stepResult === 'failure' || stepResult === 'timeout') s.setStatus({ code: SpanStatusCode.ERROR });
        s.end(Math.max(step.startedAt, step.completedAt ?? now));
      }
      const end = () => span.end(Math.max(jobStart, j.completedAt ?? now));
      if (isCurrent) {
        // This job's spans join its span in the run, which ends with them.
        parent = inJob;
        closeJob = end;
      } else end();
    }
    endRun = () => root.end(runEnd);
  }
  if (!parent) {
    // This job alone (job mode, or the run without it): its own span, under the run's root span id.
    const own = jobModeSpan(
      tracer,
      ids,
      job,
      jobSpan,
      start,
      attrs(pipelineAttributes(job.runId, job.runAttempt, result)),
      failedRuns[0]?.errorClass,
      failed,
    );
    parent = own.context;
    closeJob = () => own.span.end(Math.max(now, start));
  }
  for (const r of journal.runs) {
    const span = tracer.startSpan(
      r.action,
      {
        kind: SpanKind.INTERNAL,
        startTime: r.startedAt,
        attributes: attrs({
          [S.ATTR_CICD_PIPELINE_TASK_NAME]: r.action,
          [S.ATTR_CICD_PIPELINE_TASK_RUN_RESULT]: r.outcome,
          [S.ATTR_PAVED_ACTION_VERSION]: r.version,
          [S.ATTR_ERROR_TYPE]: r.errorClass,
        }),
      },
      parent,
    );
    if (r.outcome === 'failure') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(r.startedAt + r.durationMs);
  }
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
          [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: d.environmentSent,
          [S.ATTR_PAVED_DEPLOYMENT_LEAD_TIME]: d.leadTimeS,
          [S.ATTR_PAVED_DEPLOYMENT_COMMITS]: d.leadTimesS.length > 0 ? d.leadTimesS.length : undefined,
          [S.ATTR_PAVED_DEPLOYMENT_CHANGE_FAILURE]: d.changeFailure,
          [S.ATTR_PAVED_DEPLOYMENT_RESTORE_TIME]: d.restoreTimeS,
        }),
      },
      parent,
    );
    if (d.result === 'failure') span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(d.finishedAt);
  }
  closeJob();
  endRun();
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
  // DORA: a deployment counts only when it names an environment (its own, or the job's input).
  const counted = deployments.filter((d) => d.environmentSent !== undefined);
  if (counted.length > 0) {
    const count = meter.createCounter(S.METRIC_PAVED_DEPLOYMENT_COUNT, {
      unit: '{deployment}',
      description: 'Deployments by environment and status: deployment frequency and change failure rate (DORA).',
    });
    const lead = meter.createHistogram(S.METRIC_PAVED_DEPLOYMENT_LEAD_TIME, {
      unit: 's',
      description: 'Time from each commit of a deployment to the end of that deployment: lead time for changes (DORA).',
      advice: { explicitBucketBoundaries: LEAD_TIME_BUCKETS },
    });
    const changeFailures = meter.createCounter(S.METRIC_PAVED_DEPLOYMENT_CHANGE_FAILURES, {
      unit: '{deployment}',
      description: 'Deployments that broke a healthy environment (from the state file): change failure rate (DORA).',
    });
    const restore = meter.createHistogram(S.METRIC_PAVED_DEPLOYMENT_RESTORE_TIME, {
      unit: 's',
      description:
        'From the first failed deployment to the next successful one (from the state file): time to restore (DORA).',
      advice: { explicitBucketBoundaries: LEAD_TIME_BUCKETS },
    });
    for (const d of counted) {
      const a = attrs({
        [S.ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: d.environmentSent,
        [S.ATTR_DEPLOYMENT_STATUS]: d.status,
      });
      count.add(1, a);
      for (const t of d.leadTimesS) lead.record(t, a);
      if (d.changeFailure !== undefined) changeFailures.add(d.changeFailure ? 1 : 0, a);
      if (d.restoreTimeS !== undefined) restore.record(d.restoreTimeS, a);
    }
  }
  if (run) {
    const queue = meter.createHistogram(S.METRIC_PAVED_JOB_QUEUE_TIME, {
      unit: 's',
      description: 'Time each job of the run waited for a runner (mode: run).',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
    for (const j of run.jobs) {
      if (j.createdAt === undefined || j.startedAt === undefined || j.startedAt < j.createdAt) continue;
      queue.record(
        (j.startedAt - j.createdAt) / 1000,
        attrs({ [S.ATTR_PAVED_RUNNER_LABELS]: runnerLabels(j.labels, level, salt) }),
      );
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

function jobModeSpan(
  tracer: Tracer,
  ids: ChosenIds,
  job: JobContext,
  spanId: string,
  start: number,
  attributes: Attributes,
  errorClass: string | undefined,
  failed: boolean,
): { span: Span; context: Context } {
  // The part of the run this job saw, a child of the run's root span (sent by mode: run, if any job uses it).
  const runContext = trace.setSpanContext(context.active(), {
    traceId: runTraceId(job.runId, job.runAttempt),
    spanId: runSpanId(job.runId, job.runAttempt),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
  ids.nextSpanId = spanId;
  const span = tracer.startSpan(
    S.CICD_PIPELINE_ACTION_NAME_VALUE_RUN,
    {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: errorClass ? { ...attributes, [S.ATTR_ERROR_TYPE]: errorClass } : attributes,
    },
    runContext,
  );
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  return { span, context: trace.setSpan(context.active(), span) };
}

/** A job's or step's conclusion (Actions API) as cicd.pipeline.task.run.result; undefined while running. */
export function taskResult(conclusion: string | null): string | undefined {
  switch (conclusion) {
    case 'success':
    case 'neutral':
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_SUCCESS;
    case 'failure':
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_FAILURE;
    case 'cancelled':
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_CANCELLATION;
    case 'skipped':
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_SKIP;
    case 'timed_out':
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_TIMEOUT;
    case null:
      return undefined;
    default:
      return S.CICD_PIPELINE_TASK_RUN_RESULT_VALUE_ERROR; // action_required, stale, …
  }
}

/**
 * Runner labels: GitHub's own (hosted images, self-hosted, OS, architecture) in clear; any other
 * label is the user's text (it may name a team or a machine), hashed with the salt, else `other`.
 */
const GITHUB_LABEL =
  /^(self-hosted|linux|windows|macos|x64|arm64|arm|ubuntu-(latest|\d{2}\.\d{2})(-arm)?|ubuntu-slim|windows-(latest|\d{4}|11)(-arm)?|macos-(latest|\d{2})(-(large|xlarge|intel))?)$/i;

export function runnerLabels(labels: string[], level: Level, salt: string | undefined): string | undefined {
  if (labels.length === 0) return undefined;
  return labels
    .map((l) => (GITHUB_LABEL.test(l) ? l.toLowerCase() : level === 'standard' && salt ? pseudonym(salt, l) : 'other'))
    .join(',');
}

function osType(runnerOs: string): string | undefined {
  return { Linux: 'linux', Windows: 'windows', macOS: 'darwin' }[runnerOs];
}

function hostArch(runnerArch: string): string | undefined {
  return { X64: 'amd64', X86: 'x86', ARM64: 'arm64', ARM: 'arm32' }[runnerArch];
}
