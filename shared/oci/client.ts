import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { ConfigurationError, OperationError } from '../errors';
import { registerSecret } from '../secrets';
import { apiHost, DOCKER_HUB, formatReference, type ImageReference, isLoopback } from './reference';

/**
 * A small client for the OCI distribution API (what `docker pull`/`push` speak): resolve a
 * reference to a digest, read manifests and indexes, stream blobs verified against their digest,
 * and push blobs and manifests. Auth is the registry's own challenge (Bearer token service as
 * Docker Hub, GHCR and `registry:2` with token auth do it, or Basic), with credentials given
 * explicitly or read from the Docker config's `auths`. Loopback registries use plain HTTP.
 */

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;
const ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest];

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface ImageManifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface ImageIndex {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
}

export interface Credentials {
  username: string;
  password: string;
}

export interface ClientOptions {
  /** Used instead of the Docker config when given. */
  credentials?: Credentials;
  /** Docker config file to read `auths` from; default $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
  dockerConfig?: string;
  /** Per request (not per blob body); default 60 s. */
  timeoutMs?: number;
  /** How the caller gives credentials, for the "needs credentials" message; default "give a user name and password". */
  credentialsHint?: string;
}

export interface ResolvedImage {
  /** Digest of the image manifest. */
  digest: string;
  /** Digest of the index the manifest was picked from, when the reference named an index. */
  indexDigest?: string;
  mediaType: string;
  manifest: ImageManifest;
  platform: Platform;
}

/** A manifest or index as the registry stores it. */
export interface RawManifest {
  raw: Buffer;
  digest: string;
  mediaType: string;
  json: Record<string, unknown>;
}

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export function isIndex(mediaType: string | undefined): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}

/** `linux/arm64/v8` → Platform. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant] = text.trim().split('/');
  if (!os || !architecture)
    throw new ConfigurationError(`Platform "${text}" must be os/architecture[/variant], e.g. linux/amd64`);
  return { os, architecture, variant };
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/** The variant an architecture has when none is written, as containerd normalises it (arm64 is v8, arm v7). */
const DEFAULT_VARIANT: Record<string, string> = { arm64: 'v8', arm: 'v7', amd64: 'v1' };

/** Same variant, counting an unwritten one as the architecture's default (linux/arm64 is linux/arm64/v8). */
export function sameVariant(architecture: string, a: string | undefined, b: string | undefined): boolean {
  return (a || DEFAULT_VARIANT[architecture]) === (b || DEFAULT_VARIANT[architecture]);
}

/**
 * The index entry for `platform`; attestation manifests never match. A missing variant in the
 * request matches any, preferring the architecture's default (linux/arm picks arm/v7 over arm/v6).
 */
export function pickPlatform(index: ImageIndex, platform: Platform, what: string): Descriptor {
  const candidates = index.manifests.filter((m) => m.platform && m.platform.os !== 'unknown');
  const same = candidates.filter(
    (m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture,
  );
  const match = platform.variant
    ? same.find((m) => sameVariant(platform.architecture, m.platform?.variant, platform.variant))
    : (same.find((m) => sameVariant(platform.architecture, m.platform?.variant, undefined)) ?? same[0]);
  if (match) return match;
  // An index without platforms (as skopeo writes one image into an OCI layout) has one choice.
  if (candidates.length === 0 && index.manifests.length === 1) return index.manifests[0] as Descriptor;
  // The index is the registry's text: each platform once, clipped, and at most a dozen of them named.
  const have = [...new Set(candidates.map((m) => formatPlatform(m.platform as Platform).slice(0, 80)))];
  const named = have.length > 12 ? `${have.slice(0, 12).join(', ')} and ${have.length - 12} more` : have.join(', ');
  throw new ConfigurationError(
    `${what} has no ${formatPlatform(platform)} image; it has ${named || 'no platform-tagged images'}`,
  );
}

/** sha256/sha512 of `data` as an OCI digest. */
export function digestOf(data: Buffer | string, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

function checkDigest(digest: string): { algorithm: string; hex: string } {
  const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
  if (!m || (m[1] === 'sha256' && m[2]?.length !== 64) || (m[1] === 'sha512' && m[2]?.length !== 128))
    throw new ConfigurationError(`"${digest}" is not a sha256 or sha512 digest`);
  return { algorithm: m[1] as string, hex: m[2] as string };
}

/** A pass-through stream that fails at its end when the bytes do not hash to `digest`. */
export function verifying(digest: string, what: string): Transform {
  const { algorithm } = checkDigest(digest);
  const hash = createHash(algorithm);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = `${algorithm}:${hash.digest('hex')}`;
      done(
        actual === digest
          ? null
          : new OperationError(`${what} does not match its digest: expected ${digest}, got ${actual}`),
      );
    },
  });
}

