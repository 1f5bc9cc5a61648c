import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as core from '../../../shared/actions-core';
import { errorMessage } from '../../../shared/errors';
import { Summary } from '../../../shared/summary';
import { telemetryOptOut } from '../../../shared/telemetry';
import { VERSION } from '../../../shared/version';
import { type JobContext, jobContext, readEvent, targetRun } from './context';
import { buildTelemetry, type RunView } from './export/build';
import { doraDeployments, parseState, readState, statePath, writeState } from './export/dora';
import { encode, type OtlpRequest } from './export/encode';
import { metricPoints, receiptRows, receiptTable, timeline } from './export/receipt';
import { type SendOutcome, send } from './export/send';
import { type Options, parseInputs } from './inputs';
import { readJournal } from './journal';
import { Inputs, State } from './names';
import { fetchRunJobs } from './run/fetch-run';

/** The telemetry budget of the job: the export, retry included, never takes longer. */
export const EXPORT_BUDGET_MS = 5000;
/** mode: run — the Actions API gets its own bound, before the export's. */
export const API_BUDGET_MS = 10_000;

/**
 * The post step, at the end of the job: reads the journal, builds spans and metrics with the
 * OpenTelemetry SDK, sends them (or, in a dry run, shows them) and writes the receipt.
 * Whatever happens here is at most a warning: telemetry never fails a job.
 */
export async function post(): Promise<void> {
  try {
    await exportJob();
  } catch (error) {
    core.warning(`telemetry: nothing was sent (${errorMessage(error)}); the job is not affected.`);
  }
}

async function exportJob(): Promise<void> {
  if (core.getState(State.enabled) !== 'true') {
    core.debug('telemetry is off for this job: nothing to export');
    return;
  }
  const file = core.getState(State.journal);
  const optOut = telemetryOptOut();
  if (optOut) {
    core.info(`Telemetry was turned off during the job (${optOut}): nothing is sent.`);
    if (file) rmSync(file, { force: true });
    return;
  }
  const options = parseInputs();
  const journal = readJournal(file, core.getState(State.key));
  if (journal.startedAt === undefined && journal.runs.length === 0 && journal.deployments.length === 0) {
    // A later telemetry step of the same job has already exported and removed the journal.
    core.debug('telemetry journal is empty or already exported');
    return;
  }
  if (journal.skipped > 0) core.debug(`telemetry: skipped ${journal.skipped} malformed journal line(s)`);
  if (journal.unsigned > 0) {
    core.info(
      `Telemetry: ${journal.unsigned} journal line(s) were not written by a Paved step of this job (no valid signature) and are not exported.`,
    );
  }
  const job = jobContext();
  const stateFile = options.stateFile ? statePath(options.stateFile, job.workspace) : undefined;
  // The base: as it was before an earlier checkpoint of this job wrote the file, else the file.
  const state = !stateFile
    ? undefined
    : journal.doraBase !== undefined
      ? parseState(journal.doraBase, stateFile, Inputs.stateFile)
      : readState(stateFile, Inputs.stateFile);
  const dora = await doraDeployments(journal, job, { environment: options.environment, state });
  for (const note of dora.notes) core.info(`Telemetry (DORA): ${note}.`);
  const run = options.mode === 'run' ? await workflowRun(job, options) : undefined;
  const telemetry = await buildTelemetry({
    journal,
    job,
    userResource: options.resource,
    level: options.level,
    salt: options.salt,
    version: VERSION,
    deployments: dora.views,
    jobSpanId: core.getState(State.jobSpan) || undefined,
    run,
    now: Date.now(),
  });
  const requests = encode(telemetry, options.exporter);
  if (options.dryRun) {
    showDryRun(requests, options);
    // A dry run shows the job and forgets it: a later real export in this job starts afresh.
    // Nor does it move the DORA state on.
    rmSync(file, { force: true });
    return;
  }
  const origin = options.exporter.origin;
  const outcomes = await core.group(`Telemetry: export to ${origin}`, async () => {
    const results = await send(requests, { budgetMs: EXPORT_BUDGET_MS });
    for (const r of results) {
      core.info(
        `${r.signal}: ${r.ok ? 'accepted' : 'not sent'} after ${r.attempts} attempt(s), ${r.durationMs} ms${r.detail ? ` (${r.detail})` : ''}`,
      );
    }
    return results;
  });
  rmSync(file, { force: true });
  if (stateFile && state) {
    writeState(stateFile, state);
    core.info(`Telemetry: DORA state written to ${options.stateFile}; save it for the next run (TELEMETRY.md).`);
  }
  for (const failed of outcomes.filter((o) => !o.ok)) {
    core.warning(
      `telemetry: could not send ${failed.signal} to ${origin} (${failed.detail}); the job is not affected.`,
    );
  }
  for (const partial of outcomes.filter((o) => o.ok && o.detail)) {
    core.warning(`telemetry: ${partial.signal}: ${partial.detail}`);
  }
  writeReceipt(requests, options, outcomes);
}

/** The name of the workflow a workflow_run job was started by (hashed before it is sent, like every name). */
function triggeringWorkflow(job: JobContext): string | undefined {
  const run = readEvent(job.eventPath)?.workflow_run as { name?: unknown } | undefined;
  return typeof run?.name === 'string' && run.name !== '' ? run.name : undefined;
}

