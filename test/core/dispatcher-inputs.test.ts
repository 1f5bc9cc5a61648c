import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warnForeignInputs } from '../../dispatcher/src/dispatch';
// @ts-expect-error: plain ESM build script without types
import { dispatcherDefaults, readActions } from '../../scripts/generate.mjs';
import { inputEnvName } from '../../shared/action-metadata';
import { ROOT } from '../harness';

/** The root action: inputs meant for another action are named in a warning; post runs only where one exists. */
const index = dispatcherDefaults(readActions(ROOT)) as Record<
  string,
  { inputs: Record<string, string>; post: boolean; accepts: string[]; expressions: string[] }
>;

describe('dispatcher: inputs that belong to another action', () => {
  let out: string[];
  const saved = { ...process.env };
  beforeEach(() => {
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
  });

  it('warns about image: and container: with action: sbom, naming db2, and never prints their values', () => {
    process.env[inputEnvName('image')] = 'icr.io/db2:secret-tag-value';
    process.env[inputEnvName('container')] = 'db2';
    process.env[inputEnvName('path')] = '.'; // sbom's own
    process.env[inputEnvName('github-token')] = 'ghs_runner_default'; // the root's expression default, set on every run
    const foreign = warnForeignInputs(index, 'sbom');
    expect(foreign).toEqual(['container', 'image']);
    const text = out.join('');
    expect(text).toMatch(
      /^::warning title=paved%3A input for another action::paved: inputs container \(db2\), image \(db2\) belong to another action, not sbom/m,
    );
    expect(text).not.toContain('secret-tag-value');
    expect(text).not.toContain('ghs_runner');
  });

  it('names every owner of an input two actions share, and says nothing for empty values', () => {
    process.env[inputEnvName('concurrency')] = ''; // given empty: nothing to warn about
    const shared = Object.keys(Object.fromEntries(index.sbom?.accepts.map((i) => [i, 1]) ?? [])).find(
      (i) => !index.runbook?.accepts.includes(i) && index.sign?.accepts.includes(i),
    );
    if (shared) process.env[inputEnvName(shared)] = 'x';
    const foreign = warnForeignInputs(index, 'runbook');
    expect(foreign).toEqual(shared ? [shared] : []);
    if (shared) expect(out.join('')).toMatch(new RegExp(`${shared} \\(([a-z0-9]+, )*sbom(, [a-z0-9]+)*\\)`));
  });

  it('lists every foreign input in one warning when all of them are set', () => {
    for (const entry of Object.values(index)) for (const input of entry.accepts) process.env[inputEnvName(input)] = 'v';
    const foreign = warnForeignInputs(index, 'telemetry');
    const expected = new Set(
      Object.values(index)
        .flatMap((e) => e.accepts)
        .filter((i) => !index.telemetry?.accepts.includes(i))
        .filter((i) => !Object.values(index).some((e) => e.expressions.includes(i))),
    );
    expect(new Set(foreign)).toEqual(expected);
    expect(out.filter((l) => l.startsWith('::warning'))).toHaveLength(1);
  });

  it('is silent when every input belongs to the chosen action', () => {
    for (const input of index.db2?.accepts ?? []) process.env[inputEnvName(input)] = 'v';
    expect(warnForeignInputs(index, 'db2')).toEqual([]);
    expect(out.join('')).toBe('');
  });
});

describe('dispatcher bundle', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'dist', 'dispatcher', 'actions.json'), 'utf8'));

  it('ships the index the generator makes from actions/*/action.yml', () => {
    expect(committed).toEqual(index);
  });

  it('has a post step exactly for the actions whose action.yml declares one', () => {
    for (const [action, entry] of Object.entries(index)) {
      const meta = readActions(ROOT)[action];
      expect(entry.post, action).toBe(Boolean(meta.runs?.post));
      expect(existsSync(join(ROOT, 'actions', action, 'src', 'post.ts')), action).toBe(entry.post);
    }
  });

  it.each(Object.keys(index).filter((a) => !index[a]?.post))('post for %s: exits 0, prints nothing', (action) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'post.js')], {
      env: { PATH: process.env.PATH, 'STATE_paved-dispatched-action': action },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });

  it('post without saved state (main failed before choosing) prints nothing', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'post.js')], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });

  it('main warns about a db2 input given to telemetry, then runs telemetry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-dispatch-'));
    const files: Record<string, string> = {};
    for (const f of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
      files[f] = join(dir, f);
      writeFileSync(files[f], '');
    }
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'index.js')], {
      env: { PATH: process.env.PATH, RUNNER_TEMP: dir, ...files, INPUT_ACTION: 'telemetry', INPUT_IMAGE: 'db2:11.5' },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '::warning title=paved%3A input for another action::paved: input image (db2) belongs to another action, not telemetry',
    );
    expect(readFileSync(files.GITHUB_STEP_SUMMARY as string, 'utf8')).toContain('Telemetry: off');
  });
});
