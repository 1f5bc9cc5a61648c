import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileCommand } from '../../shared/runner-protocol';
import { ROOT } from '../harness';

/**
 * The marketplace entry (root action.yml) as the runner drives it: main, then post at the end of
 * the job with the state main saved. Defaults come from the chosen action's own action.yml.
 */
describe('root action: dispatcher main and post', () => {
  it('runs telemetry through the root entry, applies its defaults, and its post step prints the receipt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paved-root-'));
    const files: Record<string, string> = {};
    for (const f of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
      files[f] = join(dir, f);
      writeFileSync(files[f], '');
    }
    const env = {
      PATH: process.env.PATH,
      RUNNER_TEMP: dir,
      GITHUB_RUN_ID: '77',
      GITHUB_EVENT_NAME: 'push',
      ...files,
      INPUT_ACTION: 'telemetry',
      INPUT_CONSENT: 'granted',
      'INPUT_CONSENT-VERSION': '1',
      'INPUT_DRY-RUN': 'true',
      INPUT_ENDPOINT: 'http://127.0.0.1:9/',
    };
    const main = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'index.js')], { env, encoding: 'utf8' });
    expect(main.status, main.stdout + main.stderr).toBe(0);
    const outputs = parseFileCommand(readFileSync(files.GITHUB_OUTPUT as string, 'utf8'));
    expect(outputs.enabled).toBe('true');
    const state = parseFileCommand(readFileSync(files.GITHUB_STATE as string, 'utf8'));
    expect(state['paved-dispatched-action']).toBe('telemetry');

    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
    const exported = parseFileCommand(readFileSync(files.GITHUB_ENV as string, 'utf8'));
    const post = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'post.js')], {
      env: { ...env, ...exported, ...stateEnv },
      encoding: 'utf8',
    });
    expect(post.status, post.stdout + post.stderr).toBe(0);
    // protocol defaulted to the telemetry action's own default, not left empty
    expect(readFileSync(files.GITHUB_STEP_SUMMARY as string, 'utf8')).toContain('Telemetry dry run: nothing was sent');
    expect(post.stdout).toContain('http/protobuf');
  });

  it('does nothing at post time for an action without a post step', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'dispatcher', 'post.js')], {
      env: { PATH: process.env.PATH, 'STATE_paved-dispatched-action': 'sbom' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});
