import { ConfigurationError } from '../../../shared';

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/**
 * A file-system failure the user can fix (permissions, read-only mounts, a directory where a file
 * belongs) as a ConfigurationError naming the path and what was being done; anything else is a bug
 * and is rethrown as it is.
 */
export function fsError(error: unknown, doing: string, path: string, input?: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code ? WHY[code] : undefined;
  if (!why) return error;
  return new ConfigurationError(`Cannot ${doing} ${path}: ${why}`, input ? { input } : undefined);
}
