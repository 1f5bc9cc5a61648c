import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConfigurationError } from '../../../../shared/errors';
import { exec } from '../../../../shared/exec';
import { type JobContext, readEvent } from '../context';
import type { Journal } from '../journal';
import type { DeploymentView } from './build';
import { commitTime } from './commit-time';

/**
 * The DORA view of the job's deployments, for the post step:
 *
 * - environment: the deployment's own, else the telemetry step's `environment` input; a
 *   deployment with neither is not counted as one (its span is still sent);
 * - lead time over every commit the deployment delivered, not only the head: the commits since
 *   the environment's last successful deployment (`git log <last>..<sha>`, with the state file),
 *   else the push event's `commits`, else the head commit alone;
 * - change failure and time to restore from the state file the user keeps between runs: a failed
 *   deployment to a healthy environment is a change failure and starts an incident; the next
 *   successful deployment ends it, and the time between is the time to restore.
 *
 * The state file holds, per environment name, only commit ids and times. It is the user's own
 * file (kept with actions/cache or as an artifact, see TELEMETRY.md); nothing of it is sent
 * except the numbers derived here.
 */
export interface EnvironmentState {
  /** The last successfully deployed commit and when its deployment finished (ISO time). */
  lastSuccess?: { sha: string; at: string };
  /** Since when the environment has been failing (the end of the first failed deployment). */
  failingSince?: string;
}

export interface DoraState {
  kind: 'paved-dora-state';
  version: 1;
  environments: Record<string, EnvironmentState>;
}

const emptyState = (): DoraState => ({ kind: 'paved-dora-state', version: 1, environments: {} });

export function statePath(file: string, workspace: string): string {
  return isAbsolute(file) ? file : join(workspace || process.cwd(), file);
}

/** Reads the state file; a missing file is an empty state, a malformed one a configuration error. */
export function readState(path: string, input: string): DoraState {
  if (!existsSync(path)) return emptyState();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`, {
      file: path,
      input,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${path} is not JSON (${(error as Error).message}); delete it to start afresh`, {
      file: path,
      input,
    });
  }
  return parseState(data, path, input);
}

/** A state read back from the file or from the journal's checkpoint base; refused when not ours. */
export function parseState(data: unknown, path: string, input: string): DoraState {
  const d = data as Partial<DoraState> | null;
  if (d?.kind !== 'paved-dora-state' || d.version !== 1 || typeof d.environments !== 'object' || !d.environments) {
    throw new ConfigurationError(
      `${path} is not a Paved DORA state file (kind paved-dora-state, version 1); name a file of its own in ${input}`,
      { file: path, line: 1, input },
    );
  }
  return d as DoraState;
}

export function writeState(path: string, state: DoraState): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o644 });
  renameSync(temp, path);
}

const SHA = /^[0-9a-f]{7,64}$/i;

/** Commit times (epoch ms) of `from..to`, newest first, or undefined when git cannot tell. */
async function gitCommitTimes(workspace: string, from: string, to: string): Promise<number[] | undefined> {
  if (!SHA.test(from) || !SHA.test(to)) return undefined;
  try {
    const r = await exec('git', ['log', '--format=%ct', `${from}..${to}`], {
      cwd: workspace || undefined,
      timeoutMs: 5000,
      quiet: true,
      ignoreReturnCode: true,
    });
    if (r.exitCode !== 0) return undefined;
    const times = r.stdout
      .split('\n')
      .map((l) => Number(l.trim()) * 1000)
      .filter((t) => Number.isFinite(t) && t > 0);
    return times;
  } catch {
    return undefined;
  }
}

/** The push event's commits (each with its timestamp), when the event pushed the deployed commit. */
function pushCommitTimes(job: JobContext): number[] | undefined {
  if (job.eventName !== 'push') return undefined;
  const event = readEvent(job.eventPath);
  const commits = Array.isArray(event?.commits) ? (event.commits as Record<string, unknown>[]) : [];
  const head = event?.head_commit as { id?: unknown } | undefined;
  if (commits.length === 0 || (job.sha && head?.id !== job.sha)) return undefined;
  const times = commits
    .filter((c) => c.distinct !== false)
    .map((c) => (typeof c.timestamp === 'string' ? Date.parse(c.timestamp) : Number.NaN))
    .filter((t) => !Number.isNaN(t));
  return times.length > 0 ? times.sort((a, b) => b - a) : undefined;
}

export async function doraDeployments(
  journal: Journal,
  job: JobContext,
  options: { environment: string | undefined; state: DoraState | undefined },
): Promise<{ views: DeploymentView[]; notes: string[] }> {
  const notes: string[] = [];
  const views: DeploymentView[] = [];
  const ordered = [...journal.deployments].sort((a, b) => a.finishedAt - b.finishedAt);
  let head: Promise<number | undefined> | undefined;
  for (const d of ordered) {
    const environment = d.environment ?? options.environment;
    const env = environment === undefined ? undefined : options.state?.environments[environment];
    let commitTimes: number[] | undefined;
    if (d.commitTimestamp !== undefined) commitTimes = [d.commitTimestamp];
    if (!commitTimes && env?.lastSuccess && job.sha) {
      commitTimes = await gitCommitTimes(job.workspace, env.lastSuccess.sha, job.sha);
      if (commitTimes === undefined) {
        notes.push(
          `git could not list the commits since ${env.lastSuccess.sha.slice(0, 12)} (a shallow checkout? use fetch-depth: 0)`,
        );
      }
    }
    if (!commitTimes) commitTimes = pushCommitTimes(job);
    if (!commitTimes) {
      head ??= commitTime(job);
      const t = await head;
      commitTimes = t === undefined ? [] : [t];
    }
    const view: DeploymentView = {
      action: d.action,
      environment,
      result: d.result,
      startedAt: d.startedAt,
      finishedAt: d.finishedAt,
      commitTimes,
    };
    if (environment === undefined) {
      notes.push(
        `a ${d.action} deployment named no environment (and the environment input is empty): it is not counted as a deployment`,
      );
    } else if (options.state) {
      const s = options.state.environments[environment] ?? {};
      options.state.environments[environment] = s;
      if (d.result === 'failure') {
        view.changeFailure = s.failingSince === undefined;
        s.failingSince ??= new Date(d.finishedAt).toISOString();
      } else {
        view.changeFailure = false;
        if (s.failingSince !== undefined) {
          view.restoreTimeS = Math.max(0, d.finishedAt - Date.parse(s.failingSince)) / 1000;
          delete s.failingSince;
        }
        if (job.sha) s.lastSuccess = { sha: job.sha, at: new Date(d.finishedAt).toISOString() };
      }
    }
    views.push(view);
  }
  return { views, notes };
}

/**
 * A checkpoint, by a later telemetry step of the job (after the deployment, `if: always()`):
 * writes the state file now, so that steps after it (actions/cache/save, upload-artifact, with
 * `if: always()`) can keep it even when the job fails, which a post step would be too late for.
 * The state as it was before is kept in the journal (signed), so the export at the end of the job
 * computes from the same base and does not count these deployments twice.
 */
export async function checkpoint(
  journal: Journal,
  job: JobContext,
  options: { environment: string | undefined; path: string; input: string; record: (base: DoraState) => void },
): Promise<string[]> {
  const base =
    journal.doraBase !== undefined
      ? parseState(journal.doraBase, options.path, options.input)
      : readState(options.path, options.input);
  if (journal.doraBase === undefined) options.record(base);
  const state = structuredClone(base);
  const { notes } = await doraDeployments(journal, job, { environment: options.environment, state });
  writeState(options.path, state);
  return notes;
}
