import * as core from '../../../../shared/actions-core';
import { OperationError } from '../../../../shared/errors';
import { shellQuote } from './identifiers';
import type { Db2Instance } from './instance';
import { updvTool } from './version';

/**
 * IBM's post-fix-pack steps per database: db2updvNNN (catalog update), then rebinding the
 * schema, utility and CLI packages, then db2rbind for everything else. Each is safe to repeat,
 * but binding takes minutes on a big catalog, so a stamp in the instance home (on the /database
 * storage, so it survives the container) records which level each database has been done for.
 */
export interface PostUpgradeResult {
  database: string;
  done: 'ran' | 'already done';
  ms: number;
}

const STAMP = '$HOME/.paved/post-upgrade.done';

export async function postUpgrade(
  db2: Db2Instance,
  databases: readonly string[],
  version: string,
): Promise<PostUpgradeResult[]> {
  const stamps = await db2.run(`cat ${STAMP} 2>/dev/null || true`, { quiet: true });
  const done = new Set(stamps.stdout.split('\n').map((l) => l.trim()));
  const results: PostUpgradeResult[] = [];
  for (const db of databases) {
    const started = performance.now();
    const key = `${db} ${version}`;
    if (done.has(key)) {
      results.push({ database: db, done: 'already done', ms: 0 });
      continue;
    }
    const q = shellQuote(db);
    const tool = updvTool(version);
    // One shell so the CLP connection is shared; exit on the first real error (CLP rc >= 4).
    const script = [
      'set +e',
      'fail() { echo "paved: $1 failed with exit code $2" >&2; exit 4; }',
      `if command -v ${tool} >/dev/null 2>&1; then ${tool} -d ${q}; rc=$?; [ $rc -le 2 ] || fail ${tool} $rc; fi`,
      'cd "$HOME/sqllib/bnd" 2>/dev/null || true',
      `db2 connect to ${q} >/dev/null; rc=$?; [ $rc -le 2 ] || fail connect $rc`,
      'db2 bind db2schema.bnd blocking all grant public sqlerror continue; rc=$?; [ $rc -le 2 ] || fail "bind db2schema.bnd" $rc',
      'db2 bind @db2ubind.lst blocking all grant public action add; rc=$?; [ $rc -le 2 ] || fail "bind @db2ubind.lst" $rc',
      'db2 bind @db2cli.lst blocking all grant public action add; rc=$?; [ $rc -le 2 ] || fail "bind @db2cli.lst" $rc',
      'db2 connect reset >/dev/null',
      `db2rbind ${q} -l /tmp/paved-db2rbind.log all; rc=$?; [ $rc -le 2 ] || fail db2rbind $rc`,
      `mkdir -p "$HOME/.paved" && echo ${shellQuote(key)} >> ${STAMP}`,
    ].join('\n');
    core.info(`${db}: ${tool} -d ${db}; bind db2schema.bnd, @db2ubind.lst, @db2cli.lst; db2rbind ${db} all`);
    const r = await db2.run(script, { timeoutMs: 3 * 3_600_000, quiet: true });
    if (r.exitCode !== 0) {
      const tail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-6).join('\n');
      throw new OperationError(`post-upgrade steps for ${db} failed:\n${tail}`);
    }
    results.push({ database: db, done: 'ran', ms: Math.round(performance.now() - started) });
  }
  return results;
}
