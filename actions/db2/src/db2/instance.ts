import { OperationError } from '../../../../shared/errors';
import type { ExecResult } from '../../../../shared/exec';
import { shellQuote } from '../../../../shared/exec';
import { execAsInstance } from '../docker/cli';
import { parseBackupTimestamp } from './backup';
import {
  archiveLoggingOn,
  backupImageTimestamp,
  cfgValue,
  ckbkpSuccessful,
  gcfAvailable,
  type HadrRole,
  hadrRole,
  parseActiveDatabases,
  parseDbDirectory,
} from './clp-output';
import { type Db2Level, parseDb2Level } from './level';

export interface DbConfig {
  archive: boolean;
  logarchmeth1: string;
  logarchmeth2: string;
  hadrRole: HadrRole;
}

/**
 * Db2 as seen through `docker exec <c> su - <instance> -c …`, the way the cookbook and IBM's
 * documentation drive the container. Identifiers reaching these strings were validated when the
 * inputs were parsed; values are still quoted so the grammar is the only thing we rely on.
 */
export class Db2Instance {
  constructor(
    readonly container: string,
    readonly instance: string,
  ) {}

  run(script: string, options: { input?: string; quiet?: boolean; timeoutMs?: number } = {}): Promise<ExecResult> {
    return execAsInstance(this.container, this.instance, script, { ignoreReturnCode: true, ...options });
  }

  /** CLP exit codes: 0 ok, 1 no rows, 2 warning, 4 error, 8 system error; other tools: 0 or fail. */
  private async ok(
    script: string,
    what: string,
    options: { input?: string; timeoutMs?: number; clp?: boolean } = {},
  ): Promise<string> {
    const r = await this.run(script, options);
    if (r.exitCode > (options.clp ? 3 : 0)) {
      const tail = (r.stdout.trim() || r.stderr.trim()).split('\n').slice(-6).join('\n');
      throw new OperationError(`${what} failed in ${this.container} (exit ${r.exitCode})${tail ? `:\n${tail}` : ''}`);
    }
    return `${r.stdout}${r.stderr}`;
  }

  async level(): Promise<Db2Level> {
    const text = await this.ok('db2level', 'db2level');
    try {
      return parseDb2Level(text);
    } catch (error) {
      throw new OperationError(`${this.container}: ${(error as Error).message}`);
    }
  }

  /** Local databases from the system database directory (Indirect entries). */
  async databases(): Promise<string[]> {
    const r = await this.run('db2 list database directory', { quiet: true });
    const text = `${r.stdout}${r.stderr}`;
    // SQL1057W: the directory is empty.
    if (/SQL1057W/.test(text)) return [];
    if (r.exitCode >= 4)
      throw new OperationError(`db2 list database directory failed in ${this.container}: ${text.trim().slice(-400)}`);
    return parseDbDirectory(text)
      .filter((e) => /^indirect$/i.test(e.type))
      .map((e) => e.alias.toUpperCase());
  }

  async activeDatabases(): Promise<string[]> {
    const r = await this.run('db2 list active databases', { quiet: true });
    return parseActiveDatabases(`${r.stdout}`);
  }

  async archiveLogging(db: string): Promise<boolean> {
    return (await this.dbConfig(db)).archive;
  }

  /** One `db2 get db cfg`: archive logging (LOGARCHMETH1/2) and the HADR role. */
  async dbConfig(db: string): Promise<DbConfig> {
    const text = await this.ok(`db2 get db cfg for ${shellQuote(db)}`, `db2 get db cfg for ${db}`, { clp: true });
    return {
      archive: archiveLoggingOn(text),
      logarchmeth1: cfgValue(text, 'LOGARCHMETH1') ?? 'OFF',
      logarchmeth2: cfgValue(text, 'LOGARCHMETH2') ?? 'OFF',
      hadrRole: hadrRole(text),
    };
  }

  /**
   * QUIESCE DATABASE … IMMEDIATE FORCE CONNECTIONS (applications are rolled back and forced off, and
   * only SYSADM/DBADM may connect until UNQUIESCE), then DEACTIVATE so an offline backup may run.
   * https://www.ibm.com/docs/en/db2/11.5?topic=commands-quiesce
   */
  async quiesce(db: string): Promise<void> {
    const q = shellQuote(db);
    await this.ok(
      `db2 connect to ${q} >/dev/null && db2 quiesce database immediate force connections; rc=$?; db2 connect reset >/dev/null; [ $rc -ge 4 ] && exit $rc; db2 deactivate database ${q}; rc2=$?; [ $rc2 -ge 4 ] && exit $rc2; exit 0`,
      `quiesce of ${db}`,
      { clp: true, timeoutMs: 600_000 },
    );
  }

  /** UNQUIESCE DATABASE: applications may connect again. */
  async unquiesce(db: string): Promise<void> {
    const q = shellQuote(db);
    await this.ok(
      `db2 connect to ${q} >/dev/null && db2 unquiesce database; rc=$?; db2 connect reset >/dev/null; exit $rc`,
      `unquiesce of ${db}`,
      { clp: true },
    );
  }

