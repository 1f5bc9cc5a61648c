import * as core from '@actions/core';
import type { RunReport } from '../engine/results';

/**
 * The telemetry action's deployment hook (shared/telemetry.ts), called after a real (non-check)
 * run. It records nothing without the job's consent; a failure here never fails a deploy.
 */
export async function recordDeploymentIfAvailable(report: RunReport): Promise<void> {
  try {
    const telemetry = (await import('../../../../shared/telemetry')) as Record<string, unknown>;
    const record = telemetry.recordDeployment;
    if (typeof record !== 'function') return;
    await (record as (d: Record<string, unknown>) => Promise<void>)({
      action: 'runbook',
      name: report.name,
      outcome: report.cancelled ? 'cancelled' : report.totals.failedHosts.length ? 'failure' : 'success',
      durationMs: report.durationMs,
      hosts: report.totals.hosts,
      failedHosts: report.totals.failedHosts.length,
      changed: report.totals.changed,
    });
  } catch (error) {
    core.debug(`telemetry deployment hook failed: ${(error as Error).message}`);
  }
}
