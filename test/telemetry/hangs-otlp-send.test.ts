import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OtlpRequest } from '../../actions/telemetry/src/export/encode';
import { send } from '../../actions/telemetry/src/export/send';
import { startUnansweringPeers, type UnansweringPeers } from '../services/unanswering-peers';

/**
 * The export's promise is "5 s at most, one retry, never a failed job" (README). A collector that
 * never answers is covered by telemetry.int; these are the ones that answer 200 and then stall, or
 * break off, mid-body: the deadline covers the body too, so each ends as a failed send with a
 * reason (not a success, not a wait on fetch's own 300 s body timeout).
 */
describe('OTLP send to a collector whose answer never completes', () => {
  let peers: UnansweringPeers;
  beforeAll(async () => {
    peers = await startUnansweringPeers();
  });
  afterAll(() => peers.close());

  const request = (path: string): OtlpRequest => {
    const body = new TextEncoder().encode('{"resourceSpans":[]}');
    return {
      signal: 'traces',
      url: `${peers.url}${path}/v1/traces`,
      protocol: 'http/json',
      contentType: 'application/json',
      body,
      wire: body,
      encoding: undefined,
      headers: {},
      json: {},
      readResponse: () => undefined,
    };
  };

  it('a 200 that stalls mid-body is a failed send, retried once, not a wait on the body', async () => {
    const [outcome] = await send([request('/stall')], { budgetMs: 2000, retryPauseMs: 10 });
    expect(outcome).toMatchObject({ signal: 'traces', ok: false, attempts: 2 });
    expect(outcome?.detail).toMatch(/^no answer within \d+\.\d s$/);
  }, 30_000);

  it('a 200 that breaks off mid-body is a failed send with the socket error', async () => {
    const [outcome] = await send([request('/short')], { budgetMs: 2000, retryPauseMs: 10 });
    expect(outcome).toMatchObject({ signal: 'traces', ok: false, attempts: 2 });
    expect(outcome?.detail).toBeTruthy();
    expect(outcome?.detail).not.toMatch(/no answer within/);
  }, 30_000);
});
