/** `Backup successful. The timestamp for this backup image is : 20240101123000` */
export function parseBackupTimestamp(text: string): string {
  const m = /Backup successful\.\s*The timestamp for this backup image is\s*:\s*(\d{14})/i.exec(
    text.replace(/\s+/g, ' '),
  );
  if (!m) {
    const sql = /SQL\d{4,5}[NCW][^\n]*/.exec(text)?.[0];
    throw new Error(`backup did not report success${sql ? `: ${sql.trim()}` : ''}`);
  }
  return m[1] as string;
}

/** 20240101123000 → 2024-01-01T12:30:00 (the server's local time; Db2 does not say which zone). */
export function backupTimestampIso(ts: string): string {
  return `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}`;
}
