import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS, type ActionMetadata, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { type RunBundleResult, runBundle, runPostStep } from '../../shared/runner-protocol';
import { closest } from '../../shared/suggest';
import { parseArgs, UsageError } from './args';
import { type Job, openJob, saveJob } from './job';
import { bold, dim, lineSplitter, red, renderCommandLine, renderMarkdown } from './terminal';

/**
 * `paved <action> --<input> value …` runs the same bundle the runner runs, with the same inputs
 * and defaults, then shows its outputs and job summary as terminal text.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const root = findRoot();
  const [action, ...rest] = argv;
  if (action === 'job') return endJob(root, rest);
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
  const printer = lineSplitter((line) => {
    const text = renderCommandLine(line, args.verbose);
    if (text !== undefined) process.stdout.write(`${text}\n`);
  });
  const result = await runBundle({
    root,
    action,
    inputs: args.inputs,
    env: { GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE ?? process.cwd(), ...job?.env, ...args.env },
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
      job.posts.push({ action, inputs: args.inputs, state: result.state });
    }
    saveJob(job);
  }
  showResult(result);
  const code = result.post && result.post.exitCode !== 0 ? result.post.exitCode : result.exitCode;
  process.stdout.write(
    `\n${code === 0 ? bold(`paved ${action}: done`) : red(`paved ${action}: failed (exit ${code})`)}\n`,
  );
  return code;
}

function showResult(result: RunBundleResult): void {
  const outputs = Object.entries(result.outputs);
  if (outputs.length) {
    process.stdout.write(`\n${bold('Outputs')}\n`);
    const width = Math.max(...outputs.map(([k]) => k.length));
    for (const [k, v] of outputs) {
      const shown = v.includes('\n') ? `\n${v.replace(/^/gm, '    ')}` : v;
      process.stdout.write(`  ${k.padEnd(width)}  ${shown}\n`);
    }
  }
  if (result.summary.trim()) process.stdout.write(`\n${bold('Job summary')}\n\n${renderMarkdown(result.summary)}\n`);
}

/** `paved job end --job DIR`: the deferred post steps, last started first. */
async function endJob(root: string, argv: readonly string[]): Promise<number> {
  const dirIndex = argv.indexOf('--job');
  const dir = dirIndex >= 0 ? argv[dirIndex + 1] : process.env.PAVED_JOB;
  if (argv[0] !== 'end' || !dir) {
    process.stderr.write(`${red('error:')} usage: paved job end --job DIR\n`);
    return 2;
  }
  const job: Job = openJob(dir);
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
    showResult(result);
    if (result.exitCode !== 0) code = result.exitCode;
  }
  job.posts = [];
  saveJob(job);
  return code;
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

function usage(root: string): string {
  const lines = [
    'Usage: paved <action> [--<input> <value> …] [--env KEY=VALUE] [--verbose]',
    '       paved <action> --help',
    '',
    'Actions:',
  ];
  for (const a of ACTIONS) {
    const meta = readActionMetadata(actionMetadataPath(root, a));
    lines.push(`  ${a.padEnd(10)} ${meta.description}`);
  }
  return `${lines.join('\n')}\n`;
}

export function actionHelp(action: string, meta: ActionMetadata): string {
  const lines = [bold(`paved ${action}`), meta.description, '', bold('Inputs')];
  const inputs = Object.entries(meta.inputs);
  const width =
    Math.max(0, ...[...inputs.map(([k]) => k.length), ...Object.keys(meta.outputs).map((k) => k.length - 2)]) + 2;
  for (const [name, spec] of inputs) {
    const flags = [spec.required ? 'required' : '', spec.default !== undefined ? `default: ${spec.default}` : '']
      .filter(Boolean)
      .join(', ');
    const desc = spec.description.trim().replace(/\s*\n\s*/g, ' ');
    lines.push(`  --${name.padEnd(width)}${desc}${flags ? ` ${dim(`(${flags})`)}` : ''}`);
  }
  lines.push('', bold('Outputs'));
  for (const [name, spec] of Object.entries(meta.outputs))
    lines.push(`  ${name.padEnd(width + 2)}${spec.description.trim()}`);
  return `${lines.join('\n')}\n`;
}
