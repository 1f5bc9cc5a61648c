import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The telemetry hook of the core library. Every Paved action bundle includes this file, so it
 * must stay free when the user has not consented: it reads environment variables and returns.
 * No file is opened, nothing is imported lazily, no clock beyond what the caller already took.
 *
 * How consent reaches here: the `telemetry` action's main step decides (consent: granted, the
 * current policy version, no DO_NOT_TRACK, no fork PR) and, only then, exports for the rest of
 * the job PAVED_TELEMETRY_POLICY (the data-policy version) and PAVED_TELEMETRY_JOURNAL (a file
 * under RUNNER_TEMP). This file appends one JSON line per event to that journal; the telemetry
 * action's post step reads it at the end of the job and exports it over OTLP. See TELEMETRY.md.
 *
 * API (both are safe to call anywhere, never throw, and cost one env read without consent):
 *
 *   recordActionRun(run: ActionRun)
 *     Called by shared/run-action.ts once per action run. Actions do not call it themselves.
 *     The telemetry action's own runs are not recorded.
 *
 *   recordDeployment(deployment: DeploymentRecord)
 *     For an action that deploys (runbook): call it once per deployment, after it finished,
 *     successful or not. It feeds the DORA metrics: deployment frequency (count per
 *     environment), lead time (finishedAt minus the commit time of the deployed revision) and
 *     change failure rate (result 'failure' among deployments).
 *       recordDeployment({
 *         action: 'runbook',
 *         environment: 'production',      // optional; only well-known names are sent in clear
 *         result: 'success' | 'failure',
 *         startedAt: Date | number,       // epoch ms
 *         finishedAt: Date | number,
 *         commitTimestamp?: Date | number // optional: else the post step reads it from the
 *                                         // event payload (head_commit) or `git show` of GITHUB_SHA
 *       });
 *
 *   nameActionRun(name, { deployment? })
 *     Optional, for an action whose commands are worth telling apart: called once the inputs are
 *     parsed, it names the run that runAction records, `<action>.<command>` (e.g. `db2.upgrade`).
 *     With `deployment: true` the run is also recorded as a deployment (same times and outcome;
 *     its environment is the telemetry step's `environment` input).
 *
 *   telemetryOptOut(env) / journalPath(env)
 *     The gate itself, exported for the telemetry action and tests.
 *
 * Integrity: with consent the telemetry step also exports PAVED_TELEMETRY_KEY, a random per-job
 * key it keeps in its own step state too; each line is signed with HMAC-SHA256 under it, and the
 * export drops lines whose signature does not verify against the state's copy, so a line appended
 * by anything but a Paved step (a script, another tool, a journal restored from elsewhere) is
 * never sent.
 *
 * What is written is only ever: action name, Paved version, times, outcome, error class and,
 * for deployments, the environment name and result. Never messages, paths, inputs or values.
 */

/** Bumped whenever what Paved collects changes, so that existing consents lapse (TELEMETRY.md). */
export const TELEMETRY_POLICY_VERSION = 1;

export const TELEMETRY_ENV = {
  journal: 'PAVED_TELEMETRY_JOURNAL',
  policy: 'PAVED_TELEMETRY_POLICY',
  key: 'PAVED_TELEMETRY_KEY',
} as const;

export interface ActionRun {
  action: string;
  version: string;
  durationMs: number;
  outcome: 'success' | 'failure';
  /** ConfigurationError | OperationError | InternalError: the class only, never the message. */
  errorClass?: string;
}

export interface DeploymentRecord {
  /** The Paved action that deployed, e.g. `runbook`. */
  action?: string;
  /** Deployment environment, e.g. `production`. Sent as-is only for well-known names (TELEMETRY.md). */
  environment?: string;
  result: 'success' | 'failure';
  startedAt: Date | number;
  finishedAt: Date | number;
  /** When the deployed commit was made; the post step finds it when omitted. */
  commitTimestamp?: Date | number;
}

/** One line of the journal. The post step validates each line again before using it. */
export type JournalEntry =
  | { kind: 'job'; policy: number; startedAt: number }
  | {
      kind: 'run';
      action: string;
      version: string;
      startedAt: number;
      durationMs: number;
      outcome: 'success' | 'failure';
      errorClass?: string;
    }
  | {
      kind: 'deployment';
      action: string;
      environment?: string;
      result: 'success' | 'failure';
      startedAt: number;
      finishedAt: number;
      commitTimestamp?: number;
    };

const ERROR_CLASSES = new Set(['ConfigurationError', 'OperationError', 'InternalError']);
/** An action, or an action and its command: `sbom`, `db2.upgrade`. */
const NAME = /^[a-z][a-z0-9-]{0,39}(\.[a-z][a-z0-9-]{0,39})?$/;
const VERSION_TEXT = /^[0-9A-Za-z.+-]{1,40}$/;
const ENVIRONMENT = /^[A-Za-z0-9 _./-]{1,100}$/;

/** Why telemetry is off regardless of consent, or undefined. The user's environment always wins. */
export function telemetryOptOut(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dnt = (env.DO_NOT_TRACK ?? '').trim().toLowerCase();
  // consoledonottrack.com: any value but empty or 0 means "do not track"; we read it generously.
  if (dnt !== '' && dnt !== '0' && dnt !== 'false') return `DO_NOT_TRACK=${env.DO_NOT_TRACK}`;
  const paved = (env.PAVED_TELEMETRY ?? '').trim().toLowerCase();
  if (['off', 'false', '0', 'no', 'disabled'].includes(paved)) return `PAVED_TELEMETRY=${env.PAVED_TELEMETRY}`;
  return undefined;
}

/**
 * The journal to append to, or undefined when nothing may be recorded. The file must lie under
 * RUNNER_TEMP: a variable pointing elsewhere is ignored, so the hook never writes outside the job's
 * scratch space whatever the environment says.
 */
export function journalPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env[TELEMETRY_ENV.journal];
  if (!file) return undefined;
  if (env[TELEMETRY_ENV.policy] !== String(TELEMETRY_POLICY_VERSION)) return undefined;
  if (telemetryOptOut(env) !== undefined) return undefined;
  const temp = env.RUNNER_TEMP;
  if (!temp || !isAbsolute(file)) return undefined;
  const rel = relative(resolve(temp), resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return file;
}

let runName: { name: string; deployment: boolean } | undefined;

export function nameActionRun(name: string, options: { deployment?: boolean } = {}): void {
  runName = { name, deployment: options.deployment === true };
}

export async function recordActionRun(run: ActionRun): Promise<void> {
  const named = runName;
  runName = undefined;
  const file = journalPath();
  // The telemetry action's own steps are the measurement, not the measured.
  if (file === undefined || run.action === 'telemetry') return;
  const action = named?.name.startsWith(`${run.action}.`) ? named.name : run.action;
  append(file, {
    kind: 'run',
    action: NAME.test(action) ? action : 'unknown',
    version: VERSION_TEXT.test(run.version) ? run.version : 'unknown',
    startedAt: Date.now() - Math.max(0, Math.round(run.durationMs)),
    durationMs: Math.max(0, Math.round(run.durationMs)),
    outcome: run.outcome === 'success' ? 'success' : 'failure',
    errorClass:
      run.errorClass === undefined ? undefined : ERROR_CLASSES.has(run.errorClass) ? run.errorClass : 'InternalError',
  });
  if (named?.deployment && action === named.name) {
    const finishedAt = Date.now();
    recordDeployment({
      action,
      result: run.outcome,
      startedAt: finishedAt - Math.max(0, Math.round(run.durationMs)),
      finishedAt,
    });
  }
}

export function recordDeployment(deployment: DeploymentRecord): void {
  const file = journalPath();
  if (file === undefined) return;
  const startedAt = epoch(deployment.startedAt);
  const finishedAt = epoch(deployment.finishedAt);
  if (startedAt === undefined || finishedAt === undefined) return;
  const environment = deployment.environment?.trim();
  append(file, {
    kind: 'deployment',
    action: deployment.action && NAME.test(deployment.action) ? deployment.action : 'unknown',
    environment: environment && ENVIRONMENT.test(environment) ? environment : undefined,
    result: deployment.result === 'success' ? 'success' : 'failure',
    startedAt,
    finishedAt: Math.max(startedAt, finishedAt),
    commitTimestamp: deployment.commitTimestamp === undefined ? undefined : epoch(deployment.commitTimestamp),
  });
}

function epoch(value: Date | number): number | undefined {
  const ms = value instanceof Date ? value.getTime() : value;
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : undefined;
}

/**
 * The journal line: the entry's JSON, signed with the job's key when there is one. The telemetry
 * action also writes lines of its own kinds (any JSON object) through it.
 */
export function journalLine(entry: JournalEntry | Record<string, unknown>, key: string | undefined): string {
  const json = JSON.stringify(entry);
  if (!key) return json;
  const mac = createHmac('sha256', key).update(json).digest('hex');
  return `${json.slice(0, -1)},"mac":"${mac}"}`;
}

function append(file: string, entry: JournalEntry): void {
  try {
    // One short line in a single write: appends from sequential steps never interleave.
    appendFileSync(file, `${journalLine(entry, process.env[TELEMETRY_ENV.key])}\n`, { encoding: 'utf8', mode: 0o600 });
  } catch {
    // Telemetry never breaks an action: a journal that cannot be written is simply not written.
  }
}
