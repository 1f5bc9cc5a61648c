import { vi } from 'vitest';

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
