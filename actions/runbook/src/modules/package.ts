import { lookup } from '../../../../shared/template';
import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { applySteps, listOf, probe } from './steps';
import type { ModuleContext, ModuleDef } from './types';

const MANAGERS = ['apt', 'dnf', 'yum', 'apk'] as const;
type Manager = (typeof MANAGERS)[number];
const STATES = ['present', 'installed', 'latest', 'absent', 'removed'] as const;

/** How each manager answers "installed?", "upgradable?" and does install/upgrade/remove. */
const OPS: Record<
  Manager,
  {
    installed(p: string): string;
    upgradable(p: string): string;
    install(ps: string): string;
    upgrade(ps: string): string;
    remove(ps: string): string;
    update: string;
  }
> = {
  apt: {
    installed: (p) => `dpkg-query -W -f='\${Status}' ${p} 2>/dev/null | grep -q 'install ok installed'`,
    upgradable: (p) =>
      `LC_ALL=C apt-cache policy ${p} | awk '/Installed:/{i=$2} /Candidate:/{c=$2} END{exit !(i!=c && c!="(none)")}'`,
    install: (ps) => `DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 ${ps}`,
    upgrade: (ps) =>
      `DEBIAN_FRONTEND=noninteractive apt-get install -y -q --only-upgrade -o DPkg::Lock::Timeout=300 ${ps}`,
    remove: (ps) => `DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o DPkg::Lock::Timeout=300 ${ps}`,
    update: 'apt-get update -q -o DPkg::Lock::Timeout=300',
  },
  dnf: {
    installed: (p) => `rpm -q ${p} >/dev/null`,
    upgradable: (p) => `dnf -q check-update ${p} >/dev/null; [ $? -eq 100 ]`,
    install: (ps) => `dnf install -y -q ${ps}`,
    upgrade: (ps) => `dnf upgrade -y -q ${ps}`,
    remove: (ps) => `dnf remove -y -q ${ps}`,
    update: 'dnf makecache -q',
  },
  yum: {
    installed: (p) => `rpm -q ${p} >/dev/null`,
    upgradable: (p) => `yum -q check-update ${p} >/dev/null; [ $? -eq 100 ]`,
    install: (ps) => `yum install -y -q ${ps}`,
    upgrade: (ps) => `yum update -y -q ${ps}`,
    remove: (ps) => `yum remove -y -q ${ps}`,
    update: 'yum makecache -q',
  },
  apk: {
    installed: (p) => `apk info -e ${p} >/dev/null`,
    upgradable: (p) => `apk version -q -l '<' ${p} 2>/dev/null | grep -q .`,
    install: (ps) => `apk add -q ${ps}`,
    upgrade: (ps) => `apk add -q -u ${ps}`,
    remove: (ps) => `apk del -q ${ps}`,
    update: 'apk update -q',
  },
};

/**
 * Ansible's package (and apt): packages present, latest or absent with the host's manager (from
 * `${facts.pkg_mgr}` when facts were gathered, else detected; `use` to choose). `deb:` (apt only)
 * installs a .deb file that is already on the host. Only missing or outdated packages are touched.
 */
function packageModule(name: 'package' | 'apt'): ModuleDef {
  return {
    name,
    validate(check) {
      const a = mapping(check, ['name', 'state', 'update_cache', 'use', ...(name === 'apt' ? ['deb'] : [])]);
      if (a.name === undefined && a.deb === undefined) check.fail(name === 'apt' ? 'needs name or deb' : 'needs name');
      oneOf(check, a, 'state', STATES);
      oneOf(check, a, 'use', MANAGERS);
      for (const p of listOf(a.name))
        if (!p.includes('${') && !/^[A-Za-z0-9][\w.+:=~*-]*$/.test(p))
          check.fail(`"${p}" is not a package name`, 'name');
    },
    async run(ctx) {
      const a = ctx.args as Record<string, unknown>;
      const manager = name === 'apt' ? 'apt' : await managerOf(ctx, a.use);
      if (!manager)
        return { changed: false, failed: true, msg: 'no supported package manager (apt, dnf, yum, apk) on the host' };
      const ops = OPS[manager];
      const state = String(a.state ?? 'present');
      const steps: string[] = [];
      if (bool(a.update_cache, false) && !ctx.check) {
        const u = await ctx.conn.run(ops.update, { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs });
        if (u.code !== 0)
          return { changed: false, failed: true, msg: `updating the package cache failed: ${u.stderr.trim()}` };
      }
      const names = listOf(a.name);
      if (a.deb !== undefined) {
        const deb = quote(String(a.deb));
        const pkg = (await probe(ctx, `dpkg-deb -f ${deb} Package`))?.trim();
        const version = (await probe(ctx, `dpkg-deb -f ${deb} Version`))?.trim();
        if (!pkg) return { changed: false, failed: true, msg: `${a.deb} is not a readable .deb on the host` };
        const have = (await probe(ctx, `dpkg-query -W -f='\${Status} \${Version}' ${quote(pkg)} 2>/dev/null`))?.trim();
        if (have !== `install ok installed ${version}`)
          steps.push(ops.install(deb.startsWith('/') || deb.startsWith("'/") ? deb : `./${deb}`));
      }
      const missing: string[] = [];
      const present: string[] = [];
      for (const p of names) ((await probe(ctx, ops.installed(quote(p)))) === undefined ? missing : present).push(p);
      if (state === 'absent' || state === 'removed') {
        if (present.length) steps.push(ops.remove(present.map(quote).join(' ')));
      } else {
        if (missing.length) steps.push(ops.install(missing.map(quote).join(' ')));
        if (state === 'latest') {
          const old: string[] = [];
          for (const p of present) if ((await probe(ctx, ops.upgradable(quote(p)))) !== undefined) old.push(p);
          if (old.length) steps.push(ops.upgrade(old.map(quote).join(' ')));
        }
      }
      const result = await applySteps(ctx, steps, steps.join('; '));
      return { ...result, manager };
    },
  };
}

export const pkg = packageModule('package');
export const apt = packageModule('apt');

async function managerOf(ctx: ModuleContext, use: unknown): Promise<Manager | undefined> {
  if (use !== undefined) return use as Manager;
  const fact = lookup(ctx.scope, 'facts.pkg_mgr');
  if (typeof fact === 'string' && (MANAGERS as readonly string[]).includes(fact)) return fact as Manager;
  const found = await probe(
    ctx,
    'for m in apt-get dnf yum apk; do command -v $m >/dev/null 2>&1 && { echo $m; break; }; done',
  );
  const m = found?.trim();
  return m === 'apt-get' ? 'apt' : (MANAGERS as readonly string[]).includes(m ?? '') ? (m as Manager) : undefined;
}
