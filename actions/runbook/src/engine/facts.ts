import { errorMessage } from '../../../../shared/errors';
import type { Connection } from '../transport/types';
import type { HostRun } from './host';

/**
 * `gather_facts: true`: one shell script (POSIX sh, coreutils or busybox), one round trip per
 * host, giving `${facts.…}` under Ansible's fact names (ansible_facts without the prefix).
 */
const SCRIPT = [
  'p() { printf "%s=%s\\n" "$1" "$2"; }',
  'p architecture "$(uname -m)"',
  'p kernel "$(uname -r)"',
  'p system "$(uname -s)"',
  'p hostname "$(uname -n | cut -d. -f1)"',
  'p nodename "$(uname -n)"',
  'p fqdn "$(hostname -f 2>/dev/null || uname -n)"',
  'p user_id "$(id -un)"',
  'p user_uid "$(id -u)"',
  'if [ -r /etc/os-release ]; then . /etc/os-release; p os_id "$ID"; p os_like "$ID_LIKE"; p os_version "$VERSION_ID"; p os_codename "$VERSION_CODENAME"; fi',
  '[ -r /etc/debian_version ] && p debian_version "$(cat /etc/debian_version)"',
  'for m in apt-get dnf yum apk zypper pacman; do if command -v $m >/dev/null 2>&1; then p pkg_mgr $m; break; fi; done',
  'p init "$(cat /proc/1/comm 2>/dev/null)"',
  'command -v rc-service >/dev/null 2>&1 && p openrc yes',
  'p processor_vcpus "$(nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo)"',
  'p processor_sockets "$(grep "^physical id" /proc/cpuinfo 2>/dev/null | sort -u | wc -l)"',
  'p memtotal_kb "$(awk \'/^MemTotal:/ {print $2}\' /proc/meminfo 2>/dev/null)"',
  'p memfree_kb "$(awk \'/^MemAvailable:/ {print $2}\' /proc/meminfo 2>/dev/null)"',
  'command -v ip >/dev/null 2>&1 && p route "$(ip -4 route get 1.1.1.1 2>/dev/null | head -n1)"',
  'p python "$(command -v python3 2>/dev/null)"',
  'true',
].join('\n');

const FAMILY: Record<string, string> = {
  debian: 'Debian',
  ubuntu: 'Debian',
  linuxmint: 'Debian',
  raspbian: 'Debian',
  rhel: 'RedHat',
  centos: 'RedHat',
  fedora: 'RedHat',
  rocky: 'RedHat',
  almalinux: 'RedHat',
  ol: 'RedHat',
  amzn: 'RedHat',
  alpine: 'Alpine',
  sles: 'Suse',
  opensuse: 'Suse',
  'opensuse-leap': 'Suse',
  arch: 'Archlinux',
};
const DISTRIBUTION: Record<string, string> = {
  rhel: 'RedHat',
  ol: 'OracleLinux',
  amzn: 'Amazon',
  opensuse: 'openSUSE',
  'opensuse-leap': 'openSUSE Leap',
  sles: 'SLES',
  almalinux: 'AlmaLinux',
  arch: 'Archlinux',
};

export function parseFacts(output: string): Record<string, unknown> {
  const raw: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) raw[line.slice(0, eq)] = line.slice(eq + 1).trim();
  }
  const id = (raw.os_id ?? '').toLowerCase();
  const like = (raw.os_like ?? '').toLowerCase().split(/\s+/);
  const family = FAMILY[id] ?? like.map((l) => FAMILY[l]).find(Boolean) ?? raw.system ?? 'Linux';
  const distribution = DISTRIBUTION[id] ?? (id ? id.charAt(0).toUpperCase() + id.slice(1) : (raw.system ?? ''));
  const version = raw.debian_version && id === 'debian' ? raw.debian_version : (raw.os_version ?? '');
  const route = /dev (\S+)(?:.*?src (\S+))?/.exec(raw.route ?? '');
  const gateway = /via (\S+)/.exec(raw.route ?? '');
  const int = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  const vcpus = int(raw.processor_vcpus) ?? 1;
  return {
    architecture: raw.architecture ?? '',
    kernel: raw.kernel ?? '',
    system: raw.system ?? '',
    hostname: raw.hostname ?? '',
    nodename: raw.nodename ?? '',
    fqdn: raw.fqdn ?? '',
    user_id: raw.user_id ?? '',
    user_uid: int(raw.user_uid) ?? -1,
    os_family: family,
    distribution,
    distribution_version: version,
    distribution_major_version: version.split('.')[0] ?? '',
    distribution_release: raw.os_codename ?? '',
    pkg_mgr: raw.pkg_mgr === 'apt-get' ? 'apt' : (raw.pkg_mgr ?? 'unknown'),
    service_mgr: raw.init === 'systemd' ? 'systemd' : raw.openrc ? 'openrc' : raw.init || 'service',
    processor_count: Math.max(1, int(raw.processor_sockets) ?? 1),
    processor_vcpus: vcpus,
    processor_nproc: vcpus,
    memtotal_mb: Math.floor((int(raw.memtotal_kb) ?? 0) / 1024),
    memfree_mb: Math.floor((int(raw.memfree_kb) ?? 0) / 1024),
    default_ipv4: route ? { interface: route[1], address: route[2] ?? '', gateway: gateway?.[1] ?? '' } : {},
    python: raw.python ? { executable: raw.python } : {},
  };
}

export async function readFacts(conn: Connection, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const r = await conn.run(SCRIPT, { signal, timeoutMs: 60_000 });
  if (!r.stdout.includes('architecture=')) throw new Error(`gathering facts failed: ${r.stderr.trim() || r.stdout}`);
  return parseFacts(r.stdout);
}

/** Gathers facts into `${facts}`; a host whose facts cannot be read fails before its first task. */
export async function gatherFacts(run: HostRun): Promise<boolean> {
  const started = performance.now();
  try {
    run.scope.facts = await readFacts(run.conn as Connection, run.settings.signal);
    run.log.info(`facts gathered (${((performance.now() - started) / 1000).toFixed(2)}s)`);
    return true;
  } catch (error) {
    run.fail('failed', `gather_facts: ${errorMessage(error)}`);
    return false;
  }
}
