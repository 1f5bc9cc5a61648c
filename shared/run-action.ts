import * as core from './actions-core';
import { flushAnnotations } from './annotations';
import { errorClass, errorMessage, isConfigurationError } from './errors';
import { redact } from './secrets';
import { recordActionRun } from './telemetry';
import { VERSION } from './version';

/**
 * The last catch of every action. A user's mistake becomes one annotation pointing at the file
 * and line to fix; a bug becomes a failure with its stack folded in a group for the report.
 * Either way the step fails with "<action>: <message>" and exit code 1.
 */
export async function runAction(name: string, fn: () => Promise<void>): Promise<void> {
  const started = performance.now();
  let failure: unknown;
  // Node exits 0 when the event loop empties, even with `fn` still awaiting a promise nothing will
  // settle (a socket closed with no listener left to say so). A step must never pass that way.
  const stalled = () => {
    report(name, new Error('stopped before finishing: it was waiting for an event that can no longer happen (a bug)'));
    flushAnnotations();
  };
  process.once('beforeExit', stalled);
  try {
    await fn();
  } catch (error) {
    failure = error;
    report(name, error);
  } finally {
    process.off('beforeExit', stalled);
  }
  flushAnnotations();
  try {
    await recordActionRun({
      action: name,
      version: VERSION,
      durationMs: Math.round(performance.now() - started),
      outcome: failure === undefined ? 'success' : 'failure',
      errorClass: failure === undefined ? undefined : errorClass(failure),
    });
  } catch (error) {
    core.debug(`telemetry hook failed: ${errorMessage(error)}`);
  }
}

function report(name: string, error: unknown): void {
  const message = redact(`${name}: ${errorMessage(error)}`);
  if (isConfigurationError(error)) {
    const { file, line, col } = error.location;
    if (file) {
      core.error(message, { file, startLine: line, startColumn: col, title: `${name}: configuration error` });
      process.exitCode = core.ExitCode.Failure;
      return;
    }
    core.setFailed(message);
    return;
  }
  core.setFailed(message);
  if (error instanceof Error && error.stack && error.name !== 'OperationError' && error.name !== 'ExecError') {
    core.startGroup('Stack trace (an internal error: please report it with this trace)');
    core.info(redact(error.stack));
    core.endGroup();
  }
}
