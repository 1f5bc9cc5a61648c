import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/** Ansible semantics a migrating team relies on, on the local transport (no SSH needed). */
describe('runbook semantics', () => {
  const INVENTORY = [
    '[web]',
    'web1 ansible_connection=local site=alpha',
    'web2 ansible_connection=local site=beta',
    '[db]',
    'db1 ansible_connection=local',
    '',
  ].join('\n');
  afterAll(() => {
    for (const w of made) cleanup(w);
  });

  const made: string[] = [];
  const run = async (files: Record<string, string>, inputs: Record<string, string> = {}) => {
    const w = workspace({ 'hosts.ini': INVENTORY, ...files });
    made.push(w);
    const result = await runbook(w, { runbook: 'site.yml', inventory: 'hosts.ini', vars: `out: ${w}`, ...inputs });
    return { result, w, read: (f: string) => (existsSync(join(w, f)) ? readFileSync(join(w, f), 'utf8') : undefined) };
  };
  const error = (result: RunBundleResult) => result.annotations.find((a) => a.level === 'error');

  it('runs a handler notified by a task selected with tags, though the handler has no tag', async () => {
    const { result, read } = await run(
      {
        'site.yml': [
          'hosts: web1',
          'tasks:',
          '  - name: config',
          '    tags: [config]',
          '    shell: echo v2 > ${out}/config',
          '    notify: restart',
          '  - name: unrelated',
          '    tags: [other]',
          '    shell: echo no > ${out}/unrelated',
          'handlers:',
          '  - name: restart',
          '    shell: echo restarted > ${out}/restarted',
          '',
        ].join('\n'),
      },
      { tags: 'config' },
    );
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(read('restarted')).toBe('restarted\n');
    expect(read('unrelated')).toBeUndefined();
    expect(report(result).hosts[0]?.tasks.map((t) => `${t.id}${t.handler ? ' (handler)' : ''}`)).toEqual([
      'config',
      'restart (handler)',
    ]);
  });

  it('does not demand variables of a branch a host never takes (when guards them)', async () => {
    const { result, read } = await run({
      'site.yml': [
        'hosts: all',
        'tasks:',
        '  - name: site',
        '    when: site is defined',
        '    shell: echo ${site} > ${out}/site-${host.name}',
        '  - name: web only',
        `    when: "'web' in host.groups"`,
        '    shell: echo ${site} > ${out}/web-${host.name}',
        '',
      ].join('\n'),
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(read('site-web1')).toBe('alpha\n');
    expect(read('web-web2')).toBe('beta\n');
    expect(read('site-db1')).toBeUndefined();
    const db1 = report(result).hosts.find((h) => h.name === 'db1');
    expect(db1?.tasks.map((t) => t.status)).toEqual(['skipped', 'skipped']);
  });

  it('checks a branch guarded by a registered result at run time, on the host that takes it', async () => {
    const { result, read } = await run({
      'site.yml': [
        'hosts: all',
        'tasks:',
        '  - name: probe',
        '    shell: test ${host.name} = db1 && echo stop || echo go',
        '    register: probe',
        '  - name: guarded',
        "    when: probe.stdout == 'go'",
        '    shell: echo ${site} > ${out}/guarded-${host.name}',
        '  - name: both',
        '    when: probe.rc == 0 and site is defined',
        '    shell: echo ${site} > ${out}/both-${host.name}',
        '  - name: block',
        "    when: probe.stdout != 'stop'",
        '    serial:',
        '      - name: inner',
        '        shell: echo ${site} > ${out}/inner-${host.name}',
        '',
      ].join('\n'),
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(read('guarded-web1')).toBe('alpha\n');
    expect(read('both-web2')).toBe('beta\n');
    expect(read('inner-web2')).toBe('beta\n');
    expect(read('guarded-db1')).toBeUndefined();
    const db1 = report(result).hosts.find((h) => h.name === 'db1');
    expect(db1?.tasks.map((t) => `${t.id}:${t.status}`)).toEqual([
      'probe:changed',
      'guarded:skipped',
      'both:skipped',
      'block › inner:skipped',
    ]);
    expect(result.annotations.filter((a) => a.level === 'warning')).toEqual([]);
  });

  it('fails only the host that takes a run-time-guarded branch without its variable', async () => {
    const { result, read } = await run({
      'site.yml': [
        'hosts: all',
        'tasks:',
        '  - name: probe',
        '    shell: "true"',
        '    register: probe',
        '  - name: guarded',
        '    when: probe.rc == 0',
        '    shell: echo ${site} > ${out}/guarded-${host.name}',
        '  - name: after',
        '    shell: echo done > ${out}/after-${host.name}',
        '',
      ].join('\n'),
    });
    expect(result.exitCode).toBe(1);
    expect(read('after-web1')).toBe('done\n');
    expect(read('after-web2')).toBe('done\n');
    expect(read('after-db1')).toBeUndefined();
    expect(result.outputs['failed-hosts']).toBe('db1');
    const db1 = report(result).hosts.find((h) => h.name === 'db1');
    expect(db1?.status).toBe('failed');
    expect(JSON.stringify(db1)).toContain('Undefined variable \\"site\\"');
  });

  it('warns before the run about a guarded variable no host defines (a likely typo)', async () => {
    const { result } = await run({
      'site.yml': [
        'hosts: all',
        'tasks:',
        '  - name: probe',
        '    shell: "false"',
        '    register: probe',
        '    ignore_errors: true',
        '  - name: guarded',
        '    when: probe.rc == 0',
        '    shell: echo ${stie}',
        '',
      ].join('\n'),
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const warning = result.annotations.find((a) => a.level === 'warning' && a.message.includes('stie'));
    expect(warning).toMatchObject({ file: 'site.yml', line: 9 });
    expect(warning?.message).toContain('Undefined variable "stie" in task "guarded" for every host');
  });

  it('still refuses a variable a host needs on a branch it does take', async () => {
    const { result } = await run({
      'site.yml': [
        'hosts: all',
        'tasks:',
        '  - name: db',
        `    when: "'db' in host.groups"`,
        '    shell: echo ${site}',
        '',
      ].join('\n'),
    });
    expect(result.exitCode).toBe(1);
    expect(error(result)?.message).toContain('Undefined variable "site" in task "db" for host db1');
  });

  it('takes ~regex host patterns and refuses a pattern that matches nothing', async () => {
    const ok = await run({
      'site.yml': 'hosts: ~web[2-9]\ntasks:\n  - name: mark\n    shell: echo > ${out}/${host.name}\n',
    });
    expect(ok.result.exitCode, visibleLog(ok.result)).toBe(0);
    expect(report(ok.result).hosts.map((h) => h.name)).toEqual(['web2']);

    const none = await run({ 'site.yml': 'hosts: cache*\ntasks:\n  - name: mark\n    shell: echo\n' });
    expect(none.result.exitCode).toBe(1);
    expect(error(none.result)).toMatchObject({ file: 'site.yml', line: 1 });
    expect(error(none.result)?.message).toContain('"cache*" matches no host or group in the inventory');

    const empty = await run({ 'site.yml': 'hosts: web:&db\ntasks:\n  - name: mark\n    shell: echo\n' });
    expect(empty.result.exitCode).toBe(1);
    expect(error(empty.result)?.message).toContain('"web:&db" selects no host');
  });

  it("explains Ansible's {{ var }} and a shell ${VAR} in runbook syntax", async () => {
    const jinja = await run({
      'site.yml': 'hosts: web1\ntasks:\n  - name: greet\n    shell: echo "{{ site }}" > ${out}/greet\n',
    });
    expect(jinja.result.exitCode).toBe(1);
    expect(error(jinja.result)?.message).toContain(`uses Ansible's {{ site }}`);
    expect(error(jinja.result)?.message).toContain('did you mean "${site}"?');
    expect(jinja.read('greet')).toBeUndefined();

    // Go templates ({{.Names}}) and names the runbook does not know are left alone.
    const go = await run({
      'site.yml': `hosts: web1\ntasks:\n  - name: go\n    shell: echo '{{.Names}} {{ unknown_thing }}' > \${out}/go\n`,
    });
    expect(go.result.exitCode, visibleLog(go.result)).toBe(0);
    expect(go.read('go')).toBe('{{.Names}} {{ unknown_thing }}\n');

    const shell = await run({
      'site.yml': 'hosts: web1\ntasks:\n  - name: path\n    shell: echo ${MY_TOOL_HOME}\n',
    });
    expect(shell.result.exitCode).toBe(1);
    expect(error(shell.result)?.message).toContain('Undefined variable "MY_TOOL_HOME"');
    expect(error(shell.result)?.message).toContain('write $${MY_TOOL_HOME} so the shell sees ${MY_TOOL_HOME}');
  });

  it('points a template error at the template file, relative to the workspace, with its line', async () => {
    const { result } = await run(
      {
        'deploy/site.yml':
          'hosts: web1\ntasks:\n  - name: render\n    template: { source: templates/app.conf, destination: "${out}/app.conf" }\n',
        'deploy/templates/app.conf': 'name ${host.name}\nsite ${site}\nport ${port}\n',
      },
      { runbook: 'deploy/site.yml' },
    );
    expect(result.exitCode).toBe(1);
    expect(error(result)).toMatchObject({ file: 'deploy/templates/app.conf', line: 3 });
    expect(error(result)?.message).toContain('Undefined variable "port" in template deploy/templates/app.conf');
  });

  it('counts failures that ignore_errors let pass apart from failures', async () => {
    const { result } = await run({
      'site.yml':
        'hosts: web1\ntasks:\n  - name: flaky\n    shell: exit 3\n    ignore_errors: true\n  - name: fine\n    shell: echo fine\n',
    });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(result.outputs.failed).toBe('0');
    expect(result.summary).toMatch(/· 0 failed · 1 failed \(ignored\)/);
    expect(visibleLog(result)).toMatch(/0 failed \(\+1 ignored\)/);
  });
});
