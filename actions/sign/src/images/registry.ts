import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, OperationError, registerSecret } from '../../../../shared';
import { Inputs } from '../names';

/**
 * Just enough of the OCI distribution API (https://github.com/opencontainers/distribution-spec) to
 * resolve tags and to read and write cosign's signature and attestation manifests: manifests, blobs
 * (monolithic upload), and the registry's Basic or Bearer-token challenge. fetch does the HTTP.
 */
export interface ImageRef {
  /** As the user wrote it. */
  text: string;
  /** Registry host[:port] as used in URLs and ~/.docker/config.json. */
  host: string;
  repository: string;
  tag?: string;
  digest?: string;
}

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** `[host[:port]/]path[:tag][@sha256:hex]`, with Docker Hub's defaults for a bare name. */
export function parseImageRef(text: string): ImageRef {
  const bad = (why: string) =>
    new ConfigurationError(`Input ${Inputs.images}: "${text}" is not an image reference (${why})`, {
      input: Inputs.images,
    });
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw bad('the digest must be sha256:<64 hex>');
  }
  const parts = rest.split('/');
  let host = 'registry-1.docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    host = first;
    parts.shift();
  } else if (parts.length === 1) {
    parts.unshift('library');
  }
  let path = parts.join('/');
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) throw bad(`tag "${tag}"`);
  }
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) {
    throw bad(`repository "${path}"`);
  }
  if (!tag && !digest) tag = 'latest';
  if (host === 'docker.io' || host === 'index.docker.io') host = 'registry-1.docker.io';
  return { text: text.trim(), host, repository: path, tag, digest };
}

/** The name an image has in statements and logs: host/repository (docker.io for Docker Hub). */
export function imageName(ref: ImageRef): string {
  return `${ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host}/${ref.repository}`;
}

export interface Credentials {
  username: string;
  password: string;
}

/** registry-username/password, else ~/.docker/config.json (DOCKER_CONFIG) `auths` for the host. */
export function credentialsFor(host: string, username: string, password: string): Credentials | undefined {
  if (username || password) return { username, password };
  const dir = process.env.DOCKER_CONFIG || join(homedir(), '.docker');
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> };
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const names =
    host === 'registry-1.docker.io'
      ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
      : [host, `https://${host}`, `http://${host}`];
  for (const name of names) {
    const entry = config.auths?.[name];
    if (!entry) continue;
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      const creds = { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
      registerSecret(creds.password);
      return creds;
    }
    if (entry.username && entry.password) {
      registerSecret(entry.password);
      return { username: entry.username, password: entry.password };
    }
  }
  return undefined;
}

export class Registry {
  private token?: string;
  readonly base: string;

  constructor(
    readonly host: string,
    private readonly repository: string,
    private readonly credentials?: Credentials,
  ) {
    // Plain HTTP only for a registry on this machine, as docker and skopeo allow.
    const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
    this.base = `${local ? 'http' : 'https'}://${host}/v2/${repository}`;
  }

  private async fetch(url: string, init: RequestInit = {}, retried = false): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('Authorization', this.token);
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, redirect: 'follow', signal: AbortSignal.timeout(120_000) });
    } catch (error) {
      throw new OperationError(`Registry ${this.host} did not answer: ${(error as Error).message}`);
    }
    if (response.status === 401 && !retried) {
      await response.arrayBuffer().catch(() => undefined);
      await this.authenticate(response.headers.get('www-authenticate') ?? '');
      return this.fetch(url, init, true);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ConfigurationError(
        `Registry ${this.host} refused ${this.credentials ? `user ${this.credentials.username}` : 'anonymous access'} to ${this.repository} (HTTP ${response.status}); set ${Inputs.registryUsername}/${Inputs.registryPassword} or log in (~/.docker/config.json) with push rights`,
        { input: Inputs.registryUsername },
      );
    }
    return response;
  }

  private async authenticate(challenge: string): Promise<void> {
    const scheme = challenge.split(' ')[0]?.toLowerCase();
    const basic = this.credentials
      ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
      : undefined;
    if (scheme === 'basic') {
      this.token = basic;
      return;
    }
    if (scheme !== 'bearer') return;
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]),
    );
    if (!params.realm) return;
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', `repository:${this.repository}:pull,push`);
    const response = await fetch(url, { headers: basic ? { Authorization: basic } : {} });
    if (!response.ok) {
      throw new ConfigurationError(
        `Registry ${this.host} token service refused ${this.credentials ? `user ${this.credentials.username}` : 'anonymous access'} (HTTP ${response.status})`,
        { input: Inputs.registryUsername },
      );
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (token) {
      registerSecret(token);
      this.token = `Bearer ${token}`;
    }
  }

  /** The manifest's digest and bytes, or undefined when there is none under that tag or digest. */
  async manifest(reference: string): Promise<{ digest: string; mediaType: string; bytes: Buffer } | undefined> {
    const response = await this.fetch(`${this.base}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_TYPES.join(', ') },
    });
    if (response.status === 404) return undefined;
    if (!response.ok)
      throw new OperationError(`Registry ${this.host}: GET manifest ${reference}: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    return { digest, mediaType: response.headers.get('content-type') ?? '', bytes };
  }

  async blob(digest: string): Promise<Buffer> {
    const response = await this.fetch(`${this.base}/blobs/${digest}`);
    if (!response.ok) throw new OperationError(`Registry ${this.host}: GET blob ${digest}: HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== digest) {
      throw new OperationError(`Registry ${this.host}: blob ${digest} does not match its digest`);
    }
    return bytes;
  }

  /** Monolithic upload (POST then PUT ?digest=), skipped when the registry has the blob. */
  async pushBlob(bytes: Buffer): Promise<string> {
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const head = await this.fetch(`${this.base}/blobs/${digest}`, { method: 'HEAD' });
    if (head.ok) return digest;
    const start = await this.fetch(`${this.base}/blobs/uploads/`, { method: 'POST' });
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) {
      throw new OperationError(`Registry ${this.host}: starting a blob upload: HTTP ${start.status}`);
    }
    const url = new URL(location, this.base);
    url.searchParams.set('digest', digest);
    const put = await this.fetch(url.toString(), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    if (put.status !== 201)
      throw new OperationError(`Registry ${this.host}: uploading blob ${digest}: HTTP ${put.status}`);
    return digest;
  }

  async putManifest(tag: string, manifest: unknown, mediaType: string): Promise<string> {
    const bytes = Buffer.from(JSON.stringify(manifest));
    const response = await this.fetch(`${this.base}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    if (response.status !== 201) {
      throw new OperationError(
        `Registry ${this.host}: PUT manifest ${tag}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`,
      );
    }
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  }
}
