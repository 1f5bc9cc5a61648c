export const id = 482;
export const ids = [482,233,354];
export const modules = {

/***/ 11482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageFailure: () => (/* binding */ imageFailure),
  signImages: () => (/* binding */ signImages),
  verifyImages: () => (/* binding */ verifyImages)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./shared/index.ts + 10 modules
var shared = __webpack_require__(4332);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(12813);
// EXTERNAL MODULE: ./actions/sign/src/attest/intoto.ts
var intoto = __webpack_require__(59994);
// EXTERNAL MODULE: ./actions/sign/src/attest/provenance.ts
var attest_provenance = __webpack_require__(22038);
// EXTERNAL MODULE: ./actions/sign/src/attest/sbom.ts
var attest_sbom = __webpack_require__(47144);
// EXTERNAL MODULE: ./actions/sign/src/inputs.ts
var inputs = __webpack_require__(45806);
// EXTERNAL MODULE: ./actions/sign/src/methods/index.ts
var methods = __webpack_require__(33750);
// EXTERNAL MODULE: ./actions/sign/src/methods/keys.ts
var keys = __webpack_require__(31504);
// EXTERNAL MODULE: ./actions/sign/src/methods/timestamp.ts
var timestamp = __webpack_require__(29454);
// EXTERNAL MODULE: ./actions/sign/src/names.ts
var names = __webpack_require__(79679);
// EXTERNAL MODULE: ./actions/sign/src/summary.ts
var summary = __webpack_require__(5103);
// EXTERNAL MODULE: ./actions/sign/src/verify/index.ts
var verify = __webpack_require__(39233);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(35931);
;// CONCATENATED MODULE: ./shared/oci/reference.ts

const DOCKER_HUB = 'docker.io';
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseReference(text) {
    const original = text.trim();
    const bad = (why) => new errors/* ConfigurationError */.j1(`Image reference "${original}" is not valid: ${why}`);
    if (original === '')
        throw bad('it is empty');
    let rest = original;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (algorithm:hex)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a tag`);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0] ?? '';
    if (parts.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        registry = first;
        parts.shift();
        if (!/^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/.test(registry))
            throw bad(`"${registry}" is not a registry host[:port]`);
    }
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    for (const part of parts) {
        if (!PATH_COMPONENT.test(part))
            throw bad(`"${part}" is not a repository name component (lower-case letters, digits, . _ -)`);
    }
    if (!digest && !tag)
        tag = 'latest';
    return { registry, repository: parts.join('/'), tag, digest, original };
}
/** `registry/repository[:tag][@digest]`, Docker Hub written out in full. */
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The host the distribution API is served from (Docker Hub's differs from its name). */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
/** Loopback registries speak plain HTTP (as Docker allows for them); everything else HTTPS. */
function isLoopback(registry) {
    const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

;// CONCATENATED MODULE: ./shared/oci/client.ts








/**
 * A small client for the OCI distribution API (what `docker pull`/`push` speak): resolve a
 * reference to a digest, read manifests and indexes, stream blobs verified against their digest,
 * and push blobs and manifests. Auth is the registry's own challenge (Bearer token service as
 * Docker Hub, GHCR and `registry:2` with token auth do it, or Basic), with credentials given
 * explicitly or read from the Docker config's `auths`. Loopback registries use plain HTTP.
 */
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
const ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest];
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
function isIndex(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
/** `linux/arm64/v8` → Platform. */
function parsePlatform(text) {
    const [os, architecture, variant] = text.trim().split('/');
    if (!os || !architecture)
        throw new ConfigurationError(`Platform "${text}" must be os/architecture[/variant], e.g. linux/amd64`);
    return { os, architecture, variant };
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/** The variant an architecture has when none is written, as containerd normalises it (arm64 is v8, arm v7). */
const DEFAULT_VARIANT = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
/** Same variant, counting an unwritten one as the architecture's default (linux/arm64 is linux/arm64/v8). */
function sameVariant(architecture, a, b) {
    return (a || DEFAULT_VARIANT[architecture]) === (b || DEFAULT_VARIANT[architecture]);
}
/**
 * The index entry for `platform`; attestation manifests never match. A missing variant in the
 * request matches any, preferring the architecture's default (linux/arm picks arm/v7 over arm/v6).
 */
function pickPlatform(index, platform, what) {
    const candidates = index.manifests.filter((m) => m.platform && m.platform.os !== 'unknown');
    const same = candidates.filter((m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture);
    const match = platform.variant
        ? same.find((m) => sameVariant(platform.architecture, m.platform?.variant, platform.variant))
        : (same.find((m) => sameVariant(platform.architecture, m.platform?.variant, undefined)) ?? same[0]);
    if (match)
        return match;
    // An index without platforms (as skopeo writes one image into an OCI layout) has one choice.
    if (candidates.length === 0 && index.manifests.length === 1)
        return index.manifests[0];
    // The index is the registry's text: each platform once, clipped, and at most a dozen of them named.
    const have = [...new Set(candidates.map((m) => formatPlatform(m.platform).slice(0, 80)))];
    const named = have.length > 12 ? `${have.slice(0, 12).join(', ')} and ${have.length - 12} more` : have.join(', ');
    throw new errors/* ConfigurationError */.j1(`${what} has no ${formatPlatform(platform)} image; it has ${named || 'no platform-tagged images'}`);
}
/** sha256/sha512 of `data` as an OCI digest. */
function digestOf(data, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}
function checkDigest(digest) {
    const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
    if (!m || (m[1] === 'sha256' && m[2]?.length !== 64) || (m[1] === 'sha512' && m[2]?.length !== 128))
        throw new errors/* ConfigurationError */.j1(`"${digest}" is not a sha256 or sha512 digest`);
    return { algorithm: m[1], hex: m[2] };
}
/** A pass-through stream that fails at its end when the bytes do not hash to `digest`. */
function verifying(digest, what) {
    const { algorithm } = checkDigest(digest);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    return new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            done(null, chunk);
        },
        flush(done) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            done(actual === digest
                ? null
                : new errors/* OperationError */.OK(`${what} does not match its digest: expected ${digest}, got ${actual}`));
        },
    });
}
/** Credentials for `registry` from a Docker config's `auths` (base64 `user:password`); undefined when none. */
function dockerConfigCredentials(registry, file) {
    // An empty DOCKER_CONFIG is unset, as the Docker CLI treats it.
    const path = file ?? (0,external_node_path_.join)(process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    let config;
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Docker config ${path} is not valid JSON: ${error.message}`, {
            file: path,
        });
    }
    const keys = registry === DOCKER_HUB
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
        : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new errors/* ConfigurationError */.j1(`Docker config ${path}: auths["${key}"].auth is not base64 of user:password`, {
                    file: path,
                });
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        if (entry.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    const re = /([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(re)) {
        params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme, params };
}
class RegistryClient {
    registry;
    base;
    credentials;
    timeoutMs;
    credentialsHint;
    /** Authorization header per scope, once a challenge has been answered. */
    authorization = new Map();
    constructor(registry, options = {}) {
        this.registry = registry;
        this.base = `${isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}`;
        this.credentials = options.credentials ?? dockerConfigCredentials(registry, options.dockerConfig);
        // The password, and user:password, whose base64 is the Basic header and a Docker config's `auth`.
        if (this.credentials) {
            (0,secrets/* registerSecret */.cl)(this.credentials.password);
            (0,secrets/* registerSecret */.cl)(`${this.credentials.username}:${this.credentials.password}`);
        }
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.credentialsHint = options.credentialsHint ?? 'give a user name and password';
    }
    /** The digest the reference names now (an index's own digest for a multi-platform tag). */
    async resolve(ref) {
        if (ref.digest)
            return ref.digest;
        const response = await this.request(ref, 'HEAD', `/v2/${ref.repository}/manifests/${ref.tag}`, { Accept: ACCEPT.join(', ') }, 'pull');
        const header = response.headers.get('docker-content-digest');
        if (header)
            return header;
        const { raw } = await this.getRaw(ref);
        return digestOf(raw);
    }
    /** The image manifest for `platform` (linux/amd64 by default), through the index when the reference names one. */
    async getImage(ref, platform = DEFAULT_PLATFORM) {
        const first = await this.getRaw(ref);
        if (isIndex(first.mediaType)) {
            const index = first.json;
            const chosen = pickPlatform(index, platform, formatReference(ref));
            const second = await this.getRaw({ ...ref, digest: chosen.digest });
            if (isIndex(second.mediaType))
                throw new errors/* OperationError */.OK(`${formatReference(ref)}: nested indexes are not supported`);
            return {
                digest: chosen.digest,
                indexDigest: first.digest,
                mediaType: second.mediaType,
                manifest: second.json,
                platform: chosen.platform ?? platform,
            };
        }
        return {
            digest: first.digest,
            mediaType: first.mediaType,
            manifest: first.json,
            platform,
        };
    }
    /** A manifest or index as stored, verified against the digest when the reference has one. */
    async getRaw(ref) {
        return (await this.readManifest(ref, false));
    }
    /** As `getRaw`, but undefined when the registry has no manifest under that tag or digest (HTTP 404). */
    async findRaw(ref) {
        return this.readManifest(ref, true);
    }
    async readManifest(ref, allow404) {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const response = await this.request(ref, 'GET', `/v2/${ref.repository}/manifests/${reference}`, { Accept: ACCEPT.join(', ') }, 'pull', { allow404 });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        let raw;
        try {
            raw = Buffer.from(await response.arrayBuffer());
        }
        catch (error) {
            // Headers came, the body did not: fetch says only "terminated" or "aborted due to timeout".
            const cause = error.cause;
            throw new errors/* OperationError */.OK(error.name === 'TimeoutError'
                ? `Registry ${this.registry} stopped sending the manifest of ${formatReference(ref)}: the answer did not finish within ${this.timeoutMs / 1000} s`
                : `Registry ${this.registry} broke off the manifest of ${formatReference(ref)} (${cause?.code ?? cause?.message ?? error.message})`, { cause: error });
        }
        const digest = ref.digest ? ref.digest : (response.headers.get('docker-content-digest') ?? digestOf(raw));
        const actual = digestOf(raw, checkDigest(digest).algorithm);
        if (actual !== digest)
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} does not match its digest: expected ${digest}, got ${actual}`);
        let json;
        try {
            json = JSON.parse(raw.toString('utf8'));
        }
        catch {
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} is not JSON`);
        }
        const mediaType = String(json.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? MEDIA_TYPES.ociManifest);
        return { raw, digest, mediaType, json };
    }
    /** A whole blob, verified. For layers use `blobStream`. */
    async fetchBlob(ref, digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(ref, digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /**
     * A blob as a stream that errors at its end if the bytes do not match `digest`. A layer takes as
     * long as it takes, but the registry must answer, and then send some bytes, within the timeout:
     * one that stalls fails the run instead of hanging it.
     */
    async blobStream(ref, digest) {
        checkDigest(digest);
        const controller = new AbortController();
        const stalled = () => new DOMException(`no bytes of blob ${digest} for ${this.timeoutMs / 1000} s`, 'TimeoutError');
        let timer = setTimeout(() => controller.abort(stalled()), this.timeoutMs);
        let response;
        try {
            response = await this.request(ref, 'GET', `/v2/${ref.repository}/blobs/${digest}`, {}, 'pull', {
                signal: controller.signal,
            });
        }
        finally {
            clearTimeout(timer);
        }
        if (!response.body)
            throw new errors/* OperationError */.OK(`The registry sent no body for blob ${digest}`);
        const body = external_node_stream_.Readable.fromWeb(response.body);
        const check = verifying(digest, `Blob ${digest} of ${formatReference(ref)}`);
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                // A slow reader (backpressure) is not a stalled registry.
                if (check.writableNeedDrain)
                    return arm();
                controller.abort(stalled());
                check.destroy(new errors/* OperationError */.OK(`Registry ${this.registry} stopped sending blob ${digest} of ${formatReference(ref)}: ${stalled().message}`));
            }, this.timeoutMs);
        };
        arm();
        body.on('data', arm);
        check.on('close', () => clearTimeout(timer));
        body.on('error', (error) => check.destroy(error));
        return body.pipe(check);
    }
    /** Uploads a blob (monolithic POST + PUT), skipped when the registry already has it. Returns its digest. */
    async pushBlob(ref, data) {
        const digest = digestOf(data);
        const head = await this.request(ref, 'HEAD', `/v2/${ref.repository}/blobs/${digest}`, {}, 'push', {
            allow404: true,
        });
        if (head.status === 200)
            return digest;
        const start = await this.request(ref, 'POST', `/v2/${ref.repository}/blobs/uploads/`, {}, 'push');
        const location = start.headers.get('location');
        if (!location)
            throw new errors/* OperationError */.OK(`${this.registry} started an upload without a Location`);
        const url = new URL(location, this.base);
        url.searchParams.set('digest', digest);
        await this.request(ref, 'PUT', url.toString(), { 'Content-Type': 'application/octet-stream' }, 'push', { data });
        return digest;
    }
    /** Puts a manifest under a tag or its digest. Returns its digest. */
    async pushManifest(ref, reference, body, mediaType) {
        const digest = digestOf(body);
        await this.request(ref, 'PUT', `/v2/${ref.repository}/manifests/${reference}`, { 'Content-Type': mediaType }, 'push', { data: body });
        return digest;
    }
    async request(ref, method, path, headers, action, options = {}) {
        const scope = `repository:${ref.repository}:${action === 'push' ? 'pull,push' : 'pull'}`;
        const url = path.startsWith('http') ? path : `${this.base}${path}`;
        const send = async () => {
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
            }
            catch (error) {
                if (error.name === 'TimeoutError')
                    throw new errors/* OperationError */.OK(`Registry ${this.registry} did not answer ${method} ${formatReference(ref)} within ${this.timeoutMs / 1000} s (${this.base})`, { cause: error });
                const cause = error.cause;
                throw new errors/* ConfigurationError */.j1(`Registry ${this.registry} is unreachable for ${formatReference(ref)} (${this.base}): ${cause?.code ?? cause?.message ?? error.message}`, { cause: error });
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
        if (response.ok || (options.allow404 && response.status === 404))
            return response;
        const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
        const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(text)?.[1];
        const what = `${formatReference(ref)}${path.includes('/blobs/') ? ` (blob ${path.split('/blobs/')[1]})` : ''}`;
        if (response.status === 401 || response.status === 403) {
            throw new errors/* ConfigurationError */.j1(this.credentials
                ? `Registry ${this.registry} rejected the credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): check the user name and password or token, and its ${action} permission`
                : `Registry ${this.registry} needs credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): run docker login ${this.registry} (auths in ~/.docker/config.json) or ${this.credentialsHint}`);
        }
        if (response.status === 404) {
            throw new errors/* ConfigurationError */.j1(`${what} was not found in registry ${this.registry} (HTTP 404${code ? ` ${code}` : ''})`);
        }
        throw new errors/* OperationError */.OK(`Registry ${this.registry} answered HTTP ${response.status}${code ? ` ${code}` : ''} for ${method} ${what}`);
    }
    /** Answers a 401 challenge: Basic sends the credentials; Bearer trades them (or nothing) for a token. */
    async answer(ref, challenge, scope) {
        const basic = this.credentials
            ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
            : undefined;
        if (challenge.scheme === 'basic') {
            if (basic)
                this.authorization.set(scope, basic);
            return;
        }
        if (challenge.scheme !== 'bearer' || !challenge.params.realm)
            return;
        const url = new URL(challenge.params.realm);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', challenge.params.scope && !scope.endsWith(',push') ? challenge.params.scope : scope);
        let response;
        try {
            response = await fetch(url, {
                headers: basic ? { Authorization: basic } : {},
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} of registry ${this.registry} is unreachable for ${formatReference(ref)}: ${error.message}`);
        }
        if (!response.ok) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} refused ${formatReference(ref)} (HTTP ${response.status})${this.credentials ? ': the credentials were rejected' : ': credentials are needed (docker login)'}`);
        }
        // A proxy's or captive portal's HTML page instead of the token JSON is "no token", said as such.
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new errors/* OperationError */.OK(`Token service ${url.origin} of registry ${this.registry} returned no token`);
        (0,secrets/* registerSecret */.cl)(token);
        this.authorization.set(scope, `Bearer ${token}`);
    }
}

