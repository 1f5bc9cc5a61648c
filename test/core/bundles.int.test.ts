import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { ROOT, runAction } from '../harness';

const requiring = ACTIONS.filter((a) =>
  Object.values(readActionMetadata(actionMetadataPath(ROOT, a)).inputs).some((i) => i.required),
);

/**
 * The inputs that make an action need its required inputs. Telemetry without consent is off and
 * validates nothing (off never fails a job); with consent granted, consent-version is required.
 */
const SWITCHED_ON: Record<string, Record<string, string>> = { telemetry: { consent: 'granted' } };

describe.each(ACTIONS)('dist/%s/index.js', (action) => {
  it('is built', () => {
    expect(existsSync(join(ROOT, 'dist', action, 'index.js'))).toBe(true);
  });
});

describe.each(requiring)('%s with a required input missing', (action) => {
  const meta = readActionMetadata(actionMetadataPath(ROOT, action));
  const required = Object.entries(meta.inputs)
    .filter(([, spec]) => spec.required)
    .map(([name]) => name);

  // How fast it exits is measured in bench/ (cold start), not asserted here: a busy machine is no bug.
  it('exits 1 with one ::error:: naming the input and no stack trace', async () => {
    const r = await runAction(action, SWITCHED_ON[action] ?? {}, { env: { CI: undefined } });
    expect(r.exitCode).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(required.some((name) => errors[0]!.includes(name))).toBe(true);
    expect(errors[0]).toContain(`${action}: `);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

describe('root dispatcher', () => {
  const dispatcher = join(ROOT, 'dist', 'dispatcher', 'index.js');
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [dispatcher], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });

  it('suggests the action meant by a typo', () => {
    const r = run({ INPUT_ACTION: 'sbmo' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('unknown action "sbmo"; did you mean "sbom"?');
  });

  it.each(requiring)('runs %s with its own validation', (action) => {
    const on = Object.entries(SWITCHED_ON[action] ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]);
    const r = run({ INPUT_ACTION: action, ...Object.fromEntries(on) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`::error::${action}: `));
  });
});
