import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as core from '../../../shared/actions-core';
import { errorMessage } from '../../../shared/errors';
import { Summary } from '../../../shared/summary';
import { telemetryOptOut } from '../../../shared/telemetry';
import { VERSION } from '../../../shared/version';
import { jobContext } from './context';
import { buildTelemetry } from './export/build';
import { commitTime } from './export/commit-time';
import { encode, type OtlpRequest } from './export/encode';
import { metricPoints, receiptRows, receiptTable, timeline } from './export/receipt';
import { type SendOutcome, send } from './export/send';
import { type Options, parseInputs } from './inputs';
import { readJournal } from './journal';
import { State } from './names';

/** The telemetry budget of the job: the export, retry included, never takes longer. */
export const EXPORT_BUDGET_MS = 5000;

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
  const journal = readJournal(file);
  if (journal.startedAt === undefined && journal.runs.length === 0 && journal.deployments.length === 0) {
    // A later telemetry step of the same job has already exported and removed the journal.
    core.debug('telemetry journal is empty or already exported');
    return;
  }
  if (journal.skipped > 0) core.debug(`telemetry: skipped ${journal.skipped} malformed journal line(s)`);
  const job = jobContext();
  const commitTimes = await Promise.all(
    journal.deployments.map((d) => (d.commitTimestamp === undefined ? commitTime(job) : Promise.resolve(undefined))),
  );
  const telemetry = await buildTelemetry({
    journal,
    job,
    level: options.level,
    salt: options.salt,
    version: VERSION,
    commitTimes,
    now: Date.now(),
  });
  const requests = encode(telemetry, options.protocol, options.endpoint);
  if (options.dryRun) {
    showDryRun(requests, options);
    return;
  }
  const outcomes = await core.group(`Telemetry: export to ${options.endpoint?.origin}`, async () => {
    const results = await send(requests, { headers: options.headers, budgetMs: EXPORT_BUDGET_MS });
    for (const r of results) {
      core.info(
        `${r.signal}: ${r.ok ? 'accepted' : 'not sent'} after ${r.attempts} attempt(s), ${r.durationMs} ms${r.detail ? ` (${r.detail})` : ''}`,
      );
    }
    return results;
  });
  rmSync(file, { force: true });
  for (const failed of outcomes.filter((o) => !o.ok)) {
    core.warning(
      `telemetry: could not send ${failed.signal} to ${options.endpoint?.origin} (${failed.detail}); the job is not affected.`,
    );
  }
  for (const partial of outcomes.filter((o) => o.ok && o.detail)) {
    core.warning(`telemetry: ${partial.signal}: ${partial.detail}`);
  }
  writeReceipt(requests, options, outcomes);
}

function counts(requests: OtlpRequest[]): string {
  const rows = receiptRows(requests);
  const spans = new Set(rows.filter((r) => r.signal === 'span').map((r) => r.item)).size;
  const spanCount = requests
    .filter((r) => r.signal === 'traces')
    .reduce((n, r) => n + JSON.stringify(r.json).split('"spanId"').length - 1, 0);
  return `${spanCount} span(s) (${spans} kind(s)), ${metricPoints(requests).length} metric point(s)`;
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
      `Sent to ${options.endpoint?.origin} over ${options.protocol} at level ${options.level}: ${counts(requests)}. ${status}. ` +
        `Below is every attribute in those requests${options.salt ? '; repository, workflow and actor appear only as HMAC-SHA256 with your salt' : '; without a salt no repository, workflow or actor is sent at all'}. See TELEMETRY.md.`,
    );
  receiptSummary(summary, requests).write();
}

function showDryRun(requests: OtlpRequest[], options: Options): void {
  core.info('Telemetry dry run: the requests below are built exactly as they would be sent, and are not sent.');
  for (const r of requests) {
    core.startGroup(`Telemetry dry run: ${r.signal} request (${r.body.length} bytes ${options.protocol})`);
    core.info(`POST ${r.url ?? '(no endpoint configured)'}  Content-Type: ${r.contentType}`);
    core.info(JSON.stringify(r.json, null, 2));
    core.endGroup();
  }
  const summary = new Summary()
    .heading('Telemetry dry run: nothing was sent')
    .paragraph(
      `With dry-run off, this job would send ${counts(requests)} to ${options.endpoint?.origin ?? '(no endpoint configured)'} over ${options.protocol} at level ${options.level}. Every attribute:`,
    );
  receiptSummary(summary, requests);
  for (const r of requests) {
    const digest = createHash('sha256').update(r.body).digest('hex');
    summary.details(
      `OTLP ${r.signal} request: POST ${r.url ?? '(no endpoint)'}, ${r.body.length} bytes ${r.contentType}, sha256 ${digest}`,
      new Summary().code(JSON.stringify(r.json, null, 2), 'json'),
    );
  }
  summary.write();
}
