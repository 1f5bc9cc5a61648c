import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, expectRefused, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/** lineinfile, blockinfile, replace, copy of directories and stat over real SSH. */
describe.skipIf(!service('sshd').available)('runbook file modules over SSH', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = workspace({});
    root = join(dir, 'host');
    cpSync(join(__dirname, 'fixtures/modules-files'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'inventory.yml'),
      `all:\n  hosts:\n    h1: { ansible_host: 127.0.0.23, ansible_port: ${sshPort()}, root: "${root}" }\n`,
    );
  });
  afterAll(() => cleanup(dir));
  const inputs = (rb = 'site.yml') => ({ ...sshInputs(), runbook: rb, inventory: 'inventory.yml' });
  const conf = () => readFileSync(join(root, 'app.conf'), 'utf8');
  const FINAL = '# app\nport=8080\nworkers=4\nlisten localhost:8080\n# BEGIN PAVED\na=1\nb=2\n# END PAVED\n';

  it('edits lines, blocks and patterns, copies a tree and stats a file', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(conf()).toBe(FINAL);
    expect(readFileSync(join(root, 'new.conf'), 'utf8')).toBe('x=1\n');
    expect(statSync(join(root, 'new.conf')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'site/index.html'), 'utf8')).toBe('<h1>site</h1>\n');
    expect(readFileSync(join(root, 'site/css/a.css'), 'utf8')).toBe('body{}\n');
    expect(statSync(join(root, 'site/css')).mode & 0o777).toBe(0o750);
    expect(statSync(join(root, 'site/css/a.css')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(root, 'copy2/site/css/a.css'), 'utf8')).toBe('body{}\n');
    const tasks = report(result).hosts[0]!.tasks;
    expect(tasks.find((t) => t.id === 'stat conf')?.status).toBe('ok');
    expect(tasks.find((t) => t.id === 'stat says')?.status).toBe('ok');
  });

  it('changes nothing on the second run', async () => {
    const result = await runbook(dir, inputs());
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const changed = report(result)
      .hosts[0]!.tasks.filter((t) => t.status === 'changed')
      .map((t) => t.id);
    expect(changed).toEqual([]);
  });

  it('plans drift back in check mode with a diff, changing nothing', async () => {
    const drifted = FINAL.replace('port=8080', 'port=81').replace('b=2\n', 'b=3\n');
    writeFileSync(join(root, 'app.conf'), drifted);
    writeFileSync(join(root, 'site/css/a.css'), 'body{color:red}\n');
    const result = await runbook(dir, { ...inputs(), check: 'true' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const tasks = report(result).hosts[0]!.tasks;
    const byId = (id: string) => tasks.find((t) => t.id === id);
    expect(byId('port')).toMatchObject({ status: 'changed' });
    expect(byId('port')?.diff).toContain('+port=8080');
    expect(byId('block')?.diff).toContain('+b=2');
    expect(byId('site contents')?.diff).toContain('+body{}');
    expect(byId('workers')?.status).toBe('ok');
    expect(conf()).toBe(drifted);
    expect(readFileSync(join(root, 'site/css/a.css'), 'utf8')).toBe('body{color:red}\n');
  });

  it.each([
    ['lineinfile without line', 'lineinfile: { path: /tmp/x, regexp: a }', 'needs line'],
    ['lineinfile with a bad regexp', 'lineinfile: { path: /tmp/x, line: a, regexp: "(" }', 'regexp is not a valid'],
    ['replace with a bad regexp', 'replace: { path: /tmp/x, regexp: "[a" }', 'regexp is not a valid'],
    ['blockinfile marker without {mark}', 'blockinfile: { path: /tmp/x, block: a, marker: "# X" }', 'must contain'],
    ['copy with src and content', 'copy: { dest: /tmp/x, src: a, content: b }', 'needs src or content'],
    ['stat with sha1', 'stat: { path: /tmp/x, checksum_algorithm: sha1 }', 'only sha256'],
    [
      'lineinfile unknown key',
      'lineinfile: { path: /tmp/x, line: a, insert_after: EOF }',
      'did you mean "insertafter"',
    ],
  ])('refuses %s with file and line', async (_what, task, message) => {
    await expectRefused(dir, `tasks:\n  - name: bad\n    ${task}\n`, message, 3);
  });
});
