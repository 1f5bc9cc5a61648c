import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunBundleResult } from '../../shared/runner-protocol';
import { closedPort, ROOT, runAction, service, waitFor } from '../harness';

/**
 * The host's own environment, as its SSH sessions see it: under `npm test` the test process has
 * node_modules/.bin first on PATH (Node 24's npm) and npm_config_* variables (another global
 * prefix); the host's sessions have neither.
 */
const HOST_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
};

/**
 * The deploy path of the golden path: examples/ezios/runbook.yml run FOR REAL by the shipped
 * bundle over SSH to a loopback host. Two honest stand-ins, each for something this machine lacks:
 *
 * - The npm package `ezios` is not on the registry, so the runbook's `package` variable points at a
 *   local tarball packed here: `monjs start` reads the rendered ~/.mon.js and serves HTTP on its
 *   port, saying it is ezios. The runbook installs it with the same `npm install -g` it runs on a
 *   real host, into this machine's real global prefix (/usr here, which is why the install guard
 *   asks `npm root -g` instead of naming /usr/local).
 * - systemd is not PID 1 here, so `systemctl` cannot start anything. The systemd module is
 *   unchanged (on a real host it runs the real systemctl); this test starts its own sshd whose
 *   sessions get a PATH (sshd `SetEnv`) with a small supervisor named systemctl first. It honours
 *   the unit the module wrote: it reads ExecStart/User/WorkingDirectory from the unit file (found
 *   in SYSTEMD_UNIT_PATH, as systemd would), starts it detached with setsid as that user, records
 *   the pid, stops it by killing its process group, and answers is-active/is-enabled from that.
 */

/** The state directory of the shared sshd service (scripts/services/sshd.sh): its host and client keys. */
const sshdDir = (): string => dirname(service('sshd').env.PAVED_SSH_KEY as string);
const ADDRESS = '127.0.0.23';
const USER = `ezt${process.pid % 100_000}`;
const API_KEY = 'ezios-api-Kq83!xZ0pLm';

const SUPERVISOR = `#!/bin/sh
# systemctl stand-in (see deploy.int.test.ts): enough of systemctl to run one simple service.
state="\${SHIM_STATE:?}"
echo "$*" >> "$state/calls"
unit="$2"
unit_file() {
  old_ifs=$IFS; IFS=:
  for d in \${SYSTEMD_UNIT_PATH:-/etc/systemd/system:/run/systemd/system:/lib/systemd/system}; do
    if [ -f "$d/$1" ]; then IFS=$old_ifs; echo "$d/$1"; return 0; fi
  done
  IFS=$old_ifs; return 1
}
key() { sed -n "s/^$1=//p" "$file" | tail -n 1; }
running() { [ -f "$state/$unit.pid" ] && kill -0 "$(cat "$state/$unit.pid")" 2>/dev/null; }
stop() {
  if running; then
    pid=$(cat "$state/$unit.pid")
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    # Like systemd's TimeoutStopSec: wait for the exit (generously, the machine may be busy), then kill.
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$state/$unit.pid"
}
start() {
  file=$(unit_file "$unit") || { echo "Unit $unit not found." >&2; exit 5; }
  exec_start=$(key ExecStart); user=$(key User); dir=$(key WorkingDirectory)
  user=\${user:-root}
  home=$(getent passwd "$user" | cut -d: -f6)
  cd "\${dir:-/}" || exit 200
  echo "$(date +%s.%N) start $unit" >> "$state/starts"
  setsid runuser -u "$user" -- env -i HOME="$home" USER="$user" LOGNAME="$user" \\
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/sh -c "exec $exec_start" \\
    </dev/null >>"$state/$unit.log" 2>&1 &
  echo $! > "$state/$unit.pid"
}
case "$1" in
  is-enabled) if [ -e "$state/$unit.enabled" ]; then echo enabled; else echo disabled; exit 1; fi ;;
  is-active) if running; then echo active; else echo inactive; exit 3; fi ;;
  enable) touch "$state/$unit.enabled" ;;
  disable) rm -f "$state/$unit.enabled" ;;
  start) running || start ;;
  restart) stop; start ;;
  stop) stop ;;
  daemon-reload|reload) ;;
  *) echo "systemctl stand-in: unsupported: $*" >&2; exit 1 ;;
esac
`;

const MONJS = `#!/usr/bin/env node
// Stand-in for ezios's monjs: serves its status page on the configured port.
const { createServer } = require('node:http');
const { homedir, userInfo } = require('node:os');
const { join } = require('node:path');
if (process.argv[2] !== 'start') {
  console.error('usage: monjs start');
  process.exit(2);
}
const config = require(join(homedir(), '.mon.js'));
createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(
    \`ezios monitoring\\nuser \${userInfo().username}\\npid \${process.pid}\\ndb_path \${config.db_path}\\napi key \${config.api_key ? 'set' : 'missing'}\\n\`,
  );
}).listen(config.port, '127.0.0.1', () => console.log(\`ezios listening on \${config.port}\`));
`;

