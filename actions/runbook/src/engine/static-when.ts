import { lookup } from '../../../../shared/template';
import { type Expr, evaluate, truthy } from '../expr';

/**
 * What a task's `when` says for a host before anything runs, in three values: `false` (the host
 * never takes the branch, so the pre-run check does not demand its variables: `when: x is
 * defined`, `when: "'web' in host.groups"`), `true`, or `undefined` when it depends on a name only
 * known at run time (registered results, facts, block or loop variables). Undecided parts only
 * stay undecided where they matter: `probe.rc == 0 and x is defined` is false for a host without
 * `x`, whatever the probe says. A condition that cannot be evaluated is undecided too; its own
 * check then reports why.
 */
export function staticWhen(expr: Expr, scope: Record<string, unknown>, runtimeNames: Set<string>): boolean | undefined {
  try {
    const v = partial(expr, scope, runtimeNames);
    return v === UNKNOWN ? undefined : truthy(v);
  } catch {
    return undefined;
  }
}

const UNKNOWN = Symbol('unknown');

function partial(expr: Expr, scope: Record<string, unknown>, runtime: Set<string>): unknown {
  const truth = (e: Expr): boolean | typeof UNKNOWN => {
    const v = partial(e, scope, runtime);
    return v === UNKNOWN ? UNKNOWN : truthy(v);
  };
  switch (expr.kind) {
    case 'var':
    case 'defined':
      if (runtime.has(expr.path.split('.')[0] as string)) return UNKNOWN;
      if (expr.kind === 'defined') return (lookup(scope, expr.path) !== undefined) !== expr.negate;
      return evaluate(expr, scope);
    case 'list': {
      const items = expr.items.map((i) => partial(i, scope, runtime));
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    case 'not': {
      const v = truth(expr.operand);
      return v === UNKNOWN ? UNKNOWN : !v;
    }
    case 'and':
    case 'or': {
      // The run short-circuits left to right, so a decided left side settles it as it would there;
      // an undecided left side still lets a decided right side settle it (false for and, true for or).
      const settles = expr.kind === 'or';
      const left = truth(expr.left);
      if (left === settles) return settles;
      let right: boolean | typeof UNKNOWN;
      try {
        right = truth(expr.right);
      } catch (error) {
        if (left === UNKNOWN) return UNKNOWN;
        throw error;
      }
      if (right === settles) return settles;
      return left === UNKNOWN || right === UNKNOWN ? UNKNOWN : !settles;
    }
    case 'compare': {
      const left = partial(expr.left, scope, runtime);
      const right = partial(expr.right, scope, runtime);
      if (left === UNKNOWN || right === UNKNOWN) return UNKNOWN;
      return evaluate({ ...expr, left: literal(left), right: literal(right) }, scope);
    }
    default:
      return evaluate(expr, scope);
  }
}

const literal = (value: unknown): Expr => ({ kind: 'literal', value });
