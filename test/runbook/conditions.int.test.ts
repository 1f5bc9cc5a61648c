import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/**
 * changed_when/failed_when judge a command's output, so they are evaluated only when the command
 * ran: the common `… && echo created` + `changed_when: "'created' in result.stdout"` idiom must
 * plan in check mode, apply for real, and be a no-op the second time (guarded or not).
 */
describe('changed_when and failed_when (bundle, local target)', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'modules/plan.mjs':
        'export default async function (args, ctx) {\n  if (ctx.check) return { changed: true };\n  return { changed: true, out: "made it" };\n}\n',
    });
    writeFileSync(
      join(dir, 'rb.yml'),
      `vars: { out: "${dir}/out" }
tasks:
  - name: dir
    file: { path: "\${out}", state: directory }
  - name: create
    shell: "test -e \${out}/thing || { touch \${out}/thing && echo created; }"
    changed_when: "'created' in result.stdout"
    register: made
  - name: guarded
    shell: "touch \${out}/guarded && echo created"
    creates: \${out}/guarded
    changed_when: "'created' in result.stdout"
    failed_when: "'error' in result.stderr"
  - name: custom
    uses: ./modules/plan.mjs
    changed_when: "'made' in result.out"
  - name: read only
    command: [uname, -s]
    changed_when: "false"
  - name: announce
    echo: "create changed: \${made.changed}"
`,
    );
  });
  afterAll(() => cleanup(dir));

  const statuses = (result: Awaited<ReturnType<typeof runbook>>) =>
    Object.fromEntries(report(result).hosts[0]!.tasks.map((t) => [t.id, t.status]));

  it('check mode reports the commands as would run / changed without evaluating changed_when', async () => {
    const result = await runbook(dir, { runbook: 'rb.yml', check: 'true' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(statuses(result)).toEqual({
      dir: 'changed',
      create: 'changed',
      guarded: 'changed',
      custom: 'changed',
      'read only': 'ok',
      announce: 'ok',
    });
    // A condition that does not read the result is still judged: a read-only command plans as ok.
    expect(visibleLog(result)).not.toContain('Undefined variable');
    expect(result.summary).toContain('would run: touch');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('applies for real with changed_when judging the output, then reports 0 changed', async () => {
    const first = await runbook(dir, { runbook: 'rb.yml' });
    expect(first.exitCode, visibleLog(first)).toBe(0);
    expect(statuses(first)).toEqual({
      dir: 'changed',
      create: 'changed',
      guarded: 'changed',
      custom: 'changed',
      'read only': 'ok',
      announce: 'ok',
    });
    expect(visibleLog(first)).toContain('create changed: true');
    expect(existsSync(join(dir, 'out/thing'))).toBe(true);
    expect(existsSync(join(dir, 'out/guarded'))).toBe(true);

    const second = await runbook(dir, { runbook: 'rb.yml' });
    expect(second.exitCode, visibleLog(second)).toBe(0);
    // create ran and printed nothing; guarded did not run at all (creates), so its conditions were not judged.
    expect(statuses(second)).toMatchObject({ dir: 'ok', create: 'ok', guarded: 'skipped', announce: 'ok' });
    expect(visibleLog(second)).toContain('create changed: false');

    // In check mode after the real run, the guard already skips the command.
    const plan = await runbook(dir, { runbook: 'rb.yml', check: 'true' });
    expect(plan.exitCode, visibleLog(plan)).toBe(0);
    expect(statuses(plan)).toMatchObject({ dir: 'ok', create: 'changed', guarded: 'skipped' });
  });

  it('still fails the host when a real result lacks what a condition reads', async () => {
    writeFileSync(
      join(dir, 'typo.yml'),
      'tasks:\n  - name: typo\n    shell: echo hi\n    changed_when: "\'hi\' in result.stdoot"\n',
    );
    const result = await runbook(dir, { runbook: 'typo.yml' });
    expect(result.exitCode).toBe(1);
    expect(report(result).hosts[0]!.tasks[0]!.msg).toContain('Undefined variable "result.stdoot"');
  });
});
