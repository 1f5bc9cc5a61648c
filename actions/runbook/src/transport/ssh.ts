import { createHash } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, ClientChannel, ConnectConfig, NoAuthMethod, PublicKeyAuthMethod, SFTPWrapper } from 'ssh2';
import { algorithmsFor, fingerprint, type KnownHosts, keyType, knownHostsLine } from './known-hosts';
import { chownPath, mkdirWithShell, readWithShell, setMetaWithShell, statWithShell, writeWithShell } from './local';
import { onPseudoFs, pseudoFsError, quote, tempName, withBecome } from './posix';
import { Semaphore } from './semaphore';
import { ShellWorker } from './shell-worker';
import { began, queued } from './task-clock';
import {
  armDeadline,
  type Connection,
  type FileInfo,
  fileInfoOf,
  type Meta,
  type RunOptions,
  type RunResult,
  type StatOptions,
  UnreachableError,
  type WriteOptions,
} from './types';

export type HostKeyPolicy = 'strict' | 'accept-new' | 'off';

export interface SshTarget {
  name: string;
  address: string;
  port: number;
  user: string;
  privateKey?: string | Buffer;
  passphrase?: string;
}

export interface SshSettings {
  knownHosts: KnownHosts;
  policy: HostKeyPolicy;
  connectTimeoutMs: number;
  /** Connection attempts before a host is unreachable. */
  attempts: number;
  agent?: string;
  /** Called with a known_hosts line for each key accepted under accept-new. */
  onNewKey(line: string): void;
  signal?: AbortSignal;
}

/** OpenSSH's default MaxSessions is 10; leave headroom for the SFTP channel and a probe. */
export const MAX_CHANNELS = 8;
/** Persistent shells per host: leaves channels for SFTP, stdin commands and port probes. */
const MAX_WORKERS = 5;
/** SSH_FX_NO_SUCH_FILE */
const NO_SUCH_FILE = 2;

let ssh2: typeof import('ssh2') | undefined;
async function loadSsh2(): Promise<typeof import('ssh2')> {
  // Lazy: a local-only runbook never pays for loading the SSH library.
  if (!ssh2) {
    // ssh2's emscripten-built poly1305 reads `__dirname`, which an ES module bundle does not define.
    const g = globalThis as { __dirname?: string };
    g.__dirname ??= dirname(fileURLToPath(import.meta.url));
    const mod = (await import('ssh2')) as typeof import('ssh2') & { default?: typeof import('ssh2') };
    ssh2 = mod.default ?? mod;
  }
  return ssh2;
}

class HostKeyError extends Error {}

/**
 * Parses the private key (and passphrase) before any connection, so a wrong passphrase or a
 * pasted public key is one clear error instead of every host "unreachable".
 */
export async function checkPrivateKey(
  key: string,
  passphrase: string | undefined,
  what: string,
): Promise<string | undefined> {
  const { utils } = await loadSsh2();
  const parsed = utils.parseKey(key, passphrase);
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (first instanceof Error || !first) {
    const message = first instanceof Error ? first.message : 'no key found';
    if (/passphrase/i.test(message))
      return `${what} is encrypted and ${passphrase ? 'the ssh-passphrase does not open it' : 'no ssh-passphrase was given'}`;
    return `${what} is not a private key ssh can use (${message}); expected OpenSSH or PEM ed25519, ecdsa or rsa`;
  }
  if (!first.isPrivateKey()) return `${what} is a public key; the private key is needed`;
  return undefined;
}

/**
 * Opens one SSH connection (through `via` when a bastion is used), retrying transient failures.
 * Host keys are checked against known_hosts before authentication, per the policy.
 */
