import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import * as core from '../../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import { exec } from '../../../../shared/exec';
import {
  type Descriptor,
  digestOf,
  formatPlatform,
  type ImageIndex,
  type ImageManifest,
  isIndex,
  type Platform,
  pickPlatform,
  RegistryClient,
  sameVariant,
  verifying,
} from '../../../../shared/oci';
import { formatReference, type ImageReference, parseReference } from '../../../../shared/oci/reference';
import type { ImageLayer } from './layers';

export const SCHEMES = ['docker', 'registry', 'oci-dir', 'docker-archive'] as const;
export type Scheme = (typeof SCHEMES)[number];

export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  rootfs?: { type?: string; diff_ids?: string[] };
}

/** An image opened from any source, down to its config and layers. */
export interface OpenedImage {
  scheme: Scheme;
  /** What the user named, e.g. `docker.io/library/debian:12` or the archive path. */
  name: string;
  reference?: ImageReference;
  /** Manifest digest, when the source has one (registry, OCI layout, a pushed daemon image). */
  digest?: string;
  /** Config digest (Docker's image id). */
  imageId: string;
  config: ImageConfig;
  layers: ImageLayer[];
  /** Picked by platform from a multi-platform index (else the source held one image). */
  fromIndex?: boolean;
  cleanup(): void;
}

export interface SourceOptions {
  /** The platform the user asked for; without it, the runner's platform picks from an index. */
  platform?: Platform;
  cwd: string;
  dockerConfig?: string;
}

/**
 * `image` in syft's spelling: `docker:NAME`, `registry:REF`, `oci-dir:PATH`, `docker-archive:PATH`,
 * or a bare `NAME[:TAG|@DIGEST]` (the Docker daemon when it has the image, else the registry).
 */
export function parseImageInput(text: string): { scheme?: Scheme; value: string } {
  const m = /^([a-z][a-z-]*):(?!\d+(?:\/|$))(.*)$/.exec(text.trim());
  if (m && !(m[2] ?? '').startsWith('//')) {
    const scheme = m[1] as string;
    if ((SCHEMES as readonly string[]).includes(scheme))
      return { scheme: scheme as Scheme, value: (m[2] as string).trim() };
    // `name:tag` has no slash after the colon either: only a known scheme name, or something that
    // cannot be a tag, is taken as a scheme.
    const value = m[2] as string;
    if (
      /^(oci|dir|file|podman|containerd|singularity|oci-archive|docker-daemon)$/.test(scheme) ||
      /[/\s]/.test(value) ||
      value === ''
    ) {
      throw new ConfigurationError(
        `Input image: unknown source scheme "${scheme}:"; use one of ${SCHEMES.map((s) => `${s}:`).join(', ')} or a bare image reference`,
        { input: 'image' },
      );
    }
  }
  return { value: text.trim() };
}

/**
 * The platform Docker pulls by default on this runner: linux and the runner's CPU (linux/amd64 on
 * x64, linux/arm64 on arm64), whatever the runner's own OS, as Docker Desktop does.
 */
export function runnerPlatform(arch: string = process.arch): Platform {
  const map: Record<string, Platform> = {
    x64: { os: 'linux', architecture: 'amd64' },
    arm64: { os: 'linux', architecture: 'arm64' },
    arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
    ia32: { os: 'linux', architecture: '386' },
    ppc64: { os: 'linux', architecture: 'ppc64le' },
  };
  return map[arch] ?? { os: 'linux', architecture: arch };
}

/**
 * Opens the image. From a multi-platform index (OCI image index, Docker manifest list) the image
 * for the platform asked for, else the runner's; a platform the index lacks is a ConfigurationError
 * listing the ones it has. A single-platform image is read as it is unless a platform was asked
 * for and its config says another one: then, as syft does with --platform, it is an error.
 */
