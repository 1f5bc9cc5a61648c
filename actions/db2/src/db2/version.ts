/**
 * Db2 levels compare as four numbers (version.release.modification.fixpack); the fix pack token's
 * letter (`3a`, `3b`) orders special builds of the same number.
 */
export function compareLevels(a: string, b: string, fixPackA = '', fixPackB = ''): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length, 4); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  const la = /[a-z]+$/i.exec(fixPackA)?.[0] ?? '';
  const lb = /[a-z]+$/i.exec(fixPackB)?.[0] ?? '';
  return la === lb ? 0 : la < lb ? -1 : 1;
}

/** The post-upgrade catalog tool for a level: db2updv115 for 11.5, db2updv111 for 11.1, db2updv105 for 10.5. */
export function updvTool(version: string): string {
  const [major, minor] = version.split('.');
  return `db2updv${major}${minor}`;
}
