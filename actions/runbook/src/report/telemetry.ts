import * as core from '../../../../shared/actions-core';
import { recordDeployment } from '../../../../shared/telemetry';
import type { RunReport } from '../engine/results';

/**
 * Records the deployment for the DORA metrics (shared/telemetry.ts) after a real (non-check) run.
 * Without the job's telemetry consent this is one environment read; it never fails a deploy.
 */
export function recordRunbookDeployment(report: RunReport, environment: string | undefined): void {
  try {
    recordDeployment({
      action: 'runbook',
      environment: environment || undefined,
      result: report.totals.failedHosts.length === 0 && !report.cancelled ? 'success' : 'failure',
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
    });
  } catch (error) {
    core.debug(`telemetry deployment hook failed: ${(error as Error).message}`);
  }
}
