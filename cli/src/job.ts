import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getSecrets, putSecrets, type Secrets } from './job-agent';

/**
 * A job that spans several `paved` invocations, as steps span a runner job: variables one step
 * exports (GITHUB_ENV) reach the next, and post steps wait for `paved job end`, then run in
 * reverse order. This is how the telemetry action sees the actions run after it.
 *
 * job.json (mode 0600) never holds a secret: any value a step masked is kept by the job agent
 * in memory and job.json names only where it goes back.
 */
export interface DeferredPost {
  id: string;
  action: string;
  inputs: Record<string, string>;
  state: Record<string, string>;
}

export interface Job {
  dir: string;
  env: Record<string, string>;
  posts: DeferredPost[];
}

interface Stored {
  env: Record<string, string>;
  posts: DeferredPost[];
  /** Keys of the values the agent holds: `env.NAME`, `<post id>.inputs.NAME`, `<post id>.state.NAME`. */
  secrets?: string[];
}

export function openJob(dir: string): Job {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const file = join(abs, 'job.json');
  if (!existsSync(file)) return { dir: abs, env: { RUNNER_TEMP: join(abs, 'temp') }, posts: [] };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Stored;
  return { dir: abs, env: data.env ?? {}, posts: (data.posts ?? []).map((p) => ({ ...p, id: p.id ?? newId() })) };
}

export const newId = () => randomBytes(6).toString('hex');

/** Whether a value carries something a step registered as secret. */
function isMasked(value: string, masks: readonly string[]): boolean {
  return masks.some((m) => m.length > 0 && value.includes(m));
}

/** Writes job.json without the masked values, which go to the job agent. */
export async function saveJob(job: Job, masks: readonly string[], cli: string): Promise<void> {
  mkdirSync(job.env.RUNNER_TEMP ?? job.dir, { recursive: true, mode: 0o700 });
  const held: Secrets = {};
  const split = (prefix: string, values: Record<string, string>) => {
    const plain: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      if (isMasked(v, masks)) held[`${prefix}.${k}`] = v;
      else plain[k] = v;
    }
    return plain;
  };
  const stored: Stored = {
    env: split('env', job.env),
    posts: job.posts.map((p) => ({
      ...p,
      inputs: split(`${p.id}.inputs`, p.inputs),
      state: split(`${p.id}.state`, p.state),
    })),
  };
  await putSecrets(job.dir, cli, held);
  const previous = existsSync(join(job.dir, 'job.json'))
    ? ((JSON.parse(readFileSync(join(job.dir, 'job.json'), 'utf8')) as Stored).secrets ?? [])
    : [];
  stored.secrets = [...new Set([...previous, ...Object.keys(held)])].sort();
  const file = join(job.dir, 'job.json');
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** The job with the agent's values put back; `missing` lists what the agent no longer has. */
export async function restoreSecrets(job: Job): Promise<{ job: Job; missing: string[] }> {
  const file = join(job.dir, 'job.json');
  const keys = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as Stored).secrets ?? []) : [];
  if (keys.length === 0) return { job, missing: [] };
  const held = (await getSecrets(job.dir)) ?? {};
  const missing: string[] = [];
  for (const key of keys) {
    const value = held[key];
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    const [scope, kind, ...rest] = key.split('.');
    if (scope === 'env') job.env[[kind, ...rest].join('.')] = value;
    const post = job.posts.find((p) => p.id === scope);
    if (post && (kind === 'inputs' || kind === 'state')) post[kind][rest.join('.')] = value;
  }
  return { job, missing };
}
