import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, runbook, workspace } from './helpers';

/**
 * Bad input fails before anything runs: each runbook starts with a task that would leave a marker,
 * and the marker must never appear. Errors are annotations pointing at file, line and column.
 */
describe('runbook configuration errors (bundle, local target)', () => {
  let dir: string;
  let outside: string;
  const first = () => `  - name: would run first\n    shell: touch ${dir}/marker\n`;

  beforeAll(() => {
    dir = workspace({ 'tpl/ok.conf': 'x=${x}\n' });
    outside = mkdtempSync(join(tmpdir(), 'rb-outside-'));
    writeFileSync(join(outside, 'secret.tpl'), 'stolen\n');
  });
  afterAll(() => {
    cleanup(dir);
    cleanup(outside);
  });

  async function expectConfigError(file: string, text: string, inputs: Record<string, string> = {}) {
    writeFileSync(join(dir, file), text);
    const result = await runbook(dir, { runbook: file, ...inputs });
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(existsSync(join(dir, 'marker'))).toBe(false);
    const error = result.annotations.find((a) => a.level === 'error');
    expect(error, result.stdout).toBeDefined();
    return error!;
  }

  it('points schema errors at file, line and column', async () => {
    const e = await expectConfigError(
      'schema.yml',
      `name: x\ntasks:\n${first()}  - name: bad retries\n    shell: echo\n    retries: many\n`,
    );
    expect(e).toMatchObject({ file: 'schema.yml', line: 7, col: 14 });
    expect(e.message).toContain('retries must be a whole number');
  });

  it('points a YAML syntax error at its line and column', async () => {
    const e = await expectConfigError('syntax.yml', `tasks:\n${first()}  - name: broken\n    shell: [echo\n`);
    expect(e).toMatchObject({ file: 'syntax.yml' });
    expect(e.line).toBeGreaterThanOrEqual(5);
    expect(e.col).toBeGreaterThanOrEqual(1);
    expect(e.message).toContain('syntax.yml is not valid YAML');
  });

  it('suggests the module meant by a typo', async () => {
    const e = await expectConfigError(
      'typo.yml',
      `tasks:\n${first()}  - name: t\n    templte: { source: tpl/ok.conf, destination: /tmp/x }\n`,
    );
    expect(e).toMatchObject({ file: 'typo.yml', line: 5, col: 5 });
    expect(e.message).toContain('unknown module or key "templte"; did you mean "template"?');
  });

  it('suggests the argument meant by a typo', async () => {
    const e = await expectConfigError(
      'argtypo.yml',
      `tasks:\n${first()}  - name: t\n    file: { path: /tmp/x, stat: directory }\n`,
    );
    expect(e.message).toContain('has no argument "stat"; did you mean "state"?');
    expect(e).toMatchObject({ line: 5 });
  });

  it('refuses duplicate task names in a block', async () => {
    const e = await expectConfigError(
      'dup.yml',
      `tasks:\n${first()}  - name: both\n    parallel:\n      - name: same\n        echo: a\n      - name: same\n        echo: b\n`,
    );
    expect(e.message).toContain('Duplicate task name "same"');
    expect(e).toMatchObject({ file: 'dup.yml', line: 8 });
  });

  it('refuses include cycles, naming the chain', async () => {
    writeFileSync(join(dir, 'a.yml'), '- name: to b\n  include: b.yml\n');
    writeFileSync(join(dir, 'b.yml'), '- name: back to a\n  include: a.yml\n');
    const e = await expectConfigError('cycle.yml', `tasks:\n${first()}  - name: role\n    include: a.yml\n`);
    expect(e.message).toContain('Include cycle: a.yml → b.yml → a.yml');
    expect(e.file).toBe('b.yml');
  });

  it('refuses templates that reach outside the workspace', async () => {
    const e = await expectConfigError(
      'escape.yml',
      `tasks:\n${first()}  - name: steal\n    template: { source: ${join(outside, 'secret.tpl')}, destination: /tmp/stolen }\n`,
    );
    expect(e.message).toContain('outside the workspace');
    const rel = await expectConfigError(
      'escape2.yml',
      `tasks:\n${first()}  - name: steal\n    template: { source: ../../${outside.split('/').pop()}/secret.tpl, destination: /tmp/stolen }\n`,
    );
    expect(rel.message).toContain('outside the workspace');
  });

  it('refuses an unknown inventory group with a suggestion', async () => {
    writeFileSync(join(dir, 'inv.ini'), '[webservers]\nw1 ansible_host=127.0.0.1\n');
    const e = await expectConfigError('group.yml', `hosts: webserver\ntasks:\n${first()}`, { inventory: 'inv.ini' });
    expect(e.message).toContain('"webserver" is neither a group nor a host');
    expect(e.message).toContain('did you mean "webservers"?');
    expect(e).toMatchObject({ file: 'group.yml', line: 1 });
  });

  it('names an undefined variable and its task before running anything', async () => {
    const e = await expectConfigError('undef.yml', `tasks:\n${first()}  - name: greet\n    echo: "hello \${usr}"\n`);
    expect(e.message).toContain('Undefined variable "usr" in task "greet"');
    expect(e).toMatchObject({ file: 'undef.yml', line: 5 });
  });

  it('keeps the step inputs (the ssh key among them) out of ${env}', async () => {
    const e = await expectConfigError(
      'env.yml',
      `tasks:\n${first()}  - name: leak\n    echo: "\${env.INPUT_SSH-KEY}"\n`,
      { 'ssh-key': '' },
    );
    expect(e.message).toContain('Undefined variable "env.INPUT_SSH-KEY"');
  });

  it('refuses code in when conditions', async () => {
    const e = await expectConfigError(
      'when.yml',
      `tasks:\n${first()}  - name: w\n    echo: hi\n    when: "process.exit(1)"\n`,
    );
    expect(e.message).toContain('when "process.exit(1)"');
    expect(e).toMatchObject({ file: 'when.yml', line: 6 });
  });

  it('refuses a notify without a handler', async () => {
    const e = await expectConfigError(
      'notify.yml',
      `tasks:\n${first()}  - name: n\n    echo: hi\n    notify: restart nginz\nhandlers:\n  - name: restart nginx\n    echo: restarted\n`,
    );
    expect(e.message).toContain('did you mean "restart nginx"?');
  });

  it('rejects bad inputs with the input named', async () => {
    writeFileSync(join(dir, 'ok.yml'), `tasks:\n${first()}`);
    const result = await runbook(dir, { runbook: 'ok.yml', strategy: 'lockstpe' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      'Input strategy must be one of free, lockstep, got "lockstpe"; did you mean "lockstep"?',
    );
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  });
});
