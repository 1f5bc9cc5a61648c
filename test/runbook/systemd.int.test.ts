import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, report, runbook, visibleLog, workspace } from './helpers';

/**
 * systemd is not PID 1 in this sandbox (nor on most CI runners' containers), so a real
 * `systemctl start` cannot work here. The module runs `systemctl` from the target's PATH, exactly
 * as on a real host; this test puts a recording shim first on PATH that keeps unit state in files
 * and logs every call, so we can assert which systemctl commands the module issues and when.
 * Nothing in the module knows about the shim.
 */
const SHIM = `#!/bin/sh
state="$SHIM_STATE"
echo "$*" >> "$state/calls"
unit="$2"
case "$1" in
  is-enabled) if [ -e "$state/$unit.enabled" ]; then echo enabled; else echo disabled; exit 1; fi ;;
  is-active) if [ -e "$state/$unit.active" ]; then echo active; else echo inactive; exit 3; fi ;;
  enable) touch "$state/$unit.enabled" ;;
  disable) rm -f "$state/$unit.enabled" ;;
  start|restart) touch "$state/$unit.active" ;;
  stop) rm -f "$state/$unit.active" ;;
  daemon-reload|reload) ;;
  *) echo "unknown: $*" >&2; exit 1 ;;
esac
`;

describe('systemd module (systemctl from the target PATH)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = workspace({ 'shim/systemctl': SHIM, 'state/.keep': '' });
    env = { PATH: `${join(dir, 'shim')}:${process.env.PATH}`, SHIM_STATE: join(dir, 'state') };
  });
  afterAll(() => cleanup(dir));

  const write = (exec: string, state = 'started') =>
    writeFileSync(
      join(dir, 'svc.yml'),
      `vars: { user: ezios }\ntasks:\n  - name: units dir\n    file: { path: ${dir}/units, state: directory }\n  - name: service\n    systemd:\n      name: ezios\n      description: "ezios: monitoring tool"\n      user: \${user}\n      exec: ${exec}\n      working_directory: /home/\${user}\n      service_extra: [LimitNOFILE=4096]\n      enabled: true\n      state: ${state}\n      unit_dir: ${dir}/units\n`,
    );
  const calls = () => readFileSync(join(dir, 'state/calls'), 'utf8').trim().split('\n');
  const resetCalls = () => writeFileSync(join(dir, 'state/calls'), '');

  it('writes the unit, reloads, enables and starts', async () => {
    write('/usr/bin/monjs start');
    resetCalls();
    const result = await runbook(dir, { runbook: 'svc.yml' }, env);
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const unit = readFileSync(join(dir, 'units/ezios.service'), 'utf8');
    expect(unit).toContain('Description=ezios: monitoring tool\n');
    expect(unit).toContain('User=ezios\n');
    expect(unit).toContain('ExecStart=/usr/bin/monjs start\n');
    expect(unit).toContain('LimitNOFILE=4096\n');
    expect(unit).toContain('WantedBy=multi-user.target\n');
    expect(calls()).toEqual([
      'daemon-reload',
      'is-enabled ezios.service',
      'enable ezios.service',
      'is-active ezios.service',
      'start ezios.service',
    ]);
  });

  it('changes nothing when unit, enablement and state are already right', async () => {
    resetCalls();
    const result = await runbook(dir, { runbook: 'svc.yml' }, env);
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(result.outputs.changed).toBe('0');
    expect(calls()).toEqual(['is-enabled ezios.service', 'is-active ezios.service']);
  });

  it('restarts a running service when its unit changed', async () => {
    write('/usr/bin/monjs start --port 9000');
    resetCalls();
    const result = await runbook(dir, { runbook: 'svc.yml' }, env);
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(calls()).toEqual([
      'daemon-reload',
      'is-enabled ezios.service',
      'is-active ezios.service',
      'restart ezios.service',
    ]);
    expect(report(result).hosts[0]!.tasks[1]!.diff).toContain('+ExecStart=/usr/bin/monjs start --port 9000');
  });

  it('check mode only asks systemctl, and plans the stop', async () => {
    write('/usr/bin/monjs start --port 9000', 'stopped');
    resetCalls();
    const result = await runbook(dir, { runbook: 'svc.yml', check: 'true' }, env);
    expect(result.exitCode, visibleLog(result)).toBe(0);
    expect(calls()).toEqual(['is-enabled ezios.service', 'is-active ezios.service']);
    expect(report(result).hosts[0]!.tasks[1]!.msg).toBe('systemctl stop ezios.service');
  });
});
