import { OperationError } from '../../../../shared/errors';
import { docker } from './cli';

/** The parts of `docker inspect` we carry over or reason about; everything else stays with the image. */
export interface Mount {
  Type: 'bind' | 'volume' | 'tmpfs' | string;
  Name?: string;
  Source: string;
  Destination: string;
  RW: boolean;
  Propagation?: string;
}

export interface PortBinding {
  HostIp?: string;
  HostPort?: string;
}

export interface EndpointSettings {
  Aliases?: string[] | null;
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  NetworkID?: string;
}

export interface ContainerInspect {
  Id: string;
  Name: string;
  Image: string;
  Created: string;
  /** How often Docker restarted it under its restart policy. */
  RestartCount?: number;
  State: { Status: string; Running: boolean; StartedAt: string; ExitCode: number; Health?: { Status: string } };
  Config: {
    Hostname: string;
    Domainname?: string;
    Env: string[] | null;
    Image: string;
    Labels: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
  };
  HostConfig: {
    Binds?: string[] | null;
    NetworkMode: string;
    PortBindings?: Record<string, PortBinding[] | null> | null;
    PublishAllPorts?: boolean;
    RestartPolicy?: { Name: string; MaximumRetryCount: number };
    Privileged?: boolean;
    CapAdd?: string[] | null;
    CapDrop?: string[] | null;
    SecurityOpt?: string[] | null;
    IpcMode?: string;
    ShmSize?: number;
    Memory?: number;
    NanoCpus?: number;
    Ulimits?: { Name: string; Soft: number; Hard: number }[] | null;
    Sysctls?: Record<string, string> | null;
    ExtraHosts?: string[] | null;
    Links?: string[] | null;
    Dns?: string[] | null;
    LogConfig?: { Type: string; Config?: Record<string, string> };
    Devices?: { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }[] | null;
  };
  Mounts: Mount[];
  NetworkSettings: {
    Networks?: Record<string, EndpointSettings> | null;
    /** Ports as bound now: an ephemeral binding (`-p 127.0.0.1::50000`) shows its real host port here. */
    Ports?: Record<string, PortBinding[] | null> | null;
  };
}

export interface ImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Config: {
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
  };
}

/** undefined when no such container (the only error we expect); any other failure throws. */
export async function inspectContainer(name: string): Promise<ContainerInspect | undefined> {
  const r = await docker(['container', 'inspect', name], { ignoreReturnCode: true, quiet: true });
  if (r.exitCode !== 0) {
    if (/no such (container|object)/i.test(r.stderr)) return undefined;
    throw new OperationError(`docker container inspect ${name} failed: ${r.stderr.trim()}`);
  }
  return (JSON.parse(r.stdout) as ContainerInspect[])[0];
}

export async function inspectImage(reference: string): Promise<ImageInspect | undefined> {
  const r = await docker(['image', 'inspect', reference], { ignoreReturnCode: true, quiet: true });
  if (r.exitCode !== 0) {
    if (/no such (image|object)/i.test(r.stderr)) return undefined;
    throw new OperationError(`docker image inspect ${reference} failed: ${r.stderr.trim()}`);
  }
  return (JSON.parse(r.stdout) as ImageInspect[])[0];
}

export function containerName(inspect: ContainerInspect): string {
  return inspect.Name.replace(/^\//, '');
}

export function envOf(list: readonly string[] | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of list ?? []) {
    const eq = item.indexOf('=');
    if (eq > 0) map.set(item.slice(0, eq), item.slice(eq + 1));
  }
  return map;
}

/** The mount holding Db2's storage; the whole upgrade recipe rests on it. */
export function databaseMount(inspect: ContainerInspect): Mount | undefined {
  return inspect.Mounts.find((m) => m.Destination === '/database');
}
