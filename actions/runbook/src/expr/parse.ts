import { ExpressionError, type Token, tokenize } from './tokenize';

/** The syntax tree of a `when` expression. */
export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'var'; path: string; at: number }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in'; left: Expr; right: Expr }
  | { kind: 'defined'; path: string; negate: boolean };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'defined', 'true', 'false', 'null', 'none']);

/**
 * Recursive descent, lowest precedence first:
 *   or  := and ('or' | '||') and ...
 *   and := not ('and' | '&&') not ...
 *   not := ('not' | '!') not | cmp
 *   cmp := primary [(== != < <= > >= in 'not in') primary] | primary 'is' ['not'] 'defined'
 */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const isWord = (t: Token, word: string) => t.type === 'name' && t.value.toLowerCase() === word;
  const isOp = (t: Token, op: string) => t.type === 'op' && t.value === op;

  const orExpr = (): Expr => {
    let left = andExpr();
    while (isWord(peek(), 'or') || isOp(peek(), '||')) {
      next();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Expr => {
    let left = notExpr();
    while (isWord(peek(), 'and') || isOp(peek(), '&&')) {
      next();
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  };
  const notExpr = (): Expr => {
    if (isWord(peek(), 'not') || isOp(peek(), '!')) {
      next();
      return { kind: 'not', operand: notExpr() };
    }
    return comparison();
  };
  const comparison = (): Expr => {
    const left = primary();
    const t = peek();
    if (isWord(t, 'is')) {
      next();
      const negate = isWord(peek(), 'not');
      if (negate) next();
      const d = next();
      if (!isWord(d, 'defined')) throw new ExpressionError(`expected "defined" after "is" at column ${d.at + 1}`, d.at);
      if (left.kind !== 'var') throw new ExpressionError('"is defined" applies to a variable', t.at);
      return { kind: 'defined', path: left.path, negate };
    }
    if (t.type === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      next();
      return { kind: 'compare', op: t.value as '==', left, right: primary() };
    }
    if (isWord(t, 'in')) {
      next();
      return { kind: 'compare', op: 'in', left, right: primary() };
    }
    if (isWord(t, 'not') && isWord(tokens[pos + 1] as Token, 'in')) {
      pos += 2;
      return { kind: 'compare', op: 'not in', left, right: primary() };
    }
    return left;
  };
  const primary = (): Expr => {
    const t = next();
    if (t.type === 'number' || t.type === 'string') return { kind: 'literal', value: t.value };
    if (isOp(t, '(')) {
      const inner = orExpr();
      const close = next();
      if (!isOp(close, ')')) throw new ExpressionError(`expected ")" at column ${close.at + 1}`, close.at);
      return inner;
    }
    if (isOp(t, '[')) {
      const items: Expr[] = [];
      if (!isOp(peek(), ']')) {
        do items.push(orExpr());
        while (isOp(peek(), ',') && next());
      }
      const close = next();
      if (!isOp(close, ']')) throw new ExpressionError(`expected "]" at column ${close.at + 1}`, close.at);
      return { kind: 'list', items };
    }
    if (t.type === 'name') {
      const lower = t.value.toLowerCase();
      if (lower === 'true') return { kind: 'literal', value: true };
      if (lower === 'false') return { kind: 'literal', value: false };
      if (lower === 'null' || lower === 'none') return { kind: 'literal', value: null };
      if (KEYWORDS.has(lower)) throw new ExpressionError(`unexpected "${t.value}" at column ${t.at + 1}`, t.at);
      if (t.value.split('.').some((p) => p === '__proto__' || p === 'prototype' || p === 'constructor')) {
        throw new ExpressionError(`"${t.value}" is not a variable a condition may read`, t.at);
      }
      return { kind: 'var', path: t.value, at: t.at };
    }
    if (t.type === 'end') throw new ExpressionError('the condition ends too early', t.at);
    throw new ExpressionError(`unexpected "${t.value}" at column ${t.at + 1}`, t.at);
  };

  const expr = orExpr();
  const rest = peek();
  if (rest.type !== 'end') {
    throw new ExpressionError(
      `unexpected "${'value' in rest ? rest.value : ''}" at column ${rest.at + 1} (function calls and other code are not part of conditions)`,
      rest.at,
    );
  }
  return expr;
}

/** Variable roots an expression reads (for the before-anything-runs check of undefined names). */
export function referencedPaths(expr: Expr, out: string[] = []): string[] {
  switch (expr.kind) {
    case 'var':
      out.push(expr.path);
      break;
    case 'list':
      for (const i of expr.items) referencedPaths(i, out);
      break;
    case 'not':
      referencedPaths(expr.operand, out);
      break;
    case 'and':
    case 'or':
    case 'compare':
      referencedPaths(expr.left, out);
      referencedPaths(expr.right, out);
      break;
    default:
      break;
  }
  return out;
}
