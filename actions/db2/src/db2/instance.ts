import { OperationError } from '../../../../shared/errors';
import type { ExecResult } from '../../../../shared/exec';
import { execAsInstance } from '../docker/cli';
import { parseBackupTimestamp } from './backup';
import { archiveLoggingOn, gcfAvailable, parseActiveDatabases, parseDbDirectory } from './clp-output';
import { shellQuote } from './identifiers';
import { type Db2Level, parseDb2Level } from './level';

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
    const text = await this.ok(`db2 get db cfg for ${shellQuote(db)}`, `db2 get db cfg for ${db}`, { clp: true });
    return archiveLoggingOn(text);
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
    const q = shellQuote(db);
    const parts = [`BACKUP DATABASE ${db}`];
    if (options.online) parts.push('ONLINE');
    parts.push(`TO ${options.path}`);
    if (options.compress) parts.push('COMPRESS');
    if (options.online) parts.push('INCLUDE LOGS');
    parts.push('WITHOUT PROMPTING');
    // An offline backup needs the database deactivated and no connections.
    const prelude = options.online
      ? ''
      : `db2 force application all >/dev/null; db2 deactivate database ${q} >/dev/null; `;
    const script = `mkdir -p ${shellQuote(options.path)} && ${prelude}db2 ${shellQuote(parts.join(' '))}`;
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
