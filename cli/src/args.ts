import type { ActionMetadata } from '../../shared/action-metadata';
import { closest } from '../../shared/suggest';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  inputs: Record<string, string>;
  help: boolean;
  verbose: boolean;
  /** Environment variables given with `--env KEY=VALUE`. */
  env: Record<string, string>;
  /** `--job DIR`: keep a job across invocations (exported env, deferred post steps). */
  job?: string;
}

/**
 * `--<input> value`, `--<input>=value`; a boolean input may stand alone (`--dry-run`).
 * Repeating an input joins the values with newlines, so list inputs read naturally:
 * `--files a.tgz --files b.tgz`.
 */
export function parseArgs(argv: readonly string[], meta: ActionMetadata): ParsedArgs {
  const parsed: ParsedArgs = {
    inputs: {},
    help: false,
    verbose: false,
    env: {},
    job: process.env.PAVED_JOB || undefined,
  };
  const known = Object.keys(meta.inputs);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (arg === '--verbose' || arg === '-v') {
      parsed.verbose = true;
      continue;
    }
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument "${arg}": inputs are given as --<input> <value>`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (name === 'job') {
      value ??= argv[++i];
      if (!value) throw new UsageError('--job takes a directory');
      parsed.job = value;
      continue;
    }
    if (name === 'env') {
      value ??= argv[++i];
      const e = value?.indexOf('=') ?? -1;
      if (!value || e <= 0) throw new UsageError('--env takes KEY=VALUE');
      parsed.env[value.slice(0, e)] = value.slice(e + 1);
      continue;
    }
    if (!known.includes(name)) {
      const guess = closest(name, known);
      // Cut what we echo: a mistyped flag may be a value (a key) that lost its flag.
      const shown = name.length > 40 || /\s/.test(name) ? `${name.slice(0, 12).split(/\s/)[0]}…` : name;
      throw new UsageError(`unknown input --${shown}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || isFlag(next, known)) value = 'true';
      else {
        value = next;
        i++;
      }
    }
    parsed.inputs[name] = name in parsed.inputs ? `${parsed.inputs[name]}\n${value}` : value;
  }
  return parsed;
}

const RESERVED = ['help', 'verbose', 'env', 'job'];

/** `--name` or `--name=…` for a known input or CLI flag; anything else (`-----BEGIN KEY-----`) is a value. */
function isFlag(arg: string, known: readonly string[]): boolean {
  const m = /^--([A-Za-z0-9][\w-]*)(=|$)/.exec(arg);
  return m !== null && (known.includes(m[1] as string) || RESERVED.includes(m[1] as string));
}
