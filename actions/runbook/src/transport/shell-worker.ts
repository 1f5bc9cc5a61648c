import { randomBytes } from 'node:crypto';
import type { Client, ClientChannel } from 'ssh2';
import type { RunResult } from './types';

/**
 * A long-lived `/bin/sh` on the host that runs our commands one after another.
 *
 * Every SSH exec goes through the login user's shell, and bash sources ~/.bashrc for commands
 * run by sshd: on a host whose .bashrc initialises pyenv, nvm or conda that costs 100 ms or more
 * of CPU per task. A worker pays it once per host. Each command runs in a subshell with stdin
 * from /dev/null (so it cannot eat the worker's input), and is followed by a random marker on
 * stdout (with the exit code) and stderr, which delimit its output.
 */
export class ShellWorker {
  private readonly marker = `__PAVED_${randomBytes(12).toString('hex')}__`;
  private out = '';
  private err = '';
  private waiting?: { resolve(r: RunResult): void; reject(e: Error): void };
  broken = false;

  private constructor(private readonly channel: ClientChannel) {
    channel.on('data', (c: Buffer) => {
      this.out += c.toString('utf8');
      this.check();
    });
    channel.stderr.on('data', (c: Buffer) => {
      this.err += c.toString('utf8');
      this.check();
    });
    channel.on('close', () => {
      this.broken = true;
      this.waiting?.reject(new Error('the shell on the host exited'));
      this.waiting = undefined;
    });
  }

  static open(client: Client): Promise<ShellWorker> {
    return new Promise((resolve, reject) => {
      client.exec('exec /bin/sh', (error, channel) => (error ? reject(error) : resolve(new ShellWorker(channel))));
    });
  }

  run(line: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RunResult> {
    if (this.broken) return Promise.reject(new Error('the shell on the host exited'));
    return new Promise<RunResult>((resolve, reject) => {
      const stop = (why: Error) => {
        // The only way to stop a command mid-run is to drop its shell; the pool opens a new one.
        this.broken = true;
        this.channel.close();
        reject(why);
      };
      if (options.signal?.aborted) return stop(new Error('cancelled'));
      const timer = options.timeoutMs
        ? setTimeout(
            () => stop(new Error(`timed out after ${Math.round(options.timeoutMs! / 100) / 10}s`)),
            options.timeoutMs,
          )
        : undefined;
      const onAbort = () => stop(new Error('cancelled'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      };
      this.waiting = {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      };
      const m = this.marker;
      this.channel.write(`( ${line}\n) </dev/null; printf '\\n${m}%d\\n' "$?"; printf '\\n${m}\\n' >&2\n`);
    });
  }

  private check(): void {
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