/** Credentials for `registry` from a Docker config's `auths` (base64 `user:password`); undefined when none. */
export function dockerConfigCredentials(registry: string, file?: string): Credentials | undefined {
  // An empty DOCKER_CONFIG is unset, as the Docker CLI treats it.
  const path = file ?? join(process.env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
  if (!existsSync(path)) return undefined;
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`Docker config ${path} is not valid JSON: ${(error as Error).message}`, {
      file: path,
    });
  }
  const keys =
    registry === DOCKER_HUB
      ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
      : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0)
        throw new ConfigurationError(`Docker config ${path}: auths["${key}"].auth is not base64 of user:password`, {
          file: path,
        });
      return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  }
  return undefined;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(re)) {
    params[(m[1] as string).toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme, params };
}

export class RegistryClient {
  readonly registry: string;
  private readonly base: string;
  private readonly credentials?: Credentials;
  private readonly timeoutMs: number;
  private readonly credentialsHint: string;
  /** Authorization header per scope, once a challenge has been answered. */
  private readonly authorization = new Map<string, string>();

  constructor(registry: string, options: ClientOptions = {}) {
    this.registry = registry;
    this.base = `${isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}`;
    this.credentials = options.credentials ?? dockerConfigCredentials(registry, options.dockerConfig);
    // The password, and user:password, whose base64 is the Basic header and a Docker config's `auth`.
    if (this.credentials) {
      registerSecret(this.credentials.password);
      registerSecret(`${this.credentials.username}:${this.credentials.password}`);
    }
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.credentialsHint = options.credentialsHint ?? 'give a user name and password';
  }

  /** The digest the reference names now (an index's own digest for a multi-platform tag). */
  async resolve(ref: ImageReference): Promise<string> {
    if (ref.digest) return ref.digest;
    const response = await this.request(
      ref,
      'HEAD',
      `/v2/${ref.repository}/manifests/${ref.tag}`,
      { Accept: ACCEPT.join(', ') },
      'pull',
    );
    const header = response.headers.get('docker-content-digest');
    if (header) return header;
    const { raw } = await this.getRaw(ref);
    return digestOf(raw);
  }

  /** The image manifest for `platform` (linux/amd64 by default), through the index when the reference names one. */
  async getImage(ref: ImageReference, platform: Platform = DEFAULT_PLATFORM): Promise<ResolvedImage> {
    const first = await this.getRaw(ref);
    if (isIndex(first.mediaType)) {
      const index = first.json as unknown as ImageIndex;
      const chosen = pickPlatform(index, platform, formatReference(ref));
      const second = await this.getRaw({ ...ref, digest: chosen.digest });
      if (isIndex(second.mediaType))
        throw new OperationError(`${formatReference(ref)}: nested indexes are not supported`);
      return {
        digest: chosen.digest,
        indexDigest: first.digest,
        mediaType: second.mediaType,
        manifest: second.json as unknown as ImageManifest,
        platform: chosen.platform ?? platform,
      };
    }
    return {
      digest: first.digest,
      mediaType: first.mediaType,
      manifest: first.json as unknown as ImageManifest,
      platform,
    };
  }

  /** A manifest or index as stored, verified against the digest when the reference has one. */
  async getRaw(ref: ImageReference): Promise<RawManifest> {
    return (await this.readManifest(ref, false)) as RawManifest;
  }

  /** As `getRaw`, but undefined when the registry has no manifest under that tag or digest (HTTP 404). */
  async findRaw(ref: ImageReference): Promise<RawManifest | undefined> {
    return this.readManifest(ref, true);
  }

