import { shellQuote } from '../../../../shared/exec';
import type { FileInfo } from './types';

/**
 * /proc and /sys hold kernel pseudo-files: reading one may block forever (/proc/kmsg) and a temp
 * file plus rename cannot work there. File tasks refuse them with a clear error.
 */
export function onPseudoFs(path: string): boolean {
  return /^\/+(proc|sys)(\/|$)/.test(path);
}

export function pseudoFsError(path: string): Error {
  return new Error(
    `${path} is on a kernel pseudo-filesystem (/proc, /sys): files there cannot be created or replaced atomically (temp file + rename). Use a shell task (e.g. sysctl -w, or echo value > ${path}).`,
  );
}

/** POSIX shell quoting: the one safe way to put a value on a remote command line (shared/exec's). */
export const quote = shellQuote;

/** chown's `owner`, `owner:group` or `:group`. */
export function ownerSpec(o: { owner?: string; group?: string }): string {
  return `${o.owner ?? ''}${o.group ? `:${o.group}` : ''}`;
}

/** `sudo -n` so a password prompt fails fast instead of hanging the run. */
export function withBecome(command: string, become: boolean | undefined, isRoot: boolean): string {
  if (!become || isRoot) return command;
  return `sudo -n -- sh -c ${quote(command)}`;
}

/**
 * One command gives type, mode, owners and checksum (GNU coreutils or busybox stat/sha256sum),
 * so "is this file already right?" costs a single round trip per file. sha256sum reads stdin: given
 * a name with a backslash or newline, coreutils escapes its line and prefixes the sum with `\`.
 */
export function statCommand(path: string): string {
  const p = quote(path);
  return [
    `if [ -L ${p} ]; then printf 'link\\n'; stat -c '%a %u %g %U %G %s' ${p}; readlink ${p};`,
    `elif [ -d ${p} ]; then printf 'directory\\n'; stat -c '%a %u %g %U %G %s' ${p};`,
    onPseudoFs(path)
      ? `elif [ -f ${p} ]; then printf 'pseudo-file\\n'; stat -c '%a %u %g %U %G %s' ${p};`
      : `elif [ -f ${p} ]; then printf 'file\\n'; stat -c '%a %u %g %U %G %s' ${p}; sha256sum < ${p} | cut -d' ' -f1;`,
    `elif [ -p ${p} ]; then printf 'fifo\\n'; stat -c '%a %u %g %U %G %s' ${p};`,
    `elif [ -S ${p} ]; then printf 'socket\\n'; stat -c '%a %u %g %U %G %s' ${p};`,
    `elif [ -b ${p} ] || [ -c ${p} ]; then printf 'device\\n'; stat -c '%a %u %g %U %G %s' ${p};`,
    `elif [ -e ${p} ]; then printf 'other\\n'; stat -c '%a %u %g %U %G %s' ${p};`,
    `else printf 'absent\\n'; fi`,
  ].join(' ');
}

export function parseStat(output: string): FileInfo {
  const [kind, meta, extra] = output.split('\n');
  if (!kind || kind === 'absent') return { exists: false };
  const [mode, uid, gid, owner, group, size] = (meta ?? '').split(' ');
  const info: FileInfo = {
    exists: true,
    type: kind as FileInfo['type'],
    mode: Number.parseInt(mode ?? '0', 8),
    uid: Number(uid),
    gid: Number(gid),
    owner,
    group,
    size: Number(size),
  };
  if (kind === 'link') info.target = extra;
  if (kind === 'file') info.sha256 = extra?.trim();
  return info;
}

export function tempName(path: string): string {
  const slash = path.lastIndexOf('/');
  const dir = slash === -1 ? '.' : path.slice(0, slash) || '/';
  const base = path.slice(slash + 1);
  return `${dir === '/' ? '' : dir}/.${base}.paved-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}
