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
  type?: 'file' | 'directory' | 'link' | 'other';
  mode?: number;
  uid?: number;
  gid?: number;
  owner?: string;
  group?: string;
  size?: number;
  sha256?: string;
  /** Symlink target. */
  target?: string;
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
  /** Runs a shell command line (the remote user's shell parses it, as OpenSSH does). */
  run(command: string, options?: RunOptions): Promise<RunResult>;
  /** lstat + sha256 for files, in one round trip. */
  stat(path: string, options?: { become?: boolean; signal?: AbortSignal }): Promise<FileInfo>;
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