;// CONCATENATED MODULE: ./shared/oci/index.ts



;// CONCATENATED MODULE: ./actions/sign/src/images/cosign.ts



/**
 * Container images signed in cosign's format (sigstore/cosign specs/SIGNATURE_SPEC.md), so
 * `cosign verify --key` accepts them: the signature of image `sha256:<hex>` lives in the same
 * repository under the tag `sha256-<hex>.sig`, an OCI manifest whose layers are simple-signing
 * payloads naming the digest (`critical.image.docker-manifest-digest`), each carrying its base64
 * signature in the `dev.cosignproject.cosign/signature` annotation. Attestations go under
 * `sha256-<hex>.att` as DSSE envelope layers with a `predicateType` annotation. New layers are
 * appended to an existing manifest, as cosign does, so several signers can sign one image.
 */
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
/** An image reference of input `images`; cosign's tags and in-toto subjects need a sha256 digest. */
function parseImageRef(text) {
    let ref;
    try {
        ref = parseReference(text);
    }
    catch (error) {
        if (!(error instanceof shared/* ConfigurationError */.j1))
            throw error;
        throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: ${error.message}`, { input: names/* Inputs */.G.images });
    }
    if (ref.digest && !/^sha256:[0-9a-f]{64}$/.test(ref.digest)) {
        throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: "${ref.original}" is not an image reference (the digest must be sha256:<64 hex>)`, { input: names/* Inputs */.G.images });
    }
    return ref;
}
async function resolveImage(text, username, password) {
    const ref = parseImageRef(text);
    // registry-username/password, else ~/.docker/config.json (DOCKER_CONFIG) `auths` for the registry.
    const registry = new RegistryClient(ref.registry, {
        credentials: username || password ? { username, password } : undefined,
        credentialsHint: `set ${names/* Inputs */.G.registryUsername}/${names/* Inputs */.G.registryPassword}`,
    });
    const name = `${ref.registry}/${ref.repository}`;
    let tagDigest;
    if (ref.tag) {
        const tagged = await registry.findRaw({ ...ref, digest: undefined });
        if (!tagged && !ref.digest) {
            throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: ${text}: no tag ${ref.tag} in ${name}`, {
                input: names/* Inputs */.G.images,
            });
        }
        tagDigest = tagged?.digest;
    }
    if (ref.digest && !(await registry.findRaw(ref))) {
        throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: ${text}: no manifest ${ref.digest} in ${name}`, {
            input: names/* Inputs */.G.images,
        });
    }
    return { ref, registry, name, digest: ref.digest ?? tagDigest, tagDigest };
}
function simpleSigningPayload(image) {
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': image.name },
            image: { 'docker-manifest-digest': image.digest },
            type: 'cosign container image signature',
        },
        optional: null,
    }));
}
const signatureTag = (digest) => `${digest.replace(':', '-')}.sig`;
const attestationTag = (digest) => `${digest.replace(':', '-')}.att`;
/** Adds a layer to the manifest under `tag` (creating it), unless an identical layer is there. */
async function appendLayer(image, tag, bytes, mediaType, annotations) {
    const at = { ...image.ref, tag, digest: undefined };
    const layers = (await layersOf(image, tag)) ?? [];
    const digest = await image.registry.pushBlob(at, bytes);
    const same = (l) => l.digest === digest && JSON.stringify(l.annotations ?? {}) === JSON.stringify(annotations);
    if (!layers.some(same))
        layers.push({ mediaType, size: bytes.length, digest, annotations });
    const config = Buffer.from(JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        history: [{ created: '0001-01-01T00:00:00Z' }],
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    }));
    const configDigest = await image.registry.pushBlob(at, config);
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
        layers,
    };
    await image.registry.pushManifest(at, tag, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);
    return formatReference({ ...at, registry: image.ref.registry });
}
/** Layers of the manifest under `tag` in the image's repository, or undefined when there is none. */
async function layersOf(image, tag) {
    const m = await image.registry.findRaw({ ...image.ref, tag, digest: undefined });
    if (!m)
        return undefined;
    return m.json.layers ?? [];
}
/**
 * Why the image's signature does not hold, or undefined when one layer of its `.sig` manifest names
 * this digest and `check` accepts it (the reason `check` gives otherwise). A tag that moved since
 * signing is its own reason.
 */
