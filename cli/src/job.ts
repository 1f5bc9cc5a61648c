import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A job that spans several `paved` invocations, as steps span a runner job: variables one step
 * exports (GITHUB_ENV) reach the next, and post steps wait for `paved job end`, then run in
 * reverse order. This is how the telemetry action sees the actions run after it.
 */
export interface DeferredPost {
  action: string;
  inputs: Record<string, string>;
  state: Record<string, string>;
}

export interface Job {
  dir: string;
  env: Record<string, string>;
  posts: DeferredPost[];
}

export function openJob(dir: string): Job {
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true });
  const file = join(abs, 'job.json');
  if (!existsSync(file)) return { dir: abs, env: { RUNNER_TEMP: join(abs, 'temp') }, posts: [] };
  const data = JSON.parse(readFileSync(file, 'utf8')) as Omit<Job, 'dir'>;
  return { dir: abs, env: data.env ?? {}, posts: data.posts ?? [] };
}

export function saveJob(job: Job): void {
  mkdirSync(job.env.RUNNER_TEMP ?? job.dir, { recursive: true });
  writeFileSync(join(job.dir, 'job.json'), `${JSON.stringify({ env: job.env, posts: job.posts }, null, 2)}\n`);
}