  private async readManifest(ref: ImageReference, allow404: boolean): Promise<RawManifest | undefined> {
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const response = await this.request(
      ref,
      'GET',
      `/v2/${ref.repository}/manifests/${reference}`,
      { Accept: ACCEPT.join(', ') },
      'pull',
      { allow404 },
    );
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    let raw: Buffer;
    try {
      raw = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      // Headers came, the body did not: fetch says only "terminated" or "aborted due to timeout".
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new OperationError(
        (error as Error).name === 'TimeoutError'
          ? `Registry ${this.registry} stopped sending the manifest of ${formatReference(ref)}: the answer did not finish within ${this.timeoutMs / 1000} s`
          : `Registry ${this.registry} broke off the manifest of ${formatReference(ref)} (${cause?.code ?? cause?.message ?? (error as Error).message})`,
        { cause: error },
      );
    }
    const digest = ref.digest ? ref.digest : (response.headers.get('docker-content-digest') ?? digestOf(raw));
    const actual = digestOf(raw, checkDigest(digest).algorithm);
    if (actual !== digest)
      throw new OperationError(
        `The manifest of ${formatReference(ref)} does not match its digest: expected ${digest}, got ${actual}`,
      );
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new OperationError(`The manifest of ${formatReference(ref)} is not JSON`);
    }
    const mediaType = String(
      json.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? MEDIA_TYPES.ociManifest,
    );
    return { raw, digest, mediaType, json };
  }

  /** A whole blob, verified. For layers use `blobStream`. */
  async fetchBlob(ref: ImageReference, digest: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobStream(ref, digest)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * A blob as a stream that errors at its end if the bytes do not match `digest`. A layer takes as
   * long as it takes, but the registry must answer, and then send some bytes, within the timeout:
   * one that stalls fails the run instead of hanging it.
   */
  async blobStream(ref: ImageReference, digest: string): Promise<Readable> {
    checkDigest(digest);
    const controller = new AbortController();
    const stalled = (): DOMException =>
      new DOMException(`no bytes of blob ${digest} for ${this.timeoutMs / 1000} s`, 'TimeoutError');
    let timer = setTimeout(() => controller.abort(stalled()), this.timeoutMs);
    let response: Response;
    try {
      response = await this.request(ref, 'GET', `/v2/${ref.repository}/blobs/${digest}`, {}, 'pull', {
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
    }
    if (!response.body) throw new OperationError(`The registry sent no body for blob ${digest}`);
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    const check = verifying(digest, `Blob ${digest} of ${formatReference(ref)}`);
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A slow reader (backpressure) is not a stalled registry.
        if (check.writableNeedDrain) return arm();
        controller.abort(stalled());
        check.destroy(
          new OperationError(
            `Registry ${this.registry} stopped sending blob ${digest} of ${formatReference(ref)}: ${stalled().message}`,
          ),
        );
      }, this.timeoutMs);
    };
    arm();
    body.on('data', arm);
    check.on('close', () => clearTimeout(timer));
    body.on('error', (error) => check.destroy(error));
    return body.pipe(check);
  }

  /** Uploads a blob (monolithic POST + PUT), skipped when the registry already has it. Returns its digest. */
  async pushBlob(ref: ImageReference, data: Buffer): Promise<string> {
    const digest = digestOf(data);
    const head = await this.request(ref, 'HEAD', `/v2/${ref.repository}/blobs/${digest}`, {}, 'push', {
      allow404: true,
    });
    if (head.status === 200) return digest;
    const start = await this.request(ref, 'POST', `/v2/${ref.repository}/blobs/uploads/`, {}, 'push');
    const location = start.headers.get('location');
    if (!location) throw new OperationError(`${this.registry} started an upload without a Location`);
    const url = new URL(location, this.base);
    url.searchParams.set('digest', digest);
    await this.request(ref, 'PUT', url.toString(), { 'Content-Type': 'application/octet-stream' }, 'push', { data });
    return digest;
  }

  /** Puts a manifest under a tag or its digest. Returns its digest. */
  async pushManifest(ref: ImageReference, reference: string, body: Buffer, mediaType: string): Promise<string> {
    const digest = digestOf(body);
    await this.request(
      ref,
      'PUT',
      `/v2/${ref.repository}/manifests/${reference}`,
      { 'Content-Type': mediaType },
      'push',
      { data: body },
    );
    return digest;
  }

  private async request(
    ref: ImageReference,
    method: string,
    path: string,
    headers: Record<string, string>,
    action: 'pull' | 'push',
    options: { data?: Buffer; signal?: AbortSignal; allow404?: boolean } = {},
  ): Promise<Response> {
    const scope = `repository:${ref.repository}:${action === 'push' ? 'pull,push' : 'pull'}`;
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    const send = async (): Promise<Response> => {
      const auth = this.authorization.get(scope);
      try {
        return await fetch(url, {
          method,
          headers: { ...headers, ...(auth ? { Authorization: auth } : {}) },
          body: options.data,
          redirect: 'follow',
          // Blob bodies are timed by blobStream, per chunk.
          signal: options.signal ?? AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if ((error as Error).name === 'TimeoutError')
          throw new OperationError(
            `Registry ${this.registry} did not answer ${method} ${formatReference(ref)} within ${this.timeoutMs / 1000} s (${this.base})`,
            { cause: error },
          );
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new ConfigurationError(
          `Registry ${this.registry} is unreachable for ${formatReference(ref)} (${this.base}): ${cause?.code ?? cause?.message ?? (error as Error).message}`,
          { cause: error },
        );
      }
    };
    let response = await send();
    if (response.status === 401 && !this.authorization.has(scope)) {
      const challenge = response.headers.get('www-authenticate');
      await response.body?.cancel();
      if (challenge) {
        await this.answer(ref, parseChallenge(challenge), scope);
        response = await send();
      }
    }
    if (response.ok || (options.allow404 && response.status === 404)) return response;
    const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(text)?.[1];
    const what = `${formatReference(ref)}${path.includes('/blobs/') ? ` (blob ${path.split('/blobs/')[1]})` : ''}`;
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(
        this.credentials
          ? `Registry ${this.registry} rejected the credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): check the user name and password or token, and its ${action} permission`
          : `Registry ${this.registry} needs credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): run docker login ${this.registry} (auths in ~/.docker/config.json) or ${this.credentialsHint}`,
      );
    }
    if (response.status === 404) {
      throw new ConfigurationError(
        `${what} was not found in registry ${this.registry} (HTTP 404${code ? ` ${code}` : ''})`,
      );
    }
    throw new OperationError(
      `Registry ${this.registry} answered HTTP ${response.status}${code ? ` ${code}` : ''} for ${method} ${what}`,
    );
  }

  /** Answers a 401 challenge: Basic sends the credentials; Bearer trades them (or nothing) for a token. */
  private async answer(ref: ImageReference, challenge: Challenge, scope: string): Promise<void> {
    const basic = this.credentials
      ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
      : undefined;
    if (challenge.scheme === 'basic') {
      if (basic) this.authorization.set(scope, basic);
      return;
    }
    if (challenge.scheme !== 'bearer' || !challenge.params.realm) return;
    const url = new URL(challenge.params.realm);
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope && !scope.endsWith(',push') ? challenge.params.scope : scope);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: basic ? { Authorization: basic } : {},
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ConfigurationError(
        `Token service ${url.origin} of registry ${this.registry} is unreachable for ${formatReference(ref)}: ${(error as Error).message}`,
      );
    }
    if (!response.ok) {
      throw new ConfigurationError(
        `Token service ${url.origin} refused ${formatReference(ref)} (HTTP ${response.status})${this.credentials ? ': the credentials were rejected' : ': credentials are needed (docker login)'}`,
      );
    }
    // A proxy's or captive portal's HTML page instead of the token JSON is "no token", said as such.
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = body.token ?? body.access_token;
    if (typeof token !== 'string' || token === '')
      throw new OperationError(`Token service ${url.origin} of registry ${this.registry} returned no token`);
    registerSecret(token);
    this.authorization.set(scope, `Bearer ${token}`);
  }
}