async function checkImageSignature(image, check) {
    if (image.ref.digest && image.tagDigest && image.tagDigest !== image.ref.digest) {
        return `tag ${image.ref.tag} now points at ${image.tagDigest}, not the signed ${image.ref.digest}`;
    }
    const tag = signatureTag(image.digest);
    const layers = await layersOf(image, tag);
    if (!layers)
        return `no cosign signature for ${image.digest} (${image.name}:${tag} does not exist)`;
    let reason = `${image.name}:${tag} holds no simple-signing layer`;
    for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
        const payload = await image.registry.fetchBlob(image.ref, layer.digest);
        let claimed;
        try {
            claimed = JSON.parse(payload.toString('utf8'))?.critical?.image?.['docker-manifest-digest'];
        }
        catch {
            reason = `a layer of ${tag} is not a simple-signing payload`;
            continue;
        }
        if (claimed !== image.digest) {
            reason = `the signature payload names ${claimed}, not ${image.digest}`;
            continue;
        }
        const problem = await check(payload, layer.annotations ?? {});
        if (!problem)
            return undefined;
        reason = problem;
    }
    return reason;
}

// EXTERNAL MODULE: ./actions/sign/src/methods/output.ts
var output = __webpack_require__(60337);
;// CONCATENATED MODULE: ./actions/sign/src/images/keyless.ts



