/**
 * The OpenTelemetry attribute and metric names we send. The CI/CD, deployment and VCS names are
 * "incubating" in @opentelemetry/semantic-conventions, whose docs ask consumers to copy them
 * rather than import the incubating entry point (it changes between minor versions, and it
 * would add hundreds of KiB to the bundle); test/telemetry/semconv.test.ts checks every copied
 * name against the package, so a rename upstream fails our tests instead of our users' dashboards.
 */
export const ATTR_SERVICE_NAME = 'service.name';
export const ATTR_SERVICE_VERSION = 'service.version';
export const ATTR_OS_TYPE = 'os.type';
export const ATTR_HOST_ARCH = 'host.arch';
export const ATTR_ERROR_TYPE = 'error.type';

export const ATTR_CICD_PIPELINE_NAME = 'cicd.pipeline.name';
export const ATTR_CICD_PIPELINE_RUN_ID = 'cicd.pipeline.run.id';
export const ATTR_CICD_PIPELINE_RUN_STATE = 'cicd.pipeline.run.state';
export const ATTR_CICD_PIPELINE_RUN_URL_FULL = 'cicd.pipeline.run.url.full';
export const ATTR_CICD_PIPELINE_TASK_RUN_ID = 'cicd.pipeline.task.run.id';
export const ATTR_CICD_PIPELINE_TASK_RUN_URL_FULL = 'cicd.pipeline.task.run.url.full';
export const ATTR_CICD_PIPELINE_RESULT = 'cicd.pipeline.result';
export const ATTR_CICD_PIPELINE_ACTION_NAME = 'cicd.pipeline.action.name';
export const ATTR_CICD_PIPELINE_TASK_NAME = 'cicd.pipeline.task.name';
export const ATTR_CICD_PIPELINE_TASK_RUN_RESULT = 'cicd.pipeline.task.run.result';
export const ATTR_CICD_PIPELINE_TASK_TYPE = 'cicd.pipeline.task.type';
export const ATTR_VCS_REPOSITORY_NAME = 'vcs.repository.name';
export const ATTR_VCS_REF_HEAD_TYPE = 'vcs.ref.head.type';
export const ATTR_ENDUSER_PSEUDO_ID = 'enduser.pseudo.id';
export const ATTR_DEPLOYMENT_ENVIRONMENT_NAME = 'deployment.environment.name';
export const ATTR_DEPLOYMENT_STATUS = 'deployment.status';

export const METRIC_CICD_PIPELINE_RUN_DURATION = 'cicd.pipeline.run.duration';
export const METRIC_CICD_PIPELINE_RUN_ERRORS = 'cicd.pipeline.run.errors';

/** Values from the conventions' enums. */
export const CICD_PIPELINE_ACTION_NAME_VALUE_RUN = 'RUN';
export const CICD_PIPELINE_RUN_STATE_VALUE_EXECUTING = 'executing';
export const CICD_PIPELINE_RESULT_VALUE_SUCCESS = 'success';
export const CICD_PIPELINE_RESULT_VALUE_FAILURE = 'failure';
export const CICD_PIPELINE_RESULT_VALUE_CANCELLATION = 'cancellation';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_SUCCESS = 'success';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_FAILURE = 'failure';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_ERROR = 'error';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_TIMEOUT = 'timeout';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_CANCELLATION = 'cancellation';
export const CICD_PIPELINE_TASK_RUN_RESULT_VALUE_SKIP = 'skip';
export const CICD_PIPELINE_TASK_TYPE_VALUE_DEPLOY = 'deploy';
export const DEPLOYMENT_STATUS_VALUE_SUCCEEDED = 'succeeded';
export const DEPLOYMENT_STATUS_VALUE_FAILED = 'failed';
/** The well-known deployment.environment.name values: the only environment names sent in clear. */
export const WELL_KNOWN_ENVIRONMENTS = ['production', 'staging', 'test', 'development'] as const;

/** Paved's own names, for what the conventions do not cover (yet). */
export const ATTR_PAVED_ACTION_VERSION = 'paved.action.version';
export const ATTR_PAVED_POLICY_VERSION = 'paved.telemetry.policy';
export const ATTR_PAVED_LEVEL = 'paved.telemetry.level';
export const ATTR_PAVED_RUNNER_ENVIRONMENT = 'paved.runner.environment';
export const ATTR_PAVED_RUN_ATTEMPT = 'paved.run.attempt';
export const ATTR_PAVED_TRIGGER = 'paved.trigger';
export const ATTR_PAVED_DEPLOYMENT_LEAD_TIME = 'paved.deployment.lead_time';
export const ATTR_PAVED_DEPLOYMENT_COMMITS = 'paved.deployment.commits';
export const ATTR_PAVED_DEPLOYMENT_CHANGE_FAILURE = 'paved.deployment.change_failure';
export const ATTR_PAVED_DEPLOYMENT_RESTORE_TIME = 'paved.deployment.restore_time';
export const ATTR_PAVED_JOB_QUEUE_TIME = 'paved.job.queue_time';
export const ATTR_PAVED_RUNNER_LABELS = 'paved.runner.labels';
export const ATTR_PAVED_STEP_NUMBER = 'paved.step.number';
export const METRIC_PAVED_JOB_QUEUE_TIME = 'paved.job.queue_time';
export const METRIC_PAVED_DEPLOYMENT_CHANGE_FAILURES = 'paved.deployment.change_failures';
export const METRIC_PAVED_DEPLOYMENT_RESTORE_TIME = 'paved.deployment.restore_time';
export const METRIC_PAVED_ACTION_RUN_DURATION = 'paved.action.run.duration';
export const METRIC_PAVED_DEPLOYMENT_COUNT = 'paved.deployment.count';
export const METRIC_PAVED_DEPLOYMENT_LEAD_TIME = 'paved.deployment.lead_time';
