import { describe, expect, it } from 'vitest';
import { OperationError } from '../../shared/errors';
import { ExecError, exec } from '../../shared/exec';
import { clearSecrets, registerSecret } from '../../shared/secrets';

describe('exec', () => {
  it('captures output, exit code and stdin', async () => {
    const r = await exec('sh', ['-c', 'cat; echo err >&2'], { input: 'hello', quiet: true });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('hello');
    expect(r.stderr).toBe('err\n');
  });

  it('throws ExecError with the stderr tail, or returns the code when asked', async () => {
    await expect(exec('sh', ['-c', 'echo boom >&2; exit 3'], { quiet: true })).rejects.toThrow(ExecError);
    await expect(exec('sh', ['-c', 'echo boom >&2; exit 3'], { quiet: true })).rejects.toThrow(/exit code 3: boom/);
    const r = await exec('sh', ['-c', 'exit 3'], { quiet: true, ignoreReturnCode: true });
    expect(r.exitCode).toBe(3);
  });

  it('passes env additions and removals', async () => {
    process.env.PAVED_TEST_REMOVE = 'x';
    const r = await exec('sh', ['-c', 'echo "$A-${PAVED_TEST_REMOVE:-gone}"'], {
      quiet: true,
      env: { A: 'added', PAVED_TEST_REMOVE: undefined },
    });
    expect(r.stdout.trim()).toBe('added-gone');
  });

  // No clock in the assertion: if the background sleep survived the kill it would hold stdout open
  // for 10 minutes and the test would fail on vitest's timeout, however busy the machine is.
  it('kills the whole process group on timeout', async () => {
    await expect(exec('sh', ['-c', 'sleep 600 & sleep 600'], { quiet: true, timeoutMs: 300 })).rejects.toThrow(
      /timed out/,
    );
  });

  it('cancels on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(exec('sleep', ['30'], { quiet: true, signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('says when a program is missing', async () => {
    await expect(exec('paved-no-such-tool', [], { quiet: true })).rejects.toThrow(OperationError);
    await expect(exec('paved-no-such-tool', [], { quiet: true })).rejects.toThrow(/not installed/);
  });

  it('redacts registered secrets from the error it raises', async () => {
    registerSecret('hunter22');
    try {
      await exec('sh', ['-c', 'echo "bad password hunter22" >&2; exit 1'], { quiet: true });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter22');
      expect((e as Error).message).toContain('***');
    } finally {
      clearSecrets();
    }
  });
});