/**
 * Keyless image signatures in cosign's layout (sigstore/cosign pkg/oci/static: signature.go names
 * the annotations, options.go fills them; pkg/cosign/bundle rekor.go and tsa.go are the JSON): the
 * layer carries the Fulcio certificate, the rest of its chain, and Rekor's answer as cosign's
 * "bundle" (the signed entry timestamp and what it signs), so `cosign verify --certificate-identity`
 * checks it offline. Here that is converted from and back to a Sigstore bundle, so signing and
 * verification are @sigstore/sign's and @sigstore/verify's, as for files.
 */
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
const TIMESTAMP_ANNOTATION = 'dev.sigstore.cosign/rfc3161timestamp';
/**
 * The annotations cosign writes for a keyless signature, from a Sigstore bundle made by the keyless
 * signer. `timestamp` false leaves out the bundle's RFC 3161 token (cosign v2 timestamps an
 * attestation's whole envelope, a Sigstore bundle's token is over its signature).
 */
function cosignAnnotations(bundle, chain, timestamp = true) {
    const material = bundle.verificationMaterial;
    const der = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
    const entry = material.tlogEntries[0];
    if (!der || !entry?.inclusionPromise) {
        throw new Error('the keyless signature has no certificate or no Rekor signed entry timestamp');
    }
    const rekor = {
        SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
        Payload: {
            body: entry.canonicalizedBody,
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
        },
    };
    const annotations = {
        [SIGNATURE_ANNOTATION]: bundle.messageSignature?.signature ?? '',
        [CERTIFICATE_ANNOTATION]: new external_node_crypto_.X509Certificate(Buffer.from(der, 'base64')).toString(),
        [CHAIN_ANNOTATION]: chain.map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join(''),
        [BUNDLE_ANNOTATION]: JSON.stringify(rekor),
    };
    const token = material.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
    if (timestamp && token)
        annotations[TIMESTAMP_ANNOTATION] = JSON.stringify({ SignedRFC3161Timestamp: token });
    return annotations;
}
/** The DSSE envelope of a keyless attestation bundle, as the `.att` layer holds it. */
function envelopeOf(bundle) {
    if (!bundle.dsseEnvelope)
        throw new Error('the keyless attestation has no DSSE envelope');
    return bundle.dsseEnvelope;
}
/**
 * A Sigstore bundle v0.1 (the version whose tlog entries carry only a signed entry timestamp, as
 * cosign's annotation does) from a layer's annotations and content: the simple-signing payload with
 * the signature annotation, or the DSSE envelope. A string says why the layer cannot be one.
 */
