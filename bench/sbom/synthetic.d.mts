/** See synthetic.mjs: writes package.json and a lockfileVersion 3 package-lock.json with `entries` entries. */
export function writeSyntheticNpmProject(
  dir: string,
  entries?: number,
): { entries: number; distinct: Set<string>; bytes: number };
