import { readFileSync } from 'node:fs';

/** What the runner tells us about the job, read once from the environment. */
export interface JobContext {
  runId: string;
  runAttempt: string;
  repository: string;
  workflow: string;
  actor: string;
  job: string;
  eventName: string;
  refType: string;
  sha: string;
  workspace: string;
  eventPath: string;
  runnerOs: string;
  runnerArch: string;
  runnerEnvironment: string;
  runnerName: string;
  apiUrl: string;
  serverUrl: string;
}

export function jobContext(env: NodeJS.ProcessEnv = process.env): JobContext {
  const get = (name: string) => (env[name] ?? '').trim();
  return {
    runId: get('GITHUB_RUN_ID'),
    runAttempt: get('GITHUB_RUN_ATTEMPT'),
    repository: get('GITHUB_REPOSITORY'),
    workflow: get('GITHUB_WORKFLOW'),
    actor: get('GITHUB_ACTOR'),
    job: get('GITHUB_JOB'),
    eventName: get('GITHUB_EVENT_NAME'),
    refType: get('GITHUB_REF_TYPE'),
    sha: get('GITHUB_SHA'),
    workspace: get('GITHUB_WORKSPACE'),
    eventPath: get('GITHUB_EVENT_PATH'),
    runnerOs: get('RUNNER_OS'),
    runnerArch: get('RUNNER_ARCH'),
    runnerEnvironment: get('RUNNER_ENVIRONMENT'),
    runnerName: get('RUNNER_NAME'),
    apiUrl: get('GITHUB_API_URL') || 'https://api.github.com',
    serverUrl: get('GITHUB_SERVER_URL') || 'https://github.com',
  };
}

/** The webhook payload of the triggering event, or undefined when there is none or it is unreadable. */
export function readEvent(path: string): Record<string, unknown> | undefined {
  if (!path) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

type Json = Record<string, unknown> | undefined;
const obj = (v: unknown): Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * True when the run comes from a fork's pull request: the contributor never consented for the
 * base repository's telemetry, so it is always off. Unknown means fork: a pull-request event
 * whose payload cannot be read is treated as one (fail closed).
 */
export function isForkPullRequest(eventName: string, payload: Json): boolean {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const pr = obj(payload?.pull_request);
    if (!pr) return true;
    const head = obj(obj(pr.head)?.repo);
    const base = obj(obj(pr.base)?.repo);
    if (!head || !base) return true; // the fork was deleted: head.repo is null
    return head.fork === true || head.full_name !== base.full_name;
  }
  if (eventName === 'workflow_run') {
    // A workflow_run triggered by a fork's pull request runs with the base repository's
    // secrets but on the fork's code and author: also off.
    const run = obj(payload?.workflow_run);
    const headRepo = obj(run?.head_repository);
    const repo = obj(payload?.repository);
    if (!run || !headRepo || !repo) return false;
    return headRepo.fork === true || headRepo.full_name !== repo.full_name;
  }
  return false;
}

/**
 * The run that mode: run rebuilds: the triggering run of a `workflow_run` job, else this job's own.
 */
export function targetRun(
  job: JobContext,
): { owner: string; repo: string; runId: string; attempt: string } | undefined {
  let repository = job.repository;
  let runId = job.runId;
  let attempt = job.runAttempt || '1';
  if (job.eventName === 'workflow_run') {
    const event = readEvent(job.eventPath);
    const run = obj(event?.workflow_run);
    const repo = obj(run?.repository);
    if (run && typeof run.id === 'number') {
      runId = String(run.id);
      attempt = typeof run.run_attempt === 'number' ? String(run.run_attempt) : '1';
      if (repo && typeof repo.full_name === 'string') repository = repo.full_name;
    }
  }
  const [owner, repo] = repository.split('/');
  if (!owner || !repo || !/^\d+$/.test(runId) || !/^\d+$/.test(attempt)) return undefined;
  return { owner, repo, runId, attempt };
}
