export const id = 893;
export const ids = [893];
export const modules = {

/***/ 29893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isPkcs11Uri: () => (/* binding */ isPkcs11Uri),
/* harmony export */   pkcs11Key: () => (/* binding */ pkcs11Key)
/* harmony export */ });
/* unused harmony export parsePkcs11Uri */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4332);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31504);








const PATH_ATTRIBUTES = new Set([
    'id',
    'library-description',
    'library-manufacturer',
    'library-version',
    'manufacturer',
    'model',
    'object',
    'serial',
    'slot-description',
    'slot-id',
    'slot-manufacturer',
    'token',
    'type',
]);
const QUERY_ATTRIBUTES = new Set(['module-name', 'module-path', 'pin-source', 'pin-value']);
function isPkcs11Uri(text) {
    return /^pkcs11:/i.test(text.trim());
}
/** RFC 7512 §2.3: `pkcs11:` path-attrs (`;`) [`?` query-attrs (`&`)], values percent-encoded. */
function parsePkcs11Uri(text, input) {
    const uri = text.trim();
    const bad = (why) => new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: not a valid PKCS#11 URI (${why})`, { input });
    if (!/^pkcs11:/i.test(uri))
        throw bad('it must start with pkcs11:');
    const body = uri.slice('pkcs11:'.length);
    const q = body.indexOf('?');
    const parse = (part, separator, known, kind) => {
        const out = new Map();
        for (const item of part.split(separator)) {
            if (!item)
                continue;
            const eq = item.indexOf('=');
            if (eq <= 0)
                throw bad(`${kind} attribute "${item}" has no name=value`);
            const name = item.slice(0, eq).toLowerCase();
            if (!known.has(name) && !name.startsWith('x-'))
                throw bad(`unknown ${kind} attribute "${name}"`);
            if (out.has(name))
                throw bad(`attribute "${name}" appears twice`);
            const value = percentDecode(item.slice(eq + 1));
            if (!value)
                throw bad(`attribute "${name}" has a broken percent-encoding`);
            out.set(name, value);
        }
        return out;
    };
    const path = parse(q < 0 ? body : body.slice(0, q), ';', PATH_ATTRIBUTES, 'path');
    const query = new Map();
    for (const [name, bytes] of parse(q < 0 ? '' : body.slice(q + 1), '&', QUERY_ATTRIBUTES, 'query')) {
        // Paths and PINs are text: bytes that are not UTF-8 would be silently replaced, so refuse them.
        const text = bytes.toString('utf8');
        if (!Buffer.from(text, 'utf8').equals(bytes))
            throw bad(`attribute "${name}" is not UTF-8 text`);
        query.set(name, text);
    }
    if (query.has('pin-value') && query.has('pin-source'))
        throw bad('give pin-value or pin-source, not both');
    if (!path.has('object') && !path.has('id'))
        throw bad('name the key with object=<label> or id=<hex>');
    const type = path.get('type')?.toString('utf8');
    if (type && type !== 'private')
        throw bad(`type=${type}: the URI must name the private key`);
    return { path, query };
}
/** The URI the engine gets: path attributes only (no PIN, no module), re-encoded, for one object type. */
function engineUri(uri, type) {
    const parts = [];
    for (const [name, value] of uri.path) {
        if (name === 'type')
            continue;
        parts.push(`${name}=${percentEncode(value)}`);
    }
    parts.push(`type=${type}`);
    return `pkcs11:${parts.join(';')}`;
}
/** RFC 3986 percent-decoding to bytes; undefined when a `%` is not followed by two hex digits. */
function percentDecode(text) {
    if (/%(?![0-9a-f]{2})/i.test(text))
        return undefined;
    return Buffer.concat(text
        .split(/(%[0-9a-f]{2})/i)
        .map((part) => /^%[0-9a-f]{2}$/i.test(part) ? Buffer.from([Number.parseInt(part.slice(1), 16)]) : Buffer.from(part, 'utf8')));
}
/** Every byte but RFC 3986 unreserved characters as %XX, which libp11 decodes back to the same bytes. */
function percentEncode(bytes) {
    return [...bytes]
        .map((b) => /[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)
        .join('');
}
/** Characters OpenSSL's config parser treats specially (variables, comments, quotes) are escaped. */
function confValue(value) {
    return value.replace(/[\\$"'#;\s]/g, (c) => `\\${c}`);
}
async function readPin(uri, input, workspace) {
    const value = uri.query.get('pin-value');
    if (value !== undefined)
        return value;
    const source = uri.query.get('pin-source');
    if (source === undefined)
        return undefined;
    let path;
    try {
        path = source.startsWith('file:')
            ? (0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(source)
            : (0,node_path__WEBPACK_IMPORTED_MODULE_4__.isAbsolute)(source)
                ? source
                : (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(workspace, source);
    }
    catch {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: pin-source ${source} is not a file path or file: URI`, { input });
    }
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8')).replace(/\r?\n$/, '');
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: cannot read pin-source ${source} (${error.code ?? error.message})`, { input });
    }
}
/** Opens the key the URI names: checks the module, reads the public key from the token, and returns a signer. */
async function pkcs11Key(text, input, workspace) {
    const uri = parsePkcs11Uri(text, input);
    const modulePath = uri.query.get('module-path');
    if (!modulePath) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: the PKCS#11 URI needs ?module-path=<the token's PKCS#11 library>, e.g. module-path=/usr/lib/softhsm/libsofthsm2.so`, { input });
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(modulePath) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(modulePath).isFile()) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: module-path ${modulePath} is not a file`, { input });
    }
    const pin = await readPin(uri, input, workspace);
    if (pin)
        (0,_shared__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(pin);
    (0,_shared__WEBPACK_IMPORTED_MODULE_6__/* .registerSecret */ .cl)(text.trim());
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'paved-pkcs11-'));
    process.once('exit', () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true }));
    const config = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'openssl.cnf');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(config, [
        'openssl_conf = openssl_init',
        '[openssl_init]',
        'engines = engine_section',
        '[engine_section]',
        'pkcs11 = pkcs11_section',
        '[pkcs11_section]',
        'engine_id = pkcs11',
        `MODULE_PATH = ${confValue(modulePath)}`,
        ...(pin ? [`PIN = ${confValue(pin)}`] : []),
        'init = 0',
        '',
    ].join('\n'), { mode: 0o600 });
    const env = { OPENSSL_CONF: config };
    const attr = (name) => uri.path.get(name)?.toString('utf8');
    const label = [attr('token'), attr('object') ?? `id ${uri.path.get('id')?.toString('hex')}`]
        .filter(Boolean)
        .join('/');
    const pub = await (0,_shared__WEBPACK_IMPORTED_MODULE_6__/* .exec */ .m0)('openssl', ['pkey', '-engine', 'pkcs11', '-inform', 'engine', '-pubin', '-in', engineUri(uri, 'public'), '-pubout'], { env, quiet: true, ignoreReturnCode: true, timeoutMs: 60_000 });
    if (pub.exitCode !== 0 || !pub.stdout.includes('-----BEGIN PUBLIC KEY-----')) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: could not read the public key of ${label} from the token (${engineError(pub.stderr)}); check token=, object= or id=, and that the openssl pkcs11 engine (libengine-pkcs11-openssl) is installed`, { input });
    }
    const publicPem = pub.stdout.slice(pub.stdout.indexOf('-----BEGIN PUBLIC KEY-----'));
    const publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(publicPem);
    const kind = (0,_keys__WEBPACK_IMPORTED_MODULE_7__/* .keyKind */ .qp)(publicKey, input);
    if (kind === 'ed25519') {
        throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: Ed25519 keys on PKCS#11 tokens are not supported; use P-256 or RSA`, {
            input,
        });
    }
    const der = publicKey.export({ format: 'der', type: 'spki' });
    let n = 0;
    // One token operation at a time: tokens serialise sessions anyway, and SoftHSM's file store loses
    // objects ("object not found") when several processes log in at once.
    let queue = Promise.resolve();
    const signDigest = (digest) => {
        const next = queue.then(() => signOnce(digest));
        queue = next.catch(() => undefined);
        return next;
    };
    const signOnce = async (digest) => {
        const out = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, `sig-${++n}`);
        // ECDSA signs the digest as it is; RSA PKCS#1 v1.5 wraps it in a SHA-256 DigestInfo first.
        const r = await (0,_shared__WEBPACK_IMPORTED_MODULE_6__/* .exec */ .m0)('openssl', [
            'pkeyutl',
            '-engine',
            'pkcs11',
            '-keyform',
            'engine',
            '-inkey',
            engineUri(uri, 'private'),
            '-sign',
            ...(kind === 'rsa' ? ['-pkeyopt', 'digest:sha256'] : []),
            '-out',
            out,
        ], { env, input: digest, quiet: true, ignoreReturnCode: true, timeoutMs: 60_000 });
        if (r.exitCode !== 0) {
            const why = engineError(r.stderr);
            if (/PIN|login|CKR_PIN/i.test(r.stderr)) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`Input ${input}: the token refused the PIN for ${label} (${why})`, { input });
            }
            throw new _shared__WEBPACK_IMPORTED_MODULE_6__/* .OperationError */ .OK(`The PKCS#11 token could not sign with ${label}: ${why}`);
        }
        const signature = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(out);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(out, { force: true });
        return signature;
    };
    return {
        kind,
        publicKey,
        publicPem,
        hint: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('base64'),
        signDigest,
        source: `PKCS#11 ${label}`,
    };
}
function engineError(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^Engine "pkcs11" set\.?$/.test(l));
    return (lines.find((l) => /error|fail|CKR_/i.test(l)) ?? lines[0] ?? 'no message').slice(0, 300);
}


/***/ })

};
