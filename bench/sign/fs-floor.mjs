// The file-system part of `paved sign` over a directory of files, without signing: for each input a
// .sig (96 bytes of base64) and a .sigstore.json (415 bytes, the size of paved's bundle), plus a
// verify.sh of ~97 bytes per file, written into a staging directory and renamed into place, as
// paved's writeAll does. Each run writes into a new directory under <output parent> and deletes
// nothing, so it never leaves freshly deleted inodes for the next contender's files to step over.
// Usage (bench/sign/bench.mjs): node fs-floor.mjs <input dir> <output parent>
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [input, parent] = process.argv.slice(2);
const names = readdirSync(input).sort();
mkdirSync(parent, { recursive: true });
const output = mkdtempSync(join(parent, 'run-'));
const staging = mkdtempSync(join(output, '.paved-sign-'));
const sig = 'M'.repeat(96);
const bundle = `${'B'.repeat(414)}\n`;
const writes = names.flatMap((n) => [
  [`${n}.sig`, sig],
  [`${n}.sigstore.json`, bundle],
]);
writes.push(['verify.sh', 'V'.repeat(97 * names.length)]);
for (const [name, content] of writes) writeFileSync(join(staging, name), content);
for (const [name] of writes) renameSync(join(staging, name), join(output, name));
rmdirSync(staging);
