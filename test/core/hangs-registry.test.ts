import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../shared/errors';
import { RegistryClient } from '../../shared/oci/client';
import { parseReference } from '../../shared/oci/reference';
import { startUnansweringPeers, type UnansweringPeers } from '../services/unanswering-peers';

/**
 * A registry whose manifest answer never finishes: headers then silence, or headers then a closed
 * connection. The request's deadline covers the body, so neither hangs; each must fail as the
 * registry's fault, naming it (not as an internal error with a stack trace).
 */
describe('registry manifests whose body never completes', () => {
  let peers: UnansweringPeers;
  let registry: string;
  beforeAll(async () => {
    peers = await startUnansweringPeers();
    registry = peers.url.replace('http://', '');
  });
  afterAll(() => peers.close());

  const read = (repository: string, timeoutMs: number) =>
    new RegistryClient(registry, { timeoutMs }).getRaw(parseReference(`${registry}/${repository}:1`));

  it('fails naming the registry when it never answers', async () => {
    await expect(read('silent/app', 1000)).rejects.toThrow(
      `Registry ${registry} did not answer GET ${registry}/silent/app:1 within 1 s`,
    );
  }, 30_000);

  it('fails naming the registry when it stalls mid-body', async () => {
    const failure = await read('stall/app', 1000).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OperationError);
    expect((failure as Error).message).toBe(
      `Registry ${registry} stopped sending the manifest of ${registry}/stall/app:1: the answer did not finish within 1 s`,
    );
  }, 30_000);

  it('fails naming the registry when it closes mid-body', async () => {
    const failure = await read('short/app', 20_000).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OperationError);
    expect((failure as Error).message).toMatch(
      new RegExp(`^Registry ${registry} broke off the manifest of ${registry}/short/app:1 \\(.+\\)$`),
    );
  }, 30_000);
});
