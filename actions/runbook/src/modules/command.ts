import { ConfigurationError } from '../../../../shared/errors';
import { quote } from '../transport/posix';
import { mapping, stringList, stringMap } from './args';
import { prefix, runCommand } from './shell';
import type { ModuleDef } from './types';

const KEYS = ['argv', 'cmd', 'chdir', 'env', 'stdin', 'creates', 'removes'] as const;

/** Splits `ls -l "my dir"` into argv the way a shell would for plain words and quotes, nothing more. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  let quoteChar: string | undefined;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoteChar) {
      if (c === quoteChar) quoteChar = undefined;
      else if (c === '\\' && quoteChar === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quoteChar = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || current) words.push(current);
      current = '';
      has = false;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else current += c;
  }
  if (quoteChar) throw new ConfigurationError(`unterminated ${quoteChar} quote in "${text}"`);
  if (has || current) words.push(current);
  return words;
}

/**
 * Runs a program with arguments and no shell: each argument is quoted, so `;`, `$()` and globs
 * in a variable stay data. Use it whenever a value comes from a variable.
 */
export const command: ModuleDef = {
  name: 'command',
  validate(check) {
    if (typeof check.args === 'string') return;
    if (Array.isArray(check.args)) {
      if (check.args.length === 0) check.fail('needs a program to run');
      return;
    }
    const map = mapping(check, KEYS);
    if (map.argv === undefined && map.cmd === undefined) check.fail('needs argv (a list) or cmd');
    stringList(check, map, 'argv');
    stringMap(check, map, 'env');
  },
  run(ctx) {
    const a = (typeof ctx.args === 'string' || Array.isArray(ctx.args) ? { argv: ctx.args } : ctx.args) as Record<
      string,
      unknown
    >;
    const source = a.argv ?? a.cmd;
    const argv = Array.isArray(source) ? source.map(String) : splitWords(String(source));
    const line = argv.map(quote).join(' ');
    return runCommand(ctx, {
      line: prefix(a) + line,
      display: line,
      stdin: a.stdin === undefined ? undefined : String(a.stdin),
      creates: a.creates === undefined ? undefined : String(a.creates),
      removes: a.removes === undefined ? undefined : String(a.removes),
    });
  },
};
