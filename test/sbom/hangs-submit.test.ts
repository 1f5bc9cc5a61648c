import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SbomGraph } from '../../actions/sbom/src/model/types';
import { submitSnapshot } from '../../actions/sbom/src/submit/submit';
import { startUnansweringPeers, type UnansweringPeers } from '../services/unanswering-peers';

/**
 * submit posts the dependency snapshot through Octokit, whose fetch waits 300 s for headers and
 * 300 s more for the body: a GitHub (Enterprise Server) API or proxy that accepts and never
 * answers, or stalls mid-body, held the step 5 to 10 minutes. The request now has a deadline
 * covering the body (1 s here, 60 s in the action).
 */
describe('submitSnapshot against an API that never finishes answering', () => {
  let peers: UnansweringPeers;
  const saved = process.env.GITHUB_API_URL;
  beforeAll(async () => {
    peers = await startUnansweringPeers();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = saved;
    await peers.close();
  });

  const graph: SbomGraph = {
    root: { name: 'shop', version: '1.0.0' },
    components: [],
    dependencies: new Map(),
    sources: [],
    warnings: [],
  };
  const job = {
    repository: 'acme/shop',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    runId: '1',
    workflow: 'ci',
    job: 'sbom',
    serverUrl: 'https://github.com',
    path: '.',
  };

  it('fails with the reason when the API never answers', async () => {
    process.env.GITHUB_API_URL = `${peers.url}/silent`;
    await expect(submitSnapshot(graph, job, 'tok', '2026-01-01T00:00:00Z', 1000)).rejects.toThrow(
      `dependency submission failed: no answer from ${peers.url}/silent within 1 s`,
    );
    expect(peers.seen).toContain('POST /silent/repos/acme/shop/dependency-graph/snapshots');
  }, 30_000);

  // Octokit resolves a 2xx whose body broke off with text: before, that was "accepted".
  it('fails with the reason when the API stalls mid-body', async () => {
    process.env.GITHUB_API_URL = `${peers.url}/stall`;
    await expect(submitSnapshot(graph, job, 'tok', '2026-01-01T00:00:00Z', 1000)).rejects.toThrow(
      `dependency submission failed: ${peers.url}/stall answered HTTP 200 but its body did not finish within 1 s`,
    );
  }, 30_000);

  it('fails with the reason when the API closes mid-body', async () => {
    process.env.GITHUB_API_URL = `${peers.url}/short`;
    await expect(submitSnapshot(graph, job, 'tok', '2026-01-01T00:00:00Z', 20_000)).rejects.toThrow(
      `dependency submission failed: ${peers.url}/short answered HTTP 200 but its body was cut short or is not JSON`,
    );
  }, 30_000);
});
