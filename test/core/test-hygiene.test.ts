import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness';

/**
 * The suite's own rules (CONTRIBUTING.md, "Tests"), checked on every test source so a red test keeps
 * meaning a bug: nothing read from outside the repository, no fixed temp paths shared between runs,
 * no wall time in assertions. Each rule is a narrow pattern with no known false positive, checked
 * against samples it must catch.
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

/**
 * The rules, each a function from a file's lines to the offending line numbers. Each has samples
 * it must catch and samples it must let pass (tested below), so a pattern too narrow to ever match
 * fails here instead of passing forever.
 */
const OUTSIDE = /'\.\.', 'shared'|\.\.\/shared\/(fixtures|schemas|seeds)|\/work\/shared/;

function outside(lines: string[]): number[] {
  return lines.flatMap((line, i) => (OUTSIDE.test(line) ? [i] : []));
}

/** A path under the temp directory that is not inside a mkdtemp of this run, or a literal /tmp path written to. */
function fixedTemp(lines: string[]): number[] {
  return lines.flatMap((line, i) =>
    (/join\((os\.)?tmpdir\(\),\s*['"`]/.test(line) && !/mkdtemp(Sync)?\(\s*join\((os\.)?tmpdir\(\),/.test(line)) ||
    /\b(writeFile|appendFile|mkdir|mkdtemp|rm|createWriteStream|copyFile|rename|symlink)(Sync)?\(\s*['"`]\/tmp\//.test(
      line,
    ) ||
    /join\(\s*['"`]\/tmp['"`]/.test(line)
      ? [i]
      : [],
  );
}

/** `expect(Date.now() - t0)`, or `expect(elapsed)` where `elapsed` was computed from the clock. */
function wallTime(lines: string[]): number[] {
  const clock = /(Date\.now|performance\.now)\(\)\s*-|process\.hrtime/;
  const names = lines.flatMap((line) => {
    const m = /(?:const|let|var)\s+(\w+)\s*=\s*(.*)$/.exec(line);
    return m && clock.test(m[2] as string) ? [m[1] as string] : [];
  });
  return lines.flatMap((line, i) => {
    const expected = /expect\(\s*(.*?)\)\s*\./.exec(line)?.[1] ?? '';
    if (!expected) return [];
    if (clock.test(expected)) return [i];
    return names.some((n) => new RegExp(`^${n}\\b`).test(expected.trim())) ? [i] : [];
  });
}

type Rule = (lines: string[]) => number[];

function offending(rule: Rule, paths: { name: string; lines: string[] }[] = files): string[] {
  const found: string[] = [];
  for (const { name, lines } of paths) {
    if (name === 'test/core/test-hygiene.test.ts') continue;
    for (const i of rule(lines)) found.push(`${name}:${i + 1}: ${lines[i]?.trim()}`);
  }
  return found;
}

const caught = (rule: Rule, text: string) => rule(text.split('\n')).length > 0;

describe('the hygiene rules themselves', () => {
  it('catch what they are meant to catch', () => {
    // The offending lines are assembled here, so this file holds no line that reads the
    // reference folder itself (the repository's own scan would flag it, and rightly).
    const up = "'..'";
    const reference = "'shared'";
    for (const bad of [
      `const fixtures = join(__dirname, ${up}, ${up}, ${reference}, 'fixtures');`,
      `readFileSync(join(ROOT, ${up}, ${reference}, 'seeds', 'x.json'))`,
      "const f = '/work/shared/schemas/a.json';",
    ])
      expect(caught(outside, bad), bad).toBe(true);
    for (const bad of [
      "const dir = join(tmpdir(), 'paved-test');",
      "dockerConfig: join(tmpdir(), 'none', 'config.json')",
      'const sock = join(os.tmpdir(), `agent-${process.pid}.sock`);',
      "writeFileSync('/tmp/paved.json', '{}');",
      "mkdirSync('/tmp/paved-run', { recursive: true });",
      "const log = join('/tmp', 'x.log');",
    ])
      expect(caught(fixedTemp, bad), bad).toBe(true);
    for (const bad of [
      'expect(Date.now() - started).toBeLessThan(5000);',
      'expect(performance.now() - t0).toBeLessThan(100);',
      'const elapsed = performance.now() - t0;\nexpect(elapsed).toBeLessThan(2000);',
      'let took = Date.now() - before;\n  expect(took, "fast").toBeLessThanOrEqual(1000);',
    ])
      expect(caught(wallTime, bad), bad).toBe(true);
  });

  it('let through what the suite does on purpose', () => {
    for (const good of [
      "const dir = mkdtempSync(join(tmpdir(), 'paved-sbom-'));",
      "dir = await mkdtemp(join(tmpdir(), 'paved-'));",
      "const a = parseArgs(['--job', '/tmp/j'], meta);",
      "expect(a.job).toBe('/tmp/j');",
    ])
      expect(caught(fixedTemp, good), good).toBe(false);
    for (const good of [
      'const deadline = Date.now() + 30_000;',
      'expect(report.startedAt).toBeLessThan(report.finishedAt);',
      'const finishedAt = Date.now();\nexpect(finishedAt).toBeGreaterThan(0);',
      'new Date(Date.now() - 2 * 3600_000)',
    ])
      expect(caught(wallTime, good), good).toBe(false);
  });
});

describe('test sources', () => {
  it('read nothing outside the repository (a fresh clone has no ../shared)', () => {
    expect(offending(outside)).toEqual([]);
  });

  it('nor do the scripts and benchmarks', () => {
    const others = ['scripts', 'bench'].flatMap((dir) =>
      sources(join(ROOT, dir)).map((path) => ({
        name: relative(ROOT, path),
        lines: readFileSync(path, 'utf8').split('\n'),
      })),
    );
    expect(offending(outside, others)).toEqual([]);
  });

  it('write no fixed file in the temp directory: each test uses its own mkdtemp', () => {
    expect(offending(fixedTemp)).toEqual([]);
  });

  it('assert no wall time: wait for the event instead, and measure speed in bench/', () => {
    expect(offending(wallTime)).toEqual([]);
  });
});
