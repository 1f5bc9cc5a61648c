import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from '../../../shared/errors';
import { type JournalEntry, journalLine, journalPath, TELEMETRY_POLICY_VERSION } from '../../../shared/telemetry';

/**
 * The job-local journal the core hook appends to: one JSON line per action run or deployment,
 * under RUNNER_TEMP (which the runner empties between jobs), readable by this user only.
 */
export function openJournal(
  key: string,
  env: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): { file: string; created: boolean } {
  // A second telemetry step in the same job keeps the first one's journal: one job, one export.
  const existing = journalPath(env);
  if (existing && existsSync(existing)) return { file: existing, created: false };
  const temp = env.RUNNER_TEMP;
  if (!temp) {
    throw new ConfigurationError('RUNNER_TEMP is not set: the telemetry action must run on a GitHub Actions runner');
  }
  const dir = join(temp, 'paved-telemetry');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `journal-${randomUUID()}.jsonl`);
  const job: JournalEntry = { kind: 'job', policy: TELEMETRY_POLICY_VERSION, startedAt: now };
  writeFileSync(file, `${journalLine(job, key)}\n`, { mode: 0o600, flag: 'wx' });
  return { file, created: true };
}

export interface Journal {
  startedAt: number | undefined;
  runs: Extract<JournalEntry, { kind: 'run' }>[];
  deployments: Extract<JournalEntry, { kind: 'deployment' }>[];
  /** Lines that were not a valid entry (skipped, counted for the log). */
  skipped: number;
  /** Lines without a valid signature: not written by a Paved step of this job, never exported. */
  unsigned: number;
  /**
   * The DORA state as it was before this job's first checkpoint (export/dora.ts), when a later
   * telemetry step of the job already wrote the state file: the base the export computes from.
   */
  doraBase?: unknown;
}

const NAME = /^[a-z][a-z0-9-]{0,39}(\.[a-z][a-z0-9-]{0,39})?$/;
const SIGNED = /^(\{.*),"mac":"([0-9a-f]{64})"\}$/;

/** The entry's JSON when the line's signature verifies under `key`, else undefined. */
function verified(line: string, key: string): string | undefined {
  const m = SIGNED.exec(line);
  if (!m) return undefined;
  const json = `${m[1]}}`;
  const expected = createHmac('sha256', key).update(json).digest();
  const given = Buffer.from(m[2] as string, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? json : undefined;
}
const VERSION_TEXT = /^[0-9A-Za-z.+-]{1,40}$/;
const ERROR_CLASSES = new Set(['ConfigurationError', 'OperationError', 'InternalError']);
const ENVIRONMENT = /^[A-Za-z0-9 _./-]{1,100}$/;
const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Reads the journal back, keeping only well-formed entries of known shape, signed with the job's
 * key (kept in the telemetry step's state): whatever else may have ended up in the file (by hand,
 * by another tool, or a future format) is never sent. Without a key (tests of the format) lines
 * are read unsigned.
 */
export function readJournal(file: string, key?: string): Journal {
  const journal: Journal = { startedAt: undefined, runs: [], deployments: [], skipped: 0, unsigned: 0 };
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const line = key !== undefined ? verified(raw.trim(), key) : raw;
    if (line === undefined) {
      journal.unsigned++;
      continue;
    }
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line) as Record<string, unknown>;
    } catch {
      journal.skipped++;
      continue;
    }
    if (e.kind === 'job' && time(e.startedAt)) {
      journal.startedAt = Math.min(journal.startedAt ?? e.startedAt, e.startedAt);
    } else if (e.kind === 'dora-base' && key !== undefined && typeof e.state === 'object' && e.state !== null) {
      // Only ever trusted signed (the post step reads with a key); the first one wins.
      journal.doraBase ??= e.state;
    } else if (
      e.kind === 'run' &&
      typeof e.action === 'string' &&
      NAME.test(e.action) &&
      typeof e.version === 'string' &&
      VERSION_TEXT.test(e.version) &&
      time(e.startedAt) &&
      typeof e.durationMs === 'number' &&
      e.durationMs >= 0 &&
      (e.outcome === 'success' || e.outcome === 'failure') &&
      (e.errorClass === undefined || (typeof e.errorClass === 'string' && ERROR_CLASSES.has(e.errorClass)))
    ) {
      journal.runs.push({
        kind: 'run',
        action: e.action,
        version: e.version,
        startedAt: e.startedAt,
        durationMs: e.durationMs,
        outcome: e.outcome,
        errorClass: e.errorClass as string | undefined,
      });
    } else if (
      e.kind === 'deployment' &&
      typeof e.action === 'string' &&
      (NAME.test(e.action) || e.action === 'unknown') &&
      (e.environment === undefined || (typeof e.environment === 'string' && ENVIRONMENT.test(e.environment))) &&
      (e.result === 'success' || e.result === 'failure') &&
      time(e.startedAt) &&
      time(e.finishedAt) &&
      (e.commitTimestamp === undefined || time(e.commitTimestamp))
    ) {
      journal.deployments.push({
        kind: 'deployment',
        action: e.action,
        environment: e.environment as string | undefined,
        result: e.result,
        startedAt: e.startedAt,
        finishedAt: e.finishedAt,
        commitTimestamp: e.commitTimestamp as number | undefined,
      });
    } else {
      journal.skipped++;
    }
  }
  return journal;
}

/** Appends a line of the telemetry action's own (signed like the hook's). */
export function appendJournal(file: string, key: string, entry: Record<string, unknown>): void {
  appendFileSync(file, `${journalLine(entry, key)}\n`, { encoding: 'utf8', mode: 0o600 });
}
