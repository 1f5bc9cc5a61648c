import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../harness';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/**
 * The paper's ezios install (examples/ezios) planned in check mode on the runner: it must load,
 * validate, render the config and unit, and plan every command, without changing anything.
 * systemctl is a recording shim on PATH (systemd is not PID 1 here; see systemd.int.test.ts).
 */
describe('examples/ezios in check mode', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'inventory.ini': '[ezios]\nlocalhost ansible_connection=local\n',
      'shim/systemctl': '#!/bin/sh\necho "$*" >> "$SHIM_LOG"\ncase "$1" in is-*) echo unknown; exit 1;; esac\nexit 0\n',
    });
  });
  afterAll(() => cleanup(dir));

  it('plans the whole install and changes nothing', async () => {
    const log = join(dir, 'calls');
    writeFileSync(log, '');
    const result = await runbook(
      ROOT,
      {
        runbook: 'examples/ezios/runbook.yml',
        inventory: join(dir, 'inventory.ini'),
        check: 'true',
        secrets: '{"ezios_api_key": "a secret key =]"}',
        vars: `{ home: ${dir}/home }`,
      },
      { RUNNER_TEMP: join(dir, 'rt'), PATH: `${join(dir, 'shim')}:${process.env.PATH}`, SHIM_LOG: log },
    );
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const tasks = report(result).hosts[0]!.tasks;
    expect(tasks.map((t) => `${t.id}:${t.status}`)).toEqual([
      'create user:changed',
      'create db path:changed',
      'install app and configs › install application:changed',
      'install app and configs › configure application:changed',
      'service:changed',
      'web ui answers:ok',
      'restart ezios:changed',
    ]);
    const config = tasks.find((t) => t.id.endsWith('configure application'))!;
    expect(config.diff).toContain(`+  db_path: '${dir}/home/.local/var/db/ezios',`);
    expect(config.diff).toContain('+  port: 8080,');
    expect(JSON.stringify(report(result))).not.toContain('a secret key');
    expect(tasks.find((t) => t.id === 'service')!.diff).toContain('+ExecStart=/usr/bin/env monjs start');
    expect(result.summary).toContain('would run: useradd -m ezios');
    // Only questions were asked of systemctl; nothing was created.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'is-enabled ezios.service',
      'is-active ezios.service',
      'is-active ezios.service',
    ]);
  });
});
