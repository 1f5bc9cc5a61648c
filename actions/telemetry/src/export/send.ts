import { VERSION } from '../../../../shared/version';
import type { OtlpRequest, Signal } from './encode';

/**
 * Sends the requests to the user's collector under one bound: telemetry may cost the job at
 * most `budgetMs` (5 s) and never fails it. Each request gets two attempts: the first is given
 * half the budget, so a hanging collector still leaves time for the retry; the retry, after a
 * short pause (or the collector's Retry-After, if it fits), gets what remains.
 *
 * Why not the OTLP exporter classes' own transport: it retries up to five times with 1 s+
 * backoff, which cannot be held to "one retry within 5 s"; and a dry run needs the exact bytes
 * without a socket. The encoding is still the SDK's (see encode.ts); only the POST is ours.
 */
export interface SendOptions {
  budgetMs?: number;
  retryPauseMs?: number;
}

export interface SendOutcome {
  signal: Signal;
  ok: boolean;
  attempts: number;
  durationMs: number;
  /** Why it failed, or what the collector reported rejecting; never contains headers. */
  detail?: string;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export function send(requests: OtlpRequest[], options: SendOptions): Promise<SendOutcome[]> {
  const budget = options.budgetMs ?? 5000;
  const deadline = Date.now() + budget;
  return Promise.all(requests.map((r) => sendOne(r, options, budget, deadline)));
}

async function sendOne(
  request: OtlpRequest,
  options: SendOptions,
  budget: number,
  deadline: number,
): Promise<SendOutcome> {
  const started = Date.now();
  const done = (ok: boolean, attempts: number, detail?: string): SendOutcome => ({
    signal: request.signal,
    ok,
    attempts,
    durationMs: Date.now() - started,
    detail,
  });
  if (!request.url) return done(false, 0, 'no endpoint');
  let detail = '';
  let retryAfterMs: number | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (attempt === 2) {
      const pause = retryAfterMs ?? options.retryPauseMs ?? 200;
      if (Date.now() + pause >= deadline - 50) return done(false, 1, `${detail}; no time left for a retry`);
      await new Promise((r) => setTimeout(r, pause));
    }
    const remaining = deadline - Date.now();
    const timeout = Math.max(1, attempt === 1 ? Math.min(remaining, Math.floor(budget / 2)) : remaining);
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: {
          ...request.headers,
          'Content-Type': request.contentType,
          ...(request.encoding ? { 'Content-Encoding': request.encoding } : {}),
          'User-Agent': `paved-telemetry/${VERSION}`,
        },
        body: request.wire,
        signal: AbortSignal.timeout(timeout),
        redirect: 'error',
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.ok) {
        let partial: ReturnType<OtlpRequest['readResponse']>;
        try {
          partial = request.readResponse(bytes);
        } catch {
          partial = undefined; // A 2xx is a success even when its body is not OTLP.
        }
        return done(
          true,
          attempt,
          partial ? `collector rejected ${partial.rejected} item(s): ${partial.message.slice(0, 200)}` : undefined,
        );
      }
      detail = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!RETRYABLE_STATUS.has(response.status)) return done(false, attempt, detail);
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    } catch (error) {
      detail = describe(error, timeout);
      retryAfterMs = undefined;
    }
  }
  return done(false, 2, detail);
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `no answer within ${(timeoutMs / 1000).toFixed(1)} s`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
