import { onPseudoFs } from './posix';

/** One open line to a host. SSH and the local runner implement the same contract, so modules do not care. */
export interface RunOptions {
  stdin?: string | Buffer;
  /** Run through `sudo -n` (no-op when the login user is root). */
  become?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FileInfo {
  exists: boolean;
  /** `pseudo-file`: a regular-looking entry of /proc or /sys, never read (it may block) nor replaced. */
  type?: 'file' | 'directory' | 'link' | 'fifo' | 'socket' | 'device' | 'pseudo-file' | 'other';
  mode?: number;
  uid?: number;
  gid?: number;
  owner?: string;
  group?: string;
  size?: number;
  sha256?: string;
  /** Symlink target. */
  target?: string;
  /** The bytes, when the checksum was computed by reading the file (small files over SFTP). */
  content?: Buffer;
}

/** What fs.Stats (local) and ssh2's SFTP Stats have in common. */
interface StatsLike {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  mode: number;
  uid: number;
  gid: number;
  size: number;
}

export function fileInfoOf(st: StatsLike, path: string): FileInfo {
  return {
    exists: true,
    type: st.isSymbolicLink()
      ? 'link'
      : st.isDirectory()
        ? 'directory'
        : st.isFile()
          ? onPseudoFs(path)
            ? 'pseudo-file'
            : 'file'
          : st.isFIFO()
            ? 'fifo'
            : st.isSocket()
              ? 'socket'
              : st.isCharacterDevice() || st.isBlockDevice()
                ? 'device'
                : 'other',
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
    size: st.size,
  };
}

/**
 * Arms a command's timeout and cancellation: either calls `stop` with the reason. Returns the
 * function that disarms both once the command has ended.
 */
export function armDeadline(options: RunOptions, stop: (why: Error) => void): () => void {
  const ms = options.timeoutMs;
  const timer = ms ? setTimeout(() => stop(new Error(`timed out after ${Math.round(ms / 100) / 10}s`)), ms) : undefined;
  const onAbort = () => stop(new Error('cancelled'));
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return () => {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  };
}

export interface StatOptions {
  become?: boolean;
  signal?: AbortSignal;
  /** Owner and group names are needed (not just uid/gid): costs a command on SSH. */
  names?: boolean;
}

export interface Meta {
  mode?: number;
  owner?: string;
  group?: string;
}

export interface WriteOptions {
  mode?: number;
  owner?: string;
  group?: string;
  become?: boolean;
  signal?: AbortSignal;
}

export interface Connection {
  readonly kind: 'ssh' | 'local';
  /** Set once the connection died mid-run (dropped, keepalive timeout): the host is unreachable. */
  readonly lost?: string;
  /** Runs a shell command line (the remote user's shell parses it, as OpenSSH does). */
  run(command: string, options?: RunOptions): Promise<RunResult>;
  /** lstat + sha256 for files. */
  stat(path: string, options?: StatOptions): Promise<FileInfo>;
  /** mkdir -p, then mode/owner on the last component. */
  mkdir(path: string, options?: WriteOptions): Promise<void>;
  /** chmod/chown of an existing path. */
  setMeta(path: string, meta: Meta, options?: { become?: boolean; signal?: AbortSignal }): Promise<void>;
  readFile(path: string, options?: { become?: boolean; signal?: AbortSignal }): Promise<Buffer | undefined>;
  /** Writes a temp file beside `path`, sets mode/owner, then renames: never a half-written file. */
  writeFile(path: string, data: Buffer, options?: WriteOptions): Promise<void>;
  /** Opens a TCP connection from the host's point of view (wait_for). */
  tcpProbe(host: string, port: number, timeoutMs: number): Promise<boolean>;
  /** A duplex stream to host:port as seen from the target (for http checks). */
  openStream(host: string, port: number, timeoutMs: number): Promise<NodeJS.ReadWriteStream>;
  close(): Promise<void>;
}

export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}
