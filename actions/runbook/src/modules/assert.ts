import { errorMessage } from '../../../../shared/errors';
import { ExpressionError, evaluate, parseExpression, truthy } from '../expr';
import { bool, mapping } from './args';
import type { ModuleDef } from './types';

const KEYS = ['that', 'fail_msg', 'msg', 'success_msg', 'quiet'] as const;

function conditions(args: unknown): string[] {
  const that = (args as Record<string, unknown>).that;
  return (Array.isArray(that) ? that : [that]).map((c) => String(c));
}

/** Ansible's assert: every `that` condition (the `when` syntax) must hold, or the host fails with fail_msg. */
export const assert: ModuleDef = {
  name: 'assert',
  validate(check) {
    const a = mapping(check, KEYS, ['that']);
    if (Array.isArray(a.that) && a.that.length === 0) check.fail('needs at least one condition in "that"', 'that');
    for (const text of conditions(a)) {
      try {
        parseExpression(text);
      } catch (error) {
        if (error instanceof ExpressionError) check.fail(`condition "${text}": ${error.message}`, 'that');
        throw error;
      }
    }
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    for (const text of conditions(ctx.task.args)) {
      let ok: boolean;
      try {
        ok = truthy(evaluate(parseExpression(text), ctx.scope));
      } catch (error) {
        // In check mode a registered output may not exist (its command did not run): the engine skips.
        if (ctx.check && /Undefined variable/.test(errorMessage(error))) throw error;
        return { changed: false, failed: true, msg: `assertion "${text}": ${errorMessage(error)}`, assertion: text };
      }
      if (!ok) {
        const msg = a.fail_msg ?? a.msg;
        return {
          changed: false,
          failed: true,
          assertion: text,
          msg: msg === undefined ? `Assertion failed: ${text}` : String(msg),
        };
      }
    }
    const msg = a.success_msg === undefined ? 'All assertions passed' : String(a.success_msg);
    if (!bool(a.quiet, false)) ctx.log(msg);
    return { changed: false, msg };
  },
};
