#!/usr/bin/env node
// Builds every bundle the runner executes, and the files generated from the action.yml files.
//   node scripts/build.mjs            everything
//   node scripts/build.mjs sbom sign  only those bundles (generated files are always refreshed)
// ncc is used programmatically so all bundles build in one process (one TypeScript load).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

async function build(target, out) {
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
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${target.entry}.js`), code);
  for (const [name, asset] of Object.entries(assets)) {
    // Code-split chunks are named after the entry that made them, so index and post do not collide.
    const file = join(out, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, asset.source);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`built dist/${target.bundle}/${target.entry}.js (${(code.length / 1024).toFixed(0)} KiB, ${ms} ms)`);
}

const only = process.argv.slice(2);
const all = targets();
const selected = only.length ? all.filter((t) => only.includes(t.bundle)) : all;
if (only.length && selected.length === 0) {
  console.error(`no bundle named ${only.join(', ')}; known: ${[...new Set(all.map((t) => t.bundle))].join(', ')}`);
  process.exit(1);
}
// Each bundle is built beside dist/<name> and swapped in with two renames, so a test or a CLI
// run reading dist/ at the same moment sees the old bundle or the new one, never a half-written
// or missing one.
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const bundle of new Set(selected.map((t) => t.bundle))) {
  const staged = join(dist, `.${bundle}.new-${process.pid}`);
  const old = join(dist, `.${bundle}.old-${process.pid}`);
  rmSync(staged, { recursive: true, force: true });
  for (const target of selected.filter((t) => t.bundle === bundle)) await build(target, staged);
  const current = join(dist, bundle);
  if (existsSync(current)) renameSync(current, old);
  renameSync(staged, current);
  rmSync(old, { recursive: true, force: true });
}
// A full build also drops bundles whose source is gone.
if (!only.length) {
  const known = new Set(all.map((t) => t.bundle));
  for (const name of readdirSync(dist))
    if (!known.has(name)) rmSync(join(dist, name), { recursive: true, force: true });
}
generateAll(root);
