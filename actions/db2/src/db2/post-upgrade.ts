import * as core from '../../../../shared/actions-core';
import { annotations } from '../../../../shared/annotations';
import { OperationError } from '../../../../shared/errors';
import { shellQuote } from '../../../../shared/exec';
import { judgeBind } from './clp-output';
import type { Db2Instance } from './instance';
import { updvTool } from './version';

/**
 * IBM's post-fix-pack steps per database: db2updvNNN (catalog update), then binding the schema,
 * utility and CLI packages, then db2rbind for everything else. Each is repeatable, but binding
 * takes minutes on a big catalog, so a stamp in the instance home (on the /database storage, so it
 * survives the container) records which level each database has been done for.
 *
 * `onCatalogChange` is called before db2updvNNN runs: from then on the old image must not run on
 * this storage, so the caller stops offering a rollback.
 * https://www.ibm.com/docs/en/db2/11.5?topic=commands-db2updv115-update-db-version-115-fix-pack
 */
export interface PostUpgradeResult {
  database: string;
  done: string;
  ms: number;
}

const STAMP = '$HOME/.paved/post-upgrade.done';

/** The binds IBM lists after a fix pack, run from sqllib/bnd with a connection to the database. */
export const BINDS = [
  'bind db2schema.bnd blocking all grant public sqlerror continue',
  'bind @db2ubind.lst blocking all grant public action add',
  'bind @db2cli.lst blocking all grant public action add',
] as const;

export async function postUpgrade(
  db2: Db2Instance,
  databases: readonly string[],
  version: string,
  onCatalogChange: (db: string) => void,
): Promise<PostUpgradeResult[]> {
  const stamps = await db2.run(`cat ${STAMP} 2>/dev/null || true`, { quiet: true });
  const done = new Set(stamps.stdout.split('\n').map((l) => l.trim()));
  const results: PostUpgradeResult[] = [];
  for (const db of databases) {
    const started = performance.now();
    const key = `${db} ${version}`;
    if (done.has(key)) {
      results.push({ database: db, done: 'already done for this level', ms: 0 });
      continue;
    }
    const q = shellQuote(db);
    const tool = updvTool(version);
    const notes: string[] = [];
    const has = await db2.run(`command -v ${tool}`, { quiet: true });
    if (has.exitCode === 0) {
      onCatalogChange(db);
      core.info(`${db}: ${tool} -d ${db}`);
      const r = await db2.run(`${tool} -d ${q}`, { timeoutMs: 3 * 3_600_000, quiet: true });
      if (r.exitCode !== 0) {
        const tail = `${r.stdout}${r.stderr}`.trim().split('\n').slice(-4).join('\n');
        throw new OperationError(`${tool} -d ${db} failed (exit ${r.exitCode}):\n${tail}`);
      }
      notes.push(tool);
    }
    for (const bind of BINDS) {
      core.info(`${db}: db2 ${bind}`);
      const r = await db2.run(
        `cd "$HOME/sqllib/bnd" && db2 connect to ${q} >/dev/null && db2 ${bind}; rc=$?; db2 connect reset >/dev/null 2>&1; exit $rc`,
        { timeoutMs: 3 * 3_600_000, quiet: true },
      );
      const verdict = judgeBind(`${r.stdout}${r.stderr}`, r.exitCode);
      const file = bind.split(' ')[1] as string;
      if (!verdict.ok) {
        throw new OperationError(`db2 ${bind} on ${db} failed (CLP exit ${r.exitCode}): ${verdict.errors.join('; ')}`);
      }
      for (const w of verdict.warnings) annotations.warning(`${db}: ${file}: ${w}`);
      notes.push(verdict.existing ? `${file} (${verdict.existing} already bound: SQL0719N, expected)` : file);
    }
    const rb = await db2.run(`db2rbind ${q} -l /tmp/paved-db2rbind.log all`, { timeoutMs: 3 * 3_600_000, quiet: true });
    if (rb.exitCode !== 0) {
      const tail = `${rb.stdout}${rb.stderr}`.trim().split('\n').slice(-4).join('\n');
      throw new OperationError(`db2rbind ${db} all failed (exit ${rb.exitCode}):\n${tail}`);
    }
    notes.push('db2rbind all');
    await db2.command(
      `mkdir -p "$HOME/.paved" && echo ${shellQuote(key)} >> ${STAMP}`,
      'recording the post-upgrade stamp',
    );
    results.push({ database: db, done: notes.join(', '), ms: Math.round(performance.now() - started) });
  }
  return results;
}
