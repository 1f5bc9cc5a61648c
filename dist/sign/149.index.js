export const id = 149;
export const ids = [149];
export const modules = {

/***/ 97149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  imageFailure: () => (/* binding */ imageFailure),
  signImages: () => (/* binding */ signImages),
  verifyImages: () => (/* binding */ verifyImages)
});

// EXTERNAL MODULE: ./shared/index.ts + 13 modules
var shared = __webpack_require__(71714);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(12813);
// EXTERNAL MODULE: ./actions/sign/src/attest/intoto.ts
var intoto = __webpack_require__(59994);
// EXTERNAL MODULE: ./actions/sign/src/attest/provenance.ts
var attest_provenance = __webpack_require__(22038);
// EXTERNAL MODULE: ./actions/sign/src/attest/sbom.ts
var attest_sbom = __webpack_require__(47144);
// EXTERNAL MODULE: ./actions/sign/src/methods/index.ts
var methods = __webpack_require__(33750);
// EXTERNAL MODULE: ./actions/sign/src/methods/keys.ts
var keys = __webpack_require__(31504);
// EXTERNAL MODULE: ./actions/sign/src/names.ts
var names = __webpack_require__(79679);
// EXTERNAL MODULE: ./actions/sign/src/summary.ts
var summary = __webpack_require__(5103);
// EXTERNAL MODULE: ./actions/sign/src/verify/index.ts
var verify = __webpack_require__(39233);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./actions/sign/src/images/registry.ts






