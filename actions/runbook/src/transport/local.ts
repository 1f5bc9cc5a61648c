import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, readlink, rename, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { exec } from '../../../../shared/exec';
import { onPseudoFs, ownerSpec, parseStat, pseudoFsError, quote, statCommand, tempName, withBecome } from './posix';
import {
  type Connection,
  type FileInfo,
  fileInfoOf,
  type Meta,
  type RunOptions,
  type RunResult,
  type StatOptions,
  type WriteOptions,
} from './types';

/** The runner itself as a target: the same modules, no SSH. */
export class LocalConnection implements Connection {
  readonly kind = 'local' as const;
  private readonly isRoot = process.getuid?.() === 0;

  async run(command: string, options: RunOptions = {}): Promise<RunResult> {
    const r = await exec('sh', ['-c', withBecome(command, options.become, this.isRoot)], {
      input: options.stdin,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      quiet: true,
      ignoreReturnCode: true,
    });
    return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }

  async stat(path: string, options: StatOptions = {}): Promise<FileInfo> {
    if (options.names || (options.become && !this.isRoot)) return statWithShell(this, path, options);
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      st = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
        return { exists: false };
      throw error;
    }
    const info = fileInfoOf(st, path);
    if (info.type === 'link') info.target = await readlink(path);
    if (info.type === 'file') {
      info.content = await readFile(path);
      info.sha256 = createHash('sha256').update(info.content).digest('hex');
    }
    return info;
  }

  async mkdir(path: string, options: WriteOptions = {}): Promise<void> {
    if (onPseudoFs(path)) throw pseudoFsError(path);
    if (options.become && !this.isRoot) return mkdirWithShell(this, path, options);
    await mkdirParents(path);
    if (options.mode !== undefined) await chmod(path, options.mode);
    if (options.owner || options.group) await chownPath(this, path, options);
  }

  async setMeta(path: string, meta: Meta, options: { become?: boolean; signal?: AbortSignal } = {}): Promise<void> {
    if (options.become && !this.isRoot) return setMetaWithShell(this, path, meta, options);
    if (meta.mode !== undefined) await chmod(path, meta.mode);
    if (meta.owner || meta.group) await chownPath(this, path, { ...meta, ...options });
  }

  async readFile(path: string, options: { become?: boolean } = {}): Promise<Buffer | undefined> {
    if (options.become && !this.isRoot) return readWithShell(this, path, options);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async writeFile(path: string, data: Buffer, options: WriteOptions = {}): Promise<void> {
    if (onPseudoFs(path)) throw pseudoFsError(path);
    if (options.become && !this.isRoot) return writeWithShell(this, path, data, options);
    const tmp = tempName(path);
    try {
      await writeFile(tmp, data, { mode: 0o600 });
      await chmod(tmp, options.mode ?? 0o644);
      if (options.owner || options.group) await chownPath(this, tmp, options);
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  tcpProbe(host: string, port: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host, port, timeout: timeoutMs });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
      socket.once('timeout', () => done(false));
    });
  }

  openStream(host: string, port: number, timeoutMs: number): Promise<NodeJS.ReadWriteStream> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, timeout: timeoutMs });
      socket.once('connect', () => {
        socket.setTimeout(0);
        resolve(socket);
      });
      socket.once('error', reject);
      socket.once('timeout', () => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      });
    });
  }

  async close(): Promise<void> {}
}

/**
 * `mkdir -p` one component at a time: Node's recursive mkdir never returns for some paths (it
 * loops on ENOENT under /proc/self), and a per-component error names the part that failed.
 */
async function mkdirParents(path: string): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  let current = path.startsWith('/') ? '' : '.';
  for (const part of parts) {
    current = `${current}/${part}`;
    try {
      await mkdir(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await lstat(current).catch(() => undefined))?.isDirectory()) continue;
      throw new Error(`creating directory ${current} failed: ${(error as Error).message}`);
    }
  }
}

export async function chownPath(conn: Connection, path: string, options: WriteOptions): Promise<void> {
  const spec = ownerSpec(options);
  const r = await conn.run(`chown ${quote(spec)} ${quote(path)}`, { become: options.become, signal: options.signal });
  if (r.code !== 0) throw new Error(`chown ${spec} ${path} failed: ${r.stderr.trim()}`);
}

/**
 * Under become as a non-root user (or on a host without sftp) the bytes go through `cat`: still a
 * temp file whose checksum is compared before the mv, so a short write never replaces the file.
 */
export async function writeWithShell(
  conn: Connection,
  path: string,
  data: Buffer,
  options: WriteOptions,
): Promise<void> {
  const tmp = quote(tempName(path));
  const sha = createHash('sha256').update(data).digest('hex');
  const steps = [
    `umask 077`,
    `cat > ${tmp}`,
    `{ [ "$(sha256sum < ${tmp} | cut -d' ' -f1)" = ${sha} ] || { echo 'checksum mismatch after transfer' >&2; false; }; }`,
    `chmod ${(options.mode ?? 0o644).toString(8)} ${tmp}`,
  ];
  if (options.owner || options.group) steps.push(`chown ${quote(ownerSpec(options))} ${tmp}`);
  steps.push(`mv -f ${tmp} ${quote(path)}`);
  const r = await conn.run(`${steps.join(' && ')} || { rm -f ${tmp}; exit 1; }`, {
    stdin: data,
    become: options.become,
    signal: options.signal,
  });
  if (r.code !== 0) throw new Error(`writing ${path} failed: ${r.stderr.trim()}`);
}

export async function readWithShell(
  conn: Connection,
  path: string,
  options: { become?: boolean; signal?: AbortSignal },
): Promise<Buffer | undefined> {
  const r = await conn.run(`if [ -e ${quote(path)} ]; then base64 < ${quote(path)}; else exit 3; fi`, options);
  if (r.code === 3) return undefined;
  if (r.code !== 0) throw new Error(`reading ${path} failed: ${r.stderr.trim()}`);
  return Buffer.from(r.stdout.replace(/\s+/g, ''), 'base64');
}

export async function statWithShell(conn: Connection, path: string, options: StatOptions): Promise<FileInfo> {
  const r = await conn.run(statCommand(path), options);
  if (r.code !== 0) throw new Error(`cannot inspect ${path}: ${r.stderr.trim()}`);
  return parseStat(r.stdout);
}

export async function mkdirWithShell(conn: Connection, path: string, options: WriteOptions): Promise<void> {
  const steps = [`mkdir -p ${quote(path)}`];
  if (options.mode !== undefined) steps.push(`chmod ${options.mode.toString(8)} ${quote(path)}`);
  if (options.owner || options.group) steps.push(`chown ${quote(ownerSpec(options))} ${quote(path)}`);
  const r = await conn.run(steps.join(' && '), { become: options.become, signal: options.signal });
  if (r.code !== 0) throw new Error(`creating directory ${path} failed: ${r.stderr.trim()}`);
}

export async function setMetaWithShell(
  conn: Connection,
  path: string,
  meta: Meta,
  options: { become?: boolean; signal?: AbortSignal },
): Promise<void> {
  const steps: string[] = [];
  if (meta.mode !== undefined) steps.push(`chmod ${meta.mode.toString(8)} ${quote(path)}`);
  if (meta.owner || meta.group) steps.push(`chown -h ${quote(ownerSpec(meta))} ${quote(path)}`);
  if (steps.length === 0) return;
  const r = await conn.run(steps.join(' && '), options);
  if (r.code !== 0) throw new Error(`setting ${path} metadata failed: ${r.stderr.trim()}`);
}
