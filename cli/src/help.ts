import { ACTIONS, type ActionMetadata, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { VERSION } from '../../shared/version';
import { bold, dim, terminalWidth } from './terminal';

/** Words wrapped to `width`, every line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

export function usage(root: string): string {
  const width = terminalWidth();
  const lines = [
    `paved ${VERSION}: the paved road to production, run locally with the bundles the runner runs.`,
    '',
    'Usage: paved <action> [--<input> <value> …] [--env KEY=VALUE] [--job DIR] [--verbose]',
    '       paved <action> --help',
    '       paved job end --job DIR      run a job’s deferred post steps (see paved job --help)',
    '       paved --version',
    '',
    'Actions:',
  ];
  for (const a of ACTIONS) {
    const meta = readActionMetadata(actionMetadataPath(root, a));
    lines.push(`  ${a.padEnd(10)} ${wrap(meta.description, width - 13, 13)}`);
  }
  lines.push(
    '',
    `Files a run keeps (reports, accept-new host keys) are written under .paved/ in the workspace (${dim('gitignored')}).`,
  );
  return `${lines.join('\n')}\n`;
}

export function jobHelp(): string {
  const width = terminalWidth();
  const text = [
    bold('paved job'),
    wrap(
      'A job spans several paved invocations the way steps span a runner job: add --job DIR (or set PAVED_JOB=DIR) to each step, so variables one step exports reach the next and post steps (telemetry’s receipt) wait for the end of the job.',
      width,
      0,
    ),
    '',
    bold('Usage'),
    '  paved <action> --job DIR …   run a step in the job',
    '  paved job end --job DIR      run the deferred post steps, last started first',
    '',
    wrap(
      'DIR/job.json (mode 0600) holds exported variables and deferred steps. Values a step masked (keys, salts, tokens) never go to disk: a job agent keeps them in memory until `paved job end`, or for 6 hours.',
      width,
      0,
    ),
  ];
  return `${text.join('\n')}\n`;
}

export function actionHelp(action: string, meta: ActionMetadata): string {
  const width = terminalWidth();
  const lines = [bold(`paved ${action}`), wrap(meta.description, width, 0), '', bold('Inputs')];
  const inputs = Object.entries(meta.inputs);
  const nameWidth = Math.min(
    28,
    Math.max(0, ...[...inputs.map(([k]) => k.length + 2), ...Object.keys(meta.outputs).map((k) => k.length)]) + 2,
  );
  const indent = nameWidth + 2;
  const cell = (name: string) => (name.length >= nameWidth ? `${name}\n${' '.repeat(indent)}` : name.padEnd(nameWidth));
  for (const [name, spec] of inputs) {
    const flags = [
      spec.required ? 'required' : '',
      // An empty default says nothing: leave it out rather than print "(default: )".
      spec.default !== undefined && String(spec.default).trim() !== '' ? `default: ${spec.default}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const desc = spec.description.trim().replace(/\s*\n\s*/g, ' ');
    lines.push(`  ${cell(`--${name}`)}${wrap(`${desc}${flags ? ` (${flags})` : ''}`, width - indent, indent)}`);
  }
  lines.push('', bold('Outputs'));
  for (const [name, spec] of Object.entries(meta.outputs))
    lines.push(`  ${cell(name)}${wrap(spec.description.trim().replace(/\s*\n\s*/g, ' '), width - indent, indent)}`);
  return `${lines.join('\n')}\n`;
}