function bundleFromAnnotations(annotations, content) {
    const certPem = annotations[CERTIFICATE_ANNOTATION];
    if (!certPem)
        return `no certificate (${CERTIFICATE_ANNOTATION}): not a keyless signature`;
    let certificate;
    try {
        certificate = new external_node_crypto_.X509Certificate(certPem);
    }
    catch (error) {
        return `the ${CERTIFICATE_ANNOTATION} annotation is not a PEM certificate (${error.message})`;
    }
    const text = annotations[BUNDLE_ANNOTATION];
    if (!text)
        return `no Rekor bundle (${BUNDLE_ANNOTATION})`;
    let rekor;
    let body;
    try {
        rekor = JSON.parse(text);
        body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8'));
    }
    catch (error) {
        return `the ${BUNDLE_ANNOTATION} annotation is not cosign's Rekor bundle (${error.message})`;
    }
    if (!rekor.SignedEntryTimestamp || typeof rekor.Payload.logID !== 'string') {
        return `the ${BUNDLE_ANNOTATION} annotation has no signed entry timestamp or log ID`;
    }
    // cosign checks that Rekor logged this certificate, not only this signature.
    if (!bodyKeys(body).some((pem) => samePem(pem, certificate))) {
        return 'the Rekor entry names another certificate than the layer';
    }
    const tlogEntry = {
        logIndex: String(rekor.Payload.logIndex),
        logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
        kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
        integratedTime: String(rekor.Payload.integratedTime),
        inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
        inclusionProof: undefined,
        canonicalizedBody: rekor.Payload.body,
    };
    // A signature's token is over its signature bytes, which @sigstore/verify checks; an attestation's
    // (cosign v2) is over the whole envelope, checked by the caller with `layerTimestamp`.
    const token = 'messageSignature' in content ? layerTimestamp(annotations) : undefined;
    if (typeof token === 'string')
        return token;
    const timestamps = token ? [{ signedTimestamp: token.toString('base64') }] : [];
    const verificationMaterial = {
        x509CertificateChain: { certificates: [{ rawBytes: certificate.raw.toString('base64') }] },
        tlogEntries: [tlogEntry],
        timestampVerificationData: { rfc3161Timestamps: timestamps },
    };
    const mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
    if ('dsseEnvelope' in content) {
        return { mediaType, verificationMaterial, dsseEnvelope: content.dsseEnvelope };
    }
    return {
        mediaType,
        verificationMaterial,
        messageSignature: {
            messageDigest: {
                algorithm: 'SHA2_256',
                digest: (0,external_node_crypto_.createHash)('sha256').update(content.messageSignature).digest('base64'),
            },
            signature: annotations[SIGNATURE_ANNOTATION] ?? '',
        },
    };
}
/** The layer's RFC 3161 token (a DER TimeStampResp), undefined without one, or why the annotation is not one. */
function layerTimestamp(annotations) {
    const text = annotations[TIMESTAMP_ANNOTATION];
    if (!text)
        return undefined;
    try {
        const token = JSON.parse(text).SignedRFC3161Timestamp;
        if (typeof token !== 'string' || !token)
            throw new Error('no SignedRFC3161Timestamp');
        return Buffer.from(token, 'base64');
    }
    catch (error) {
        return `the ${TIMESTAMP_ANNOTATION} annotation is not an RFC 3161 timestamp (${error.message})`;
    }
}
/** The certificates (PEM) a Rekor v1 entry body names as the signer: hashedrekord, dsse or intoto. */
function bodyKeys(body) {
    const spec = (body.spec ?? {});
    const encoded = body.kind === 'hashedrekord'
        ? [spec.signature?.publicKey?.content]
        : body.kind === 'dsse'
            ? (spec.signatures ?? []).map((s) => s.verifier)
            : body.kind === 'intoto'
                ? (spec.content?.envelope?.signatures ?? []).map((s) => s.publicKey)
                : [];
    return encoded
        .filter((e) => typeof e === 'string')
        .map((e) => Buffer.from(e, 'base64').toString('utf8'));
}
function samePem(pem, certificate) {
    try {
        return (0,output/* pemToDer */.BL)(pem).equals(certificate.raw);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./actions/sign/src/images/index.ts















/**
 * Signs (and attests) each image of input `images` in cosign's registry format. Every signature is
 * made (and, keyless, logged in Rekor) before the first push, so a refused certificate or log entry
 * writes nothing; a registry that fails a push leaves that tag as it was (its manifest is put last)
 * and the error names the image.
 */
async function signImages(options) {
    const started = new Date();
    const provenance = options.provenance ? (0,attest_provenance/* provenancePredicate */.LS)(process.env, started) : undefined;
    const builderId = provenance
        ? provenance.runDetails.builder.id
        : 'https://github.com/paved/sign';
    const sbom = options.sbom ? await (0,attest_sbom/* sbomPredicate */.RC)(options.sbom, options.workspace, builderId) : undefined;
    const images = await (0,shared/* group */.Os)(`Resolving ${options.images.length} image(s)`, () => resolveAll(options));
    const signer = await (0,methods/* createSigner */.r)(options);
    const signPayload = payloadSigner(signer);
    const plans = [];
    await (0,shared/* group */.Os)(`Signing ${images.length} image(s) as ${signer.identity}`, async () => {
        for (const image of images) {
            try {
                const payload = simpleSigningPayload(image);
                const layers = [
                    {
                        tag: signatureTag(image.digest),
                        bytes: payload,
                        mediaType: SIMPLE_SIGNING,
                        annotations: await signPayload(payload),
                        what: 'signature',
                    },
                ];
                const subject = [{ name: image.name, digest: { sha256: image.digest.slice('sha256:'.length) } }];
                for (const [type, predicate] of [
                    ...(provenance ? [[attest_provenance/* PROVENANCE_TYPE */.Ti, provenance]] : []),
                    ...(sbom ? [[sbom.predicateType, sbom.predicate]] : []),
                ]) {
                    const signed = await attestationLayer(signer, Buffer.from(JSON.stringify((0,intoto/* statement */.qZ)(subject, type, predicate))));
                    layers.push({
                        tag: attestationTag(image.digest),
                        bytes: signed.bytes,
                        mediaType: DSSE_LAYER,
                        // As cosign's static.NewAttestation: the signature is inside the envelope, the annotation empty.
                        annotations: { predicateType: type, [SIGNATURE_ANNOTATION]: '', ...signed.annotations },
                        what: `attestation ${type}`,
                    });
                }
                plans.push({ image, layers });
            }
            catch (error) {
                throw naming(image, 'was not signed', error);
            }
        }
    });
    const signed = {};
    const rows = [];
    await (0,shared/* group */.Os)(`Writing ${images.length} image signature(s) to the registry`, async () => {
        for (const { image, layers } of plans) {
            const written = [];
            for (const layer of layers)
                written.push(await pushLayer(image, layer));
            actions_core/* info */.pq(`${image.ref.original}  ${image.digest}  → ${written[0]}`);
            for (const [i, layer] of layers.entries())
                if (i > 0)
                    actions_core/* info */.pq(`  ${layer.what} → ${written[i]}`);
            signed[image.ref.original] = image.digest;
            rows.push({ image: image.ref.original, digest: image.digest, where: written[0] ?? '' });
        }
    });
    actions_core/* setOutput */.uH(names/* Outputs */.t.images, JSON.stringify(signed));
    (0,summary/* imagesSummary */.lg)('sign', signer.identity, rows).write();
}
/** The annotations of a simple-signing layer: the key's signature, or keyless also certificate, chain and Rekor bundle. */
function payloadSigner(signer) {
    // Bound, so the narrowing holds in the closures and a signer whose method uses `this` still works.
    const bundle = signer.signPayloadBundle?.bind(signer);
    if (bundle)
        return async (payload) => cosignAnnotations(await bundle(payload), signer.certificateChain ?? []);
    const sign = signer.signPayload?.bind(signer);
    if (sign)
        return async (payload) => ({ [SIGNATURE_ANNOTATION]: (await sign(payload)).toString('base64') });
    throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: images are signed with method key or keyless (cosign's format)`, { input: names/* Inputs */.G.method });
}
/** An `.att` layer: the DSSE envelope, keyless with the certificate and Rekor bundle as annotations. */
async function attestationLayer(signer, statementBytes) {
    const signed = await signer.attest(intoto/* PAYLOAD_TYPE */.Uc, statementBytes);
    if (signer.method !== 'keyless')
        return { bytes: Buffer.from(signed), annotations: {} };
    // The keyless signer returns a Sigstore bundle; the layer is its envelope, as cosign attest writes it.
    const bundle = JSON.parse(signed);
    const bytes = Buffer.from(JSON.stringify(envelopeOf(bundle)));
    const annotations = cosignAnnotations(bundle, signer.certificateChain ?? [], false);
    // cosign v2 attest sends the whole envelope to the TSA (the token in the Sigstore bundle is over its signature).
    if (signer.timestamp) {
        const token = await signer.timestamp(bytes);
        annotations[TIMESTAMP_ANNOTATION] = JSON.stringify({ SignedRFC3161Timestamp: token.toString('base64') });
    }
    return { bytes, annotations };
}
async function pushLayer(image, layer) {
    try {
        return await appendLayer(image, layer.tag, layer.bytes, layer.mediaType, layer.annotations);
    }
    catch (error) {
        throw naming(image, `: the ${layer.what} was not written to ${image.name}:${layer.tag}`, error);
    }
}
/** The error, of the same kind, with the image's reference and what did not happen in front. */
function naming(image, what, error) {
    const message = `${image.ref.original}${what.startsWith(':') ? what : ` ${what}`}: ${(0,shared/* errorMessage */.gJ)(error)}`;
    return error instanceof shared/* ConfigurationError */.j1
        ? new shared/* ConfigurationError */.j1(message, { cause: error })
        : new shared/* OperationError */.OK(message, { cause: error });
}
/** How each layer is checked: with public-key (method key), or keyless with the trusted root and the expected identity. */
async function imageVerifier(options) {
    if (options.method === 'key') {
        const { kind, key } = (0,keys/* loadPublicKey */.fg)(options.publicKey, names/* Inputs */.G.publicKey);
        const { envelope } = await (0,verify.createVerifier)(options);
        return {
            trust: `${kind} public key`,
            signature: async (payload, annotations, where) => {
                const signature = Buffer.from(annotations[SIGNATURE_ANNOTATION] ?? '', 'base64');
                if (signature.length > 0 && (await (0,keys/* verifyBytes */.RV)(kind, key, payload, signature)))
                    return undefined;
                return `no signature in ${where} verifies with the public key`;
            },
            envelope: (text) => envelope(text),
        };
    }
    if (options.method === 'keyless') {
        const verifier = await (await __webpack_require__.e(/* import() */ 487).then(__webpack_require__.bind(__webpack_require__, 17487))).keylessVerifier(options, inputs/* toMatcher */.WV);
        return {
            trust: verifier.trust,
            signature: async (payload, annotations, where) => {
                const bundle = bundleFromAnnotations(annotations, { messageSignature: payload });
                if (typeof bundle === 'string')
                    return `${where}: ${bundle}`;
                const result = await verifier.message(bundle, payload);
                return 'reason' in result ? `${where}: ${result.reason}` : undefined;
            },
            envelope: async (text, annotations) => {
                let dsseEnvelope;
                try {
                    dsseEnvelope = JSON.parse(text);
                }
                catch {
                    return { reason: 'the layer is not a DSSE envelope (JSON)' };
                }
                const bundle = bundleFromAnnotations(annotations, { dsseEnvelope });
                if (typeof bundle === 'string')
                    return { reason: bundle };
                const result = await verifier.envelope(JSON.stringify(bundle));
                const token = layerTimestamp(annotations);
                if ('reason' in result || token === undefined)
                    return result;
                if (typeof token === 'string')
                    return { reason: token };
                const anchors = verifier.timestampAnchors;
                const stamped = await (0,timestamp/* checkTimestamp */.Ro)(token, Buffer.from(text), anchors, anchors);
                if (typeof stamped === 'string')
                    return { reason: `RFC 3161 timestamp: ${stamped}` };
                const certificate = new external_node_crypto_.X509Certificate(annotations[CERTIFICATE_ANNOTATION] ?? '');
                if (stamped.genTime < new Date(certificate.validFrom) || stamped.genTime > new Date(certificate.validTo)) {
                    return {
                        reason: `RFC 3161 timestamp: ${stamped.genTime.toISOString()} is outside the certificate's validity (${certificate.validFrom} to ${certificate.validTo})`,
                    };
                }
                return result;
            },
        };
    }
    throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: images are verified with method key or keyless (cosign's format)`, { input: names/* Inputs */.G.method });
}
/** Checks each image's cosign signature (and attestations, when there are any). */
async function verifyImages(options) {
    const verifier = await imageVerifier(options);
    const images = await resolveAll(options);
    const failed = [];
    const verified = {};
    const rows = [];
    await (0,shared/* group */.Os)(`Verifying ${images.length} image(s)`, async () => {
        for (const image of images) {
            const where = `${image.name}:${signatureTag(image.digest)}`;
            let reason = await checkImageSignature(image, (payload, annotations) => verifier.signature(payload, annotations, where));
            if (!reason)
                reason = await checkImageAttestations(image, verifier.envelope);
            actions_core/* info */.pq(`${reason ? 'FAILED' : 'OK    '} ${image.ref.original}  ${image.digest}${reason ? `: ${reason}` : ''}`);
            rows.push({ image: image.ref.original, digest: image.digest, reason });
            if (reason)
                failed.push({ image: image.ref.original, reason });
            else
                verified[image.ref.original] = image.digest;
        }
    });
    actions_core/* setOutput */.uH(names/* Outputs */.t.images, JSON.stringify(verified));
    (0,summary/* imagesSummary */.lg)('verify', verifier.trust, rows).write();
    return failed;
}
async function resolveAll(options) {
    const out = [];
    for (const text of options.images) {
        out.push(await resolveImage(text, options.registryUsername, options.registryPassword));
    }
    return out;
}
/** Every DSSE layer under `.att` must verify and name this digest as a subject. */
async function checkImageAttestations(image, envelope) {
    const layers = await layersOf(image, attestationTag(image.digest));
    for (const layer of (layers ?? []).filter((l) => l.mediaType === DSSE_LAYER)) {
        const text = (await image.registry.fetchBlob(image.ref, layer.digest)).toString('utf8');
        const result = await envelope(text, layer.annotations ?? {});
        if ('reason' in result && result.reason)
            return `attestation ${layer.annotations?.predicateType ?? ''}: ${result.reason}`;
        const payload = result.payload;
        const subjects = (JSON.parse(payload.toString('utf8')).subject ?? []);
        if (!subjects.some((s) => `sha256:${s.digest?.sha256}` === image.digest)) {
            return `attestation ${layer.annotations?.predicateType ?? ''} is about another image`;
        }
    }
    return undefined;
}
function imageFailure(failed, total) {
    const first = failed[0];
    return new shared/* OperationError */.OK(`${failed.length} of ${total} image(s) failed verification; ${first.image}: ${first.reason}`);
}


/***/ }),

/***/ 31354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkAttestation: () => (/* binding */ checkAttestation),
/* harmony export */   findAttestations: () => (/* binding */ findAttestations),
/* harmony export */   parseEnvelope: () => (/* binding */ parseEnvelope)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _attest_intoto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59994);



/** Every `*.intoto.jsonl` in the directories where signatures are looked up, sorted. */
async function findAttestations(dirs) {
    const found = new Set();
    for (const dir of new Set(dirs)) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const e of entries)
            if (e.isFile() && e.name.endsWith('.intoto.jsonl'))
                found.add((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, e.name));
    }
    return [...found].sort();
}
/**
 * Verifies every envelope of one attestation file, parses its in-toto Statement v1 and checks the
 * subjects against the files being verified: a subject naming one of them (by path, or by file name
 * when the files moved) must carry that file's sha256, and each statement must cover at least one of
 * them, so a statement about other artifacts cannot vouch for these.
 */
