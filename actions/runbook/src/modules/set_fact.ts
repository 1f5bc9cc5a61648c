import { rawValue } from '../engine/values';
import type { ModuleDef } from './types';

const BUILT_IN = ['env', 'secrets', 'host', 'result', 'vars', 'facts', 'item'];

/**
 * Ansible's set_fact: per-host variables for the rest of the run. A value that is exactly one
 * `${var}` keeps its type (a list stays a list). The engine applies `ansible_facts` to the host.
 */
export const setFact: ModuleDef = {
  name: 'set_fact',
  validate(check) {
    const a = check.args;
    if (a === null || typeof a !== 'object' || Array.isArray(a) || Object.keys(a).length === 0)
      check.fail('expects a mapping of variable names to values');
    for (const key of Object.keys(a as object)) {
      if (key === 'cacheable') continue;
      if (!/^[A-Za-z_]\w*$/.test(key)) check.fail(`"${key}" is not a valid variable name`, key);
      if (BUILT_IN.includes(key)) check.fail(`"${key}" is a built-in variable and cannot be set`, key);
    }
  },
  async run(ctx) {
    const raw = ctx.task.args as Record<string, unknown>;
    const facts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'cacheable') continue;
      facts[k] = rawValue(v, ctx.scope, `set_fact ${k} of "${ctx.task.id}"`, ctx.task.argsLoc);
    }
    return { changed: false, ansible_facts: facts };
  },
};
