import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadToGitHub } from '../../actions/sign/src/attest/github';
import { startUnansweringPeers, type UnansweringPeers } from '../services/unanswering-peers';

/**
 * attest: github posts each bundle through Octokit, whose fetch waits 300 s for headers and 300 s
 * more for the body: a GitHub (Enterprise Server) API or proxy that accepts and never answers, or
 * stalls mid-body, held the step 5 to 10 minutes per bundle. Each request now has a deadline
 * covering the body (1 s here, 60 s in the action).
 */
describe('uploadToGitHub against an API that never finishes answering', () => {
  let peers: UnansweringPeers;
  beforeAll(async () => {
    peers = await startUnansweringPeers();
  });
  afterAll(() => peers.close());

  const env = (path: string) => ({ GITHUB_REPOSITORY: 'paved/demo', GITHUB_API_URL: `${peers.url}${path}` });
  const bundle = JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' });

  it('fails with the reason when the API never answers', async () => {
    await expect(uploadToGitHub([bundle], 'tok', env('/silent'), 1000)).rejects.toThrow(
      `Could not store the attestation in paved/demo's attestations: no answer from ${peers.url}/silent within 1 s`,
    );
    expect(peers.seen).toContain('POST /silent/repos/paved/demo/attestations');
  }, 30_000);

  // Octokit resolves a 2xx whose body broke off with empty data: before, that was "stored" with id undefined.
  it('fails with the reason when the API stalls mid-body', async () => {
    await expect(uploadToGitHub([bundle], 'tok', env('/stall'), 1000)).rejects.toThrow(
      `${peers.url}/stall answered HTTP 200 to storing the attestation in paved/demo's attestations, but its body did not finish within 1 s: it may not be stored`,
    );
  }, 30_000);

  it('fails with the reason when the API closes mid-body', async () => {
    await expect(uploadToGitHub([bundle], 'tok', env('/short'), 20_000)).rejects.toThrow(
      `${peers.url}/short answered HTTP 200 to storing the attestation in paved/demo's attestations, but its body was cut short or holds no attestation id: it may not be stored`,
    );
  }, 30_000);
});
