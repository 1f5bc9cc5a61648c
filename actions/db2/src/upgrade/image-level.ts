import { errorMessage, OperationError } from '../../../../shared/errors';
import { type Db2Level, parseDb2Level } from '../db2/level';
import { docker } from '../docker/cli';

/**
 * The Db2 level of an image before any container of it touches our storage: db2level from the
 * install path in a throwaway container with no network and no mounts.
 */
export async function imageLevel(image: string): Promise<Db2Level> {
  const r = await docker(
    [
      'run',
      '--rm',
      '--network',
      'none',
      '--user',
      '0',
      '--entrypoint',
      '/bin/sh',
      image,
      '-c',
      'for d in /opt/ibm/db2/V*; do if [ -x "$d/bin/db2level" ]; then exec "$d/bin/db2level"; fi; done; echo "no /opt/ibm/db2/V*/bin/db2level in this image" >&2; exit 127',
    ],
    { ignoreReturnCode: true, timeoutMs: 300_000 },
  );
  try {
    return parseDb2Level(`${r.stdout}\n${r.stderr}`);
  } catch (error) {
    throw new OperationError(
      `Could not read the Db2 level of ${image} (${errorMessage(error)}${r.stderr.trim() ? `; ${r.stderr.trim().split('\n').slice(-1)[0]}` : ''}). Nothing was changed.`,
    );
  }
}
