import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, OperationError } from '../../shared/errors';
import { runAction } from '../../shared/run-action';

let out: string[];

beforeEach(() => {
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const text = () => out.join('');

describe('runAction', () => {
  it('turns a configuration error in a user file into one annotation at its line', async () => {
    await runAction('runbook', async () => {
      throw new ConfigurationError('unknown module "shel"; did you mean "shell"?', {
        file: 'deploy.yml',
        line: 12,
        col: 5,
      });
    });
    expect(process.exitCode).toBe(1);
    const errors = text()
      .split('\n')
      .filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      '::error title=runbook%3A configuration error,file=deploy.yml,line=12,col=5::runbook: unknown module "shel"; did you mean "shell"?',
    ]);
    expect(text()).not.toContain('    at ');
  });

  it('fails with the action name and no stack for an operational error', async () => {
    await runAction('db2', async () => {
      throw new OperationError('container db2 did not become ready in 600s');
    });
    expect(process.exitCode).toBe(1);
    expect(text()).toContain('::error::db2: container db2 did not become ready in 600s');
    expect(text()).not.toContain('Stack trace');
  });

  it('fails the step, not exit 0, when the event loop empties while run() still awaits', async () => {
    // What Node does when nothing can settle the awaited promise any more: emit beforeExit, then exit.
    const before = process.listenerCount('beforeExit');
    void runAction('runbook', () => new Promise<void>(() => undefined));
    await new Promise((r) => setImmediate(r));
    process.emit('beforeExit', 0);
    expect(process.exitCode).toBe(1);
    expect(text()).toContain('::error::runbook: stopped before finishing');
    expect(process.listenerCount('beforeExit')).toBe(before);
  });

  it('leaves no beforeExit listener behind once run() settles', async () => {
    const before = process.listenerCount('beforeExit');
    await runAction('sbom', async () => undefined);
    await runAction('sbom', async () => {
      throw new OperationError('x');
    });
    expect(process.listenerCount('beforeExit')).toBe(before);
  });

  it('folds the stack of a bug into a group for the report', async () => {
    await runAction('sbom', async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    expect(process.exitCode).toBe(1);
    expect(text()).toContain('::error::sbom: cannot read properties of undefined');
    expect(text()).toContain('::group::Stack trace (an internal error: please report it with this trace)');
  });

  it('leaves a successful run alone', async () => {
    await runAction('sign', async () => {});
    expect(process.exitCode).toBeUndefined();
    expect(text()).not.toContain('::error');
  });
});