export async function openImage(text: string, options: SourceOptions): Promise<OpenedImage> {
  const opened = await openAny(text, options);
  const asked = options.platform;
  if (asked && !opened.fromIndex && !platformMatches(opened.config, asked)) {
    opened.cleanup();
    throw new ConfigurationError(
      `${opened.scheme}:${opened.name} is a single-platform image for ${platformOf(opened.config)}, not ${formatPlatform(asked)} (input platform); leave platform empty to read it as it is, or name an image built for ${formatPlatform(asked)}`,
      { input: 'platform' },
    );
  }
  const wanted = asked ?? runnerPlatform();
  if (opened.fromIndex && !platformMatches(opened.config, { os: wanted.os, architecture: wanted.architecture }))
    // As Docker does for such images: read what the index points at, and say the two disagree.
    core.warning(
      `${opened.scheme}:${opened.name}: the index lists this image for ${formatPlatform(wanted)} but its config says ${platformOf(opened.config)}; the SBOM records ${platformOf(opened.config)}. The index or the image build is wrong.`,
    );
  return opened;
}

function platformMatches(config: ImageConfig, asked: Platform): boolean {
  return (
    (config.os ?? 'linux') === asked.os &&
    config.architecture === asked.architecture &&
    // A config without a variant does not contradict one asked for (stereoscope does the same).
    (!asked.variant || !config.variant || sameVariant(asked.architecture, config.variant, asked.variant))
  );
}

async function openAny(text: string, options: SourceOptions): Promise<OpenedImage> {
  const { scheme, value } = parseImageInput(text);
  if (value === '') throw new ConfigurationError(`Input image "${text}" names no image`, { input: 'image' });
  switch (scheme) {
    case 'docker-archive':
      return openDockerArchive(resolve(options.cwd, value), value);
    case 'oci-dir':
      return openOciDir(resolve(options.cwd, value), value, options);
    case 'registry':
      return openRegistry(parseReference(value), options);
    case 'docker': {
      const opened = await fromDaemon(value);
      if (!opened)
        throw new ConfigurationError(
          `docker:${value}: the Docker daemon has no image ${value} (${daemonProblem}); pull it first, or use registry:${value} to read it from its registry without a daemon`,
          { input: 'image' },
        );
      return opened;
    }
    default: {
      const reference = parseReference(value);
      const local = await fromDaemon(value);
      // The daemon's copy is for another platform than the one asked for: the registry may have it.
      if (local && options.platform && !platformMatches(local.config, options.platform)) {
        core.info(
          `The Docker daemon's ${value} is ${platformOf(local.config)}; reading ${formatPlatform(options.platform)} from its registry`,
        );
        local.cleanup();
        return openRegistry(reference, options);
      }
      return local ?? openRegistry(reference, options);
    }
  }
}

/** `docker save` of the image into a temporary archive, read as `docker-archive:`; undefined when the daemon lacks it. */
/** Why the daemon had nothing for the last name asked (no such image, no daemon, no docker CLI). */
let daemonProblem = '';

