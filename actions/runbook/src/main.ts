import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '../../../shared/actions-core';
import { annotations } from '../../../shared/annotations';
import { ConfigurationError, OperationError } from '../../../shared/errors';
import { getEnum } from '../../../shared/inputs';
import { runAction } from '../../../shared/run-action';
import { precheck } from './engine/precheck';
import type { RunReport } from './engine/results';
import { runEngine } from './engine/run';
import { parseInputs } from './inputs';
import { loadInventory, selectHosts, shardHosts } from './inventory';
import { mergeReports } from './merge';
import { Inputs, Outputs } from './names';
import { writeReport } from './report/json';
import { buildSummary } from './report/summary';
import { recordRunbookDeployment } from './report/telemetry';
import { loadRunbook } from './runbook/runbook';
import { limitHosts, printListing, taskSelection } from './selection';
import { checkKeys, transport, warnPolicy } from './transport';

export function run(): Promise<void> {
  return runAction('runbook', async () => {
    if (getEnum(Inputs.command, ['run', 'merge-reports'] as const, { default: 'run' }) === 'merge-reports')
      return mergeReports();
    const options = parseInputs();
    // Validate everything before touching any host: runbook, includes, inventory, hosts, variables.
    const runbook = loadRunbook(options.runbook, options.workspace);
    const controller = new AbortController();
    const inventory = await loadInventory(options.inventory, options.workspace, controller.signal);
    const pattern = runbook.hosts?.pattern ?? (options.inventory ? 'all' : 'localhost');
    const hosts = shardHosts(
      limitHosts(inventory, selectHosts(inventory, pattern, runbook.hosts?.loc), options.limit),
      options.shard,
    );
    const selected = taskSelection(runbook, options);
    if (options.listHosts || options.listTasks) return printListing(runbook, hosts, selected, options);
    const sources = {
      runbook: runbook.vars,
      varsFile: options.varsFile,
      varsInput: options.vars,
      secrets: options.secrets,
      // ${env.X} sees the job's environment, minus this step's inputs (the ssh key is one) and the
      // runner's own tokens: a runbook has no business copying those to a host.
      env: Object.fromEntries(
        Object.entries(process.env).filter(
          (e): e is [string, string] =>
            e[1] !== undefined && !/^(INPUT_|ACTIONS_(RUNTIME|ID_TOKEN_REQUEST|CACHE)_)/.test(e[0]),
        ),
      ),
    };
    for (const w of precheck(runbook, hosts, sources, options.workspace, selected))
      annotations.warning(w.message, { file: w.loc.file, startLine: w.loc.line, startColumn: w.loc.col });
    if (hosts.length === 0) {
      core.warning(
        `No hosts matched "${pattern}"${options.shard ? ` in shard ${options.shard.index}/${options.shard.count}` : ''}; nothing to do.`,
      );
    }
    if (hosts.some((h) => h.connection === 'ssh')) {
      await checkKeys(options, hosts);
      warnPolicy(options.hostKeyPolicy);
    }

    const reportPath = join(
      process.env.RUNNER_TEMP || tmpdir(),
      'paved-runbook',
      `report-${process.pid}-${Date.now()}.json`,
    );
    const onSignal = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) process.exit(130);
      core.warning(`${signal} received: cancelling running tasks, closing connections and writing the partial report`);
      controller.abort(new OperationError(`cancelled by ${signal}`));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const timer = options.timeoutMs
      ? setTimeout(() => {
          core.warning(`The run exceeded timeout ${options.timeoutMs! / 1000}s: cancelling`);
          controller.abort(new OperationError('timeout'));
        }, options.timeoutMs)
      : undefined;

    const net = transport({ ...options, signal: controller.signal });
    let report: RunReport | undefined;
    try {
      report = await runEngine({
        runbook,
        hosts,
        inventoryHosts: [...inventory.hosts.values()],
        sources,
        check: options.check,
        strategy: options.strategy,
        concurrency: options.concurrency,
        batchSize: options.batch
          ? (options.batch.count ?? Math.max(1, Math.ceil((hosts.length * (options.batch.percent ?? 100)) / 100)))
          : undefined,
        maxFailPercentage: options.maxFailPercentage,
        selected,
        workspace: options.workspace,
        signal: controller.signal,
        connect: (host) => net.connect(host),
        // Keep the report current, so even a hard kill after a cancel leaves the latest state.
        onProgress: (partial) => {
          if (controller.signal.aborted) writeReport(reportPath, partial);
        },
      });
    } finally {
      if (timer) clearTimeout(timer);
      await net.close();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }

    report.environment = options.environment;
    writeReport(reportPath, report);
    let seenFile = '';
    if (net.seenKeys.length) {
      seenFile = join(process.env.RUNNER_TEMP || tmpdir(), 'paved-runbook', `seen-host-keys-${process.pid}`);
      mkdirSync(join(seenFile, '..'), { recursive: true });
      writeFileSync(seenFile, `${net.seenKeys.join('\n')}\n`);
      core.notice(
        `accept-new accepted ${net.seenKeys.length} new host key(s); pin them with known-hosts (file ${seenFile}):\n${net.seenKeys.join('\n')}`,
      );
    }
    const t = report.totals;
    core.setOutput(Outputs.ok, t.ok);
    core.setOutput(Outputs.changed, t.changed);
    // A cancelled run did not do its job on the hosts it cut short: they count as failed too.
    const unfinished = report.cancelled
      ? report.hosts.filter((h) => h.status === 'cancelled' || h.status === 'not-run').map((h) => h.name)
      : [];
    const failedHosts = [...t.failedHosts, ...unfinished];
    core.setOutput(Outputs.failed, failedHosts.length);
    core.setOutput(Outputs.failedHosts, failedHosts.join(','));
    core.setOutput(Outputs.report, reportPath);
    core.setOutput(Outputs.seenHostKeys, seenFile);
    buildSummary(report).write();
    core.info(
      `${runbook.name}: ${t.hosts} host(s), ${t.ok} ok, ${t.changed} ${options.check ? 'would change' : 'changed'}, ${t.failed} failed${t.ignored ? ` (+${t.ignored} ignored)` : ''}, ${t.skipped} skipped in ${(report.durationMs / 1000).toFixed(1)}s; report ${reportPath}`,
    );
    if (!options.check) recordRunbookDeployment(report, options.environment);

    if (t.failedHosts.length || report.cancelled) {
      for (const h of report.hosts.filter((x) => x.status === 'failed' || x.status === 'unreachable'))
        annotations.error(`${h.name}: ${h.error ?? h.status}`, { title: `runbook: ${h.name} ${h.status}` });
    }
    if (report.cancelled) {
      throw new OperationError(
        `the run was cancelled: ${unfinished.length} of ${t.hosts} host(s) did not finish (${unfinished.join(', ') || 'none'})${t.failedHosts.length ? `, ${t.failedHosts.length} failed (${t.failedHosts.join(', ')})` : ''}; the partial report is at ${reportPath}`,
      );
    }
    if (t.failedHosts.length) {
      throw new OperationError(`${t.failedHosts.length} of ${t.hosts} host(s) failed: ${t.failedHosts.join(', ')}`);
    }
    if (report.stoppedEarly) throw new OperationError(report.stoppedEarly);
  });
}

export { ConfigurationError };
