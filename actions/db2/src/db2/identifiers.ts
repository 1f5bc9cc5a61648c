import { ConfigurationError } from '../../../../shared/errors';

/**
 * Every name that reaches a shell inside the container or an SQL statement is checked against
 * the narrowest grammar Db2 and Docker accept, before any command runs. Together with argv
 * exec (no host shell) and quoting for the one `su -c` string, this is what keeps inputs from
 * injecting shell or SQL.
 */
const DATABASE = /^[A-Za-z][A-Za-z0-9_]{0,7}$/;
// Docker's own rule for container names.
const CONTAINER = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
// POSIX portable user names; Db2 instance names are also at most 8 characters.
const USER = /^[a-z_][a-z0-9_-]{0,31}$/;
const INSTANCE = /^[a-z][a-z0-9_]{0,7}$/;
// An SQL ordinary identifier (schema, table, procedure).
const SQL_IDENT = /^[A-Za-z_][A-Za-z0-9_#@$]{0,127}$/;
// docker reference grammar (distribution/reference), without digests being mandatory.
const IMAGE_REF =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

function check(re: RegExp, value: string, what: string, expected: string, input?: string): string {
  if (!re.test(value)) {
    throw new ConfigurationError(`${what} "${printable(value)}" is not valid: expected ${expected}`, { input });
  }
  return value;
}

export function databaseName(value: string, input?: string): string {
  return check(DATABASE, value, 'Database name', 'a letter then up to 7 letters, digits or _', input).toUpperCase();
}

export function containerName(value: string, input?: string): string {
  return check(CONTAINER, value, 'Container name', "Docker's [a-zA-Z0-9][a-zA-Z0-9_.-]*", input);
}

export function userName(value: string, input?: string): string {
  return check(USER, value, 'User name', 'a lower-case letter or _, then up to 31 of a-z 0-9 _ -', input);
}

export function instanceName(value: string, input?: string): string {
  return check(INSTANCE, value, 'Instance name', 'a lower-case letter then up to 7 of a-z 0-9 _', input);
}

export function sqlIdentifier(value: string, what: string, input?: string): string {
  return check(SQL_IDENT, value, what, 'an SQL identifier (letters, digits, _ # @ $)', input).toUpperCase();
}

export function imageReference(value: string, input?: string): string {
  return check(IMAGE_REF, value, 'Image reference', 'a Docker image reference such as registry/repo:tag', input);
}

/** An absolute container path: no quotes, spaces or shell metacharacters. */
export function containerPath(value: string, input?: string): string {
  return check(/^\/[A-Za-z0-9_./-]*$/, value, 'Path', 'an absolute path of letters, digits, _ . / -', input);
}

/** The tag of an image reference, for naming the new container (`…/db2:11.5.9.0` → `11.5.9.0`). */
export function tagOf(reference: string): string | undefined {
  const noDigest = reference.split('@')[0] as string;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > lastSlash ? noDigest.slice(colon + 1) : undefined;
}

/** SQL string literal: the only quoting SQL needs is doubling single quotes. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function printable(value: string): string {
  return value.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).slice(0, 80);
}