/** mode: run — the workflow run from the Actions API; on any failure a warning and this job alone. */
async function workflowRun(job: JobContext, options: Options): Promise<RunView | undefined> {
  const target = targetRun(job);
  if (!target) {
    core.warning(
      'telemetry: mode run needs GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT; sending this job only.',
    );
    return undefined;
  }
  try {
    const jobs = await fetchRunJobs(target, {
      token: options.githubToken,
      apiUrl: job.apiUrl,
      timeoutMs: API_BUDGET_MS,
    });
    const sameRun = target.runId === job.runId && target.attempt === (job.runAttempt || '1');
    const running = jobs.filter((j) => j.status === 'in_progress');
    const current = sameRun
      ? (running.find((j) => job.runnerName !== '' && j.runnerName === job.runnerName) ??
        running.find((j) => j.name === job.job))
      : undefined;
    core.info(
      `Telemetry: the run has ${jobs.length} job(s) and ${jobs.reduce((n, j) => n + j.steps.length, 0)} step(s)${current ? '' : '; this job is not among them, its spans join the trace beside them'}.`,
    );
    return {
      runId: target.runId,
      attempt: target.attempt,
      url: `${job.serverUrl}/${target.owner}/${target.repo}/actions/runs/${target.runId}/attempts/${target.attempt}`,
      jobs,
      currentJobId: current?.id,
      workflow: sameRun ? undefined : triggeringWorkflow(job),
    };
  } catch (error) {
    core.warning(`telemetry: ${errorMessage(error)}; sending this job only. The job is not affected.`);
    return undefined;
  }
}

function counts(requests: OtlpRequest[]): string {
  const rows = receiptRows(requests);
  const spans = new Set(rows.filter((r) => r.signal === 'span').map((r) => r.item)).size;
  const spanCount = requests
    .filter((r) => r.signal === 'traces')
    .reduce((n, r) => n + JSON.stringify(r.json).split('"spanId"').length - 1, 0);
  return `${spanCount} span(s) (${spans} kind(s)), ${metricPoints(requests).length} metric point(s)`;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * What each request carried, byte for byte: the receipt's table is read from the uncompressed
 * OTLP payload; with gzip the compressed bytes on the wire get their own size and digest, so
 * both can be checked against what the collector received (gunzip the body, then compare).
 */
export function requestLine(r: OtlpRequest): string {
  const payload = `${r.body.length} bytes ${r.contentType}, sha256 ${sha256(r.body)}`;
  return r.encoding
    ? `OTLP ${r.signal} request: POST ${r.url ?? '(no endpoint)'}, payload ${payload}; on the wire ${r.encoding}, ${r.wire.length} bytes, sha256 ${sha256(r.wire)}`
    : `OTLP ${r.signal} request: POST ${r.url ?? '(no endpoint)'}, ${payload}`;
}

function protocols(requests: OtlpRequest[]): string {
  const names = [...new Set(requests.map((r) => `${r.protocol}${r.encoding ? ` + ${r.encoding}` : ''}`))];
  return names.join(' and ');
}

function receiptSummary(summary: Summary, requests: OtlpRequest[]): Summary {
  const table = receiptTable(receiptRows(requests));
  summary.table(table.headers, table.rows);
  if (table.full.length > 0)
    summary.details('Shortened values in full', new Summary().table(['Attribute', 'Value sent'], table.full));
  const points = metricPoints(requests);
  if (points.length > 0) {
    summary.details(
      'Metric values',
      new Summary().table(
        ['Metric', 'Unit', 'Value', 'Attributes'],
        points.map((p) => [p.metric, p.unit, p.value, p.attributes]),
      ),
    );
  }
  const gantt = timeline(requests);
  if (gantt) summary.details('Timeline (the task spans)', new Summary().mermaid(gantt));
  return summary;
}

function writeReceipt(requests: OtlpRequest[], options: Options, outcomes: SendOutcome[]): void {
  const status = outcomes.map((o) => `${o.signal} ${o.ok ? 'accepted' : `not sent (${o.detail})`}`).join(', ');
  const summary = new Summary()
    .heading('Telemetry receipt')
    .paragraph(
      `Sent to ${options.exporter.origin} over ${protocols(requests)} at level ${options.level}: ${counts(requests)}. ${status}. ` +
        `Below is every attribute in those requests${options.salt ? '; names of repository, workflow, jobs, steps and actor appear only as HMAC-SHA256 with your salt' : '; without a salt no repository, workflow, job, step or actor name is sent at all'}. See TELEMETRY.md.`,
    );
  receiptSummary(summary, requests);
  summary.list(requests.map(requestLine));
  summary.write();
}

function showDryRun(requests: OtlpRequest[], options: Options): void {
  core.info('Telemetry dry run: the requests below are built exactly as they would be sent, and are not sent.');
  for (const r of requests) {
    core.startGroup(`Telemetry dry run: ${r.signal} request (${r.body.length} bytes ${r.protocol})`);
    core.info(
      `POST ${r.url ?? '(no endpoint configured)'}  Content-Type: ${r.contentType}${r.encoding ? `  Content-Encoding: ${r.encoding}` : ''}`,
    );
    // The readable form is the summary's receipt table (with each payload in a details block);
    // the raw OTLP JSON in the log is for step debug logging only.
    core.debug(JSON.stringify(r.json, null, 2));
    core.endGroup();
  }
  const summary = new Summary()
    .heading('Telemetry dry run: nothing was sent')
    .paragraph(
      `With dry-run off, this job would send ${counts(requests)} to ${options.exporter.origin ?? '(no endpoint configured)'} over ${protocols(requests)} at level ${options.level}. Every attribute:`,
    );
  receiptSummary(summary, requests);
  for (const r of requests) {
    summary.details(requestLine(r), new Summary().code(JSON.stringify(r.json, null, 2), 'json'));
  }
  summary.write();
}
