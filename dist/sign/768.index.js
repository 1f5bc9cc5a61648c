export const id = 768;
export const ids = [768];
export const modules = {

/***/ 48688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ envelope),
/* harmony export */   Z: () => (/* binding */ pae)
/* harmony export */ });
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
        type,
        Buffer.from(` ${payload.length} `, 'utf8'),
        payload,
    ]);
}
function envelope(payloadType, payload, keyid, signature) {
    return {
        payloadType,
        payload: payload.toString('base64'),
        signatures: [{ keyid, sig: signature.toString('base64') }],
    };
}


/***/ }),

/***/ 62768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   keylessSigner: () => (/* binding */ keylessSigner)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4332);
/* harmony import */ var _shared_actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12813);
/* harmony import */ var _attest_dsse__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48688);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79679);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31504);
/* harmony import */ var _output__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60337);







/**
 * Keyless signing: the job's GitHub OIDC token proves who is signing, Fulcio turns it into a
 * short-lived certificate for an ephemeral P-256 key, and Rekor records each signature so it can
 * be checked after the certificate expires. The protocol clients come from @sigstore/sign (the
 * library behind `sigstore` and GitHub's attest actions); only the per-file signature is ours,
 * made from the digest we already streamed so large files are read once.
 *
 * One certificate serves the whole run, as with cosign: one identity token, one Fulcio call,
 * then one Rekor entry per file, in parallel.
 */
