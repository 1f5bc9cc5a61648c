import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { POST_ENV } from '../../dispatcher/src/dispatch';
// @ts-expect-error: plain ESM build script without types
import { dispatcherDefaults, readActions } from '../../scripts/generate.mjs';
import { parseFileCommand } from '../../shared/runner-protocol';
import { ROOT } from '../harness';

/** The shipped dispatcher: its index matches the action.yml files; post runs only where an action has one. */
const index = dispatcherDefaults(readActions(ROOT)) as Record<
  string,
  { inputs: Record<string, string>; post: boolean; accepts: string[]; expressions: string[] }
>;

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

  it("root action.yml starts a post step only when main exported the dispatcher's flag", () => {
    const root = YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    expect(root.runs['post-if']).toBe(`always() && env.${POST_ENV} == 'true'`);
  });

  it('main exports the flag for an action without a post step: never', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-dispatch-'));
    const envFile = join(dir, 'env');
    writeFileSync(envFile, '');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'index.js')], {
      env: { PATH: process.env.PATH, RUNNER_TEMP: dir, GITHUB_ENV: envFile, INPUT_ACTION: 'sbom', INPUT_PATH: dir },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout).toBe(1); // nothing to read in an empty directory
    expect(parseFileCommand(readFileSync(envFile, 'utf8'))[POST_ENV]).toBeUndefined();
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
      env: {
        PATH: process.env.PATH,
        RUNNER_TEMP: dir,
        ...files,
        INPUT_ACTION: 'telemetry',
        INPUT_CONTAINER: 'db2server',
      },
      encoding: 'utf8',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(parseFileCommand(readFileSync(files.GITHUB_ENV as string, 'utf8'))[POST_ENV]).toBe('true');
    expect(r.stdout).toContain(
      // container: an input only db2 has (image is db2's and sbom's), so the warning names one action.
      '::warning title=paved%3A input for another action::paved: input container (db2) belongs to another action, not telemetry',
    );
    // telemetry itself ran (its summary says whether it is on or off)
    expect(readFileSync(files.GITHUB_STEP_SUMMARY as string, 'utf8')).toMatch(/Telemetry/);
  });
});
