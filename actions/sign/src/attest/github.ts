import { ConfigurationError, OperationError } from '../../../../shared';
import * as core from '../../../../shared/actions-core';
import { Inputs } from '../names';

/**
 * GitHub's attestation store: each keyless attestation bundle is posted to
 * `POST /repos/{owner}/{repo}/attestations` with body `{ "bundle": <Sigstore bundle> }`, exactly as
 * actions/attest does (https://docs.github.com/en/rest/repos/attestations), so `gh attestation verify`
 * and the repository's Attestations page find them. The job needs `permissions: attestations: write`
 * (and `id-token: write` for the keyless signature itself). Octokit gives the retries, the API base
 * URL of GitHub Enterprise Server (GITHUB_API_URL) and the error shapes.
 */
export async function uploadToGitHub(
  bundles: string[],
  token: string,
  env = process.env,
  /** Per request, body included: fetch's own limits are 300 s for the headers and 300 s more for the body. */
  timeoutMs = 60_000,
): Promise<number[]> {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new ConfigurationError(`Input ${Inputs.attest}: github needs GITHUB_REPOSITORY (owner/repo) from the run`, {
      input: Inputs.attest,
    });
  }
  if (!token) {
    throw new ConfigurationError(`Input ${Inputs.attest}: github needs input ${Inputs.githubToken}`, {
      input: Inputs.githubToken,
    });
  }
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({
    auth: token,
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'paved-sign',
    log: { debug: () => undefined, info: () => undefined, warn: core.warning, error: core.warning },
  });
  const ids: number[] = [];
  for (const bundle of bundles) {
    const api = env.GITHUB_API_URL || 'https://api.github.com';
    const deadline = AbortSignal.timeout(timeoutMs);
    let response: { status: number; data: unknown };
    try {
      response = await octokit.request('POST /repos/{owner}/{repo}/attestations', {
        owner,
        repo,
        bundle: JSON.parse(bundle),
        request: { signal: deadline },
      });
    } catch (error) {
      if (deadline.aborted)
        throw new OperationError(
          `Could not store the attestation in ${repository}'s attestations: no answer from ${api} within ${timeoutMs / 1000} s`,
        );
      const status = (error as { status?: number }).status;
      const hint =
        status === 403 || status === 401
          ? '; the job needs "permissions: attestations: write" (and a token for this repository)'
          : status === 404
            ? `; is ${repository} the repository, and are attestations available for it (public, or a plan that includes them)?`
            : '';
      throw new OperationError(
        `Could not store the attestation in ${repository}'s attestations (HTTP ${status ?? '?'}: ${(error as Error).message})${hint}`,
      );
    }
    // Octokit resolves a 2xx whose body broke off (cut short, or stalled past the deadline) with
    // empty data: that is no id, and no proof the attestation was stored.
    const id = (response.data as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'number')
      throw new OperationError(
        `${api} answered HTTP ${response.status} to storing the attestation in ${repository}'s attestations, but its body ${deadline.aborted ? `did not finish within ${timeoutMs / 1000} s` : 'was cut short or holds no attestation id'}: it may not be stored`,
      );
    ids.push(id);
  }
  return ids;
}
