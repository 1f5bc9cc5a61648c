import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Parent pid and command name of a process, from /proc (Linux only). */
export function procStat(pid: number): { ppid: number; comm: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const ppid = Number(text.slice(close + 2).split(' ')[1]);
    return { ppid, comm };
  } catch {
    return undefined;
  }
}

/**
 * The sshd processes serving the session a remote command runs in: its sshd ancestors below the
 * listener (whose parent is init). Killing them drops that one connection, as a crashed or
 * rebooted host would; stopping them makes the host stop answering.
 */
export function sessionSshd(pid: number): number[] {
  const found: number[] = [];
  for (let p = pid; p > 1; ) {
    const st = procStat(p);
    if (!st) break;
    if (st.comm.startsWith('sshd') && st.ppid > 1 && procStat(st.ppid)?.comm.startsWith('sshd')) found.push(p);
    p = st.ppid;
  }
  return found;
}

/** The pid of the action process started for workspace `dir` (its GITHUB_WORKSPACE). */
export function actionPid(dir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (!env.includes(`GITHUB_WORKSPACE=${dir}`)) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dist/runbook/index.js')) return Number(entry);
    } catch {
      /* gone or not ours */
    }
  }
  return undefined;
}

export function alive(pid: number): boolean {
  return existsSync(`/proc/${pid}`) && procStat(pid)?.comm !== undefined && !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}
