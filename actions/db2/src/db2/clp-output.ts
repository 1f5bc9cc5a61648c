/**
 * Parsers for Db2 command line processor reports. They read `Label = value` pairs, which is how
 * every CLP report prints regardless of locale padding.
 */
export interface DirectoryEntry {
  alias: string;
  name: string;
  /** Indirect = a local database; Remote = catalogued node; we only back up local ones. */
  type: string;
}

/** `db2 list database directory` */
export function parseDbDirectory(text: string): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (const block of text.split(/\n\s*Database \d+ entry:\s*\n/i).slice(1)) {
    const alias = field(block, 'Database alias');
    const name = field(block, 'Database name');
    const type = field(block, 'Directory entry type');
    if (alias && name) entries.push({ alias, name, type: type ?? '' });
  }
  return entries;
}

/** `db2 list active databases`; SQL1611W (none active) yields an empty list. */
export function parseActiveDatabases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*Database name\s*=\s*(\S+)\s*$/gim)) out.push(m[1] as string);
  return out;
}

/** A `(PARAM) = value` line of `db2 get db cfg` / `db2 get dbm cfg`. */
export function cfgValue(text: string, param: string): string | undefined {
  // [ \t]* not \s*: an empty value must not swallow the next line.
  const re = new RegExp(`\\(${param}\\)[ \\t]*=[ \\t]*(.*)$`, 'im');
  const m = re.exec(text);
  return m ? (m[1] as string).trim() : undefined;
}

/** Archive logging is on when LOGARCHMETH1 or LOGARCHMETH2 is anything but OFF. */
export function archiveLoggingOn(dbCfg: string): boolean {
  for (const p of ['LOGARCHMETH1', 'LOGARCHMETH2']) {
    const v = cfgValue(dbCfg, p);
    if (v && v.toUpperCase() !== 'OFF') return true;
  }
  return false;
}

/** `db2gcf -s`: `DB2 State : Available` (Operable/Not Operable otherwise). */
export function gcfAvailable(text: string): boolean {
  return /DB2 State\s*:\s*Available\b/i.test(text);
}

function field(block: string, label: string): string | undefined {
  const re = new RegExp(`^[ \\t]*${label}[ \\t]*=[ \\t]*(.*?)[ \\t]*$`, 'im');
  const m = re.exec(block);
  return m?.[1] || undefined;
}

/**
 * `hadr_db_role` from `db2 get db cfg` (`HADR database role = STANDARD | PRIMARY | STANDBY`): an
 * informational parameter, printed without its name in parentheses.
 * https://www.ibm.com/docs/en/db2/11.5?topic=parameters-hadr-db-role-hadr-database-role
 */
export type HadrRole = 'STANDARD' | 'PRIMARY' | 'STANDBY';
export function hadrRole(dbCfg: string): HadrRole {
  const m = /^[ \t]*HADR database role[ \t]*(?:\(HADR_DB_ROLE\))?[ \t]*=[ \t]*(\w+)/im.exec(dbCfg);
  const v = m?.[1]?.toUpperCase();
  return v === 'PRIMARY' || v === 'STANDBY' ? v : 'STANDARD';
}

/** The SQL messages (`SQL0719N`, `SQL0061W`, …) a CLP report holds, in order. */
export function sqlMessages(text: string): { code: string; line: string }[] {
  const out: { code: string; line: string }[] = [];
  for (const m of text.matchAll(/\b(SQL\d{4,5}[NCWI])\b[^\n]*/g)) out.push({ code: m[1] as string, line: m[0].trim() });
  return out;
}

/**
 * What a `db2 bind` run means. The CLP returns 4 for any negative SQLCODE (IBM, "Command line
 * processor return codes"), and `BIND … ACTION ADD` of a package that exists is SQL0719N, which
 * IBM documents as the expected answer when the package is already there. SQL0092N (no package
 * created) and SQL0091N (the error/warning count) only accompany other messages. Anything else
 * negative, or a CLP system error (8), is a real failure.
 * https://www.ibm.com/docs/en/db2/11.5?topic=clp-return-codes
 * https://www.ibm.com/docs/en/db2/11.5?topic=commands-bind (ACTION ADD)
 */
export const BIND_TOLERATED = ['SQL0719N'] as const;
const BIND_COMPANIONS = new Set(['SQL0091N', 'SQL0092N']);
export interface BindVerdict {
  ok: boolean;
  /** Packages that already existed (SQL0719N lines). */
  existing: number;
  warnings: string[];
  errors: string[];
}
export function judgeBind(output: string, exitCode: number): BindVerdict {
  const messages = sqlMessages(output);
  const warnings = messages.filter((m) => m.code.endsWith('W') && m.code !== 'SQL0061W').map((m) => m.line);
  const existing = messages.filter((m) => (BIND_TOLERATED as readonly string[]).includes(m.code)).length;
  const errors = messages
    .filter((m) => /[NC]$/.test(m.code) && !BIND_COMPANIONS.has(m.code))
    .filter((m) => !(BIND_TOLERATED as readonly string[]).includes(m.code))
    .map((m) => m.line);
  if (exitCode >= 8)
    return { ok: false, existing, warnings, errors: errors.length ? errors : [`CLP system error (exit ${exitCode})`] };
  if (exitCode >= 4 && errors.length === 0 && existing === 0) {
    const tail = output.trim().split('\n').slice(-2).join(' ');
    return {
      ok: false,
      existing,
      warnings,
      errors: [`exit ${exitCode} without an SQL message${tail ? `: ${tail}` : ''}`],
    };
  }
  return { ok: errors.length === 0, existing, warnings, errors };
}

/**
 * `db2ckbkp <image>`: IBM prints `Image Verification Complete - successful.` for a restorable
 * image, `Image Verification Complete - ERRORS DETECTED: n` otherwise.
 * https://www.ibm.com/docs/en/db2/11.5.x?topic=commands-db2ckbkp-check-backup
 */
export function ckbkpSuccessful(text: string): boolean {
  return /Image Verification Complete - successful\./.test(text) && !/ERRORS DETECTED/i.test(text);
}

/** Backup image file names on Linux: `DB.0.inst.DBPART000.20240101123000.001`. */
export function backupImageTimestamp(file: string, db: string, instance: string): string | undefined {
  const m = new RegExp(`^${db}\\.0\\.${instance}\\.DBPART\\d{3}\\.(\\d{14})\\.\\d{3}$`).exec(file);
  return m?.[1];
}
