import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { type Receiver, startReceiver } from './receiver';

/**
 * What a test job must not inherit from the machine the tests run on: the opt-outs, an enclosing
 * job's telemetry variables, and any OTEL_* exporter setting (they would change where and how the
 * bundle exports). Spread it before the test's own variables.
 */
export function cleanTelemetryEnv(): Record<string, undefined> {
  return {
    DO_NOT_TRACK: undefined,
    PAVED_TELEMETRY: undefined,
    PAVED_TELEMETRY_JOURNAL: undefined,
    PAVED_TELEMETRY_POLICY: undefined,
    PAVED_TELEMETRY_KEY: undefined,
    TRACEPARENT: undefined,
    ...Object.fromEntries(
      Object.keys(process.env)
        .filter((k) => k.startsWith('OTEL_'))
        .map((k) => [k, undefined]),
    ),
  };
}

/**
 * Runs `fn` in this process as a later step of the job would: with the variables the telemetry
 * main step exported, so the core hook (shared/telemetry.ts) journals and signs as in an action.
 */
export async function asJobStep(runnerTemp: string, jobEnv: Record<string, string>, fn: () => unknown): Promise<void> {
  vi.stubEnv('RUNNER_TEMP', runnerTemp);
  for (const [k, v] of Object.entries(jobEnv)) vi.stubEnv(k, v);
  vi.stubEnv('DO_NOT_TRACK', '');
  vi.stubEnv('PAVED_TELEMETRY', '');
  try {
    await fn();
  } finally {
    vi.unstubAllEnvs();
  }
}

/** What an integration file of the area works with; the fields are set before each test. */
export interface TelemetryJob {
  /** One real OTLP/HTTP receiver on loopback for the whole file, cleared (and answering) before each test. */
  receiver: Receiver;
  /** The job's RUNNER_TEMP, fresh for each test. */
  temp: string;
  /** The job's workspace, fresh for each test. */
  work: string;
}

/**
 * Registers the hooks every integration file of the area shares: the receiver is started once and
 * closed after the file; each test gets its own RUNNER_TEMP and workspace (mkdtemp, removed after it)
 * and no environment stub outlives it.
 */
export function useTelemetryJob(name: string): TelemetryJob {
  const t = {} as TelemetryJob;
  beforeAll(async () => {
    t.receiver = await startReceiver();
  });
  afterAll(async () => {
    await t.receiver?.close();
  });
  beforeEach(() => {
    t.receiver.requests.length = 0;
    t.receiver.mode = 'ok';
    t.temp = mkdtempSync(join(tmpdir(), `paved-${name}-temp-`));
    t.work = mkdtempSync(join(tmpdir(), `paved-${name}-work-`));
  });
  afterEach(() => {
    rmSync(t.temp, { recursive: true, force: true });
    rmSync(t.work, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });
  return t;
}
