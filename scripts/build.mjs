#!/usr/bin/env node
// Builds every bundle the runner executes, and the files generated from the action.yml files.
//   node scripts/build.mjs            everything
//   node scripts/build.mjs sbom sign  only those bundles (generated files are always refreshed)
// ncc is used programmatically so all bundles build in one process (one TypeScript load).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';
import { generateAll } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function targets() {
  const list = [];
  for (const name of readdirSync(join(root, 'actions')).sort()) {
    const src = join(root, 'actions', name, 'src');
    for (const entry of ['index', 'post']) {
      if (existsSync(join(src, `${entry}.ts`))) list.push({ bundle: name, entry, file: join(src, `${entry}.ts`) });
    }
  }
  for (const name of ['dispatcher', 'cli']) {
    const src = join(root, name, 'src');
    for (const entry of ['index', 'post']) {
      if (existsSync(join(src, `${entry}.ts`))) list.push({ bundle: name, entry, file: join(src, `${entry}.ts`) });
    }
  }
  return list;
}

async function build(target) {
  const started = performance.now();
  const { code, assets } = await ncc(target.file, {
    minify: true,
    sourceMap: false,
    // Types are checked by `npm run typecheck`; the bundler only strips them.
    transpileOnly: true,
    quiet: true,
    target: 'es2022',
    license: target.entry === 'index' ? 'licenses.txt' : undefined,
  });
  const out = join(root, 'dist', target.bundle);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${target.entry}.js`), code);
  for (const [name, asset] of Object.entries(assets)) {
    // Code-split chunks are named after the entry that made them, so index and post do not collide.
    const file = join(out, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, asset.source);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `built ${relative(root, join(out, `${target.entry}.js`))} (${(code.length / 1024).toFixed(0)} KiB, ${ms} ms)`,
  );
}

const only = process.argv.slice(2);
const all = targets();
const selected = only.length ? all.filter((t) => only.includes(t.bundle)) : all;
if (only.length && selected.length === 0) {
  console.error(`no bundle named ${only.join(', ')}; known: ${[...new Set(all.map((t) => t.bundle))].join(', ')}`);
  process.exit(1);
}
if (!only.length) rmSync(join(root, 'dist'), { recursive: true, force: true });
else
  for (const b of new Set(selected.map((t) => t.bundle)))
    rmSync(join(root, 'dist', b), { recursive: true, force: true });
for (const target of selected) await build(target);
generateAll(root);
