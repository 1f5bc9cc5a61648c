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
): Promise<Submitted> {
  const { Octokit } = await import('@octokit/rest');
  const [owner, repo] = context.repository.split('/') as [string, string];
  const body = snapshotBody(graph, context, scanned);
  const octokit = new Octokit({
    auth: token,
    baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    userAgent: 'paved-sbom',
    request: { retries: 0 },
  });
  try {
    const response = await octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
      owner,
      repo,
      ...(body as object),
    } as never);
    const data = response.data as { id?: number; message?: string; result?: string };
    core.info(
      `Dependency snapshot ${data.id ?? ''} accepted (${data.result ?? response.status}${data.message ? `: ${data.message}` : ''})`,
    );
    return {
      id: data.id,
      correlator: (body.job as { correlator: string }).correlator,
      manifests: Object.keys(body.manifests as object).length,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 404
        ? ' (the token needs "contents: write"; on pull requests from forks GitHub gives a read-only token)'
        : '';
    throw new OperationError(
      `dependency submission failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}${hint}`,
    );
  }
}
