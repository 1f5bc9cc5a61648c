import { describe, expect, it } from 'vitest';
import { staticWhen } from '../../../actions/runbook/src/engine/static-when';
import { evaluate, parseExpression, truthy } from '../../../actions/runbook/src/expr';

/**
 * The pre-run check's reading of `when`: false only where the run would certainly skip the task.
 * Each decided case is compared with what the run-time evaluator says once the run-time names
 * have values, so the two can never disagree.
 */
const host = { site: 'alpha', host: { name: 'web1', groups: ['web'] }, n: '3' };
const runtime = new Set(['probe', 'item']);
const decide = (text: string, scope: Record<string, unknown> = host) =>
  staticWhen(parseExpression(text), scope, runtime);

describe('staticWhen', () => {
  it('decides conditions on names known before the run', () => {
    expect(decide('site is defined')).toBe(true);
    expect(decide('missing is defined')).toBe(false);
    expect(decide("'db' in host.groups")).toBe(false);
    expect(decide('n > 2')).toBe(true);
  });

  it('leaves a condition on a run-time value undecided', () => {
    expect(decide('probe.rc == 0')).toBeUndefined();
    expect(decide('not probe.changed')).toBeUndefined();
    expect(decide('item in [1, 2]')).toBeUndefined();
    expect(decide('probe.rc == 0 and site is defined')).toBeUndefined();
    expect(decide('probe.rc == 0 or missing is defined')).toBeUndefined();
  });

  it('lets the decided side of and/or settle it, as the run would', () => {
    expect(decide('probe.rc == 0 and missing is defined')).toBe(false);
    expect(decide('missing is defined and probe.rc == 0')).toBe(false);
    expect(decide('probe.rc == 0 or site is defined')).toBe(true);
    expect(decide("not ('web' in host.groups) and probe.rc == 0")).toBe(false);
    // The run short-circuits: `missing` is never read when the left side is false.
    expect(decide('missing is defined and missing == 1')).toBe(false);
  });

  it('is undecided, not false, where the run would raise an error', () => {
    expect(decide('missing == 1')).toBeUndefined();
    expect(decide('probe.rc == 0 and missing == 1')).toBeUndefined();
    expect(decide('site < 3')).toBeUndefined();
  });

  it('agrees with the run-time evaluator whenever it decides', () => {
    const conditions = [
      'site is defined',
      'missing is defined',
      'probe.rc == 0 and missing is defined',
      'probe.rc == 0 or site is defined',
      "not ('web' in host.groups) and probe.rc == 0",
      "probe.stdout == 'go' and 'web' in host.groups",
      "'db' in host.groups or probe.rc != 0",
    ];
    for (const text of conditions) {
      const decided = decide(text);
      if (decided === undefined) continue;
      for (const probe of [
        { rc: 0, stdout: 'go' },
        { rc: 1, stdout: 'stop' },
      ])
        expect(truthy(evaluate(parseExpression(text), { ...host, probe })), `${text} with ${probe.rc}`).toBe(decided);
    }
  });
});
