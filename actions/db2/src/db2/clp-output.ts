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