async function checkAttestation(path, verifyEnvelope, files) {
    const predicateTypes = [];
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        return { path, predicateTypes, reason: `cannot read it (${error.message})` };
    }
    const lines = text
        .split('\n')
        .map((line, i) => ({ line, number: i + 1 }))
        .filter((l) => l.line.trim() !== '');
    if (lines.length === 0)
        return { path, predicateTypes, reason: 'holds no attestation' };
    const signers = new Set();
    for (const { line, number } of lines) {
        const where = lines.length > 1 ? `line ${number}: ` : '';
        const checked = await verifyEnvelope(line);
        if ('reason' in checked)
            return { path, predicateTypes, reason: `${where}${checked.reason}` };
        if (checked.signer)
            signers.add(checked.signer);
        if (checked.payloadType !== _attest_intoto__WEBPACK_IMPORTED_MODULE_2__/* .PAYLOAD_TYPE */ .Uc) {
            return { path, predicateTypes, reason: `${where}payload type ${checked.payloadType} is not ${_attest_intoto__WEBPACK_IMPORTED_MODULE_2__/* .PAYLOAD_TYPE */ .Uc}` };
        }
        let statement;
        try {
            statement = JSON.parse(checked.payload.toString('utf8'));
        }
        catch (error) {
            return { path, predicateTypes, reason: `${where}payload is not JSON (${error.message})` };
        }
        if (statement?._type !== _attest_intoto__WEBPACK_IMPORTED_MODULE_2__/* .STATEMENT_TYPE */ .zG) {
            return { path, predicateTypes, reason: `${where}_type ${String(statement?._type)} is not ${_attest_intoto__WEBPACK_IMPORTED_MODULE_2__/* .STATEMENT_TYPE */ .zG}` };
        }
        if (typeof statement.predicateType !== 'string') {
            return { path, predicateTypes, reason: `${where}statement has no predicateType` };
        }
        predicateTypes.push(statement.predicateType);
        const subjects = Array.isArray(statement.subject) ? statement.subject : [];
        if (subjects.length === 0)
            return { path, predicateTypes, reason: `${where}statement has no subject` };
        let covered = 0;
        for (const file of files) {
            const byDigest = subjects.some((s) => s.digest?.sha256 === file.sha256);
            const named = subjects.filter((s) => typeof s.name === 'string' && (s.name === file.display || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(s.name) === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file.display)));
            if (byDigest) {
                covered++;
                continue;
            }
            const other = named[0];
            if (other) {
                return {
                    path,
                    predicateTypes,
                    reason: `${where}${file.display} has sha256 ${file.sha256}, but the ${statement.predicateType} statement records ${String(other.digest?.sha256)} for ${String(other.name)} (file modified after attesting?)`,
                };
            }
        }
        if (covered === 0) {
            const names = subjects.map((s) => String(s.name)).slice(0, 5);
            return {
                path,
                predicateTypes,
                reason: `${where}none of the files verified matches a subject of the ${statement.predicateType} statement (${names.join(', ')}${subjects.length > 5 ? ', …' : ''})`,
            };
        }
    }
    return { path, predicateTypes, signer: [...signers].join('; ') || undefined };
}
/** Parses a plain DSSE envelope line and returns the bytes to check: PAE input and each signature. */
function parseEnvelope(line) {
    let parsed;
    try {
        parsed = JSON.parse(line);
    }
    catch (error) {
        return { reason: `not a JSON DSSE envelope (${error.message})` };
    }
    if (typeof parsed?.payloadType !== 'string' || typeof parsed.payload !== 'string') {
        return { reason: 'not a DSSE envelope (payloadType and payload expected)' };
    }
    const signatures = (Array.isArray(parsed.signatures) ? parsed.signatures : [])
        .filter((s) => typeof s?.sig === 'string')
        .map((s) => ({ keyid: typeof s.keyid === 'string' ? s.keyid : '', sig: Buffer.from(s.sig, 'base64') }));
    if (signatures.length === 0)
        return { reason: 'the DSSE envelope has no signature' };
    return { payloadType: parsed.payloadType, payload: Buffer.from(parsed.payload, 'base64'), signatures };
}