  /** db2ckbkp on the image a backup just wrote; throws with IBM's verdict when it is not restorable. */
  async verifyBackup(db: string, path: string, timestamp: string): Promise<string> {
    const image = (await this.backupImages(db, path)).find((i) => i.timestamp === timestamp);
    if (!image) throw new OperationError(`backup image of ${db} taken at ${timestamp} is not in ${path}`);
    const r = await this.run(`db2ckbkp ${shellQuote(`${path}/${image.file}`)}`, {
      quiet: true,
      timeoutMs: 6 * 3_600_000,
    });
    const text = `${r.stdout}${r.stderr}`;
    if (r.exitCode !== 0 || !ckbkpSuccessful(text)) {
      const verdict = text.match(/Image Verification Complete[^\n]*|ERROR![^\n]*/g)?.join('; ') ?? `exit ${r.exitCode}`;
      throw new OperationError(`db2ckbkp ${path}/${image.file}: ${verdict}`);
    }
    return image.file;
  }

  /** Backup images of a database in a directory, newest first. */
  async backupImages(db: string, path: string): Promise<{ file: string; timestamp: string }[]> {
    const r = await this.run(`ls -1 ${shellQuote(path)} 2>/dev/null || true`, { quiet: true });
    return r.stdout
      .split('\n')
      .map((file) => ({ file: file.trim(), timestamp: backupImageTimestamp(file.trim(), db, this.instance) ?? '' }))
      .filter((i) => i.timestamp)
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  }

  /** Removes backup image files (names already matched against the image grammar). */
  async removeFiles(path: string, files: readonly string[]): Promise<void> {
    if (!files.length) return;
    await this.ok(
      `cd ${shellQuote(path)} && rm -f -- ${files.map(shellQuote).join(' ')}`,
      `removing old backup images in ${path}`,
    );
  }

  async gcfAvailable(): Promise<boolean> {
    const r = await this.run('db2gcf -s', { quiet: true, timeoutMs: 60_000 });
    return gcfAvailable(`${r.stdout}${r.stderr}`);
  }

  /** CONNECT + SELECT 1: the database answers queries, not only the instance. */
  async probe(db: string): Promise<ExecResult> {
    const q = shellQuote(db);
    return this.run(
      `db2 connect to ${q} && db2 -x "SELECT 1 FROM SYSIBM.SYSDUMMY1"; rc=$?; db2 connect reset >/dev/null; exit $rc`,
      // A probe that hangs (instance half up) must not outlive the readiness deadline by much.
      { quiet: true, timeoutMs: 120_000 },
    );
  }

  async backup(
    db: string,
    options: { online: boolean; path: string; compress: boolean },
  ): Promise<{ timestamp: string; output: string }> {
    const parts = [`BACKUP DATABASE ${db}`];
    if (options.online) parts.push('ONLINE');
    parts.push(`TO ${options.path}`);
    if (options.compress) parts.push('COMPRESS');
    if (options.online) parts.push('INCLUDE LOGS');
    parts.push('WITHOUT PROMPTING');
    // An offline backup needs the database quiesced and deactivated first (see quiesce()).
    const script = `mkdir -p ${shellQuote(options.path)} && db2 ${shellQuote(parts.join(' '))}`;
    const output = await this.ok(script, `backup of ${db}`, { timeoutMs: 6 * 3_600_000, clp: true });
    try {
      return { timestamp: parseBackupTimestamp(output), output };
    } catch (error) {
      throw new OperationError(`backup of ${db}: ${(error as Error).message}`);
    }
  }

  /** Runs an SQL script (statements ending in `;`) through `db2 -tf`; the text travels on stdin. */
  /**
   * One unit of work: autocommit off (+c), stop at the first error (-s), and on error a ROLLBACK
   * in the same shell (the CLP back end, and so the connection, lives as long as the shell), so a
   * failed script leaves the database as it was. Scripts end with their own COMMIT.
   */
  async sql(statements: string, what: string): Promise<string> {
    const script =
      'f=$(mktemp) && cat > "$f" && db2 +c -s -x -tf "$f"; rc=$?; rm -f "$f"; if [ $rc -ge 4 ]; then db2 rollback >/dev/null 2>&1; fi; db2 terminate >/dev/null 2>&1; exit $rc';
    const r = await this.run(script, { input: statements });
    if (r.exitCode >= 4) {
      const text = `${r.stdout}${r.stderr}`;
      const sqlErr = text
        .match(/SQL\d{4,5}[NC][^\n]*/g)
        ?.slice(-2)
        .join('\n');
      throw new OperationError(
        `${what} failed in ${this.container}: ${sqlErr ?? text.trim().slice(-400)} (rolled back: nothing of it was kept)`,
      );
    }
    return r.stdout;
  }

  async command(
    script: string,
    what: string,
    options: { timeoutMs?: number; clp?: boolean; input?: string } = {},
  ): Promise<string> {
    return this.ok(script, what, options);
  }
}
