import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../shared/errors';
import { getList } from '../../../shared/inputs';
import { type RunReport, totals } from './engine/results';
import { Inputs, Outputs } from './names';
import { writeReport } from './report/json';
import { buildSummary } from './report/summary';

/**
 * `command: merge-reports`: the GitHub Actions matrix is the fan-out (one runner per `shard`);
 * a final job downloads every shard's JSON report and merges them into one report and one job
 * summary, with the same outputs as a run. Fails when any host of any shard failed.
 */
export function mergeReports(): void {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const entries = getList(Inputs.reports);
  if (entries.length === 0)
    throw new ConfigurationError(
      `Input ${Inputs.reports} is required with command merge-reports: the shards' JSON reports (files or directories)`,
      {
        input: Inputs.reports,
      },
    );
  const files: string[] = [];
  for (const entry of entries) {
    const full = resolve(workspace, entry);
    if (!existsSync(full))
      throw new ConfigurationError(`Input ${Inputs.reports}: ${entry} does not exist`, { input: Inputs.reports });
    files.push(...jsonFiles(full));
  }
  if (files.length === 0)
    throw new ConfigurationError(`Input ${Inputs.reports}: no .json report found in ${entries.join(', ')}`, {
      input: Inputs.reports,
    });
  const reports = files.map(readReport);
  const merged = merge(reports);
  const path = join(
    process.env.RUNNER_TEMP || tmpdir(),
    'paved-runbook',
    `report-merged-${process.pid}-${Date.now()}.json`,
  );
  writeReport(path, merged);
  const t = merged.totals;
  core.setOutput(Outputs.ok, t.ok);
  core.setOutput(Outputs.changed, t.changed);
  core.setOutput(Outputs.failed, t.failedHosts.length);
  core.setOutput(Outputs.failedHosts, t.failedHosts.join(','));
  core.setOutput(Outputs.report, path);
  core.setOutput(Outputs.seenHostKeys, '');
  buildSummary(merged).write();
  core.info(
    `merged ${reports.length} report(s): ${t.hosts} host(s), ${t.ok} ok, ${t.changed} changed, ${t.failed} failed, ${t.skipped} skipped; report ${path}`,
  );
  if (t.failedHosts.length)
    throw new OperationError(
      `${t.failedHosts.length} of ${t.hosts} host(s) failed across the shards: ${t.failedHosts.join(', ')}`,
    );
  if (merged.cancelled) throw new OperationError('at least one shard was cancelled; the merged report is partial');
}

function jsonFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function readReport(file: string): RunReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${file} is not JSON: ${(error as Error).message}`, { input: Inputs.reports });
  }
  const r = data as Partial<RunReport> & { version?: unknown };
  if (!r || typeof r !== 'object' || r.version !== 1 || !Array.isArray(r.hosts) || typeof r.startedAt !== 'number')
    throw new ConfigurationError(`${file} is not a runbook report (version 1 with hosts)`, { input: Inputs.reports });
  return r as RunReport;
}

/** One report: hosts of every shard (a host in two shards keeps its last result), totals recomputed. */
export function merge(reports: RunReport[]): RunReport {
  const hosts = new Map<string, RunReport['hosts'][number]>();
  for (const r of reports) for (const h of r.hosts) hosts.set(h.name, h);
  const list = [...hosts.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const startedAt = Math.min(...reports.map((r) => r.startedAt));
  const finishedAt = Math.max(...reports.map((r) => r.finishedAt));
  const first = reports[0] as RunReport;
  const stopped = reports.map((r) => r.stoppedEarly).filter(Boolean);
  return {
    runbook: first.runbook,
    name: `${first.name} (${reports.length} shard${reports.length === 1 ? '' : 's'})`,
    check: reports.some((r) => r.check),
    strategy: first.strategy,
    environment: first.environment,
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    cancelled: reports.some((r) => r.cancelled),
    stoppedEarly: stopped.length ? stopped.join('; ') : undefined,
    hosts: list,
    totals: totals(list),
  };
}