function fetchText(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', timeout: 3000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

/** The page once the (re)started app answers: a restart returns before the new process listens, as with systemd. */
async function pageWhenUp(port: number, ready: (page: string) => boolean = () => true): Promise<string> {
  let last: unknown;
  try {
    return await waitFor(
      `the app on port ${port}`,
      async () => {
        const page = await fetchText(port);
        last = page;
        return ready(page) ? page : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  } catch (error) {
    throw new Error(`the app on port ${port} did not come up: ${String(last ?? error)}`);
  }
}

describe.skipIf(!service('sshd').available)('golden path: deploy examples/ezios for real over SSH', () => {
  let dir: string;
  let sshPort: number;
  let appPort: number;
  let sshdPid: number | undefined;
  const state = () => join(dir, 'state');
  const units = () => join(dir, 'units');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rb-ezios-'));
    chmodSync(dir, 0o755);
    for (const d of ['shim', 'state', 'units', 'pkg/bin']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, 'shim/systemctl'), SUPERVISOR, { mode: 0o755 });
    writeFileSync(
      join(dir, 'pkg/package.json'),
      JSON.stringify({ name: 'ezios', version: '0.0.0-paved-standin', bin: { monjs: 'bin/monjs.js' } }, null, 2),
    );
    writeFileSync(join(dir, 'pkg/bin/monjs.js'), MONJS, { mode: 0o755 });
    // A run that died before its cleanup may have left the stand-in installed.
    spawnSync('npm', ['uninstall', '-g', '--no-audit', '--no-fund', 'ezios'], { stdio: 'ignore', env: HOST_ENV });
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: join(dir, 'pkg'),
      encoding: 'utf8',
    });
    chmodSync(join(dir, packed.trim().split('\n').pop() as string), 0o644);

    // Our own sshd, like scripts/services/sshd.sh's, plus the session PATH with the supervisor.
    sshPort = await closedPort(ADDRESS);
    appPort = await closedPort('127.0.0.1');
    const config = join(dir, 'sshd.config');
    writeFileSync(
      config,
      [
        `Port ${sshPort}`,
        `ListenAddress ${ADDRESS}`,
        `HostKey ${sshdDir()}/host_ed25519`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${sshdDir()}/authorized_keys`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        'MaxSessions 10',
        'LogLevel ERROR',
        'Subsystem sftp internal-sftp',
        `SetEnv PATH=${join(dir, 'shim')}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin SHIM_STATE=${state()} SYSTEMD_UNIT_PATH=${units()}`,
        '',
      ].join('\n'),
    );
    const sshd = existsSync('/usr/sbin/sshd') ? '/usr/sbin/sshd' : 'sshd';
    execFileSync(sshd, ['-t', '-f', config]);
    execFileSync(sshd, ['-f', config, '-E', join(dir, 'sshd.log')]);
    sshdPid = await waitFor('sshd to write its pid file', () => {
      const pid = existsSync(join(dir, 'sshd.pid')) ? Number(readFileSync(join(dir, 'sshd.pid'), 'utf8')) : 0;
      return pid > 0 ? pid : undefined;
    });
    const pub = readFileSync(`${sshdDir()}/host_ed25519.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(join(dir, 'known_hosts'), `[${ADDRESS}]:${sshPort} ${pub}\n`);
    writeFileSync(join(dir, 'inventory.ini'), `[ezios]\nezios1 ansible_host=${ADDRESS} ansible_port=${sshPort}\n`);
  });

  afterAll(async () => {
    const pidFile = join(state(), 'ezios.service.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8'));
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    // userdel refuses while the user still has processes.
    await waitFor(`${USER}'s processes to end`, () => spawnSync('pgrep', ['-u', USER]).status !== 0, {
      timeoutMs: 30_000,
    }).catch(() => undefined);
    if (sshdPid) {
      try {
        process.kill(sshdPid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    spawnSync('userdel', ['-r', USER], { stdio: 'ignore' });
    spawnSync('npm', ['uninstall', '-g', '--no-audit', '--no-fund', 'ezios'], { stdio: 'ignore', env: HOST_ENV });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const tarball = () => join(dir, 'ezios-0.0.0-paved-standin.tgz');
  const home = `/home/${USER}`;
  const deploy = (extraVars = '', inputs: Record<string, string> = {}): Promise<RunBundleResult> =>
    runAction(
      'runbook',
      {
        runbook: 'examples/ezios/runbook.yml',
        inventory: join(dir, 'inventory.ini'),
        'ssh-key': readFileSync(`${sshdDir()}/client_ed25519`, 'utf8'),
        'known-hosts': readFileSync(join(dir, 'known_hosts'), 'utf8'),
        'ssh-user': 'root',
        concurrency: '1',
        secrets: JSON.stringify({ ezios_api_key: API_KEY }),
        vars: `{ user: ${USER}, port: ${appPort}, package: "${tarball()}", unit_dir: "${units()}"${extraVars} }`,
        ...inputs,
      },
      { cwd: ROOT, env: { GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: join(dir, 'runner-temp') } },
    );
  const visible = (r: RunBundleResult) =>
    `${r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')}\n${r.stderr}`;
  const tasksOf = (r: RunBundleResult) =>
    (
      JSON.parse(readFileSync(r.outputs.report as string, 'utf8')) as {
        hosts: { tasks: { id: string; status: string; handler?: boolean }[] }[];
      }
    ).hosts[0]!.tasks;
  const statuses = (r: RunBundleResult) => Object.fromEntries(tasksOf(r).map((t) => [t.id, t.status]));
  const starts = () => readFileSync(join(state(), 'starts'), 'utf8').trim().split('\n').length;

  it('installs ezios: user, app, 0600 config with the api key, unit, running service answering HTTP', async () => {
    const r = await deploy();
    expect(r.exitCode, visible(r)).toBe(0);
    expect(statuses(r)).toEqual({
      'create user': 'changed',
      'create db path': 'changed',
      'install app and configs › install application': 'changed',
      'install app and configs › configure application': 'changed',
      service: 'changed',
      'web ui answers': 'ok',
      'restart ezios': 'changed',
    });
    // The user, the db path and the app.
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }));
    expect(statSync(`${home}/.local/var/db/ezios`).uid).toBe(uid);
    const root = execFileSync('npm', ['root', '-g'], { encoding: 'utf8', env: HOST_ENV }).trim();
    expect(JSON.parse(readFileSync(join(root, 'ezios/package.json'), 'utf8')).version).toBe('0.0.0-paved-standin');
    // The config: rendered, 0600, owned by the user, holding the secret.
    const config = statSync(`${home}/.mon.js`);
    expect(config.mode & 0o777).toBe(0o600);
    expect(config.uid).toBe(uid);
    const text = readFileSync(`${home}/.mon.js`, 'utf8');
    expect(text).toContain(`api_key: '${API_KEY}',`);
    expect(text).toContain(`port: ${appPort},`);
    expect(text).toContain('rendered by Paved for ezios1');
    // The secret never shows: not in the log, the summary or the report.
    for (const out of [visible(r), r.summary, readFileSync(r.outputs.report as string, 'utf8')])
      expect(out).not.toContain(API_KEY);
    // The unit the module wrote, and the service started from it as the user.
    const unit = readFileSync(join(units(), 'ezios.service'), 'utf8');
    expect(unit).toContain(`User=${USER}\n`);
    expect(unit).toContain('ExecStart=/usr/bin/env monjs start\n');
    expect(unit).toContain(`WorkingDirectory=${home}\n`);
    const page = await pageWhenUp(appPort);
    expect(page).toContain('ezios monitoring');
    expect(page).toContain(`user ${USER}`);
    expect(page).toContain('api key set');
    expect(page).not.toContain(API_KEY);
    // Started once by the service task, restarted once by the handler (notified by the config).
    expect(starts()).toBe(2);
    expect(
      tasksOf(r)
        .filter((t) => t.handler)
        .map((t) => t.id),
    ).toEqual(['restart ezios']);
  });

  it('a second run changes nothing and leaves the service alone', async () => {
    const before = await pageWhenUp(appPort);
    const r = await deploy();
    expect(r.exitCode, visible(r)).toBe(0);
    expect(r.outputs.changed).toBe('0');
    expect(tasksOf(r).some((t) => t.handler)).toBe(false);
    expect(starts()).toBe(2);
    expect(await fetchText(appPort)).toBe(before);
  });

  it('changing a variable re-renders the config and restarts the service exactly once', async () => {
    const before = await pageWhenUp(appPort);
    const dbPath = `${home}/data/ezios-db`;
    const r = await deploy(`, db_path: "${dbPath}"`);
    expect(r.exitCode, visible(r)).toBe(0);
    expect(statuses(r)).toMatchObject({
      'create user': 'skipped',
      'create db path': 'changed',
      'install app and configs › install application': 'ok',
      'install app and configs › configure application': 'changed',
      service: 'ok',
      'restart ezios': 'changed',
    });
    expect(tasksOf(r).filter((t) => t.handler)).toHaveLength(1);
    expect(starts()).toBe(3);
    expect(readFileSync(`${home}/.mon.js`, 'utf8')).toContain(`db_path: '${dbPath}',`);
    const after = await pageWhenUp(appPort, (page) => page.includes(dbPath));
    expect(after).toContain(`db_path ${dbPath}`);
    expect(after.match(/pid (\d+)/)?.[1]).not.toBe(before.match(/pid (\d+)/)?.[1]);
    for (const out of [visible(r), r.summary]) expect(out).not.toContain(API_KEY);
  });
});