export async function connectSsh(
  target: SshTarget,
  settings: SshSettings,
  via?: SshConnection,
): Promise<SshConnection> {
  const { Client } = await loadSsh2();
  let lastError: unknown;
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    if (settings.signal?.aborted) throw new UnreachableError(`${target.name}: cancelled before connecting`);
    const client = new Client();
    // ssh2 can emit more than one 'error' (a handshake timeout, then "Connection lost before
    // handshake" as the socket closes): an error with no listener would kill the whole run.
    client.on('error', () => undefined);
    let refusal: string | undefined;
    try {
      const sock = via ? await via.forward(target.address, target.port, settings.connectTimeoutMs) : undefined;
      const known = [
        ...settings.knownHosts.lookup(target.address, target.port).keys,
        ...(target.name !== target.address ? settings.knownHosts.lookup(target.name, target.port).keys : []),
      ];
      const config: ConnectConfig = {
        host: target.address,
        port: target.port,
        username: target.user,
        sock: sock as ConnectConfig['sock'],
        readyTimeout: settings.connectTimeoutMs,
        ...keepalive(settings.connectTimeoutMs),
        ...(await keyAuth(target)),
        agent: target.privateKey ? undefined : settings.agent,
        hostVerifier: (key: Buffer) => {
          refusal = verifyHostKey(target, key, settings);
          return refusal === undefined;
        },
      };
      if (known.length > 0) config.algorithms = { serverHostKey: algorithmsFor(known.map((k) => k.type)) as never };
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(new Error('cancelled'));
        settings.signal?.addEventListener('abort', onAbort, { once: true });
        client.once('ready', () => {
          settings.signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        client.once('error', (error) => {
          settings.signal?.removeEventListener('abort', onAbort);
          reject(error);
        });
        // A server that greets and hangs up (sshd over MaxStartups, tcp wrappers, fail2ban, a
        // corrupt stream) ends in 'close' with no 'error': without this the host would wait for
        // ever, and the run with it.
        client.once('close', () => {
          settings.signal?.removeEventListener('abort', onAbort);
          reject(
            new Error(
              'the host closed the connection during the SSH handshake (sshd refusing it: MaxStartups, tcp wrappers or fail2ban?)',
            ),
          );
        });
        client.connect(config);
      });
      return new SshConnection(client, target, channelOpenTimeout(settings.connectTimeoutMs));
    } catch (error) {
      client.end();
      if (refusal) throw new HostKeyError(refusal);
      const level = (error as { level?: string }).level;
      if (level === 'client-authentication') {
        throw new UnreachableError(
          `${target.user}@${target.address}:${target.port}: authentication failed (key not accepted for ${target.user})`,
        );
      }
      lastError = error;
      if (attempt < settings.attempts) await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
  const message = (lastError as Error | undefined)?.message ?? String(lastError);
  throw new UnreachableError(
    `${target.address}:${target.port} unreachable after ${settings.attempts} attempts: ${message}`,
  );
}

/**
 * Private keys parsed once per run, by a hash of key and passphrase. ssh2 parses the key on every
 * connect, and an encrypted OpenSSH key costs bcrypt-pbkdf there: about 0.6 s of CPU on the event
 * loop per host (two minutes at 200 hosts, with every other connection stalled meanwhile).
 */
const parsedKeys = new Map<string, import('ssh2').ParsedKey>();

/**
 * The authentication config for a target: its key decrypted once and handed to ssh2 parsed (the
 * same none-then-publickey order ssh2 uses for a privateKey); a key ssh2 cannot parse goes in as
 * text, so ssh2 reports it as before.
 */
export async function keyAuth(
  target: Pick<SshTarget, 'user' | 'privateKey' | 'passphrase'>,
): Promise<Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'authHandler'>> {
  if (target.privateKey === undefined) return {};
  const id = createHash('sha256')
    .update(target.passphrase ?? '')
    .update('\0')
    .update(target.privateKey)
    .digest('hex');
  let key = parsedKeys.get(id);
  if (!key) {
    const { utils } = await loadSsh2();
    const parsed: unknown = utils.parseKey(target.privateKey, target.passphrase);
    const first = (Array.isArray(parsed) ? parsed[0] : parsed) as import('ssh2').ParsedKey | Error | undefined;
    if (!first || first instanceof Error || !first.isPrivateKey())
      return { privateKey: target.privateKey, passphrase: target.passphrase };
    parsedKeys.set(id, first);
    key = first;
  }
  const auth: (NoAuthMethod | PublicKeyAuthMethod)[] = [
    { type: 'none', username: target.user },
    { type: 'publickey', username: target.user, key },
  ];
  return { authHandler: auth };
}

/**
 * A host that stops answering mid-run (frozen, cable pulled, a firewall dropping the flow) is
 * noticed by keepalives within about four times connect-timeout (at most 10 s apart), instead of
 * waiting on TCP for minutes.
 */
/**
 * ssh2's channel opens have no deadline, and keepalives keep a logged-in connection "alive":
 * a host that accepts the login and then never opens a session (sshd stuck in PAM, a home
 * directory on an unresponsive NFS server) would hold the run for ever. Generous, because a
 * loaded host forks sessions slowly.
 */
export function channelOpenTimeout(connectTimeoutMs: number): number {
  return Math.max(30_000, 3 * connectTimeoutMs);
}

export function keepalive(connectTimeoutMs: number): { keepaliveInterval: number; keepaliveCountMax: number } {
  return { keepaliveInterval: Math.min(10_000, Math.max(1000, connectTimeoutMs)), keepaliveCountMax: 3 };
}

function verifyHostKey(target: SshTarget, key: Buffer, settings: SshSettings): string | undefined {
  const lookups = [settings.knownHosts.lookup(target.address, target.port)];
  if (target.name !== target.address) lookups.push(settings.knownHosts.lookup(target.name, target.port));
  const keys = lookups.flatMap((l) => l.keys);
  const revoked = lookups.flatMap((l) => l.revoked);
  if (revoked.some((r) => r.equals(key))) {
    return `host key ${fingerprint(key)} of ${target.address}:${target.port} is marked @revoked in known_hosts`;
  }
  if (keys.some((k) => k.blob.equals(key))) return undefined;
  if (settings.policy === 'off') return undefined;
  if (keys.length > 0) {
    return `HOST KEY CHANGED for ${target.address}:${target.port}: it presented ${keyType(key)} ${fingerprint(key)}, which does not match the pinned key(s) ${keys.map((k) => fingerprint(k.blob)).join(', ')}. Refusing to connect: this may be a machine-in-the-middle. If the host was rebuilt, update known-hosts.`;
  }
  if (settings.policy === 'accept-new') {
    settings.onNewKey(knownHostsLine(target.address, target.port, key));
    return undefined;
  }
  return `${target.address}:${target.port} is not in known-hosts (policy strict); it presented ${keyType(key)} ${fingerprint(key)}. Pin it with known-hosts (ssh-keyscan -p ${target.port} ${target.address}), or use host-key-policy accept-new once and pin the seen-host-keys output.`;
}

export class SshConnection implements Connection {
  readonly kind = 'ssh' as const;
  private readonly channels = new Semaphore(MAX_CHANNELS);
  private sftp?: Promise<SFTPWrapper>;
  private readonly isRoot: boolean;
  private closed = false;
  /** Why the connection died under us (dropped, keepalive timeout), once it has. */
  lost?: string;
  private readonly link = new LinkWatch();
  /** Set once the host refused the sftp subsystem: files then go over exec channels. */
  private noSftp = false;

  constructor(
    private readonly client: Client,
    readonly target: SshTarget,
    private readonly openTimeoutMs = 30_000,
  ) {
    this.isRoot = target.user === 'root';
    // ssh2 leaves Nagle on: every small SFTP request would then wait for a delayed ACK (~40 ms).
    client.setNoDelay(true);
    let why: string | undefined;
    client.on('error', (error: Error) => {
      // Reported by the operation that hit it; a keepalive timeout is remembered as the reason.
      why ??= error.message;
    });
    client.on('close', () => {
      if (this.closed) return;
      this.lost = `connection to ${target.address}:${target.port} lost (${why ?? 'closed by the host'})`;
      this.link.fail(new UnreachableError(this.lost));
    });
  }

  private readonly idle: ShellWorker[] = [];
  private workers = 0;
  private readonly workerQueue: ((w: ShellWorker | undefined) => void)[] = [];

  run(command: string, options: RunOptions = {}): Promise<RunResult> {
    return this.link.guard(this.runOnce(command, options));
  }

  private async runOnce(command: string, options: RunOptions): Promise<RunResult> {
    const line = withBecome(command, options.become, this.isRoot);
    // Commands that need stdin get their own exec channel; everything else goes to a worker shell.
    if (options.stdin !== undefined) return this.exec(line, options);
    const worker = await this.worker();
    if (!worker) return this.exec(line, options);
    try {
      return await worker.run(line, options);
    } finally {
      this.release(worker);
    }
  }

  private async worker(): Promise<ShellWorker | undefined> {
    const idle = this.idle.pop();
    if (idle) {
      began();
      return idle;
    }
    if (this.workers >= MAX_WORKERS) return queued(new Promise((resolve) => this.workerQueue.push(resolve)));
    this.workers++;
    await this.channels.acquire();
    try {
      const channel = await this.opening<ClientChannel>('session', (done) =>
        this.client.exec('exec /bin/sh', (error, channel) => done(error, channel)),
      );
      return ShellWorker.start(channel, (command) => this.sideline(command));
    } catch (error) {
      this.workers--;
      this.channels.release();
      if (error instanceof UnreachableError) throw error;
      // A server that refuses more sessions still runs plain exec channels.
      return undefined;
    }
  }

  /** Kills of timed-out or cancelled commands still under way: close() lets them land. */
  private readonly kills = new Set<Promise<unknown>>();

  private sideline(command: string): Promise<unknown> {
    return this.exec(command, { timeoutMs: 5000 });
  }

  private release(worker: ShellWorker): void {
    if (worker.killing) {
      const p = worker.killing.finally(() => this.kills.delete(p));
      this.kills.add(p);
    }
    if (worker.broken || this.closed) {
      worker.close();
      this.workers--;
      this.channels.release();
      const next = this.workerQueue.shift();
      if (next) void this.worker().then(next);
      return;
    }
    const next = this.workerQueue.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private exec(line: string, options: RunOptions): Promise<RunResult> {
    return this.channels.use(
      () =>
        new Promise<RunResult>((resolve, reject) => {
          if (options.signal?.aborted) {
            reject(new Error('cancelled'));
            return;
          }
          this.opening<ClientChannel>('session', (done) =>
            this.client.exec(line, (error, stream) => done(error, stream)),
          ).then((stream) => {
            const out: Buffer[] = [];
            const err: Buffer[] = [];
            let code: number | undefined;
            let failure: Error | undefined;
            const stop = (why: Error) => {
              if (failure) return;
              failure = why;
              // OpenSSH honours "signal" requests since 7.9; closing the channel ends it regardless.
              try {
                stream.signal('TERM');
              } catch {
                /* channel already closing */
              }
              stream.close();
              // The deadline is the deadline: answer now, not when the host gets round to closing.
              disarm();
              reject(why);
            };
            const disarm = armDeadline(options, stop);
            stream.on('error', (e: Error) => stop(e));
            stream.on('data', (c: Buffer) => out.push(c));
            stream.stderr.on('data', (c: Buffer) => err.push(c));
            stream.on('exit', (c: number | null, signal?: string) => {
              // As a shell reports it (and as local commands are): 128 + the signal's number.
              code = c ?? (signal ? 128 + (osConstants.signals[`SIG${signal}` as NodeJS.Signals] ?? 0) : 1);
            });
            stream.on('close', () => {
              disarm();
              if (!failure)
                resolve({
                  code: code ?? 255,
                  stdout: Buffer.concat(out).toString('utf8'),
                  stderr: Buffer.concat(err).toString('utf8'),
                });
            });
            stream.end(options.stdin ?? undefined);
          }, reject);
        }),
    );
  }

  /**
   * Opens a channel within openTimeoutMs. Past it the host counts as lost (every operation on it
   * fails with the reason, the others go on); a channel that opens after all is closed at once.
   */
  private opening<T extends ClientChannel | SFTPWrapper>(
    what: string,
    open: (done: (error: Error | undefined, value: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        const why = `${this.target.address}:${this.target.port} logged us in but opened no ${what} within ${this.openTimeoutMs / 1000}s (sshd stuck in PAM, or the home directory on an unresponsive file system?)`;
        this.abandon(why);
        reject(new UnreachableError(why));
      }, this.openTimeoutMs);
      open((error, value) => {
        if (late) {
          if (error) return;
          if (typeof (value as SFTPWrapper).readdir === 'function') (value as SFTPWrapper).end();
          else (value as ClientChannel).close();
          return;
        }
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(value);
      });
    });
  }

  /** Gives the connection up with this reason: the host is unreachable from here on. */
  private abandon(why: string): void {
    if (this.lost) return;
    this.lost = why;
    this.link.fail(new UnreachableError(why));
    this.client.end();
  }

  /**
   * Over SFTP (no process is started on the host, unlike an exec channel): lstat, readlink, and
   * for files up to 4 MiB the bytes, hashed here. Bigger files are hashed on the host.
   */
  stat(path: string, options: StatOptions = {}): Promise<FileInfo> {
    return this.link.guard(this.statOnce(path, options));
  }

  private async statOnce(path: string, options: StatOptions): Promise<FileInfo> {
    const sftp = options.names ? undefined : await this.sftpFor(options.become);
    if (!sftp) return statWithShell(this, path, options);
    const attrs = await new Promise<import('ssh2').Stats | undefined>((resolve, reject) =>
      sftp.lstat(path, (error, stats) => {
        if (error) {
          if ((error as { code?: number }).code === NO_SUCH_FILE) resolve(undefined);
          else reject(new Error(`cannot inspect ${path}: ${error.message}`));
        } else resolve(stats);
      }),
    );
    if (!attrs) return { exists: false };
    const info = fileInfoOf(attrs, path);
    if (info.type === 'link') {
      info.target = await new Promise<string>((resolve, reject) =>
        sftp.readlink(path, (e, t) => (e ? reject(e) : resolve(t))),
      );
    } else if (info.type === 'file') {
      if ((info.size ?? 0) <= 4 * 1024 * 1024) {
        info.content = await this.readFile(path, options);
        info.sha256 = createHash('sha256')
          .update(info.content ?? Buffer.alloc(0))
          .digest('hex');
      } else {
        const r = await this.run(`sha256sum < ${quote(path)}`, options);
        info.sha256 = r.stdout.split(' ')[0];
      }
    }
    return info;
  }

  mkdir(path: string, options: WriteOptions = {}): Promise<void> {
    return this.link.guard(this.mkdirOnce(path, options));
  }

  private async mkdirOnce(path: string, options: WriteOptions): Promise<void> {
    if (onPseudoFs(path)) throw pseudoFsError(path);
    const sftp = await this.sftpFor(options.become);
    if (!sftp) return mkdirWithShell(this, path, options);
    const retried = new Set<string>();
    const make = (dir: string): Promise<void> =>
      new Promise((resolve, reject) => {
        sftp.mkdir(dir, (error) => {
          if (!error) return resolve();
          const code = (error as { code?: number }).code;
          if (code === NO_SUCH_FILE && dir.lastIndexOf('/') > 0 && !retried.has(dir)) {
            // Create the parent, then this directory once more (never again: a parent that exists
            // yet refuses children would loop forever).
            retried.add(dir);
            make(dir.slice(0, dir.lastIndexOf('/'))).then(() => make(dir).then(resolve, reject), reject);
            return;
          }
          // SSH_FX_FAILURE is what OpenSSH answers for "exists"; make sure it is a directory.
          sftp.stat(dir, (e, st) =>
            !e && st.isDirectory()
              ? resolve()
              : reject(new Error(`creating directory ${dir} failed: ${error.message}`)),
          );
        });
      });
    await make(path.replace(/\/+$/, '') || '/');
    await this.setMeta(path, options, options);
  }

  setMeta(path: string, meta: Meta, options: { become?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    return this.link.guard(this.setMetaOnce(path, meta, options));
  }

  private async setMetaOnce(path: string, meta: Meta, options: { become?: boolean; signal?: AbortSignal }) {
    const sftp = await this.sftpFor(options.become);
    if (!sftp) return setMetaWithShell(this, path, meta, options);
    if (meta.mode !== undefined) {
      await new Promise<void>((resolve, reject) =>
        sftp.chmod(path, meta.mode as number, (e) =>
          e ? reject(new Error(`chmod ${path} failed: ${e.message}`)) : resolve(),
        ),
      );
    }
    if (meta.owner || meta.group) await chownPath(this, path, { ...meta, ...options });
  }

  private session(): Promise<SFTPWrapper> {
    this.sftp ??= this.channels.acquire().then(
      () =>
        new Promise<SFTPWrapper>((resolve, reject) => {
          this.opening<SFTPWrapper>('sftp session', (done) =>
            this.client.sftp((error, sftp) => done(error, sftp)),
          ).then(resolve, reject);
        }),
    );
    return this.sftp;
  }

  /** The SFTP session for an operation, or undefined when it goes through the shell (sudo, or no sftp). */
  private sftpFor(become: boolean | undefined): Promise<SFTPWrapper | undefined> {
    return become && !this.isRoot ? Promise.resolve(undefined) : this.sftpSession();
  }

  /**
   * The SFTP session, or undefined on a host without the sftp subsystem (hardened servers): like
   * Ansible's `smart` transfer, files then go over exec channels (base64 reads, `cat` into a temp
   * file that is checksummed and renamed into place), decided once per host.
   */
  private async sftpSession(): Promise<SFTPWrapper | undefined> {
    if (this.noSftp) return undefined;
    try {
      const sftp = await this.session();
      // SFTP requests are pipelined on the one session: no wait for a channel once it is open.
      began();
      return sftp;
    } catch (error) {
      if (!/subsystem/i.test((error as Error).message)) throw error;
      if (!this.noSftp) {
        this.noSftp = true;
        this.sftp = undefined;
        this.channels.release();
      }
      return undefined;
    }
  }

  readFile(path: string, options: { become?: boolean; signal?: AbortSignal } = {}): Promise<Buffer | undefined> {
    return this.link.guard(this.readFileOnce(path, options));
  }

  private async readFileOnce(path: string, options: { become?: boolean; signal?: AbortSignal }) {
    const sftp = await this.sftpFor(options.become);
    if (!sftp) return readWithShell(this, path, options);
    return new Promise<Buffer | undefined>((resolve, reject) => {
      sftp.readFile(path, (error: (Error & { code?: number }) | undefined, data: Buffer) => {
        if (error) {
          // SFTP status 2 is SSH_FX_NO_SUCH_FILE.
          if (error.code === NO_SUCH_FILE) resolve(undefined);
          else reject(new Error(`reading ${path} failed: ${error.message}`));
        } else resolve(data);
      });
    });
  }

  writeFile(path: string, data: Buffer, options: WriteOptions = {}): Promise<void> {
    return this.link.guard(this.writeFileOnce(path, data, options));
  }

  private async writeFileOnce(path: string, data: Buffer, options: WriteOptions): Promise<void> {
    if (onPseudoFs(path)) throw pseudoFsError(path);
    const sftp = await this.sftpFor(options.become);
    if (!sftp) return writeWithShell(this, path, data, options);
    const tmp = tempName(path);
    const call = (fn: (cb: (error?: Error | null) => void) => void) =>
      new Promise<void>((resolve, reject) => fn((error) => (error ? reject(error) : resolve())));
    try {
      await call((cb) => sftp.writeFile(tmp, data, { mode: 0o600 }, cb));
      await call((cb) => sftp.chmod(tmp, options.mode ?? 0o644, cb));
      if (options.owner || options.group) await chownPath(this, tmp, options);
      // posix-rename replaces an existing file atomically; plain SFTP rename refuses to.
      await call((cb) => sftp.ext_openssh_rename(tmp, path, cb));
    } catch (error) {
      await call((cb) => sftp.unlink(tmp, cb)).catch(() => undefined);
      throw new Error(`writing ${path} failed: ${(error as Error).message}`);
    }
  }

  /** A direct-tcpip channel from the host to host:port (wait_for, and bastion hops). */
  forward(host: string, port: number, timeoutMs: number): Promise<ClientChannel> {
    return this.link.guard(this.forwardOnce(host, port, timeoutMs));
  }

  private forwardOnce(host: string, port: number, timeoutMs: number): Promise<ClientChannel> {
    return new Promise((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(new Error(`opening a channel to ${host}:${port} timed out`));
      }, timeoutMs);
      this.client.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
        clearTimeout(timer);
        // Opened after all, with nobody waiting for it: close it rather than leave it open.
        if (late) {
          if (!error) stream.close();
          return;
        }
        if (error) reject(new Error(`${host}:${port} is not reachable from ${this.target.address}: ${error.message}`));
        else {
          stream.on('error', () => undefined);
          resolve(stream);
        }
      });
    });
  }

  async tcpProbe(host: string, port: number, timeoutMs: number): Promise<boolean> {
    try {
      const stream = await this.channels.use(() => this.forward(host, port, timeoutMs));
      stream.close();
      return true;
    } catch {
      return false;
    }
  }

  openStream(host: string, port: number, timeoutMs: number): Promise<NodeJS.ReadWriteStream> {
    return this.forward(host, port, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.kills.size && !this.lost)
      await Promise.race([Promise.allSettled([...this.kills]), new Promise((r) => setTimeout(r, 5000))]);
    return this.end();
  }

  private end(): Promise<void> {
    if (this.closed || this.lost) return Promise.resolve();
    this.closed = true;
    for (const w of this.idle.splice(0)) w.close();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, 2000);
      this.client.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.client.end();
    });
  }
}

export { quote };

/**
 * Fails every pending and later operation of a connection once it is lost, so nothing waits on a
 * reply that cannot come (ssh2 does not settle every callback when the socket dies).
 */
class LinkWatch {
  private error?: Error;
  private readonly waiters = new Set<(error: Error) => void>();

  fail(error: Error): void {
    this.error ??= error;
    for (const w of this.waiters) w(this.error);
    this.waiters.clear();
  }

  guard<T>(operation: Promise<T>): Promise<T> {
    if (this.error) {
      operation.catch(() => undefined);
      return Promise.reject(this.error);
    }
    return new Promise<T>((resolve, reject) => {
      const onLost = (error: Error) => reject(error);
      this.waiters.add(onLost);
      operation.then(
        (value) => {
          this.waiters.delete(onLost);
          resolve(value);
        },
        (error) => {
          this.waiters.delete(onLost);
          reject(this.error ?? error);
        },
      );
    });
  }
}