/***/ }),

/***/ 39233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createVerifier: () => (/* binding */ createVerifier)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4332);
/* harmony import */ var _attest_dsse__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(48688);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45806);
/* harmony import */ var _methods_keys__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31504);
/* harmony import */ var _methods_output__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(60337);
/* harmony import */ var _methods_purpose__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(13676);
/* harmony import */ var _methods_timestamp__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(29454);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(79679);
/* harmony import */ var _attestations__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(31354);
/* harmony import */ var _cms__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(13560);













async function readOrReason(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path);
    }
    catch {
        return `no signature at ${path}`;
    }
}
async function readIfPresent(path) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path).catch(() => undefined);
}
async function createVerifier(options) {
    switch (options.method) {
        case 'key':
            return keyVerifier(options);
        case 'x509':
            return x509Verifier(options);
        case 'openpgp':
            return openpgpVerifier(options);
        case 'keyless':
            return (await __webpack_require__.e(/* import() */ 487).then(__webpack_require__.bind(__webpack_require__, 17487))).keylessVerifier(options, _inputs__WEBPACK_IMPORTED_MODULE_4__/* .toMatcher */ .WV);
    }
}
function keyVerifier(options) {
    const { kind, key } = (0,_methods_keys__WEBPACK_IMPORTED_MODULE_5__/* .loadPublicKey */ .fg)(options.publicKey, _names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.publicKey);
    const hint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(key.export({ format: 'der', type: 'spki' }))
        .digest('base64');
    const tsaRoots = (0,_methods_timestamp__WEBPACK_IMPORTED_MODULE_8__/* .tsaAnchors */ .r4)(options.tsaCertificate);
    const mismatch = 'signature does not match the file and public key (file modified, or signed with another key)';
    return {
        trust: `${kind} public key`,
        verify: async (request) => {
            const sigPath = request.outputFor('.sig');
            const bundlePath = request.outputFor('.sigstore.json');
            const [text, bundleText] = await Promise.all([readIfPresent(sigPath), readIfPresent(bundlePath)]);
            if (!text && !bundleText)
                return { reason: `no signature at ${sigPath} or ${bundlePath}`, signature: sigPath };
            if (text) {
                const signature = Buffer.from(text.toString('utf8').trim(), 'base64');
                if (signature.length === 0)
                    return { reason: `${sigPath} is empty or not base64`, signature: sigPath };
                if (!(await (0,_methods_keys__WEBPACK_IMPORTED_MODULE_5__/* .verifyFile */ .AI)(kind, key, request.file, request.digest, signature)))
                    return { reason: mismatch, signature: sigPath };
            }
            if (bundleText) {
                const problem = await checkKeyBundle(bundleText, kind, key, hint, request, tsaRoots);
                if (problem)
                    return { reason: `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(bundlePath)}: ${problem}`, signature: bundlePath };
            }
            return { signature: text ? sigPath : bundlePath };
        },
        envelope: async (line) => {
            const parsed = (0,_attestations__WEBPACK_IMPORTED_MODULE_10__.parseEnvelope)(line);
            if ('reason' in parsed)
                return parsed;
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_12__/* .pae */ .Z)(parsed.payloadType, parsed.payload);
            for (const s of parsed.signatures) {
                if (await (0,_methods_keys__WEBPACK_IMPORTED_MODULE_5__/* .verifyBytes */ .RV)(kind, key, bytes, s.sig))
                    return { payloadType: parsed.payloadType, payload: parsed.payload };
            }
            return {
                reason: 'the DSSE signature does not verify with the public key (statement modified, or signed with another key)',
            };
        },
    };
}
/**
 * A key-signed Sigstore bundle v0.3 (what `cosign verify-blob --bundle --key` reads): the message
 * digest must be the file's sha256 and the signature must verify with the key over the file.
 */
