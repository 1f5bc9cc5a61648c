import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExecError, exec } from '../../shared/exec';
import { waitFor } from '../harness';

/** Whether `pid` has ended (gone, or a zombie nobody reaped yet: a container's PID 1 may not). */
function ended(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}

/**
 * The ways a program run through exec can end without the plain "exited with a code, pipes
 * closed": a background child left holding its pipes, and a kill by signal.
 */
describe('exec: programs that end in unusual ways', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paved-exec-hangs-'));
  const leftovers: number[] = [];
  afterAll(() => {
    for (const pid of leftovers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  // `./server &` in a runbook on the runner: the shell exits at once, the server keeps the pipes
  // open. Before, exec waited for the pipes to close, i.e. for the server to end: for ever.
  it('returns once the program exits, even when a background child keeps its pipes open', async () => {
    const r = await exec('sh', ['-c', 'sleep 600 & echo "bg $!"; echo started >&2'], { quiet: true });
    leftovers.push(Number(/bg (\d+)/.exec(r.stdout)?.[1]));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^bg \d+\n$/);
    expect(r.stderr).toBe('started\n');
    expect(ended(leftovers.at(-1) as number)).toBe(false); // the background child itself is left alone
  }, 30_000);

  it('still kills the whole process group on timeout, background children included', async () => {
    const pidFile = join(dir, 'bg.pid');
    await expect(
      exec('sh', ['-c', `sleep 600 & echo $! > ${pidFile}; sleep 600`], { quiet: true, timeoutMs: 500 }),
    ).rejects.toThrow(/timed out/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(pid);
    await waitFor(`background sleep ${pid} to end`, () => ended(pid), { timeoutMs: 20_000 });
  }, 30_000);

  // The OOM killer, or a runner cleaning up: exit code null, signal SIGKILL. Before, this read
  // "failed with exit code 128", naming no signal.
  it('names the signal that killed the program, with the exit code a shell gives', async () => {
    const run = () => exec('sh', ['-c', 'echo partial; kill -KILL $$'], { quiet: true });
    await expect(run()).rejects.toThrow(ExecError);
    await expect(run()).rejects.toThrow(/^sh -c 'echo partial; kill -KILL \$\$' was killed by SIGKILL: partial$/);
    const r = await exec('sh', ['-c', 'kill -KILL $$'], { quiet: true, ignoreReturnCode: true });
    expect(r.signal).toBe('SIGKILL');
    expect(r.exitCode).toBe(137);
  }, 30_000);
});
