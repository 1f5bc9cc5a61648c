import { type ExecOptions, type ExecResult, exec } from '../../../../shared/exec';

/**
 * The `docker` CLI through the shared exec wrapper, as docker/build-push-action does: contexts,
 * DOCKER_HOST, TLS settings and credential helpers then behave exactly as in the user's shell.
 */
export function docker(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return exec('docker', args, { timeoutMs: 120_000, ...options });
}

/** `docker exec` of a command line inside the container as the Db2 instance owner (a login shell loads db2profile). */
export function execAsInstance(
  container: string,
  instance: string,
  script: string,
  options: ExecOptions = {},
): Promise<ExecResult> {
  const args = ['exec'];
  if (options.input !== undefined) args.push('-i');
  args.push(container, 'su', '-', instance, '-c', script);
  return docker(args, { timeoutMs: 600_000, ...options });
}
