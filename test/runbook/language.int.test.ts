import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, expectRefused, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/**
 * The Ansible language over real SSH (two loopback hosts): gather_facts, loop with loop_control,
 * set_fact, assert, debug, fail, block/rescue/always, run_once, delegate_to, meta: flush_handlers
 * and force_handlers. Check mode first (nothing changes), then a real run, then a second run that
 * changes nothing; bad arguments fail before any host is touched, with file and line.
 */
describe.skipIf(!service('sshd').available)('runbook language over SSH', () => {
  let dir: string;
  const root = (h: string) => join(dir, 'hosts', h);
  beforeAll(() => {
    dir = workspace({});
    cpSync(join(__dirname, 'fixtures/language'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'inventory.yml'),
      [
        'all:',
        '  vars:',
        `    ansible_port: ${sshPort()}`,
        `    shared: ${dir}/shared`,
        '  children:',
        '    web:',
        '      hosts:',
        '        web1: { ansible_host: 127.0.0.20 }',
        '        web2: { ansible_host: 127.0.0.21 }',
        '      vars:',
        `        root: "${dir}/hosts/\${host.name}"`,
        '',
      ].join('\n'),
    );
    execFileSync('mkdir', ['-p', join(dir, 'shared')]);
  });
  afterAll(() => cleanup(dir));

  const inputs = (rb = 'site.yml') => ({ ...sshInputs(), runbook: rb, inventory: 'inventory.yml' });
  type Rep = ReturnType<typeof report>;
  const task = (rep: Rep, host: string, id: string) =>
    rep.hosts.find((h) => h.name === host)?.tasks.find((t) => t.id === id);

  it('plans in check mode: facts, loops and rescue evaluated, nothing written', async () => {
    const result = await runbook(dir, { ...inputs(), check: 'true' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const rep = report(result);
    expect(rep.hosts.map((h) => h.status)).toEqual(['ok', 'ok']);
    expect(task(rep, 'web1', 'facts')?.status).toBe('ok');
    expect(task(rep, 'web1', 'one file per name')).toMatchObject({ status: 'changed', msg: '3 items: 3 changed' });
    expect(task(rep, 'web1', 'one file per name')?.diff).toContain('+gamma');
    expect(task(rep, 'web1', 'guarded › boom')).toMatchObject({ status: 'failed', rescued: true });
    expect(task(rep, 'web1', 'guarded › rescue › recovered')?.status).toBe('changed');
    expect(existsSync(root('web1'))).toBe(false);
    expect(existsSync(join(dir, 'shared/once'))).toBe(false);
  });

  it('applies every construct for real', async () => {
    const result = await runbook(dir, inputs());
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(0);
    const rep = report(result);
    const arch = execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim();
    for (const h of ['web1', 'web2']) {
      expect(readFileSync(join(root(h), 'facts'), 'utf8')).toMatch(new RegExp(`^${arch} Debian \\S+\\n$`));
      for (const n of ['alpha', 'beta', 'gamma']) expect(readFileSync(join(root(h), n), 'utf8')).toBe(`${n}\n`);
      expect(statSync(join(root(h), 'd1')).mode & 0o777).toBe(0o750);
      expect(statSync(join(root(h), 'd2')).mode & 0o777).toBe(0o700);
      expect(existsSync(join(root(h), 'skipme'))).toBe(false);
      expect(readFileSync(join(root(h), 'block-ran'), 'utf8')).toBe('yes\n');
      expect(existsSync(join(root(h), 'never'))).toBe(false);
      expect(readFileSync(join(root(h), 'rescued'), 'utf8')).toBe('planned failure\n');
      expect(readFileSync(join(root(h), 'always'), 'utf8')).toBe('always\n');
      expect(readFileSync(join(root(h), 'flag'), 'utf8')).toBe('flushed\n');
      expect(task(rep, h, 'dirs')?.msg).toBe('3 items: 2 changed, 1 skipped');
    }
    expect(log).toContain('hello web1');
    expect(log).toContain('made.changed: true');
    // run_once: one host ran it, the other reports where it ran.
    const once = ['web1', 'web2'].map((h) => task(rep, h, 'once'));
    expect(once.map((t) => t?.status).sort()).toEqual(['changed', 'skipped']);
    expect(once.find((t) => t?.status === 'skipped')?.msg).toMatch(/^run_once: ran on web[12]$/);
    expect(readFileSync(join(dir, 'shared/once'), 'utf8')).toBe('once\n');
    // Handlers flushed by meta run once, before the end, and not again at the end.
    expect(rep.hosts[0]!.tasks.filter((t) => t.id === 'write flag')).toHaveLength(1);
    expect(rep.hosts.map((h) => h.status)).toEqual(['ok', 'ok']);
  });

  it('changes nothing on the second run', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const changed = report(result).hosts.flatMap((h) =>
      h.tasks.filter((t) => t.status === 'changed').map((t) => `${h.name}:${t.id}`),
    );
    expect(changed).toEqual([]);
  });

  it('force_handlers runs notified handlers on a host that then failed', async () => {
    const result = await runbook(dir, inputs('force.yml'));
    expect(result.exitCode).not.toBe(0);
    const rep = report(result);
    expect(rep.hosts[0]).toMatchObject({ status: 'failed', error: 'breaks: broken on purpose' });
    expect(readFileSync(join(root('web1'), 'force-restarted'), 'utf8')).toBe('yes\n');
  });

  it('a loop that is no list at run time, or a delegate_to host not in the run, fails that task only', async () => {
    writeFileSync(
      join(dir, 'late.yml'),
      [
        'tasks:',
        '  - name: not a list',
        '    debug: { msg: "${item}" }',
        '    loop: "${word}"',
        '    ignore_errors: true',
        '  - name: nowhere',
        '    debug: { msg: hi }',
        '    delegate_to: "${ghost}"',
        '  - name: never',
        '    debug: { msg: unreachable }',
        '',
      ].join('\n'),
    );
    const result = await runbook(dir, { ...inputs('late.yml'), limit: 'web1', vars: 'word: abc\nghost: nohost' });
    expect(result.exitCode, visibleLog(result)).toBe(1);
    const rep = report(result);
    expect(task(rep, 'web1', 'not a list')).toMatchObject({ status: 'failed', msg: 'loop must be a list, got "abc"' });
    expect(task(rep, 'web1', 'nowhere')?.msg).toMatch(/^delegate_to: "nohost" is not a host of this run/);
    expect(task(rep, 'web1', 'never')).toBeUndefined();
    expect(rep.hosts[0]).toMatchObject({ name: 'web1', status: 'failed' });
    expect(rep.hosts[0]?.error).toMatch(/^nowhere: delegate_to:/);
  });

  it('lists hosts (limit applied) and tasks (start-at-task applied) without connecting', async () => {
    const result = await runbook(dir, {
      ...inputs(),
      limit: 'web*:!web1',
      'list-hosts': 'true',
      'list-tasks': 'true',
      'start-at-task': 'before',
      'ssh-port': '1',
    });
    const log = visibleLog(result);
    expect(result.exitCode, log).toBe(0);
    expect(log).toContain('hosts (1):');
    expect(log).toContain('web2 (127.0.0.21)');
    expect(log).not.toContain('web1 (127.0.0.20)');
    expect(log).toMatch(/guarded \(block\)\n.*before\n/);
    expect(log).toContain('rescue:');
    expect(log).not.toMatch(/^\s+one file per name$/m);
    expect(result.outputs.report).toBeUndefined();
  });

  it('runs from start-at-task on the limited hosts only', async () => {
    const result = await runbook(dir, { ...inputs(), limit: 'web1', 'start-at-task': 'guarded › before' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const rep = report(result);
    expect(rep.hosts.map((h) => h.name)).toEqual(['web1']);
    expect(rep.hosts[0]!.tasks[0]!.id).toBe('guarded › before');
  });

  it.each([
    ['limit', 'webb1', 'did you mean "web1"'],
    ['start-at-task', 'flushh', 'did you mean "flush"'],
  ])('refuses an unknown %s with a suggestion', async (input, value, message) => {
    const result = await runbook(dir, { ...inputs(), [input]: value });
    expect(result.exitCode).not.toBe(0);
    expect(visibleLog(result)).toContain(`Input ${input}`);
    expect(visibleLog(result)).toContain(message);
  });

  /** A one-task runbook (`debug: { msg: hi }`) with `extra` keys on the task. */
  const debugTask = (extra = '') => `tasks:\n  - name: x\n    debug: { msg: hi }\n${extra}`;

  it.each([
    ['loop_control without loop', debugTask('    loop_control: { loop_var: y }\n'), 4, 'loop_control needs a loop'],
    [
      'unknown loop_control key',
      debugTask('    loop: [1]\n    loop_control: { loopvar: y }\n'),
      5,
      'did you mean "loop_var"',
    ],
    ['loop that is not a list', debugTask('    loop: abc\n'), 4, 'loop must be a list'],
    ['assert with a bad condition', 'tasks:\n  - name: x\n    assert:\n      that: "a =="\n', 4, 'condition "a =="'],
    ['rescue outside a block', debugTask('    rescue: []\n'), 4, 'belongs to a block'],
    [
      'meta with an unknown action',
      'tasks:\n  - name: x\n    meta: end_everything\n',
      3,
      'takes one of flush_handlers',
    ],
    ['set_fact of a built-in', 'tasks:\n  - name: x\n    set_fact: { env: 1 }\n', 3, 'built-in'],
    ['debug with msg and var', 'tasks:\n  - name: x\n    debug: { msg: a, var: b }\n', 3, 'msg or var'],
    [
      'gather_facts that is not a boolean',
      `gather_facts: maybe\n${debugTask()}`,
      1,
      '"gather_facts" must be true or false',
    ],
    [
      'force_handlers that is not a boolean',
      `force_handlers: 1\n${debugTask()}`,
      1,
      '"force_handlers" must be true or false',
    ],
    ['delegate_to that is not a name', debugTask('    delegate_to: [a]\n'), 4, 'delegate_to must be a host name'],
    ['run_once that is not a boolean', debugTask('    run_once: sometimes\n'), 4, 'run_once must be true or false'],
    ['assert without that', 'tasks:\n  - name: x\n    assert: { fail_msg: nope }\n', 3, 'needs "that"'],
    ['fail with an unknown key', 'tasks:\n  - name: x\n    fail: { message: nope }\n', 3, 'has no argument "message"'],
    [
      'run_once on a block',
      'tasks:\n  - name: x\n    run_once: true\n    block:\n      - name: y\n        debug: { msg: hi }\n',
      3,
      'run_once',
    ],
  ])('refuses %s with file and line', async (_what, text, line, message) => {
    await expectRefused(dir, text, message, line);
  });
});
