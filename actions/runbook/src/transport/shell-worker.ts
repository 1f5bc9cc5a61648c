import { randomBytes } from 'node:crypto';
import type { ClientChannel } from 'ssh2';
import { quote } from './posix';
import { armDeadline, type RunResult } from './types';

/**
 * A long-lived `/bin/sh` on the host that runs our commands one after another.
 *
 * Every SSH exec goes through the login user's shell, and bash sources ~/.bashrc for commands
 * run by sshd: on a host whose .bashrc initialises pyenv, nvm or conda that costs 100 ms or more
 * of CPU per task. A worker pays it once per host. Each command runs in the background in its
 * own session (setsid, when the host has it) with stdin from /dev/null, so it cannot eat the
 * worker's input and can be killed as a whole process group on cancel or timeout. Random markers
 * on stdout (with the exit code) and stderr delimit its output; a third carries its pid.
 */
export class ShellWorker {
  private readonly marker = `__PAVED_${randomBytes(12).toString('hex')}__`;
  private out = '';
  private err = '';
  private waiting?: { resolve(r: RunResult): void; reject(e: Error): void };
  private pid?: number;
  broken = false;
  /** The kill of a timed-out or cancelled command, while it is under way. */
  killing?: Promise<unknown>;

  private constructor(
    private readonly channel: ClientChannel,
    /** Runs a command on another channel: how a running command is killed. */
    private readonly sideline: (command: string) => Promise<unknown>,
  ) {
    channel.on('data', (c: Buffer) => {
      this.out += c.toString('utf8');
      this.check();
    });
    channel.stderr.on('data', (c: Buffer) => {
      this.err += c.toString('utf8');
      this.check();
    });
    channel.on('error', () => undefined);
    channel.on('close', () => {
      this.broken = true;
      this.waiting?.reject(new Error('the shell on the host exited'));
      this.waiting = undefined;
    });
  }

  /** Starts the worker's shell on a session channel the connection opened for it. */
  static start(channel: ClientChannel, sideline: (command: string) => Promise<unknown>): ShellWorker {
    channel.write('command -v setsid >/dev/null 2>&1 && __paved_setsid=1 || __paved_setsid=0\n');
    return new ShellWorker(channel, sideline);
  }

  run(line: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RunResult> {
    if (this.broken) return Promise.reject(new Error('the shell on the host exited'));
    return new Promise<RunResult>((resolve, reject) => {
      let done: (() => void) | undefined;
      const stop = (why: Error) => {
        if (this.broken) return;
        // Kill the command's process group from another channel, then drop this shell; the pool
        // opens a new one for the next command.
        this.broken = true;
        this.waiting = undefined;
        // TERM, then KILL after two seconds for a command that ignores TERM.
        const killGroup = (pid: number) =>
          this.sideline(
            `kill -TERM -${pid} 2>/dev/null || kill -TERM ${pid} 2>/dev/null; ` +
              `i=0; while [ $i -lt 20 ] && { kill -0 -${pid} || kill -0 ${pid}; } 2>/dev/null; do sleep 0.1; i=$((i+1)); done; ` +
              `kill -KILL -${pid} 2>/dev/null || kill -KILL ${pid} 2>/dev/null; true`,
          );
        // On a busy host the deadline can come before the shell has even reported the pid: the
        // command is (about to be) running all the same, so wait for its pid, then kill it.
        const kill = (this.pid ? Promise.resolve(this.pid) : this.pidWithin(5000)).then((pid) =>
          pid ? killGroup(pid) : undefined,
        );
        this.killing = kill.catch(() => undefined);
        // Answer at the deadline; the kill and the shell's close finish in the background.
        done?.();
        reject(why);
        void Promise.race([kill.catch(() => undefined), new Promise((r) => setTimeout(r, 8000))]).then(() =>
          this.channel.close(),
        );
      };
      if (options.signal?.aborted) return stop(new Error('cancelled'));
      done = armDeadline(options, stop);
      this.waiting = {
        resolve: (r) => {
          done?.();
          resolve(r);
        },
        reject: (e) => {
          done?.();
          reject(e);
        },
      };
      const m = this.marker;
      this.pid = undefined;
      this.channel.write(
        `if [ "$__paved_setsid" = 1 ]; then setsid /bin/sh -c ${quote(line)} </dev/null & else ( ${line}\n) </dev/null & fi; ` +
          `__paved_pid=$!; printf '\\n${m}pid %d\\n' "$__paved_pid" >&2; wait "$__paved_pid"; ` +
          `printf '\\n${m}%d\\n' "$?"; printf '\\n${m}\\n' >&2\n`,
      );
    });
  }

  private onPid?: (pid: number) => void;

  /** The running command's pid once the shell reports it (undefined after `ms`). */
  private pidWithin(ms: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      this.onPid = (pid) => {
        clearTimeout(timer);
        this.onPid = undefined;
        resolve(pid);
      };
    });
  }

  private check(): void {
    if (!this.waiting && !this.onPid) return;
    const pidLine = new RegExp(`\\n${this.marker}pid (\\d+)\\n`).exec(this.err);
    if (pidLine) {
      this.pid = Number(pidLine[1]);
      this.err = this.err.slice(0, pidLine.index) + this.err.slice(pidLine.index + pidLine[0].length);
      this.onPid?.(this.pid);
    }
    if (!this.waiting) return;
    const outEnd = new RegExp(`\\n${this.marker}(\\d+)\\n`).exec(this.out);
    const errAt = this.err.indexOf(`\n${this.marker}\n`);
    if (!outEnd || errAt === -1) return;
    const result: RunResult = {
      code: Number(outEnd[1]),
      stdout: this.out.slice(0, outEnd.index),
      stderr: this.err.slice(0, errAt),
    };
    this.out = this.out.slice(outEnd.index + outEnd[0].length);
    this.err = this.err.slice(errAt + this.marker.length + 2);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting.resolve(result);
  }

  close(): void {
    this.broken = true;
    this.channel.end();
  }
}
