import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { type RunBundleResult, runBundle, runPostStep } from '../../shared/runner-protocol';
import { closest } from '../../shared/suggest';
import { VERSION } from '../../shared/version';
import { parseArgs, UsageError } from './args';
import { actionHelp, jobHelp, usage } from './help';
import { newId, openJob, restoreSecrets, saveJob } from './job';
import { serveAgent, stopAgent } from './job-agent';
import { bold, dim, lineSplitter, red, renderCommandLine, renderMarkdown } from './terminal';

/**
 * `paved <action> --<input> value …` runs the same bundle the runner runs, with the same inputs
 * and defaults, then shows its outputs and job summary as terminal text.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const root = findRoot();
  const [action, ...rest] = argv;
  if (action === '--version' || action === '-V' || action === 'version') {
    process.stdout.write(`paved ${VERSION}\n`);
    return 0;
  }
  if (action === 'job') return jobCommand(root, rest);
  if (!action || action === '--help' || action === '-h' || action === 'help') {
    process.stdout.write(usage(root));
    return action ? 0 : 2;
  }
  if (!(ACTIONS as readonly string[]).includes(action)) {
    const guess = closest(action, ACTIONS);
    process.stderr.write(`${red('error:')} unknown action "${action}"${guess ? `; did you mean "${guess}"?` : ''}\n`);
    process.stderr.write(usage(root));
    return 2;
  }
  const meta = readActionMetadata(actionMetadataPath(root, action));
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(rest, meta);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${red('error:')} ${error.message}\nRun "paved ${action} --help" for its inputs.\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(actionHelp(action, meta));
    return 0;
  }
  const job = args.job ? openJob(args.job) : undefined;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // The runner keeps RUNNER_TEMP for the whole job; a lone CLI run keeps it under the workspace's
  // .paved/ so reports and accept-new host keys outlive the process (a job keeps them in its DIR).
  const runnerTemp = job ? undefined : keptTemp(workspace, action);
  const printer = lineSplitter((line) => {
    const text = renderCommandLine(line, args.verbose);
    if (text !== undefined) process.stdout.write(`${text}\n`);
  });
  const result = await runBundle({
    root,
    action,
    inputs: args.inputs,
    env: {
      GITHUB_WORKSPACE: workspace,
      ...(runnerTemp ? { RUNNER_TEMP: runnerTemp } : {}),
      ...job?.env,
      ...args.env,
    },
    cwd: process.cwd(),
    // In a job, post steps wait for `paved job end`, as they wait for the end of a runner job.
    post: !job,
    onStdout: (chunk) => printer.push(chunk),
    onStderr: (chunk) => process.stderr.write(chunk),
  });
  printer.end();
  if (job) {
    Object.assign(job.env, result.env);
    if (readActionMetadata(actionMetadataPath(root, action)).runs.post) {
      job.posts.push({ id: newId(), action, inputs: args.inputs, state: result.state });
    }
    await saveJob(job, [...result.masks, ...secretInputs(args.inputs)], cliPath());
  }
  showResult(result, args.verbose);
  if (runnerTemp)
    process.stdout.write(`\n${dim(`Files this run kept: ${relative(process.cwd(), runnerTemp) || '.'}/`)}\n`);
  const code = result.post && result.post.exitCode !== 0 ? result.post.exitCode : result.exitCode;
  process.stdout.write(
    `\n${code === 0 ? bold(`paved ${action}: done`) : red(`paved ${action}: failed (exit ${code})`)}\n`,
  );
  return code;
}

function showResult(result: RunBundleResult, verbose = false): void {
  const outputs = Object.entries(result.outputs);
  if (outputs.length) {
    process.stdout.write(`\n${bold('Outputs')}\n`);
    const width = Math.max(...outputs.map(([k]) => k.length));
    for (const [k, v] of outputs) {
      const shown = v.includes('\n') ? `\n${v.replace(/^/gm, '    ')}` : v;
      process.stdout.write(`  ${k.padEnd(width)}  ${shown}\n`);
    }
  }
  if (result.summary.trim())
    process.stdout.write(`\n${bold('Job summary')}\n\n${renderMarkdown(result.summary, verbose)}\n`);
}

/** `paved job end --job DIR`: the deferred post steps, last started first. */
async function jobCommand(root: string, argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    process.stdout.write(jobHelp());
    return 0;
  }
  if (argv[0] === 'agent' && argv[1]) {
    serveAgent(resolve(argv[1]));
    return new Promise(() => {});
  }
  const dirIndex = argv.indexOf('--job');
  const dir = dirIndex >= 0 ? argv[dirIndex + 1] : process.env.PAVED_JOB;
  if (argv[0] !== 'end' || !dir) {
    process.stderr.write(`${red('error:')} usage: paved job end --job DIR\n\n${jobHelp()}`);
    return 2;
  }
  const { job, missing } = await restoreSecrets(openJob(dir));
  if (missing.length) {
    // The agent that held them is gone (a reboot, or the 6-hour limit): say what cannot run.
    process.stderr.write(
      `${red('error:')} the secret values of this job (${missing.join(', ')}) were held in memory by its job agent, which is no longer running or did not answer; run the job's steps again\n`,
    );
    return 1;
  }
  let code = 0;
  for (const post of [...job.posts].reverse()) {
    process.stdout.write(`${bold(`▶ Post ${post.action}`)}\n`);
    const printer = lineSplitter((line) => {
      const text = renderCommandLine(line, false);
      if (text !== undefined) process.stdout.write(`${text}\n`);
    });
    const result = await runPostStep({
      root,
      action: post.action,
      inputs: post.inputs,
      state: post.state,
      env: { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE ?? process.cwd(), ...job.env },
      cwd: process.cwd(),
      onStdout: (chunk) => printer.push(chunk),
      onStderr: (chunk) => process.stderr.write(chunk),
    });
    printer.end();
    if (!result) continue;
    showResult(result, argv.includes('--verbose') || argv.includes('-v'));
    if (result.exitCode !== 0) code = result.exitCode;
  }
  job.posts = [];
  await saveJob(job, [], cliPath());
  await stopAgent(job.dir);
  return code;
}

/**
 * Inputs named like credentials are kept off disk even when the step did not mask them (it may
 * have stopped before reading them, or, like telemetry without consent, never read them).
 */
function secretInputs(inputs: Record<string, string>): string[] {
  return Object.entries(inputs)
    .filter(([name, value]) => value && /key|salt|token|password|passphrase|secret|pin|headers|pkcs12/i.test(name))
    .map(([, value]) => value);
}

function keptTemp(workspace: string, action: string): string {
  const base = join(workspace, '.paved');
  mkdirSync(base, { recursive: true });
  // Ignored wherever the workspace is a git repository, without touching the user's .gitignore.
  if (!existsSync(join(base, '.gitignore'))) writeFileSync(join(base, '.gitignore'), '*\n');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(base, 'runs', `${action}-${stamp}-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The script that started this CLI, to start the job agent with. */
function cliPath(): string {
  return process.argv[1] ?? join(findRoot(), 'bin', 'paved.js');
}

function findRoot(): string {
  // dist/cli/index.js in a checkout or an installed package; the repository root holds actions/.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'actions')) && existsSync(join(dir, 'dist'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('paved: cannot find the Paved installation (actions/ and dist/)');
}
