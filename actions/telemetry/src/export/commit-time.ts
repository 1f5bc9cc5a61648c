import { exec } from '../../../../shared/exec';
import type { JobContext } from '../context';
import { readEvent } from '../context';

/**
 * When the deployed commit was made, for the DORA lead time. The push event carries it
 * (head_commit.timestamp); otherwise git knows it, if the workspace has the commit. Unknown
 * is fine: the deployment is still counted, just without a lead time.
 */
export async function commitTime(job: JobContext): Promise<number | undefined> {
  const event = readEvent(job.eventPath);
  const head = event?.head_commit as { id?: unknown; timestamp?: unknown } | undefined;
  if (head && typeof head.timestamp === 'string' && (!job.sha || head.id === job.sha)) {
    const t = Date.parse(head.timestamp);
    if (!Number.isNaN(t)) return t;
  }
  if (!job.sha || !/^[0-9a-f]{7,64}$/i.test(job.sha)) return undefined;
  try {
    const result = await exec('git', ['show', '-s', '--format=%ct', job.sha], {
      cwd: job.workspace || undefined,
      timeoutMs: 3000,
      quiet: true,
      ignoreReturnCode: true,
    });
    const seconds = Number(result.stdout.trim());
    return result.exitCode === 0 && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
  } catch {
    return undefined;
  }
}
