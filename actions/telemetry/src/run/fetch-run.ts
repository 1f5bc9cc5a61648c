import { OperationError } from '../../../../shared/errors';
import { VERSION } from '../../../../shared/version';

/**
 * The workflow run as the Actions API tells it, for `mode: run`: every job of one run attempt
 * with its steps, from "List jobs for a workflow run attempt"
 * (GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs,
 * https://docs.github.com/en/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run-attempt),
 * through Octokit (its pagination follows the Link header). Only the fields below are kept:
 * nothing else of the response (head branch, sha, runner group, workflow name…) goes further.
 */
export interface RunStep {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: number | undefined;
  completedAt: number | undefined;
}

export interface RunJob {
  id: string;
  name: string;
  status: string;
  conclusion: string | null;
  createdAt: number | undefined;
  startedAt: number | undefined;
  completedAt: number | undefined;
  htmlUrl: string | undefined;
  labels: string[];
  runnerName: string | undefined;
  steps: RunStep[];
}

export interface RunTarget {
  owner: string;
  repo: string;
  runId: string;
  attempt: string;
}

const time = (v: unknown): number | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
};
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export async function fetchRunJobs(
  target: RunTarget,
  options: { token: string; apiUrl: string; timeoutMs: number },
): Promise<RunJob[]> {
  const { Octokit } = await import('@octokit/rest');
  // One bound for every page. Kept here to tell a timeout apart: Octokit reports a request that got
  // no answer (timed out, refused) as an HttpError of status 500 without a response.
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: `paved-telemetry/${VERSION}`,
    request: { retries: 0, signal: deadline },
  });
  let jobs: unknown[];
  try {
    jobs = (await octokit.paginate(octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      owner: target.owner,
      repo: target.repo,
      run_id: Number(target.runId),
      attempt_number: Number(target.attempt),
      per_page: 100,
    })) as unknown[];
  } catch (error) {
    const e = error as { name?: string; status?: number; response?: unknown; message?: string };
    const why = deadline.aborted
      ? `no answer within ${(options.timeoutMs / 1000).toFixed(0)} s`
      : e.name !== 'HttpError'
        ? 'its answer is not the list of jobs' // paginate fails on a body of another shape (an HTML page…)
        : !e.response
          ? (e.message ?? String(error))
          : e.status === 403 || e.status === 404
            ? `HTTP ${e.status}: the token cannot read this run's jobs (it needs "actions: read")`
            : `HTTP ${e.status}`;
    throw new OperationError(`the Actions API did not list the run's jobs (${why})`);
  }
  if (!jobs.every((j) => typeof j === 'object' && j !== null && typeof (j as { id?: unknown }).id === 'number')) {
    throw new OperationError("the Actions API did not list the run's jobs (its answer is not the list of jobs)");
  }
  return (jobs as Record<string, unknown>[]).map((j) => ({
    id: String(j.id),
    name: text(j.name),
    status: text(j.status),
    conclusion: typeof j.conclusion === 'string' ? j.conclusion : null,
    createdAt: time(j.created_at),
    startedAt: time(j.started_at),
    completedAt: time(j.completed_at),
    htmlUrl: typeof j.html_url === 'string' ? j.html_url : undefined,
    labels: Array.isArray(j.labels) ? j.labels.filter((l): l is string => typeof l === 'string') : [],
    runnerName: typeof j.runner_name === 'string' ? j.runner_name : undefined,
    steps: (Array.isArray(j.steps) ? (j.steps as Record<string, unknown>[]) : []).map((s) => ({
      number: typeof s.number === 'number' ? s.number : 0,
      name: text(s.name),
      status: text(s.status),
      conclusion: typeof s.conclusion === 'string' ? s.conclusion : null,
      startedAt: time(s.started_at),
      completedAt: time(s.completed_at),
    })),
  }));
}
