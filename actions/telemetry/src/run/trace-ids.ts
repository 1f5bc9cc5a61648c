import { createHash, randomBytes } from 'node:crypto';

/**
 * One trace per workflow run attempt, without any coordination between its jobs: every job
 * derives the same W3C trace id (32 lower-case hex digits) and the same root span id (16) from
 * the run id and attempt, so the spans each job's telemetry step sends, the whole-run spans of
 * `mode: run`, and whatever user tools add through TRACEPARENT land in one trace.
 * (https://www.w3.org/TR/trace-context/#traceparent-header: version 00, trace-id, parent-id,
 * trace-flags 01 = sampled; all-zero ids are invalid.)
 */
const hex = (label: string, length: number): string => {
  const digest = createHash('sha256').update(`paved-telemetry/${label}`).digest('hex').slice(0, length);
  return /^0+$/.test(digest) ? `${'0'.repeat(length - 1)}1` : digest;
};

export const runTraceId = (runId: string, attempt: string): string => hex(`trace/${runId}/${attempt || '1'}`, 32);
export const runSpanId = (runId: string, attempt: string): string => hex(`run/${runId}/${attempt || '1'}`, 16);
/** A job of the run as the API lists it (its numeric id), and one of its steps. */
export const jobSpanId = (runId: string, attempt: string, jobId: string): string =>
  hex(`job/${runId}/${attempt || '1'}/${jobId}`, 16);
export const stepSpanId = (runId: string, attempt: string, jobId: string, step: number): string =>
  hex(`step/${runId}/${attempt || '1'}/${jobId}/${step}`, 16);

/** This job's span: chosen by the main step (the job's API id is not known to it), kept in its state. */
export const newSpanId = (): string => {
  const id = randomBytes(8).toString('hex');
  return /^0+$/.test(id) ? newSpanId() : id;
};

export const traceparent = (traceId: string, spanId: string): string => `00-${traceId}-${spanId}-01`;
