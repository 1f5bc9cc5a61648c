import { type ContainerInspect, envOf, type ImageInspect } from './inspect';

/**
 * `docker create` arguments that recreate a container's runtime setup on another image: the
 * cookbook's recipe (same hostname, same /database storage, ports, privileges, env) made
 * exhaustive, so nothing the operator set by hand is silently lost.
 *
 * Env goes through a file, not `-e`, so passwords never appear in argv (visible in `ps`).
 */
export interface CarriedSettings {
  /** Arguments for `docker create` before the image. */
  args: string[];
  /** Variables for the --env-file (old container env minus the old image's defaults, then overrides). */
  env: Map<string, string>;
  /** Networks to `docker network connect` after create (Docker creates with one). */
  extraNetworks: { name: string; aliases: string[]; ipv4?: string }[];
  /** What was carried, for the summary. */
  carried: [string, string][];
  /**
   * The restart policy (`--restart` value), kept out of `args`: the new container starts without
   * one so a crash during readiness exits instead of looping, and gets it once it serves.
   */
  restart?: string;
}

const DEFAULT_SHM = 64 * 1024 * 1024;

export function carrySettings(
  old: ContainerInspect,
  oldImage: ImageInspect | undefined,
  overrides: Map<string, string> = new Map(),
): CarriedSettings {
  const args: string[] = [];
  const carried: [string, string][] = [];
  const hc = old.HostConfig;
  const note = (what: string, value: string) => carried.push([what, value]);

  // Db2 records the hostname in db2nodes.cfg on the storage: a new hostname means a broken instance.
  args.push('--hostname', old.Config.Hostname);
  note('hostname', old.Config.Hostname);
  if (old.Config.Domainname) args.push('--domainname', old.Config.Domainname);

  for (const m of old.Mounts) {
    if (m.Type === 'bind') {
      args.push('--mount', mountSpec('bind', m.Source, m.Destination, m.RW, m.Propagation));
      note(`mount ${m.Destination}`, `bind ${m.Source}`);
    } else if (m.Type === 'volume' && m.Name) {
      args.push('--mount', mountSpec('volume', m.Name, m.Destination, m.RW));
      note(`mount ${m.Destination}`, `volume ${m.Name}`);
    } else if (m.Type === 'tmpfs') {
      args.push('--mount', `type=tmpfs,destination=${m.Destination}`);
    }
  }

  for (const [port, bindings] of Object.entries(hc.PortBindings ?? {})) {
    const live = old.NetworkSettings.Ports?.[port] ?? [];
    for (const b of bindings ?? []) {
      const host = b.HostIp ? `${b.HostIp}:` : '';
      // Clients know the port Docker picked for an ephemeral binding: keep that one, not a new pick.
      let hostPort = b.HostPort ?? '';
      if (!hostPort) {
        const bound = live.find(
          (l) => (l.HostIp ?? '') === (b.HostIp || '0.0.0.0') || (!b.HostIp && l.HostIp === '0.0.0.0'),
        );
        hostPort = bound?.HostPort ?? '';
      }
      const spec = `${host}${hostPort}:${port}`;
      args.push('--publish', spec);
      note('port', spec);
    }
  }
  if (hc.PublishAllPorts) args.push('--publish-all');

  if (hc.Privileged) {
    args.push('--privileged');
    note('privileged', 'true');
  }
  for (const cap of hc.CapAdd ?? []) {
    args.push('--cap-add', cap);
    note('cap-add', cap);
  }
  for (const cap of hc.CapDrop ?? []) args.push('--cap-drop', cap);
  for (const opt of hc.SecurityOpt ?? []) {
    // Privileged containers report label=disable etc. that docker adds itself.
    if (!hc.Privileged) args.push('--security-opt', opt);
  }
  for (const d of hc.Devices ?? [])
    args.push('--device', `${d.PathOnHost}:${d.PathInContainer}:${d.CgroupPermissions}`);
  if (hc.IpcMode && !['private', 'shareable', ''].includes(hc.IpcMode)) {
    args.push('--ipc', hc.IpcMode);
    note('ipc', hc.IpcMode);
  }
  if (hc.ShmSize && hc.ShmSize !== DEFAULT_SHM) args.push('--shm-size', String(hc.ShmSize));
  if (hc.Memory) args.push('--memory', String(hc.Memory));
  if (hc.NanoCpus) args.push('--cpus', String(hc.NanoCpus / 1e9));
  for (const u of hc.Ulimits ?? []) args.push('--ulimit', `${u.Name}=${u.Soft}:${u.Hard}`);
  for (const [k, v] of Object.entries(hc.Sysctls ?? {})) args.push('--sysctl', `${k}=${v}`);
  for (const h of hc.ExtraHosts ?? []) args.push('--add-host', h);
  for (const d of hc.Dns ?? []) args.push('--dns', d);
  for (const link of hc.Links ?? []) {
    // "/ldap-service:/db2server/ldap-host" → ldap-service:ldap-host
    const [target, alias] = link.split(':');
    if (target && alias) args.push('--link', `${target.replace(/^\//, '')}:${alias.split('/').pop()}`);
  }
  if (hc.LogConfig?.Type && hc.LogConfig.Type !== 'json-file') {
    args.push('--log-driver', hc.LogConfig.Type);
    for (const [k, v] of Object.entries(hc.LogConfig.Config ?? {})) args.push('--log-opt', `${k}=${v}`);
  }

  const policy = hc.RestartPolicy;
  let restart: string | undefined;
  if (policy?.Name && policy.Name !== 'no') {
    restart =
      policy.Name === 'on-failure' && policy.MaximumRetryCount ? `on-failure:${policy.MaximumRetryCount}` : policy.Name;
    note('restart', `${restart} (applied once ready)`);
  }

  const extraNetworks: CarriedSettings['extraNetworks'] = [];
  const mode = hc.NetworkMode || 'default';
  const networks = Object.entries(old.NetworkSettings.Networks ?? {});
  const shortId = old.Id.slice(0, 12);
  const aliasesOf = (e: { Aliases?: string[] | null }) =>
    (e.Aliases ?? []).filter((a) => a !== shortId && a !== old.Id && a !== old.Config.Hostname);
  if (!['default', 'bridge'].includes(mode)) {
    args.push('--network', mode);
    note('network', mode);
    const primary = networks.find(([name]) => name === mode)?.[1];
    if (primary) {
      for (const a of aliasesOf(primary)) args.push('--network-alias', a);
      if (primary.IPAMConfig?.IPv4Address) args.push('--ip', primary.IPAMConfig.IPv4Address);
    }
  }
  for (const [name, endpoint] of networks) {
    if (name === mode || (mode === 'default' && name === 'bridge')) continue;
    extraNetworks.push({ name, aliases: aliasesOf(endpoint), ipv4: endpoint.IPAMConfig?.IPv4Address || undefined });
    note('network', name);
  }

  // Labels the user set on the container (not the ones inherited from the old image).
  const imageLabels = oldImage?.Config.Labels ?? {};
  for (const [k, v] of Object.entries(old.Config.Labels ?? {})) {
    if (imageLabels[k] === v || k.startsWith('io.paved.db2.')) continue;
    args.push('--label', `${k}=${v}`);
  }

  // The old image's defaults (PATH, image-specific vars) must come from the new image instead.
  const imageEnv = envOf(oldImage?.Config.Env);
  const env = new Map<string, string>();
  for (const [k, v] of envOf(old.Config.Env)) {
    if (imageEnv.get(k) === v) continue;
    env.set(k, v);
  }
  for (const [k, v] of overrides) env.set(k, v);
  note('env', [...env.keys()].sort().join(', '));
  return { args, env, extraNetworks, carried, restart };
}

function mountSpec(type: string, source: string, target: string, rw: boolean, propagation?: string): string {
  // A comma in a path would split the --mount value; docker's CSV syntax quotes it.
  const q = (v: string) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  let spec = `type=${type},${q(`source=${source}`)},${q(`target=${target}`)}`;
  if (!rw) spec += ',readonly';
  if (type === 'bind' && propagation && propagation !== 'rprivate') spec += `,bind-propagation=${propagation}`;
  return spec;
}

/** `KEY=value` lines for --env-file (docker reads them literally: no quotes, no expansion). */
export function envFileText(env: Map<string, string>): string {
  return [...env].map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

/** Parses a docker --env-file: KEY=value lines; a bare KEY takes the value from our environment. */
export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) {
      const v = process.env[line.trim()];
      if (v !== undefined) env.set(line.trim(), v);
      continue;
    }
    env.set(line.slice(0, eq).trim(), line.slice(eq + 1));
  }
  return env;
}
