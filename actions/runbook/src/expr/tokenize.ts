import { ConfigurationError } from '../../../../shared/errors';

/**
 * Tokens of the `when` language. It is deliberately tiny: values, variable paths, comparisons,
 * `in`, `is [not] defined`, and/or/not, parentheses. No calls, no indexing by expression, no
 * property access beyond own data: it cannot reach code, so it needs no sandbox.
 */
export type Token =
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'name'; value: string; at: number }
  | { type: 'op'; value: string; at: number }
  | { type: 'end'; at: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ','];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          j++;
          const e = text[j] as string;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else value += text[j];
      }
      if (j >= text.length) throw new ExpressionError(`unterminated string starting at column ${i + 1}`, i);
      tokens.push({ type: 'string', value, at: i });
      i = j + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (number && (c !== '-' || !endsOperand(tokens))) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w-]*(\.(?:[A-Za-z_][\w-]*|\d+))*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', value: op, at: i });
      i += op.length;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}" at column ${i + 1}`, i);
  }
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

function endsOperand(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return false;
  return (
    last.type === 'number' ||
    last.type === 'string' ||
    last.type === 'name' ||
    (last.type === 'op' && last.value === ')')
  );
}

export class ExpressionError extends ConfigurationError {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
