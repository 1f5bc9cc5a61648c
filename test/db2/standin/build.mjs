// Builds (once, cached by content hash) the stand-in Db2 images the db2 tests and bench use.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @returns {{ old: string, new: string, broken: string, crash: string }} image references */
export function buildStandinImages() {
  // flock: parallel test files (and a bench) must not import the same tag twice.
  const out = execFileSync('flock', ['/tmp/paved-db2-standin.lock', 'bash', join(here, 'build.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  const refs = {};
  for (const line of out.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) refs[line.slice(0, eq)] = line.slice(eq + 1).trim();
  }
  return refs;
}
