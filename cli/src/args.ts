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
}

/**
 * `--<input> value`, `--<input>=value`; a boolean input may stand alone (`--dry-run`).
 * Repeating an input joins the values with newlines, so list inputs read naturally:
 * `--files a.tgz --files b.tgz`.
 */
export function parseArgs(argv: readonly string[], meta: ActionMetadata): ParsedArgs {
  const parsed: ParsedArgs = { inputs: {}, help: false, verbose: false, env: {} };
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
    if (name === 'env') {
      value ??= argv[++i];
      const e = value?.indexOf('=') ?? -1;
      if (!value || e <= 0) throw new UsageError('--env takes KEY=VALUE');
      parsed.env[value.slice(0, e)] = value.slice(e + 1);
      continue;
    }
    if (!known.includes(name)) {
      const guess = closest(name, known);
      throw new UsageError(`unknown input --${name}${guess ? `; did you mean --${guess}?` : ''}`);
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) value = 'true';
      else {
        value = next;
        i++;
      }
    }
    parsed.inputs[name] = name in parsed.inputs ? `${parsed.inputs[name]}\n${value}` : value;
  }
  return parsed;
}