async function checkKeyBundle(text, kind, key, hint, request, tsaRoots) {
    const { bundleFromJSON } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040));
    let bundle;
    try {
        bundle = bundleFromJSON(JSON.parse(text.toString('utf8')));
    }
    catch (error) {
        return `not a Sigstore bundle (${error.message})`;
    }
    if (bundle.content.$case !== 'messageSignature')
        return 'holds a DSSE attestation, not an artifact signature';
    const { messageDigest, signature } = bundle.content.messageSignature;
    if (messageDigest && messageDigest.algorithm !== 1 /* SHA2_256 */) {
        return `unsupported message digest algorithm ${messageDigest.algorithm}`;
    }
    if (messageDigest && !Buffer.from(messageDigest.digest).equals(request.digest.sha256)) {
        return 'the file does not match the digest in the bundle (modified after signing?)';
    }
    if (await (0,_methods_keys__WEBPACK_IMPORTED_MODULE_5__/* .verifyFile */ .AI)(kind, key, request.file, request.digest, Buffer.from(signature))) {
        // Each RFC 3161 timestamp must be over this signature (and chain to tsa-certificate when given).
        for (const t of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
            const ts = await (0,_methods_timestamp__WEBPACK_IMPORTED_MODULE_8__/* .checkTimestamp */ .Ro)(Buffer.from(t.signedTimestamp), Buffer.from(signature), tsaRoots);
            if (typeof ts === 'string')
                return ts;
        }
        return undefined;
    }
    const material = bundle.verificationMaterial.content;
    const named = material.$case === 'publicKey' ? material.publicKey.hint : '';
    return named && named !== hint
        ? `signed with another key (bundle key hint ${named}, given key ${hint})`
        : 'the bundle signature does not verify with the public key';
}
function x509Verifier(options) {
    const anchors = (0,_methods_output__WEBPACK_IMPORTED_MODULE_6__/* .splitPem */ .Z1)(options.caCertificate, 'CERTIFICATE').map((pem) => {
        try {
            return new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem);
        }
        catch (error) {
            throw new _shared__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.caCertificate} holds an unreadable certificate (${error.message})`, {
                input: _names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.caCertificate,
            });
        }
    });
    if (anchors.length === 0) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.caCertificate} holds no PEM certificate`, {
            input: _names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.caCertificate,
        });
    }
    const tsaRoots = (0,_methods_timestamp__WEBPACK_IMPORTED_MODULE_8__/* .tsaAnchors */ .r4)(options.tsaCertificate) ?? anchors;
    // DSSE envelopes name their signer by certificate fingerprint; the certificate itself travels in
    // the .p7s files, so an envelope is trusted only when a certificate that chains to the anchors signed it.
    const trusted = new Map();
    return {
        trust: anchors.map((a) => a.subject.replace(/\n/g, ', ')).join('; '),
        verify: async (request) => {
            const path = request.outputFor('.p7s');
            const der = await readOrReason(path);
            if (typeof der === 'string')
                return { reason: der, signature: path };
            const signatureProblem = await (0,_cms__WEBPACK_IMPORTED_MODULE_11__/* .verifyCmsSignature */ .T)(der, request.digest.sha256);
            const trustProblem = await (0,_cms__WEBPACK_IMPORTED_MODULE_11__/* .verifyCmsTrust */ .B)(der, anchors, tsaRoots).catch((e) => `not a CMS signature (${e.message})`);
            let purposeProblem;
            if (!trustProblem) {
                const { parseCms, fingerprint } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 25639));
                const signer = (await parseCms(der)).signer;
                purposeProblem = signer ? await (0,_methods_purpose__WEBPACK_IMPORTED_MODULE_7__/* .codeSigningProblem */ .iP)(signer) : 'the signer certificate is not in the CMS';
                if (signer && !purposeProblem && !signatureProblem)
                    trusted.set(fingerprint(signer), signer);
            }
            return { reason: signatureProblem ?? trustProblem ?? purposeProblem, signature: path };
        },
        envelope: async (line) => {
            const parsed = (0,_attestations__WEBPACK_IMPORTED_MODULE_10__.parseEnvelope)(line);
            if ('reason' in parsed)
                return parsed;
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_12__/* .pae */ .Z)(parsed.payloadType, parsed.payload);
            for (const s of parsed.signatures) {
                const candidates = trusted.has(s.keyid) ? [trusted.get(s.keyid)] : [...trusted.values()];
                for (const cert of candidates) {
                    const kind = cert.publicKey.asymmetricKeyType === 'rsa' ? 'rsa' : 'ecdsa-p256';
                    if (await (0,_methods_keys__WEBPACK_IMPORTED_MODULE_5__/* .verifyBytes */ .RV)(kind, cert.publicKey, bytes, s.sig)) {
                        return {
                            payloadType: parsed.payloadType,
                            payload: parsed.payload,
                            signer: cert.subject.replace(/\n/g, ', '),
                        };
                    }
                }
            }
            if (trusted.size === 0) {
                return {
                    reason: `signed by certificate sha256:${parsed.signatures[0]?.keyid ?? '?'}, but no .p7s verified here carries a certificate that chains to ${_names__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G.caCertificate}`,
                };
            }
            return {
                reason: 'the DSSE signature does not verify with the signing certificate (statement modified, or signed by another certificate)',
            };
        },
    };
}
async function openpgpVerifier(options) {
    const openpgp = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 13074));
    const { readPublicKey } = await __webpack_require__.e(/* import() */ 894).then(__webpack_require__.bind(__webpack_require__, 81513));
    const key = await readPublicKey(openpgp, options.openpgpPublicKey);
    return {
        trust: `${key.getUserIDs()[0] ?? ''} (${key.getFingerprint().toUpperCase()})`,
        verify: async (request) => {
            const path = request.outputFor('.asc');
            const text = await readOrReason(path);
            if (typeof text === 'string')
                return { reason: text, signature: path };
            let signature;
            try {
                signature = await openpgp.readSignature({ armoredSignature: text.toString('utf8') });
            }
            catch (error) {
                return { reason: `${path} is not an armored OpenPGP signature (${error.message})`, signature: path };
            }
            const data = request.digest.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(request.file));
            const result = await openpgp.verify({
                message: await openpgp.createMessage({ binary: data }),
                signature,
                verificationKeys: key,
            });
            try {
                await result.signatures[0]?.verified;
                if (!result.signatures[0])
                    return { reason: 'no signature packet', signature: path };
                return { signature: path };
            }
            catch (error) {
                return { reason: error.message, signature: path };
            }
        },
        envelope: async (line) => {
            const parsed = (0,_attestations__WEBPACK_IMPORTED_MODULE_10__.parseEnvelope)(line);
            if ('reason' in parsed)
                return parsed;
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_12__/* .pae */ .Z)(parsed.payloadType, parsed.payload);
            let reason = 'the DSSE envelope has no OpenPGP signature';
            for (const s of parsed.signatures) {
                try {
                    const result = await openpgp.verify({
                        message: await openpgp.createMessage({ binary: bytes }),
                        signature: await openpgp.readSignature({ binarySignature: s.sig }),
                        verificationKeys: key,
                    });
                    if (!result.signatures[0])
                        continue;
                    await result.signatures[0].verified;
                    return { payloadType: parsed.payloadType, payload: parsed.payload };
                }
                catch (error) {
                    reason = `the DSSE signature does not verify with the OpenPGP key: ${error.message}`;
                }
            }
            return { reason };
        },
    };
}


/***/ })

};
