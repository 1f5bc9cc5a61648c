import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import * as core from './actions-core';
import { OperationError } from './errors';
import { redact } from './secrets';

/**
 * The one way Paved runs external programs (docker, ssh, openssl, gpg).
 *
 * Built on child_process rather than @actions/exec because we need what it cannot give:
 * a timeout that kills the process group, cancellation by AbortSignal, and stdin from a buffer
 * without a temp file. Echo and output lines go through `redact`, so a secret passed as an
 * argument or printed by the tool never reaches the log, even outside the runner.
 */
export interface ExecOptions {
  cwd?: string;
  /** Added to (not replacing) the current environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Stream output lines to the log as they come (default false: captured only). */
  stream?: boolean;
  /** Prefix for streamed lines, e.g. `[db2] `. */
  prefix?: string;
  /** Do not echo the command line. */
  quiet?: boolean;
  /** Return non-zero exits instead of throwing. */
  ignoreReturnCode?: boolean;
}

export interface ExecResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** The signal that ended the program (exitCode is then 128 + its number, as a shell says). */
  signal?: NodeJS.Signals;
}

/**
 * How long the pipes are read once the program has exited. What it wrote is already in them, so
 * this is only ever reached when a background child it left (`server &`, a daemon that kept its
 * inherited descriptors) still holds them: waiting for that child to end could be for ever.
 */
const EXITED_PIPES_GRACE_MS = 1000;

/** POSIX shell single-quoting (bare when only safe characters): the one quoting Paved writes. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(shellQuote).join(' ');
}

export async function exec(
  command: string,
  args: readonly string[] = [],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const line = redact(commandLine(command, args));
  if (!options.quiet) core.info(`${options.prefix ?? ''}[command] ${line}`);
  const started = performance.now();
  const env = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise<ExecResult>((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, [...args], {
        cwd: options.cwd,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (error) {
      reject(new OperationError(`Could not start ${command}: ${(error as Error).message}`));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 2000).unref();
    };
    const timer =
      options.timeoutMs && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            kill();
          }, options.timeoutMs)
        : undefined;
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // Lines are decoded with a streaming UTF-8 decoder: a multi-byte character split across two
    // chunks (docker pull/build output arrives in arbitrary pieces) is joined, not replaced by
    // U+FFFD, and the last line is logged at exit even without a trailing newline.
    const streamer = (sink: Buffer[], log: (text: string) => void) => {
      const decoder = new StringDecoder('utf8');
      let partial = '';
      const emit = (l: string) => log(`${options.prefix ?? ''}${redact(l)}`);
      return {
        data: (chunk: Buffer) => {
          sink.push(chunk);
          if (!options.stream) return;
          const lines = (partial + decoder.write(chunk)).split(/\r?\n/);
          partial = lines.pop() ?? '';
          for (const l of lines) emit(l);
        },
        flush: () => {
          if (!options.stream) return;
          const rest = partial + decoder.end();
          partial = '';
          if (rest !== '') emit(rest.replace(/\r$/, ''));
        },
      };
    };
    const stdout = streamer(out, core.info);
    const stderr = streamer(err, core.info);
    child.stdout?.on('data', stdout.data);
    child.stderr?.on('data', stderr.data);
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        new OperationError(
          code === 'ENOENT'
            ? `${command} is not installed or not on PATH`
            : `Could not run ${command}: ${error.message}`,
        ),
      );
    });
    let drain: NodeJS.Timeout | undefined;
    child.on('exit', () => {
      // setImmediate: one more poll phase reads whatever is still in the pipes before they are
      // closed, even if a busy event loop only comes back to this timer late.
      const close = () => {
        child.stdin?.destroy();
        child.stdout?.destroy();
        child.stderr?.destroy();
      };
      drain = setTimeout(() => setImmediate(close), EXITED_PIPES_GRACE_MS);
    });
    child.on('close', (code, signal) => {
      clearTimeout(drain);
      if (settled) return;
      settled = true;
      stdout.flush();
      stderr.flush();
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const result: ExecResult = {
        command: line,
        exitCode: code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1),
        signal: signal ?? undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: performance.now() - started,
        timedOut,
      };
      if (timedOut) {
        reject(new OperationError(`${line} timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`));
        return;
      }
      if (options.signal?.aborted) {
        reject(new OperationError(`${line} was cancelled`));
        return;
      }
      if (result.exitCode !== 0 && !options.ignoreReturnCode) {
        reject(new ExecError(result));
        return;
      }
      resolve(result);
    });
    if (child.stdin) {
      child.stdin.on('error', () => {
        /* the program may exit before reading its input; its exit code tells the story */
      });
      child.stdin.end(options.input ?? '');
    }
  });
}

export class ExecError extends OperationError {
  readonly result: ExecResult;
  constructor(result: ExecResult) {
    const tail = redact((result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n'));
    const how = result.signal ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`;
    super(`${result.command} ${how}${tail ? `: ${tail}` : ''}`);
    this.result = result;
  }
}
