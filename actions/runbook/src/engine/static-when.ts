import { type Expr, evaluate, truthy } from '../expr';

/**
 * Whether a task's `when` is false for a host before anything runs: the pre-run check then does
 * not demand the variables of a branch that host never takes (`when: x is defined`, `when:
 * "'web' in host.groups"`). Undecided when the condition reads a name only known at run time
 * (registered results, facts, block or loop variables) or cannot be evaluated: the task is then
 * checked as usual, and a guarded branch taken without its variable still fails at run time.
 */
export function staticallyFalse(expr: Expr, scope: Record<string, unknown>, runtimeNames: Set<string>): boolean {
  if (roots(expr).some((r) => runtimeNames.has(r))) return false;
  try {
    return !truthy(evaluate(expr, scope));
  } catch {
    return false;
  }
}

function roots(expr: Expr, out: string[] = []): string[] {
  switch (expr.kind) {
    case 'var':
    case 'defined':
      out.push(expr.path.split('.')[0] as string);
      break;
    case 'list':
      for (const i of expr.items) roots(i, out);
      break;
    case 'not':
      roots(expr.operand, out);
      break;
    case 'and':
    case 'or':
    case 'compare':
      roots(expr.left, out);
      roots(expr.right, out);
      break;
    default:
      break;
  }
  return out;
}
