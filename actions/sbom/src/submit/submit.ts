import * as core from '../../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import type { SbomGraph } from '../model/types';
import { Inputs } from '../names';
import { type JobContext, snapshotBody } from './snapshot';

export interface Submitted {
  id: number | undefined;
  correlator: string;
  manifests: number;
}

/** The runner's environment for the snapshot; checked before anything is generated. */
export function jobContext(path: string, matrix: string | undefined): JobContext {
  const env = process.env;
  const missing = [
    'GITHUB_REPOSITORY',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_RUN_ID',
    'GITHUB_WORKFLOW',
    'GITHUB_JOB',
  ].filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Input ${Inputs.submit}: needs the GitHub Actions environment; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      {
        input: Inputs.submit,
      },
    );
  }
  return {
    repository: env.GITHUB_REPOSITORY as string,
    sha: env.GITHUB_SHA as string,
    ref: env.GITHUB_REF as string,
    runId: env.GITHUB_RUN_ID as string,
    workflow: env.GITHUB_WORKFLOW as string,
    job: env.GITHUB_JOB as string,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    actionRepository: env.GITHUB_ACTION_REPOSITORY || undefined,
    matrix,
    path,
  };
}

/** POST /repos/{owner}/{repo}/dependency-graph/snapshots through Octokit (loaded only when submitting). */
export async function submitSnapshot(
  graph: SbomGraph,
  context: JobContext,
  token: string,
  scanned: string,
  /** Body included: fetch's own limits are 300 s for the headers and 300 s more for the body. */
  timeoutMs = 60_000,
): Promise<Submitted> {
  const { Octokit } = await import('@octokit/rest');
  const [owner, repo] = context.repository.split('/') as [string, string];
  const body = snapshotBody(graph, context, scanned);
  const api = process.env.GITHUB_API_URL || 'https://api.github.com';
  const octokit = new Octokit({ auth: token, baseUrl: api, userAgent: 'paved-sbom', request: { retries: 0 } });
  const deadline = AbortSignal.timeout(timeoutMs);
  let response: { status: number; data: unknown };
  try {
    response = await octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
      owner,
      repo,
      ...(body as object),
      request: { signal: deadline },
    } as never);
  } catch (error) {
    if (deadline.aborted)
      throw new OperationError(`dependency submission failed: no answer from ${api} within ${timeoutMs / 1000} s`);
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 404
        ? ' (the token needs "contents: write"; on pull requests from forks GitHub gives a read-only token)'
        : '';
    throw new OperationError(
      `dependency submission failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}${hint}`,
    );
  }
  // Octokit resolves a 2xx whose body broke off (cut short, or stalled past the deadline) with
  // text instead of the JSON answer: no proof the snapshot was accepted.
  if (typeof response.data !== 'object' || response.data === null)
    throw new OperationError(
      `dependency submission failed: ${api} answered HTTP ${response.status} but its body ${deadline.aborted ? `did not finish within ${timeoutMs / 1000} s` : 'was cut short or is not JSON'}`,
    );
  const data = response.data as { id?: number; message?: string; result?: string };
  core.info(
    `Dependency snapshot ${data.id ?? ''} accepted (${data.result ?? response.status}${data.message ? `: ${data.message}` : ''})`,
  );
  return {
    id: data.id,
    correlator: (body.job as { correlator: string }).correlator,
    manifests: Object.keys(body.manifests as object).length,
  };
}
