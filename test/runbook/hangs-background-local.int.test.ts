import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/**
 * `shell: ./server &` on the runner itself (local target): the shell exits at once, the server it
 * left keeps the command's stdout and stderr open. Over SSH the task ends when the shell does;
 * locally it waited for the pipes, i.e. for the server to end: for ever, or until the run timeout
 * (60 s here, only so that the old behaviour ends as "cancelled" instead of hanging the test).
 */
describe('a local task that leaves a background process holding its output', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({});
    writeFileSync(
      join(dir, 'bg.yml'),
      'tasks:\n  - name: start\n    shell: "sleep 600 & echo $! > bg.pid; echo started"\n  - name: after\n    shell: touch after\n',
    );
  });
  afterAll(() => {
    try {
      process.kill(Number(readFileSync(join(dir, 'bg.pid'), 'utf8')), 'SIGKILL');
    } catch {
      /* not started, or already gone */
    }
    cleanup(dir);
  });

  it('ends when the shell exits, and the run goes on', async () => {
    const result = await runbook(dir, { runbook: 'bg.yml', timeout: '60s' });
    const log = visibleLog(result);
    expect(report(result).cancelled, log).toBe(false);
    expect(result.exitCode, log).toBe(0);
    expect(report(result).hosts[0]!.tasks.map((t) => [t.id, t.status])).toEqual([
      ['start', 'changed'],
      ['after', 'changed'],
    ]);
    expect(readFileSync(join(dir, 'bg.pid'), 'utf8')).toMatch(/^\d+\n$/);
  });
});
