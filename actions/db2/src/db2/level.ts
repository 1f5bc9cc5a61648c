/**
 * `db2level` output, parsed. Db2 wraps the message at ~75 columns wherever it likes (the 11.1
 * slides break before `and Fix Pack`, 11.5 breaks inside the token list), so we join the lines
 * before matching rather than matching line by line.
 */
export interface Db2Level {
  /** `11.5.8.0` */
  version: string;
  /** `0` or `3a`: a letter marks a special build that shares the version number. */
  fixPack: string;
  /** `SQL11058` */
  codeRelease?: string;
  levelIdentifier?: string;
  /** `s2209201700` */
  buildLevel?: string;
  /** `DYN2209201700AMD64` */
  ptf?: string;
  installPath?: string;
  instance?: string;
  bits?: number;
}

export function parseDb2Level(text: string): Db2Level {
  const flat = text.replace(/\s*\r?\n\s*/g, ' ');
  const tokens =
    /Informational tokens are "DB2 v(\d+(?:\.\d+){1,3})",\s*"([^"]*)",\s*"([^"]*)",?\s*and Fix Pack\s*"([^"]*)"/i.exec(
      flat,
    );
  if (!tokens) {
    const first = text.trim().split('\n')[0] ?? '';
    throw new Error(
      `db2level output has no "Informational tokens" line${first ? ` (got: ${first.slice(0, 200)})` : ''}`,
    );
  }
  const level: Db2Level = {
    version: tokens[1] as string,
    buildLevel: tokens[2],
    ptf: tokens[3],
    fixPack: tokens[4] as string,
  };
  const release = /code release "([^"]+)"/.exec(flat);
  if (release) level.codeRelease = release[1];
  const ident = /level identifier "([^"]+)"/.exec(flat);
  if (ident) level.levelIdentifier = ident[1];
  const path = /Product is installed at "([^"]+)"/.exec(flat);
  if (path) level.installPath = path[1];
  const inst = /instance name, where applicable: "([^"]*)"\) uses "(\d+)" bits/.exec(flat);
  if (inst) {
    level.instance = inst[1];
    level.bits = Number(inst[2]);
  }
  return level;
}

/** `11.5.8.0` or, for a special build, `11.1.3.3 (fix pack 3a)`. */
export function describeLevel(level: Db2Level): string {
  const fpDigits = /^\d+$/.test(level.fixPack);
  return fpDigits ? level.version : `${level.version} (fix pack ${level.fixPack})`;
}
