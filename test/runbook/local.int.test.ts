import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/** The runner itself as the target (no inventory): includes, tags, custom modules, failure semantics. */
describe('runbook on the runner (local transport)', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'roles/web.yml':
        'vars:\n  port: 80\n  greeting: hello\ntasks:\n  - name: write\n    file: { path: "${out}/web-${port}.txt", content: "${greeting} on ${port}\\n" }\n',
      'modules/touch.mjs':
        'export default async function (args, ctx) {\n  const before = await ctx.stat(args.path);\n  if (before.exists) return { changed: false };\n  if (!ctx.check) await ctx.writeFile(args.path, `made by ${ctx.host.name}\\n`);\n  return { changed: true, made: args.path };\n}\n',
      'paper.yml': `
- name: serial test
  serial:
    - name: one
      shell: echo one >> \${env.OUT}/order
    - name: two
      shell: echo two >> \${env.OUT}/order
`,
    });
  });
  afterAll(() => cleanup(dir));

  it('runs include roles with their own vars, custom modules, tags and registers', async () => {
    writeFileSync(
      join(dir, 'rb.yml'),
      `name: local
vars: { out: ${dir}/out }
tasks:
  - name: dir
    file: { path: "\${out}", state: directory }
  - name: role default
    include: roles/web.yml
  - name: role override
    include: roles/web.yml
    vars: { port: 8080 }
  - name: custom
    uses: ./modules/touch.mjs
    with: { path: "\${out}/custom.txt" }
    register: made
  - name: show
    echo: "made \${made.made}"
    when: made.changed
  - name: tagged away
    shell: touch \${out}/never
    tags: [slow]
`,
    );
    const result = await runbook(dir, { runbook: 'rb.yml', 'skip-tags': 'slow' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(readFileSync(join(dir, 'out/web-80.txt'), 'utf8')).toBe('hello on 80\n');
    expect(readFileSync(join(dir, 'out/web-8080.txt'), 'utf8')).toBe('hello on 8080\n');
    expect(readFileSync(join(dir, 'out/custom.txt'), 'utf8')).toBe('made by localhost\n');
    expect(existsSync(join(dir, 'out/never'))).toBe(false);
    expect(visibleLog(result)).toContain(`made ${dir}/out/custom.txt`);
    const again = await runbook(dir, { runbook: 'rb.yml', 'skip-tags': 'slow' });
    expect(again.outputs.changed).toBe('0');
    expect(report(again).hosts[0]!.tasks.find((t) => t.id === 'show')?.status).toBe('skipped');
  });

  it('loads a custom module from an npm package in the workspace', async () => {
    writeFileSync(join(dir, 'package.json'), '{"name": "ws", "private": true}');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'node_modules/paved-module-hello'), { recursive: true });
    writeFileSync(
      join(dir, 'node_modules/paved-module-hello/package.json'),
      '{"name": "paved-module-hello", "main": "index.js"}',
    );
    writeFileSync(
      join(dir, 'node_modules/paved-module-hello/index.js'),
      'module.exports = async (args, ctx) => { const r = await ctx.run(`echo hello ${args.who}`); return { changed: false, said: r.stdout.trim() }; };\n',
    );
    writeFileSync(
      join(dir, 'npm.yml'),
      'tasks:\n  - name: hi\n    uses: paved-module-hello\n    with: { who: npm }\n    register: hi\n  - name: show\n    echo: "${hi.said}"\n',
    );
    const result = await runbook(dir, { runbook: 'npm.yml' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(visibleLog(result)).toContain('[show] hello npm');
  });

  it('cancels at the timeout input and still reports', async () => {
    // The sleep outlives vitest's test timeout: only the runbook's own timeout can end this run.
    writeFileSync(join(dir, 'slowish.yml'), 'tasks:\n  - name: wait\n    shell: sleep 320\n');
    const result = await runbook(dir, { runbook: 'slowish.yml', timeout: '3s' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('exceeded timeout');
    expect(report(result)).toMatchObject({ cancelled: true });
    expect(report(result).hosts[0]!.tasks[0]!.status).toBe('cancelled');
  });

  it('accepts the paper runbook format (a bare task list) and keeps serial order', async () => {
    const result = await runbook(dir, { runbook: 'paper.yml' }, { OUT: dir });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(readFileSync(join(dir, 'order'), 'utf8')).toBe('one\ntwo\n');
  });

  it('stops a host at the first failure unless ignore_errors, and fails the step', async () => {
    writeFileSync(
      join(dir, 'fail.yml'),
      `tasks:\n  - name: tolerated\n    shell: exit 4\n    ignore_errors: true\n  - name: boom\n    shell: echo bad >&2; exit 2\n  - name: after\n    shell: touch ${dir}/after\n`,
    );
    const result = await runbook(dir, { runbook: 'fail.yml' });
    expect(result.exitCode).toBe(1);
    expect(existsSync(join(dir, 'after'))).toBe(false);
    const host = report(result).hosts[0]!;
    expect(host.status).toBe('failed');
    expect(host.error).toContain('boom: exit code 2: bad');
    expect(host.tasks.map((t) => t.status)).toEqual(['failed', 'failed']);
    expect(result.outputs['failed-hosts']).toBe('localhost');
  });

  it('writes a partial report when cancelled with SIGTERM', async () => {
    writeFileSync(
      join(dir, 'slow.yml'),
      `tasks:\n  - name: quick\n    shell: "true"\n  - name: slow\n    shell: touch ${dir}/slow-started; sleep 330\n  - name: never\n    shell: touch ${dir}/never-after-cancel\n`,
    );
    const { spawn } = await import('node:child_process');
    const { ROOT, waitFor } = await import('../harness');
    const outFile = join(dir, 'gh-output');
    writeFileSync(outFile, '');
    const child = spawn(process.execPath, [join(ROOT, 'dist/runbook/index.js')], {
      cwd: dir,
      env: {
        ...process.env,
        INPUT_RUNBOOK: 'slow.yml',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: outFile,
        RUNNER_TEMP: join(dir, '.rt'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    // SIGTERM once the slow task is running (its marker file exists), not after a guessed delay.
    await waitFor('the slow task to start', () => existsSync(join(dir, 'slow-started')));
    child.kill('SIGTERM');
    const code = await closed;
    expect(code).toBe(1);
    expect(out).toContain('SIGTERM received');
    const path = /report<<(\S+)\n(.*)\n/.exec(readFileSync(outFile, 'utf8'))?.[2] ?? '';
    const rep = JSON.parse(readFileSync(path, 'utf8'));
    expect(rep.cancelled).toBe(true);
    expect(rep.hosts[0].tasks.map((t: { id: string; status: string }) => `${t.id}:${t.status}`)).toEqual([
      'quick:changed',
      'slow:cancelled',
    ]);
    expect(existsSync(join(dir, 'never-after-cancel'))).toBe(false);
  });
});