const MANIFEST_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
];
/** `[host[:port]/]path[:tag][@sha256:hex]`, with Docker Hub's defaults for a bare name. */
function parseImageRef(text) {
    const bad = (why) => new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: "${text}" is not an image reference (${why})`, {
        input: names/* Inputs */.G.images,
    });
    let rest = text.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!/^sha256:[0-9a-f]{64}$/.test(digest))
            throw bad('the digest must be sha256:<64 hex>');
    }
    const parts = rest.split('/');
    let host = 'registry-1.docker.io';
    const first = parts[0] ?? '';
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        host = first;
        parts.shift();
    }
    else if (parts.length === 1) {
        parts.unshift('library');
    }
    let path = parts.join('/');
    let tag;
    const colon = path.lastIndexOf(':');
    if (colon >= 0) {
        tag = path.slice(colon + 1);
        path = path.slice(0, colon);
        if (!/^[\w][\w.-]{0,127}$/.test(tag))
            throw bad(`tag "${tag}"`);
    }
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) {
        throw bad(`repository "${path}"`);
    }
    if (!tag && !digest)
        tag = 'latest';
    if (host === 'docker.io' || host === 'index.docker.io')
        host = 'registry-1.docker.io';
    return { text: text.trim(), host, repository: path, tag, digest };
}
/** The name an image has in statements and logs: host/repository (docker.io for Docker Hub). */
function imageName(ref) {
    return `${ref.host === 'registry-1.docker.io' ? 'docker.io' : ref.host}/${ref.repository}`;
}
/** registry-username/password, else ~/.docker/config.json (DOCKER_CONFIG) `auths` for the host. */
function credentialsFor(host, username, password) {
    if (username || password)
        return { username, password };
    const dir = process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
    let config;
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
    const names = host === 'registry-1.docker.io'
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
        : [host, `https://${host}`, `http://${host}`];
    for (const name of names) {
        const entry = config.auths?.[name];
        if (!entry)
            continue;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const i = decoded.indexOf(':');
            const creds = { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
            (0,shared/* registerSecret */.cl)(creds.password);
            return creds;
        }
        if (entry.username && entry.password) {
            (0,shared/* registerSecret */.cl)(entry.password);
            return { username: entry.username, password: entry.password };
        }
    }
    return undefined;
}
class Registry {
    host;
    repository;
    credentials;
    token;
    base;
    constructor(host, repository, credentials) {
        this.host = host;
        this.repository = repository;
        this.credentials = credentials;
        // Plain HTTP only for a registry on this machine, as docker and skopeo allow.
        const local = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
        this.base = `${local ? 'http' : 'https'}://${host}/v2/${repository}`;
    }
    async fetch(url, init = {}, retried = false) {
        const headers = new Headers(init.headers);
        if (this.token)
            headers.set('Authorization', this.token);
        let response;
        try {
            response = await fetch(url, { ...init, headers, redirect: 'follow', signal: AbortSignal.timeout(120_000) });
        }
        catch (error) {
            throw new shared/* OperationError */.OK(`Registry ${this.host} did not answer: ${error.message}`);
        }
        if (response.status === 401 && !retried) {
            await response.arrayBuffer().catch(() => undefined);
            await this.authenticate(response.headers.get('www-authenticate') ?? '');
            return this.fetch(url, init, true);
        }
        if (response.status === 401 || response.status === 403) {
            throw new shared/* ConfigurationError */.j1(`Registry ${this.host} refused ${this.credentials ? `user ${this.credentials.username}` : 'anonymous access'} to ${this.repository} (HTTP ${response.status}); set ${names/* Inputs */.G.registryUsername}/${names/* Inputs */.G.registryPassword} or log in (~/.docker/config.json) with push rights`, { input: names/* Inputs */.G.registryUsername });
        }
        return response;
    }
    async authenticate(challenge) {
        const scheme = challenge.split(' ')[0]?.toLowerCase();
        const basic = this.credentials
            ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
            : undefined;
        if (scheme === 'basic') {
            this.token = basic;
            return;
        }
        if (scheme !== 'bearer')
            return;
        const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        if (!params.realm)
            return;
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', `repository:${this.repository}:pull,push`);
        const response = await fetch(url, { headers: basic ? { Authorization: basic } : {} });
        if (!response.ok) {
            throw new shared/* ConfigurationError */.j1(`Registry ${this.host} token service refused ${this.credentials ? `user ${this.credentials.username}` : 'anonymous access'} (HTTP ${response.status})`, { input: names/* Inputs */.G.registryUsername });
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        if (token) {
            (0,shared/* registerSecret */.cl)(token);
            this.token = `Bearer ${token}`;
        }
    }
    /** The manifest's digest and bytes, or undefined when there is none under that tag or digest. */
    async manifest(reference) {
        const response = await this.fetch(`${this.base}/manifests/${reference}`, {
            headers: { Accept: MANIFEST_TYPES.join(', ') },
        });
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw new shared/* OperationError */.OK(`Registry ${this.host}: GET manifest ${reference}: HTTP ${response.status}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
        return { digest, mediaType: response.headers.get('content-type') ?? '', bytes };
    }
    async blob(digest) {
        const response = await this.fetch(`${this.base}/blobs/${digest}`);
        if (!response.ok)
            throw new shared/* OperationError */.OK(`Registry ${this.host}: GET blob ${digest}: HTTP ${response.status}`);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (`sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}` !== digest) {
            throw new shared/* OperationError */.OK(`Registry ${this.host}: blob ${digest} does not match its digest`);
        }
        return bytes;
    }
    /** Monolithic upload (POST then PUT ?digest=), skipped when the registry has the blob. */
    async pushBlob(bytes) {
        const digest = `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
        const head = await this.fetch(`${this.base}/blobs/${digest}`, { method: 'HEAD' });
        if (head.ok)
            return digest;
        const start = await this.fetch(`${this.base}/blobs/uploads/`, { method: 'POST' });
        const location = start.headers.get('location');
        if (start.status !== 202 || !location) {
            throw new shared/* OperationError */.OK(`Registry ${this.host}: starting a blob upload: HTTP ${start.status}`);
        }
        const url = new URL(location, this.base);
        url.searchParams.set('digest', digest);
        const put = await this.fetch(url.toString(), {
            method: 'PUT',
            headers: { 'Content-Type': 'application/octet-stream' },
            body: bytes,
        });
        if (put.status !== 201)
            throw new shared/* OperationError */.OK(`Registry ${this.host}: uploading blob ${digest}: HTTP ${put.status}`);
        return digest;
    }
    async putManifest(tag, manifest, mediaType) {
        const bytes = Buffer.from(JSON.stringify(manifest));
        const response = await this.fetch(`${this.base}/manifests/${tag}`, {
            method: 'PUT',
            headers: { 'Content-Type': mediaType },
            body: bytes,
        });
        if (response.status !== 201) {
            throw new shared/* OperationError */.OK(`Registry ${this.host}: PUT manifest ${tag}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
        }
        return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
    }
}

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
async function resolveImage(text, username, password) {
    const ref = parseImageRef(text);
    const registry = new Registry(ref.host, ref.repository, credentialsFor(ref.host, username, password));
    const name = imageName(ref);
    let tagDigest;
    if (ref.tag) {
        const tagged = await registry.manifest(ref.tag);
        if (!tagged && !ref.digest) {
            throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: ${text}: no tag ${ref.tag} in ${name}`, {
                input: names/* Inputs */.G.images,
            });
        }
        tagDigest = tagged?.digest;
    }
    if (ref.digest && !(await registry.manifest(ref.digest))) {
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
async function appendLayer(registry, tag, bytes, mediaType, annotations) {
    const existing = await registry.manifest(tag);
    const layers = existing ? (JSON.parse(existing.bytes.toString('utf8')).layers ?? []) : [];
    const digest = await registry.pushBlob(bytes);
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
    const configDigest = await registry.pushBlob(config);
    await registry.putManifest(tag, {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
        layers,
    }, OCI_MANIFEST);
    return `${cosign_image(registry)}:${tag}`;
}
function cosign_image(registry) {
    return registry.base.replace(/^https?:\/\//, '').replace('/v2/', '/');
}
/** Layers of the manifest under `tag`, or undefined when there is none. */
async function layersOf(registry, tag) {
    const m = await registry.manifest(tag);
    if (!m)
        return undefined;
    return JSON.parse(m.bytes.toString('utf8')).layers ?? [];
}
/**
 * Why the image's signature does not hold, or undefined when one layer of its `.sig` manifest names
 * this digest and verifies. A tag that moved since signing is its own reason.
 */
async function checkImageSignature(image, verify) {
    if (image.ref.digest && image.tagDigest && image.tagDigest !== image.ref.digest) {
        return `tag ${image.ref.tag} now points at ${image.tagDigest}, not the signed ${image.ref.digest}`;
    }
    const tag = signatureTag(image.digest);
    const layers = await layersOf(image.registry, tag);
    if (!layers)
        return `no cosign signature for ${image.digest} (${image.name}:${tag} does not exist)`;
    let reason = `${image.name}:${tag} holds no simple-signing layer`;
    for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
        const payload = await image.registry.blob(layer.digest);
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
        const signature = Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64');
        if (signature.length > 0 && (await verify(payload, signature)))
            return undefined;
        reason = `no signature in ${image.name}:${tag} verifies with the public key`;
    }
    return reason;
}

;// CONCATENATED MODULE: ./actions/sign/src/images/index.ts











/** Signs (and attests) each image of input `images` in cosign's registry format. */
async function signImages(options) {
    const started = new Date();
    const provenance = options.provenance ? (0,attest_provenance/* provenancePredicate */.LS)(process.env, started) : undefined;
    const builderId = provenance
        ? provenance.runDetails.builder.id
        : 'https://github.com/paved/sign';
    const sbom = options.sbom ? await (0,attest_sbom/* sbomPredicate */.RC)(options.sbom, options.workspace, builderId) : undefined;
    const images = await (0,shared/* group */.Os)(`Resolving ${options.images.length} image(s)`, () => resolveAll(options));
    const signer = await (0,methods/* createSigner */.r)(options);
    if (!signer.signPayload) {
        throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: images are signed with method key (cosign's format)`, {
            input: names/* Inputs */.G.method,
        });
    }
    const signed = {};
    const rows = [];
    await (0,shared/* group */.Os)(`Signing ${images.length} image(s) as ${signer.identity}`, async () => {
        for (const image of images) {
            const payload = simpleSigningPayload(image);
            const signature = await signer.signPayload(payload);
            const where = await appendLayer(image.registry, signatureTag(image.digest), payload, SIMPLE_SIGNING, {
                [SIGNATURE_ANNOTATION]: signature.toString('base64'),
            });
            actions_core/* info */.pq(`${image.ref.text}  ${image.digest}  → ${where}`);
            const subject = [{ name: image.name, digest: { sha256: image.digest.slice('sha256:'.length) } }];
            for (const [type, predicate] of [
                ...(provenance ? [[attest_provenance/* PROVENANCE_TYPE */.Ti, provenance]] : []),
                ...(sbom ? [[sbom.predicateType, sbom.predicate]] : []),
            ]) {
                const envelope = await signer.attest(intoto/* PAYLOAD_TYPE */.Uc, Buffer.from(JSON.stringify((0,intoto/* statement */.qZ)(subject, type, predicate))));
                const att = await appendLayer(image.registry, attestationTag(image.digest), Buffer.from(envelope), DSSE_LAYER, {
                    predicateType: type,
                });
                actions_core/* info */.pq(`  attestation ${type} → ${att}`);
            }
            signed[image.ref.text] = image.digest;
            rows.push({ image: image.ref.text, digest: image.digest, where });
        }
    });
    actions_core/* setOutput */.uH(names/* Outputs */.t.images, JSON.stringify(signed));
    (0,summary/* imagesSummary */.lg)('sign', signer.identity, rows).write();
}
/** Checks each image's cosign signature (and attestations, when there are any) with public-key. */
async function verifyImages(options) {
    if (options.method !== 'key') {
        throw new shared/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.images}: images are verified with method key (cosign's format)`, {
            input: names/* Inputs */.G.method,
        });
    }
    const { kind, key } = (0,keys/* loadPublicKey */.fg)(options.publicKey, names/* Inputs */.G.publicKey);
    const { envelope } = await (0,verify/* createVerifier */.$)(options);
    const images = await resolveAll(options);
    const failed = [];
    const verified = {};
    const rows = [];
    await (0,shared/* group */.Os)(`Verifying ${images.length} image(s)`, async () => {
        for (const image of images) {
            let reason = await checkImageSignature(image, (payload, sig) => (0,keys/* verifyBytes */.RV)(kind, key, payload, sig));
            if (!reason)
                reason = await checkImageAttestations(image, envelope);
            actions_core/* info */.pq(`${reason ? 'FAILED' : 'OK    '} ${image.ref.text}  ${image.digest}${reason ? `: ${reason}` : ''}`);
            rows.push({ image: image.ref.text, digest: image.digest, reason });
            if (reason)
                failed.push({ image: image.ref.text, reason });
            else
                verified[image.ref.text] = image.digest;
        }
    });
    actions_core/* setOutput */.uH(names/* Outputs */.t.images, JSON.stringify(verified));
    (0,summary/* imagesSummary */.lg)('verify', `${kind} public key`, rows).write();
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
    const layers = await layersOf(image.registry, attestationTag(image.digest));
    for (const layer of (layers ?? []).filter((l) => l.mediaType === DSSE_LAYER)) {
        const text = (await image.registry.blob(layer.digest)).toString('utf8');
        const result = await envelope(text);
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


/***/ })

};
