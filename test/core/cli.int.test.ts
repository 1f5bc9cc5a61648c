import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../harness';

// A run keeps its files under the workspace's .paved/: the checkout is not the workspace here.
const work = mkdtempSync(join(tmpdir(), 'paved-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const paved = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'paved.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    cwd: work,
  });

describe('paved CLI', () => {
  it('lists the actions', () => {
    const r = paved('--help');
    expect(r.status).toBe(0);
    for (const a of ['runbook', 'db2', 'sbom', 'sign', 'telemetry']) expect(r.stdout).toContain(`  ${a} `);
  });

  it('lists an action’s inputs from its action.yml, marking the required ones', () => {
    const r = paved('runbook', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--runbook');
    // db2's command is `required: true` in its action.yml (runbook's runbook input no longer is).
    const d = paved('db2', '--help');
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/--command\s[\s\S]*?\(required\)/);
  });

  it('suggests a mistyped input', () => {
    const r = paved('runbook', '--runbok', 'x.yml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown input --runbok; did you mean --runbook?');
  });

  it('runs the bundle and shows its error as text, not workflow commands', () => {
    const r = paved('runbook');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error: runbook: Input required and not supplied: runbook');
    expect(r.stdout).not.toContain('::error');
    expect(existsSync(join(work, '.paved'))).toBe(true);
  });
});
