import parse from 'spdx-expression-parse';

export type Ast = parse.Info;

/** Parses an SPDX expression; undefined when the text is not one (e.g. "BSD", "SEE LICENSE IN LICENSE.txt"). */
export function parseExpression(text: string): Ast | undefined {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** The expression written back canonically: redundant parentheses dropped, operators upper-case. */
export function render(ast: Ast, parent?: 'and' | 'or'): string {
  if ('conjunction' in ast) {
    const text = `${render(ast.left, ast.conjunction)} ${ast.conjunction.toUpperCase()} ${render(ast.right, ast.conjunction)}`;
    // AND binds tighter than OR; parentheses are needed only for an OR inside an AND.
    return parent === 'and' && ast.conjunction === 'or' ? `(${text})` : text;
  }
  return `${ast.license}${ast.plus ? '+' : ''}${ast.exception ? ` WITH ${ast.exception}` : ''}`;
}

/** Every license id mentioned, for the summary's breakdown. */
export function leaves(ast: Ast): string[] {
  return 'conjunction' in ast ? [...leaves(ast.left), ...leaves(ast.right)] : [render(ast)];
}
