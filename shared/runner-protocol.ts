import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type ActionMetadata, actionMetadataPath, inputEnvName, readActionMetadata } from './action-metadata';

/**
 * Runs a built action the way the GitHub Actions runner does: inputs as INPUT_* variables
 * (with action.yml defaults applied), file commands in temp GITHUB_OUTPUT / GITHUB_ENV /
 * GITHUB_STATE / GITHUB_STEP_SUMMARY / GITHUB_PATH files, and workflow commands parsed from
 * stdout. The integration tests and the `paved` CLI both use it, so both exercise the shipped bundle.
 */
export interface RunBundleOptions {
  /** Repository root holding actions/ and dist/. */
  root: string;
  action: string;
  inputs?: Record<string, string | number | boolean | undefined>;
  /** Extra environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Node binary; defaults to the one running this code. */
  node?: string;
  timeoutMs?: number;
  /** Also run the action's post step, as the runner does at the end of the job. */
  post?: boolean;
  /** Forward the child's stdout/stderr as they come (the CLI does). */
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  /** Keep the temp directory of runner files (default: removed). */
  keepFiles?: boolean;
  signal?: AbortSignal;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

export interface PhaseResult {
  exitCode: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Milliseconds from spawn to the first byte on stdout or stderr. */
  firstOutputMs: number | undefined;
}

export interface RunBundleResult extends PhaseResult {
  outputs: Record<string, string>;
  /** Variables exported with GITHUB_ENV. */
  env: Record<string, string>;
  state: Record<string, string>;
  paths: string[];
  summary: string;
  annotations: Annotation[];
  masks: string[];
  post?: PhaseResult;
}

export function inputEnvironment(
  meta: ActionMetadata,
  inputs: RunBundleOptions['inputs'] = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs)) {
    // The runner evaluates expressions in defaults; we know only github.token.
    let value = spec.default ?? '';
    if (/\$\{\{\s*github\.token\s*\}\}/.test(value)) value = process.env.GITHUB_TOKEN ?? '';
    else if (value.includes('${{')) value = '';
    env[inputEnvName(name)] = value;
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (value === undefined) continue;
    env[inputEnvName(name)] = String(value);
  }
  return env;
}

interface Prepared {
  meta: ActionMetadata;
  actionDir: string;
  dir: string;
  files: Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_PATH', string>;
  baseEnv: Record<string, string | undefined>;
}

function prepare(options: RunBundleOptions): Prepared {
  const root = resolve(options.root);
  const metaFile = actionMetadataPath(root, options.action);
  const meta = readActionMetadata(metaFile);
  const actionDir = dirname(metaFile);
  const dir = mkdtempSync(join(tmpdir(), `paved-${options.action}-`));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const baseEnv: Record<string, string | undefined> = {
    ...inheritedEnvironment(),
    RUNNER_TEMP: process.env.RUNNER_TEMP ?? dir,
    GITHUB_ACTION_PATH: actionDir,
    ...inputEnvironment(meta, options.inputs),
    ...options.env,
    ...files,
  };
  return { meta, actionDir, dir, files, baseEnv };
}

function collect(p: Prepared, phase: PhaseResult): RunBundleResult {
  return {
    ...phase,
    outputs: parseFileCommand(readFileSync(p.files.GITHUB_OUTPUT, 'utf8')),
    env: parseFileCommand(readFileSync(p.files.GITHUB_ENV, 'utf8')),
    state: parseFileCommand(readFileSync(p.files.GITHUB_STATE, 'utf8')),
    paths: readFileSync(p.files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
    summary: readFileSync(p.files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(phase.stdout),
    masks: parseMasks(phase.stdout),
  };
}

function stateEnvironment(state: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(state)) env[`STATE_${k}`] = v;
  return env;
}

export async function runBundle(options: RunBundleOptions): Promise<RunBundleResult> {
  const p = prepare(options);
  try {
    const main = await runPhase(resolve(p.actionDir, p.meta.runs.main), p.baseEnv, options);
    const result = collect(p, main);
    if (options.post && p.meta.runs.post) {
      const postEnv = { ...p.baseEnv, ...result.env, ...stateEnvironment(result.state) };
      result.post = await runPhase(resolve(p.actionDir, p.meta.runs.post), postEnv, options);
      const after = collect(p, result.post);
      result.summary = after.summary;
      result.outputs = after.outputs;
      result.annotations.push(...after.annotations);
    }
    return result;
  } finally {
    if (!options.keepFiles) rmSync(p.dir, { recursive: true, force: true });
  }
}

/**
 * Runs only an action's post step, with the state its main step saved: what the runner does at
 * the end of a job, for callers that keep a job across several steps (the CLI's --job).
 * Resolves undefined when the action has no post step.
 */
export async function runPostStep(
  options: RunBundleOptions & { state: Record<string, string> },
): Promise<RunBundleResult | undefined> {
  const p = prepare(options);
  if (!p.meta.runs.post) return undefined;
  try {
    const env = { ...p.baseEnv, ...stateEnvironment(options.state) };
    return collect(p, await runPhase(resolve(p.actionDir, p.meta.runs.post), env, options));
  } finally {
    if (!options.keepFiles) rmSync(p.dir, { recursive: true, force: true });
  }
}

/** The parent's environment without runner file commands, inputs or state of an enclosing step. */
function inheritedEnvironment(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(INPUT_|STATE_)/.test(k) || /^GITHUB_(OUTPUT|ENV|STATE|STEP_SUMMARY|PATH)$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

function runPhase(
  script: string,
  env: Record<string, string | undefined>,
  options: RunBundleOptions,
): Promise<PhaseResult> {
  return new Promise((resolvePhase, reject) => {
    const started = performance.now();
    let firstOutputMs: number | undefined;
    const cleanEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) if (v !== undefined) cleanEnv[k] = v;
    const child = spawn(options.node ?? process.execPath, [script], {
      cwd: options.cwd ?? options.root,
      env: cleanEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const first = () => {
      firstOutputMs ??= performance.now() - started;
    };
    child.stdout.on('data', (c: Buffer) => {
      first();
      out.push(c);
      options.onStdout?.(c.toString('utf8'));
    });
    child.stderr.on('data', (c: Buffer) => {
      first();
      err.push(c);
      options.onStderr?.(c.toString('utf8'));
    });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePhase({
        exitCode: code ?? 1,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: performance.now() - started,
        firstOutputMs,
      });
    });
  });
}

/** Parses `name=value` lines and `name<<DELIM` … `DELIM` heredocs, as the runner does. */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] as string);
      if (i >= lines.length) throw new Error(`Unterminated heredoc for ${name} (delimiter ${delimiter})`);
      result[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) props[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    annotations.push({
      level: m[1] as Annotation['level'],
      message: unescapeData(m[3] ?? ''),
      file: props.file,
      line: props.line ? Number(props.line) : undefined,
      col: props.col ? Number(props.col) : undefined,
      title: props.title,
    });
  }
  return annotations;
}

function parseMasks(stdout: string): string[] {
  return [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => unescapeData(m[1] ?? ''));
}
