import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness';

/**
 * The suite's own rules (CONTRIBUTING.md, "Tests"), checked on every test source so a red test keeps
 * meaning a bug: nothing read from outside the repository, no fixed temp paths shared between runs,
 * no wall time in assertions. Each rule is a narrow pattern with no known false positive.
 */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['fixtures', 'fixture', 'standin', 'node_modules', '.peers', 'results'].includes(entry.name))
        out.push(...sources(path));
    } else if (/\.(ts|mjs|js|sh)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const files = sources(join(ROOT, 'test')).map((path) => ({
  name: relative(ROOT, path),
  lines: readFileSync(path, 'utf8').split('\n'),
}));

function offending(pattern: RegExp, except?: RegExp): string[] {
  const found: string[] = [];
  for (const { name, lines } of files) {
    if (name === 'test/core/test-hygiene.test.ts') continue;
    lines.forEach((line, i) => {
      if (pattern.test(line) && !except?.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const OUTSIDE = /'\.\.', 'shared'|\.\.\/shared\/(fixtures|schemas|seeds)|\/work\/shared/;

describe('test sources', () => {
  it('read nothing outside the repository (a fresh clone has no ../shared)', () => {
    expect(offending(OUTSIDE)).toEqual([]);
  });

  it('nor do the scripts and benchmarks', () => {
    const found: string[] = [];
    for (const dir of ['scripts', 'bench']) {
      for (const path of sources(join(ROOT, dir))) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (OUTSIDE.test(line)) found.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it('write no fixed file in the temp directory: each test uses its own mkdtemp', () => {
    expect(offending(/join\(tmpdir\(\), '[^']*'\)/, /mkdtemp(Sync)?\(join\(tmpdir\(\), '[^']*'\)\)/)).toEqual([]);
  });

  it('assert no wall time: wait for the event instead, and measure speed in bench/', () => {
    expect(offending(/expect\(\s*(Date\.now\(\)|performance\.now\(\))\s*-/)).toEqual([]);
  });
});
