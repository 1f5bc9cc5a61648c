import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readJournal } from '../../actions/telemetry/src/journal';
import {
  journalLine,
  journalPath,
  nameActionRun,
  recordActionRun,
  recordDeployment,
  TELEMETRY_POLICY_VERSION,
  telemetryOptOut,
} from '../../shared/telemetry';

let outside: string;
let temp: string;
let file: string;

beforeEach(() => {
  // RUNNER_TEMP is a directory inside this test's own mkdtemp, so "outside RUNNER_TEMP" is ours too.
  outside = mkdtempSync(join(tmpdir(), 'paved-hook-'));
  temp = join(outside, 'runner-temp');
  mkdirSync(temp);
  file = join(temp, 'journal.jsonl');
  vi.stubEnv('RUNNER_TEMP', temp);
  vi.stubEnv('PAVED_TELEMETRY_JOURNAL', file);
  vi.stubEnv('PAVED_TELEMETRY_POLICY', String(TELEMETRY_POLICY_VERSION));
  vi.stubEnv('DO_NOT_TRACK', '');
  vi.stubEnv('PAVED_TELEMETRY', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(outside, { recursive: true, force: true });
});

const run = { action: 'sbom', version: '0.1.0', durationMs: 1234, outcome: 'success' as const };

describe('the core hook', () => {
  it('appends a run only with consent recorded for the current policy', async () => {
    await recordActionRun(run);
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    expect(line).toMatchObject({ kind: 'run', action: 'sbom', version: '0.1.0', durationMs: 1234, outcome: 'success' });
    expect(Object.keys(line).sort()).toEqual(['action', 'durationMs', 'kind', 'outcome', 'startedAt', 'version']);
  });

  it.each([
    ['no journal variable', { PAVED_TELEMETRY_JOURNAL: '' }],
    ['another policy version', { PAVED_TELEMETRY_POLICY: String(TELEMETRY_POLICY_VERSION + 1) }],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }],
    ['DO_NOT_TRACK=true', { DO_NOT_TRACK: 'true' }],
    ['PAVED_TELEMETRY=off', { PAVED_TELEMETRY: 'off' }],
    ['a journal outside RUNNER_TEMP', { PAVED_TELEMETRY_JOURNAL: '__OUTSIDE__/elsewhere.jsonl' }],
    ['a journal escaping RUNNER_TEMP', { PAVED_TELEMETRY_JOURNAL: '__TEMP__/../escape.jsonl' }],
    ['no RUNNER_TEMP', { RUNNER_TEMP: '' }],
  ])('writes nothing with %s', async (_, env) => {
    for (const [k, v] of Object.entries(env))
      vi.stubEnv(k, v.replace('__TEMP__', temp).replace('__OUTSIDE__', outside));
    await recordActionRun(run);
    recordDeployment({ result: 'success', startedAt: 1, finishedAt: 2 });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(outside, 'elsewhere.jsonl'))).toBe(false);
    expect(existsSync(join(outside, 'escape.jsonl'))).toBe(false);
  });

  it('keeps only the error class, and only a known one', async () => {
    await recordActionRun({ ...run, outcome: 'failure', errorClass: 'ConfigurationError' });
    await recordActionRun({ ...run, outcome: 'failure', errorClass: 'secret /home/me/path' });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.errorClass)).toEqual(['ConfigurationError', 'InternalError']);
  });

  it('does not record the telemetry action itself', async () => {
    await recordActionRun({ ...run, action: 'telemetry' });
    expect(existsSync(file)).toBe(false);
  });

  it('records a deployment for the DORA metrics, dropping an environment name it cannot vouch for', () => {
    recordDeployment({
      action: 'runbook',
      environment: 'production',
      result: 'failure',
      startedAt: new Date(1_700_000_000_000),
      finishedAt: 1_700_000_060_000,
      commitTimestamp: 1_699_999_000_000,
    });
    recordDeployment({
      action: 'runbook',
      environment: 'prod\n<script>',
      result: 'success',
      startedAt: 5,
      finishedAt: 9,
    });
    const [a, b] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a).toEqual({
      kind: 'deployment',
      action: 'runbook',
      environment: 'production',
      result: 'failure',
      startedAt: 1_700_000_000_000,
      finishedAt: 1_700_000_060_000,
      commitTimestamp: 1_699_999_000_000,
    });
    expect(b.environment).toBeUndefined();
  });

  it('never throws, even when the journal cannot be written', async () => {
    vi.stubEnv('PAVED_TELEMETRY_JOURNAL', join(temp, 'missing-dir', 'journal.jsonl'));
    await expect(recordActionRun(run)).resolves.toBeUndefined();
  });

  it('reads DO_NOT_TRACK the way consoledonottrack.com defines it', () => {
    expect(telemetryOptOut({ DO_NOT_TRACK: '0' })).toBeUndefined();
    expect(telemetryOptOut({ DO_NOT_TRACK: '' })).toBeUndefined();
    expect(telemetryOptOut({ DO_NOT_TRACK: 'yes' })).toContain('DO_NOT_TRACK');
    expect(telemetryOptOut({ PAVED_TELEMETRY: 'OFF' })).toContain('PAVED_TELEMETRY');
    expect(journalPath({})).toBeUndefined();
  });
});

describe('integrity and command names', () => {
  it('signs each line with the job key when there is one, and the reader keeps only lines that verify', async () => {
    vi.stubEnv('PAVED_TELEMETRY_KEY', 'k'.repeat(64));
    await recordActionRun(run);
    // What a script or another tool might append to the same file.
    appendFileSync(
      file,
      `${JSON.stringify({ kind: 'run', action: 'sbom', version: '0.1.0', startedAt: 5, durationMs: 1, outcome: 'failure' })}\n`,
    );
    appendFileSync(
      file,
      `${journalLine({ kind: 'run', action: 'sign', version: '0.1.0', startedAt: 5, durationMs: 1, outcome: 'failure' }, 'another-key')}\n`,
    );
    const line = readFileSync(file, 'utf8').split('\n')[0] as string;
    expect(line).toMatch(/,"mac":"[0-9a-f]{64}"\}$/);
    const journal = readJournal(file, 'k'.repeat(64));
    expect(journal.runs.map((r) => [r.action, r.outcome])).toEqual([['sbom', 'success']]);
    expect(journal.unsigned).toBe(2);
    // Tampering with a signed line breaks its signature.
    writeFileSync(file, `${line.replace('"success"', '"failure"')}\n`);
    expect(readJournal(file, 'k'.repeat(64)).runs).toEqual([]);
  });

  it('nameActionRun names the run by its command, and can record it as a deployment', async () => {
    nameActionRun('db2.upgrade', { deployment: true });
    await recordActionRun({ ...run, action: 'db2', outcome: 'failure', errorClass: 'OperationError' });
    nameActionRun('db2.status');
    await recordActionRun({ ...run, action: 'db2' });
    // A name for another action, or a stale one, is not used.
    nameActionRun('runbook.play');
    await recordActionRun(run);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.action])).toEqual([
      ['run', 'db2.upgrade'],
      ['deployment', 'db2.upgrade'],
      ['run', 'db2.status'],
      ['run', 'sbom'],
    ]);
    expect(lines[1]).toMatchObject({ result: 'failure' });
    expect(lines[1].finishedAt - lines[1].startedAt).toBe(1234);
    const journal = readJournal(file);
    expect(journal.runs.map((r) => r.action)).toEqual(['db2.upgrade', 'db2.status', 'sbom']);
    expect(journal.deployments.map((d) => d.action)).toEqual(['db2.upgrade']);
  });
});
