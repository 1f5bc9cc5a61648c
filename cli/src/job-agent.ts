import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The runner keeps a job's post-step inputs in memory; a `paved --job` spans processes, so the
 * secret part of that state lives in a small agent process (as ssh-agent holds keys), never on
 * disk. The agent listens on a Unix socket in a directory only this user can enter, and ends when
 * the job ends, or after its time to live (a GitHub job runs at most 6 hours).
 */
export type Secrets = Record<string, string>;

const TTL_MS = Number(process.env.PAVED_JOB_AGENT_TTL_MS) || 6 * 60 * 60 * 1000;
/** How long a CLI call waits for the agent's answer: a hung agent must not hang the job with it. */
const ANSWER_MS = 15_000;

export function agentSocket(jobDir: string): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const dir = join(tmpdir(), `paved-agents-${uid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  // Another user's directory (or a link) here would let them read the secrets: refuse it.
  if (!st.isDirectory() || (typeof process.getuid === 'function' && st.uid !== uid))
    throw new Error(`${dir} is not a directory owned by this user`);
  chmodSync(dir, 0o700);
  // Unix socket paths are limited to ~104 bytes, so the job directory is named by its hash.
  return join(dir, `${createHash('sha256').update(jobDir).digest('hex').slice(0, 24)}.sock`);
}

interface Request {
  op: 'put' | 'get' | 'stop';
  secrets?: Secrets;
}

/** Runs the agent in this process (`paved job agent DIR`, started detached by `startAgent`). */
export function serveAgent(jobDir: string): void {
  const path = agentSocket(jobDir);
  const held: Secrets = {};
  let timer = setTimeout(() => shutdown(), TTL_MS);
  const server = createServer((socket) => {
    readRequest(socket, (request) => {
      clearTimeout(timer);
      timer = setTimeout(() => shutdown(), TTL_MS);
      if (request.op === 'put') Object.assign(held, request.secrets);
      socket.end(`${JSON.stringify(request.op === 'get' ? held : {})}\n`);
      if (request.op === 'stop') shutdown();
    });
  });
  function shutdown(): void {
    server.close();
    rmSync(path, { force: true });
    process.exit(0);
  }
  rmSync(path, { force: true });
  const old = process.umask(0o177);
  server.listen(path, () => {
    process.umask(old);
    chmodSync(path, 0o600);
  });
  process.on('SIGTERM', shutdown);
}

function readRequest(socket: Socket, onRequest: (r: Request) => void): void {
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
    const nl = text.indexOf('\n');
    if (nl < 0) return;
    try {
      onRequest(JSON.parse(text.slice(0, nl)) as Request);
    } catch {
      socket.destroy();
    }
  });
  socket.on('error', () => socket.destroy());
}

function ask(jobDir: string, request: Request): Promise<Secrets | undefined> {
  const path = agentSocket(jobDir);
  return new Promise((resolve) => {
    if (!existsSync(path)) return resolve(undefined);
    const socket = createConnection(path);
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(ANSWER_MS, () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on('data', (c: string) => {
      text += c;
    });
    socket.on('end', () => {
      try {
        resolve(JSON.parse(text) as Secrets);
      } catch {
        resolve(undefined);
      }
    });
    socket.on('error', () => resolve(undefined));
    socket.write(`${JSON.stringify(request)}\n`);
  });
}

/** Hands secrets to the job's agent, starting it if needed. */
export async function putSecrets(jobDir: string, cli: string, secrets: Secrets): Promise<void> {
  if (Object.keys(secrets).length === 0) return;
  if (await ask(jobDir, { op: 'put', secrets })) return;
  const child = spawn(process.execPath, [cli, 'job', 'agent', jobDir], { detached: true, stdio: 'ignore' });
  child.unref();
  // Wait for the agent's socket (an event, not a fixed delay), with a generous deadline.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await ask(jobDir, { op: 'put', secrets })) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the job agent that holds this job’s secrets in memory did not start');
}

export const getSecrets = (jobDir: string) => ask(jobDir, { op: 'get' });
export const stopAgent = (jobDir: string) => ask(jobDir, { op: 'stop' });
