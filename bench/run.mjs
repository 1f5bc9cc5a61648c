#!/usr/bin/env node
// npm run bench [-- name …] [--quick]: runs bench/<name>/bench.mjs for each benchmark and
// writes bench/results/<name>.json and bench/results/README.md (all tables in one page).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdown, ROOT } from './lib.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('--'));
const all = readdirSync(join(ROOT, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'bench', d.name, 'bench.mjs')))
  .map((d) => d.name)
  .sort();
const selected = names.length ? names : all;
let failed = false;
for (const name of selected) {
  if (!all.includes(name)) {
    console.error(`no benchmark named ${name}; known: ${all.join(', ')}`);
    process.exit(1);
  }
  console.log(`\n=== bench ${name} ===`);
  try {
    const mod = await import(pathToFileURL(join(ROOT, 'bench', name, 'bench.mjs')).href);
    await mod.default({ root: ROOT, quick });
  } catch (e) {
    failed = true;
    console.error(`bench ${name} failed: ${e.stack ?? e}`);
  }
}
// Every report, including benchmarks that write several (telemetry-hook, telemetry-export, …).
const pages = readdirSync(join(ROOT, 'bench', 'results'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => markdown(JSON.parse(readFileSync(join(ROOT, 'bench', 'results', f), 'utf8'))));
writeFileSync(
  join(ROOT, 'bench', 'results', 'README.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\`. Each table comes from one run with the contenders side by side.\n\n${pages.join('\n')}`,
);
process.exit(failed ? 1 : 0);