async function fromDaemon(name: string): Promise<OpenedImage | undefined> {
  let inspect: Awaited<ReturnType<typeof exec>>;
  try {
    inspect = await exec('docker', ['image', 'inspect', '--format', '{{json .}}', name], {
      quiet: true,
      ignoreReturnCode: true,
      timeoutMs: 60_000,
    });
  } catch (error) {
    // No docker CLI: a bare name goes to the registry; docker: says why it cannot.
    daemonProblem = (error as Error).message;
    core.debug(`docker is not usable: ${daemonProblem}`);
    return undefined;
  }
  if (inspect.exitCode !== 0) {
    daemonProblem = inspect.stderr.trim().split('\n')[0] || `docker image inspect exited with ${inspect.exitCode}`;
    return undefined;
  }
  const info = JSON.parse(inspect.stdout) as { Id?: string; RepoDigests?: string[] };
  const dir = mkdtempSync(join(tmpdir(), 'paved-sbom-image-'));
  try {
    const archive = join(dir, 'image.tar');
    const saved = await exec('docker', ['save', '-o', archive, name], {
      quiet: true,
      ignoreReturnCode: true,
      timeoutMs: 30 * 60_000,
    });
    if (saved.exitCode !== 0) throw new OperationError(`docker save ${name} failed: ${saved.stderr.trim()}`);
    const opened = await openDockerArchive(archive, name);
    const reference = parseReference(name);
    const pushed = info.RepoDigests?.map((d) => d.split('@')[1]).find(Boolean);
    const inner = opened.cleanup;
    return {
      ...opened,
      scheme: 'docker',
      name,
      reference,
      digest: reference.digest ?? pushed ?? opened.digest,
      cleanup: () => {
        inner();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openRegistry(reference: ImageReference, options: SourceOptions): Promise<OpenedImage> {
  const client = new RegistryClient(reference.registry, { dockerConfig: options.dockerConfig });
  const image = await client.getImage(reference, options.platform ?? runnerPlatform());
  const configBytes = await client.fetchBlob(reference, image.manifest.config.digest);
  const config = parseJson<ImageConfig>(configBytes, `the config of ${formatReference(reference)}`);
  const diffIds = checkLayers(config, image.manifest, formatReference(reference));
  return {
    scheme: 'registry',
    name: formatReference(reference),
    reference,
    digest: image.indexDigest ?? image.digest,
    imageId: image.manifest.config.digest,
    config,
    fromIndex: image.indexDigest !== undefined,
    layers: image.manifest.layers.map((layer, i) => ({
      diffId: diffIds[i] as string,
      describe: layer.digest,
      open: () => client.blobStream(reference, layer.digest),
    })),
    cleanup: () => {},
  };
}

/** An OCI image layout directory (`skopeo copy … oci:DIR`, `docker buildx --output type=oci,tar=false`). */
function openOciDir(dir: string, shown: string, options: SourceOptions): OpenedImage {
  const what = `oci-dir:${shown}`;
  if (!existsSync(join(dir, 'index.json'))) {
    throw new ConfigurationError(
      `${what}: ${existsSync(dir) ? 'no index.json there, so it is not an OCI image layout' : 'no such directory'}`,
      { input: 'image' },
    );
  }
  return fromLayout(dir, what, shown, 'oci-dir', options, () => {});
}

function fromLayout(
  dir: string,
  what: string,
  name: string,
  scheme: Scheme,
  options: SourceOptions,
  cleanup: () => void,
): OpenedImage {
  const blob = (digest: string): string => {
    const [alg, hex] = digest.split(':');
    const path = join(dir, 'blobs', alg ?? '', hex ?? '');
    if (!hex || !existsSync(path))
      throw new ConfigurationError(`${what}: blob ${digest} is missing from the layout`, { input: 'image' });
    return path;
  };
  const verified = (descriptor: Descriptor): Buffer => {
    const bytes = readFileSync(blob(descriptor.digest));
    if (digestOf(bytes, descriptor.digest.split(':')[0]) !== descriptor.digest)
      throw new ConfigurationError(
        `${what}: blob ${descriptor.digest} does not match its digest; the layout is corrupt`,
        { input: 'image' },
      );
    return bytes;
  };
  const index = parseJson<ImageIndex>(readFileSync(join(dir, 'index.json')), `${what}/index.json`);
  if (!Array.isArray(index.manifests) || index.manifests.length === 0)
    throw new ConfigurationError(`${what}: index.json lists no manifests`, { input: 'image' });
  const platform = options.platform ?? runnerPlatform();
  const single = index.manifests.length === 1;
  let descriptor = single ? (index.manifests[0] as Descriptor) : pickPlatform(index, platform, what);
  let fromIndex = !single;
  let indexDigest: string | undefined;
  if (isIndex(descriptor.mediaType)) {
    indexDigest = descriptor.digest;
    fromIndex = true;
    descriptor = pickPlatform(
      parseJson<ImageIndex>(verified(descriptor), `${what} index ${descriptor.digest}`),
      platform,
      what,
    );
  }
  const manifest = parseJson<ImageManifest>(verified(descriptor), `${what} manifest ${descriptor.digest}`);
  const config = parseJson<ImageConfig>(verified(manifest.config), `${what} config`);
  const diffIds = checkLayers(config, manifest, what);
  const refName = descriptor.annotations?.['org.opencontainers.image.ref.name'];
  return {
    scheme,
    name: refName && scheme === 'oci-dir' ? `${name}:${refName}` : name,
    digest: indexDigest ?? descriptor.digest,
    imageId: manifest.config.digest,
    config,
    fromIndex,
    layers: manifest.layers.map((layer, i) => ({
      diffId: diffIds[i] as string,
      describe: layer.digest,
      open: async (): Promise<Readable> => {
        const check = verifying(layer.digest, `${what} layer ${layer.digest}`);
        return createReadStream(blob(layer.digest)).pipe(check);
      },
    })),
    cleanup,
  };
}

/** A `docker save` tarball: unpacked to a temporary directory, then read by its manifest.json. */
async function openDockerArchive(path: string, shown: string): Promise<OpenedImage> {
  const what = `docker-archive:${shown}`;
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ConfigurationError(`${what}: no such file`, { input: 'image' });
  const dir = mkdtempSync(join(tmpdir(), 'paved-sbom-archive-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await unpack(path, dir, what);
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath))
      throw new ConfigurationError(`${what}: no manifest.json in the archive, so it is not a docker save archive`, {
        input: 'image',
      });
    const entries = parseJson<{ Config: string; RepoTags?: string[] | null; Layers: string[] }[]>(
      readFileSync(manifestPath),
      `${what}/manifest.json`,
    );
    const entry = entries[0];
    if (!entry || typeof entry.Config !== 'string' || !Array.isArray(entry.Layers))
      throw new ConfigurationError(`${what}: manifest.json lists no image`, { input: 'image' });
    const inside = (p: string) => {
      const full = resolve(dir, p);
      if (!full.startsWith(`${dir}/`) || !existsSync(full))
        throw new ConfigurationError(`${what}: ${p}, named by manifest.json, is missing from the archive`, {
          input: 'image',
        });
      return full;
    };
    const configBytes = readFileSync(inside(entry.Config));
    const config = parseJson<ImageConfig>(configBytes, `${what} config`);
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== entry.Layers.length)
      throw new ConfigurationError(
        `${what}: the config lists ${diffIds.length} layers, manifest.json ${entry.Layers.length}`,
        { input: 'image' },
      );
    // Docker 25+ also writes an OCI layout in the archive: its index names the manifest digest.
    let digest: string | undefined;
    if (existsSync(join(dir, 'index.json'))) {
      const index = parseJson<ImageIndex>(readFileSync(join(dir, 'index.json')), `${what}/index.json`);
      digest = index.manifests?.[0]?.digest;
    }
    const tag = entry.RepoTags?.[0];
    return {
      scheme: 'docker-archive',
      name: tag ?? shown,
      reference: tag ? parseReference(tag) : undefined,
      digest,
      imageId: digestOf(configBytes),
      config,
      layers: entry.Layers.map((layer, i) => ({
        diffId: diffIds[i] as string,
        describe: layer,
        open: async () => createReadStream(inside(layer)),
      })),
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function unpack(archive: string, dir: string, what: string): Promise<void> {
  const tar = extract();
  const writing = (async () => {
    for await (const entry of tar) {
      const name = entry.header.name;
      const target = resolve(dir, name);
      if (!target.startsWith(`${dir}/`) || entry.header.type !== 'file') {
        if (entry.header.type === 'directory' && target.startsWith(`${dir}/`)) mkdirSync(target, { recursive: true });
        entry.resume();
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      await pipeline(entry, createWriteStream(target));
    }
  })();
  try {
    await Promise.all([pipeline(createReadStream(archive), tar), writing]);
  } catch (error) {
    throw new ConfigurationError(
      `${what} is not a complete tar archive (${(error as Error).message}); was it cut short?`,
      { input: 'image', cause: error },
    );
  }
}

function checkLayers(config: ImageConfig, manifest: ImageManifest, what: string): string[] {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (!Array.isArray(manifest.layers) || diffIds.length !== manifest.layers.length)
    throw new ConfigurationError(
      `${what}: the manifest has ${manifest.layers?.length ?? 0} layers, the config ${diffIds.length} diff ids`,
      { input: 'image' },
    );
  return diffIds;
}

function parseJson<T>(bytes: Buffer, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    throw new ConfigurationError(`${what} is not valid JSON: ${(error as Error).message}`, { input: 'image' });
  }
}

export function platformOf(config: ImageConfig): string {
  return formatPlatform({
    os: config.os ?? 'linux',
    architecture: config.architecture ?? 'unknown',
    variant: config.variant,
  });
}