async function keylessSigner(options) {
    const token = await identityToken(options.oidcAudience);
    const sign = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(310), __webpack_require__.e(463), __webpack_require__.e(179)]).then(__webpack_require__.bind(__webpack_require__, 15179));
    const { toMessageSignatureBundle, toDSSEBundle, bundleToJSON } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040));
    const { privateKey, publicKey } = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const fetchOptions = { timeout: 30_000, retry: { retries: 2 } };
    const fulcio = new sign.FulcioSigner({
        fulcioBaseURL: options.fulcioUrl,
        identityProvider: { getToken: async () => token },
        keyHolder: {
            // Proof of possession for Fulcio: the token's subject signed with the ephemeral key.
            sign: async (data) => ({
                signature: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', data, privateKey),
                key: { $case: 'publicKey', publicKey: publicPem },
            }),
        },
        ...fetchOptions,
    });
    // FulcioSigner keeps only the leaf of the chain Fulcio answers with; cosign attaches the rest to
    // image signatures (annotation dev.sigstore.cosign/chain), so the CA client's answer is kept too.
    let chain = [];
    const ca = fulcio
        .ca;
    const createCertificate = ca?.createSigningCertificate?.bind(ca);
    if (ca && createCertificate) {
        ca.createSigningCertificate = async (...args) => {
            chain = await createCertificate(...args);
            return chain;
        };
    }
    let certificatePem;
    try {
        const issued = await fulcio.sign(Buffer.from('paved'));
        if (issued.key.$case !== 'x509Certificate')
            throw new Error('Fulcio returned no certificate');
        certificatePem = issued.key.certificate;
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Fulcio at ${options.fulcioUrl} did not issue a certificate: ${causeOf(error)}`);
    }
    const certificate = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(certificatePem);
    if (!certificate.publicKey.equals((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(publicPem))) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('Fulcio issued a certificate for another key');
    }
    // Rekor would log signatures made after the certificate expired, and every verifier would refuse them.
    const now = Date.now();
    if (now < Date.parse(certificate.validFrom) - 60_000 || now > Date.parse(certificate.validTo)) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Fulcio at ${options.fulcioUrl} issued a certificate that is not valid now (valid ${certificate.validFrom} to ${certificate.validTo}); check the runner's clock`);
    }
    const certificateDer = (0,_output__WEBPACK_IMPORTED_MODULE_5__/* .pemToDer */ .BL)(certificatePem);
    const witnesses = [
        new sign.RekorWitness({ rekorBaseURL: options.rekorUrl, entryType: 'dsse', ...fetchOptions }),
    ];
    const tsa = options.tsaUrl ? new sign.TSAWitness({ tsaBaseURL: options.tsaUrl, ...fetchOptions }) : undefined;
    if (tsa)
        witnesses.push(tsa);
    const witness = async (bundle, what) => {
        try {
            const materials = await Promise.all(witnesses.map((w) => w.testify(bundle.content, certificatePem)));
            bundle.verificationMaterial.tlogEntries = materials.flatMap((m) => ('tlogEntries' in m ? m.tlogEntries : []));
            bundle.verificationMaterial.timestampVerificationData = {
                rfc3161Timestamps: materials.flatMap((m) => ('rfc3161Timestamps' in m ? m.rfc3161Timestamps : [])),
            };
        }
        catch (error) {
            throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`${what}: transparency log or timestamp authority refused the entry: ${causeOf(error)}`);
        }
    };
    return {
        method: 'keyless',
        identity: `${certificate.subjectAltName ?? certificate.subject} (issuer ${certificate.issuer.replace(/\n/g, ', ')})`,
        async signFile(request) {
            const signature = await (0,_keys__WEBPACK_IMPORTED_MODULE_4__/* .signFile */ .Wr)('ecdsa-p256', privateKey, request.file, request.digest);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_4__/* .verifyFile */ .AI)('ecdsa-p256', certificate.publicKey, request.file, request.digest, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`${request.display}: the fresh signature does not verify with the Fulcio certificate`);
            }
            const bundle = toMessageSignatureBundle({
                digest: request.digest.sha256,
                signature,
                certificate: certificateDer,
                certificateChain: false,
            });
            await witness(bundle, request.display);
            const path = request.outputFor('.sigstore.json');
            return { primary: path, writes: [{ path, content: `${JSON.stringify(bundleToJSON(bundle))}\n` }] };
        },
        certificateChain: chain.slice(1),
        async signPayloadBundle(payload) {
            const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', payload, privateKey);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_4__/* .verifyBytes */ .RV)('ecdsa-p256', certificate.publicKey, payload, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('The image signature does not verify with the Fulcio certificate');
            }
            const bundle = toMessageSignatureBundle({
                digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(payload).digest(),
                signature,
                certificate: certificateDer,
                certificateChain: false,
            });
            await witness(bundle, 'image signature');
            return bundleToJSON(bundle);
        },
        // The TSA client stamps the signature of what it is given: here `data` itself stands as that signature.
        timestamp: tsa
            ? async (data) => {
                try {
                    const { rfc3161Timestamps } = await tsa.testify({
                        $case: 'messageSignature',
                        messageSignature: {
                            signature: data,
                            messageDigest: { algorithm: 1 /* SHA2_256 */, digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest() },
                        },
                    });
                    const token = rfc3161Timestamps[0]?.signedTimestamp;
                    if (!token)
                        throw new Error('no timestamp in the answer');
                    return Buffer.from(token);
                }
                catch (error) {
                    throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`timestamp authority ${options.tsaUrl} refused the request: ${causeOf(error)}`);
                }
            }
            : undefined,
        async attest(payloadType, payload) {
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_6__/* .pae */ .Z)(payloadType, payload);
            const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', bytes, privateKey);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_4__/* .verifyBytes */ .RV)('ecdsa-p256', certificate.publicKey, bytes, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('The attestation signature does not verify with the Fulcio certificate');
            }
            const bundle = toDSSEBundle({
                artifact: payload,
                artifactType: payloadType,
                signature,
                certificate: certificateDer,
                certificateChain: false,
            });
            await witness(bundle, 'attestation');
            return JSON.stringify(bundleToJSON(bundle));
        },
    };
}
async function identityToken(audience) {
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Method keyless needs a GitHub OIDC token: add "permissions: id-token: write" to the job, or use method key, x509 or openpgp`, { input: _names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.method });
    }
    (0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    let token;
    try {
        token = await _shared_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getIDToken */ .V9(audience);
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Could not get a GitHub OIDC token for audience ${audience}: ${(0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
    (0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(token);
    return token;
}
function causeOf(error) {
    const parts = [(0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)];
    let cause = error.cause;
    while (cause) {
        parts.push((0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause));
        cause = cause.cause;
    }
    return parts.join(': ');
}


/***/ }),

/***/ 31504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ verifyFile),
/* harmony export */   OZ: () => (/* binding */ signFileWith),
/* harmony export */   PM: () => (/* binding */ loadPrivateKey),
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   Wr: () => (/* binding */ signFile),
/* harmony export */   bc: () => (/* binding */ openSigningKey),
/* harmony export */   f8: () => (/* binding */ signBytesWith),
/* harmony export */   fg: () => (/* binding */ loadPublicKey),
/* harmony export */   qp: () => (/* binding */ keyKind)
/* harmony export */ });
/* unused harmony export signBytes */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4332);



/** A PEM private key, or an RFC 7512 `pkcs11:` URI naming a key that stays on its token. */
async function openSigningKey(text, passphrase, input, passphraseInput, workspace) {
    const { isPkcs11Uri, pkcs11Key } = await __webpack_require__.e(/* import() */ 893).then(__webpack_require__.bind(__webpack_require__, 29893));
    if (isPkcs11Uri(text))
        return pkcs11Key(text, input, workspace);
    return loadPrivateKey(text, passphrase, input, passphraseInput);
}
/** A file's signature with whichever key this is: in memory, or on a token (over the digest). */
function signFileWith(key, file, digest) {
    if (key.signDigest)
        return key.signDigest(digest.sha256);
    return signFile(key.kind, key.privateKey, file, digest);
}
function signBytesWith(key, data) {
    if (key.signDigest)
        return key.signDigest((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest());
    return signBytes(key.kind, key.privateKey, data);
}
/** DER prefix of an RSA PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
/**
 * Parses a PEM private key, decrypting it with the passphrase. Every failure names the input to fix:
 * "wrong passphrase" and "not a key" are different mistakes with different fixes.
 */
function loadPrivateKey(pem, passphrase, input, passphraseInput) {
    if (/-----BEGIN (ENCRYPTED )?(SIGSTORE|COSIGN) PRIVATE KEY-----/.test(pem)) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input} holds a cosign-encrypted key (scrypt + secretbox), which is not supported; give the key as PKCS#8 PEM (openssl pkcs8 -topk8)`, { input });
    }
    if (!pem.includes('-----BEGIN') || !/PRIVATE KEY-----/.test(pem)) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input} is not a PEM private key (expected -----BEGIN … PRIVATE KEY-----)`, {
            input,
        });
    }
    const encrypted = /ENCRYPTED/.test(pem);
    let privateKey;
    try {
        privateKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem', passphrase: passphrase || undefined });
    }
    catch (error) {
        const reason = error.message;
        if (encrypted && !passphrase) {
            throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input} is encrypted; set input ${passphraseInput}`, {
                input: passphraseInput,
            });
        }
        if (encrypted) {
            throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Could not decrypt ${input}: wrong ${passphraseInput}?`, {
                input: passphraseInput,
            });
        }
        throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input} is not a readable private key (${reason})`, { input });
    }
    const kind = keyKind(privateKey, input);
    const publicKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(privateKey);
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const der = publicKey.export({ format: 'der', type: 'spki' });
    // The decrypted key must never be printed either.
    (0,_shared__WEBPACK_IMPORTED_MODULE_2__/* .registerSecret */ .cl)(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    return { kind, privateKey, publicKey, publicPem, hint: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(der).digest('base64') };
}
function loadPublicKey(pem, input) {
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input} is not a readable PEM public key (${error.message})`, {
            input,
        });
    }
    return { kind: keyKind(key, input), key };
}
function keyKind(key, input) {
    const type = key.asymmetricKeyType;
    if (type === 'ed25519')
        return 'ed25519';
    if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
        return 'ecdsa-p256';
    if (type === 'rsa') {
        const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
        if (bits < 2048)
            throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input}: RSA keys must have at least 2048 bits, got ${bits}`, { input });
        return 'rsa';
    }
    const what = type === 'ec' ? `EC curve ${key.asymmetricKeyDetails?.namedCurve}` : `${type} key`;
    throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${input}: ${what} is not supported; use ECDSA P-256, Ed25519 or RSA`, { input });
}
function nodeSignAsync(algorithm, data, key) {
    // The callback form runs in libuv's thread pool, so files sign in parallel on every core.
    return new Promise((ok, fail) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)(algorithm, data, key, (e, sig) => (e ? fail(e) : ok(sig))));
}
function nodeVerifyAsync(algorithm, data, key, sig) {
    return new Promise((ok, fail) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(algorithm, data, key, sig, (e, r) => (e ? fail(e) : ok(r))));
}
let p256;
/**
 * @noble/curves, loaded on the first signature over a streamed (large) file's digest: a run of small
 * files, signed by OpenSSL from their bytes, never parses its 350 KiB.
 */
async function noble() {
    if (!p256) {
        p256 = (await Promise.all(/* import() */[__webpack_require__.e(514), __webpack_require__.e(410)]).then(__webpack_require__.bind(__webpack_require__, 13410))).p256;
        // A run makes a handful of prehashed signatures: building the default base-point table (window 6)
        // costs more than it saves (first signature ~30 ms with it, ~10 ms without).
        p256.Point.BASE.precompute(1);
    }
    return p256;
}
function jwk(key) {
    return key.export({ format: 'jwk' });
}
/**
 * Signs a file as cosign does: ECDSA and RSA over SHA-256 of the content, Ed25519 over the content.
 * Small files are in memory and go through OpenSSL; large ones were hashed once while streaming,
 * so the signature is made from that digest (ECDSA by @noble/curves, RSA by PKCS#1 DigestInfo)
 * instead of reading the file a second time.
 */
async function signFile(kind, privateKey, file, digest) {
    if (kind === 'ed25519')
        return nodeSignAsync(null, digest.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file)), privateKey);
    if (digest.data)
        return nodeSignAsync('sha256', digest.data, privateKey);
    if (kind === 'rsa')
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.privateEncrypt)(privateKey, Buffer.concat([SHA256_DIGEST_INFO, digest.sha256]));
    const p256 = await noble();
    const secret = Buffer.from(jwk(privateKey).d ?? '', 'base64url');
    return Buffer.from(p256.sign(digest.sha256, secret, { prehash: false, format: 'der', lowS: false }));
}
async function verifyFile(kind, publicKey, file, digest, signature) {
    try {
        if (kind === 'ed25519')
            return await nodeVerifyAsync(null, digest.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file)), publicKey, signature);
        if (digest.data)
            return await nodeVerifyAsync('sha256', digest.data, publicKey, signature);
        if (kind === 'rsa') {
            return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.publicDecrypt)(publicKey, signature).equals(Buffer.concat([SHA256_DIGEST_INFO, digest.sha256]));
        }
        const p256 = await noble();
        const { x, y } = jwk(publicKey);
        const point = Buffer.concat([
            Buffer.from([4]),
            Buffer.from(x ?? '', 'base64url'),
            Buffer.from(y ?? '', 'base64url'),
        ]);
        return p256.verify(signature, digest.sha256, point, { prehash: false, format: 'der', lowS: false });
    }
    catch {
        // A malformed signature is a failed verification, not a crash.
        return false;
    }
}
/** Small in-memory payloads (DSSE PAE, CMS signed attributes). */
function signBytes(kind, privateKey, data) {
    return nodeSignAsync(kind === 'ed25519' ? null : 'sha256', data, privateKey);
}
async function verifyBytes(kind, publicKey, data, signature) {
    try {
        return await nodeVerifyAsync(kind === 'ed25519' ? null : 'sha256', data, publicKey, signature);
    }
    catch {
        return false;
    }
}


/***/ })

};
