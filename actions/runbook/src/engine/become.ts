import { lookup } from '../../../../shared/template';
import { mkdirWithShell, readWithShell, setMetaWithShell, statWithShell, writeWithShell } from '../transport/local';
import { quote } from '../transport/posix';
import type { Connection, FileInfo, Meta, RunOptions, RunResult, StatOptions, WriteOptions } from '../transport/types';

/**
 * `become_user` and a become password (Ansible's `ansible_become_password`, usually
 * `${secrets.…}`): every privileged operation goes through `sudo -u USER`, and file operations
 * through the shell, so they happen as that user. The password is written to sudo's stdin
 * (`sudo -S`), never on a command line or in a log; sudo is asked first (`sudo -n … true`) whether
 * it needs one at all, so the password is never fed to a command that did not prompt for it.
 */
type Mode = 'nopass' | 'password';
const modes = new WeakMap<Connection, Map<string, Promise<Mode>>>();

export function becomePassword(scope: Record<string, unknown>): string | undefined {
  const v = lookup(scope, 'ansible_become_password') ?? lookup(scope, 'ansible_become_pass');
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/** The connection a task uses: the plain one, unless it needs become_user or a become password. */
export function becomeConnection(
  conn: Connection,
  become: boolean,
  user: string | undefined,
  password: string | undefined,
): Connection {
  if (!become || (!user && password === undefined)) return conn;
  return new BecomeConnection(conn, user, password);
}

class BecomeConnection implements Connection {
  readonly kind: Connection['kind'];
  constructor(
    private readonly inner: Connection,
    private readonly user: string | undefined,
    private readonly password: string | undefined,
  ) {
    this.kind = inner.kind;
  }

  get lost(): string | undefined {
    return (this.inner as { lost?: string }).lost;
  }

  private mode(signal?: AbortSignal): Promise<Mode> {
    let byUser = modes.get(this.inner);
    if (!byUser) {
      byUser = new Map();
      modes.set(this.inner, byUser);
    }
    const key = this.user ?? '';
    let pending = byUser.get(key);
    if (!pending) {
      pending = this.inner.run(`sudo -n ${this.userFlag()}-- true`, { signal }).then((r) => {
        if (r.code === 0) return 'nopass';
        if (this.password === undefined)
          throw new Error(
            `sudo${this.user ? ` -u ${this.user}` : ''} needs a password: set ansible_become_password (e.g. "\${secrets.become_password}")`,
          );
        return 'password';
      });
      pending.catch(() => byUser?.delete(key));
      byUser.set(key, pending);
    }
    return pending;
  }

  private userFlag(): string {
    return this.user ? `-u ${quote(this.user)} ` : '';
  }

  async run(command: string, options: RunOptions = {}): Promise<RunResult> {
    if (!options.become) return this.inner.run(command, options);
    const mode = await this.mode(options.signal);
    if (mode === 'nopass')
      return this.inner.run(`sudo -n ${this.userFlag()}-- sh -c ${quote(command)}`, { ...options, become: false });
    const rest = options.stdin === undefined ? Buffer.alloc(0) : Buffer.from(options.stdin);
    const r = await this.inner.run(`sudo -S -k -p '' ${this.userFlag()}-- sh -c ${quote(command)}`, {
      ...options,
      become: false,
      stdin: Buffer.concat([Buffer.from(`${this.password}\n`), rest]),
    });
    if (r.code !== 0 && /incorrect password|Sorry, try again/i.test(r.stderr))
      return { ...r, stderr: `sudo refused the become password (ansible_become_password)\n${r.stderr}` };
    return r;
  }

  stat(path: string, options: StatOptions = {}): Promise<FileInfo> {
    return options.become ? statWithShell(this, path, options) : this.inner.stat(path, options);
  }
  mkdir(path: string, options: WriteOptions = {}): Promise<void> {
    return options.become ? mkdirWithShell(this, path, options) : this.inner.mkdir(path, options);
  }
  setMeta(path: string, meta: Meta, options: { become?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    return options.become ? setMetaWithShell(this, path, meta, options) : this.inner.setMeta(path, meta, options);
  }
  readFile(path: string, options: { become?: boolean; signal?: AbortSignal } = {}): Promise<Buffer | undefined> {
    return options.become ? readWithShell(this, path, options) : this.inner.readFile(path, options);
  }
  writeFile(path: string, data: Buffer, options: WriteOptions = {}): Promise<void> {
    return options.become ? writeWithShell(this, path, data, options) : this.inner.writeFile(path, data, options);
  }
  tcpProbe(host: string, port: number, timeoutMs: number): Promise<boolean> {
    return this.inner.tcpProbe(host, port, timeoutMs);
  }
  openStream(host: string, port: number, timeoutMs: number): Promise<NodeJS.ReadWriteStream> {
    return this.inner.openStream(host, port, timeoutMs);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
