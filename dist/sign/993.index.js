export const id = 993;
export const ids = [993];
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

/***/ 78993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   keySigner: () => (/* binding */ keySigner)
/* harmony export */ });
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4332);
/* harmony import */ var _attest_dsse__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48688);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79679);
/* harmony import */ var _verify_script__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25736);
/* harmony import */ var _keys__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31504);
/* harmony import */ var _timestamp__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29454);






/**
 * Bring-your-own-key signing, compatible with `cosign sign-blob --key`: `<file>.sig` holds the base64
 * signature (DER ECDSA over SHA-256 for P-256), and `<file>.sigstore.json` a v0.3 bundle with the key's
 * hint, which `cosign verify-blob --bundle --key` and sigstore-js accept.
 */
async function keySigner(options) {
    const key = await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .openSigningKey */ .bc)(options.privateKey, options.passphrase, _names__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G.privateKey, _names__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G.passphrase, options.workspace);
    const { toMessageSignatureBundle, bundleToJSON } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040));
    return {
        method: 'key',
        identity: `${key.kind} key${key.source ? ` on ${key.source}` : ''}, sha256:${Buffer.from(key.hint, 'base64').toString('hex')}`,
        async signFile(request) {
            const signature = await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .signFileWith */ .OZ)(key, request.file, request.digest);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .verifyFile */ .AI)(key.kind, key.publicKey, request.file, request.digest, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`${request.display}: the fresh signature does not verify with the key's public half`);
            }
            const bundle = toMessageSignatureBundle({
                digest: request.digest.sha256,
                signature,
                keyHint: key.hint,
                certificateChain: false,
            });
            if (options.tsaUrl) {
                // Over the signature bytes, as cosign's --timestamp-server-url: sigstore-js and cosign check it.
                const { response } = await (0,_timestamp__WEBPACK_IMPORTED_MODULE_4__/* .requestTimestamp */ .uN)(options.tsaUrl, signature);
                bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.push({ signedTimestamp: response });
            }
            const sig = request.outputFor('.sig');
            const bundlePath = request.outputFor('.sigstore.json');
            return {
                primary: sig,
                writes: [
                    { path: sig, content: signature.toString('base64') },
                    { path: bundlePath, content: `${JSON.stringify(bundleToJSON(bundle))}\n` },
                ],
            };
        },
        async signPayload(payload) {
            const signature = await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .signBytesWith */ .f8)(key, payload);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .verifyBytes */ .RV)(key.kind, key.publicKey, payload, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK("The image signature does not verify with the key's public half");
            }
            return signature;
        },
        async attest(payloadType, payload) {
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_5__/* .pae */ .Z)(payloadType, payload);
            const signature = await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .signBytesWith */ .f8)(key, bytes);
            if (!(await (0,_keys__WEBPACK_IMPORTED_MODULE_3__/* .verifyBytes */ .RV)(key.kind, key.publicKey, bytes, signature))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The attestation signature does not verify with ${_names__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G.privateKey}'s public key`);
            }
            return JSON.stringify((0,_attest_dsse__WEBPACK_IMPORTED_MODULE_5__/* .envelope */ .R)(payloadType, payload, key.hint, signature));
        },
        verifyScript: (dir, entries, attestation) => (0,_verify_script__WEBPACK_IMPORTED_MODULE_2__/* .keyScript */ .ne)(dir, key.kind, key.publicPem, entries, attestation),
    };
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


/***/ }),

/***/ 29454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AY: () => (/* binding */ TIMESTAMP_TOKEN_OID),
/* harmony export */   Ro: () => (/* binding */ checkTimestamp),
/* harmony export */   r4: () => (/* binding */ tsaAnchors),
/* harmony export */   uN: () => (/* binding */ requestTimestamp)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4332);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79679);
/* harmony import */ var _verify_chain__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23732);




/**
 * RFC 3161 trusted time: a timestamp authority signs "these bytes existed at genTime". The bytes are
 * the signature itself (as cosign's --timestamp-server-url and signtool /tr do), so the token proves
 * the signature was made before genTime, when the signing certificate may still have been valid.
 * Requests and tokens are built and read with pkijs/asn1js; the TSA's signature is checked with
 * node:crypto over the signed attributes, the same way as our CMS.
 */
const TIMESTAMP_TOKEN_OID = '1.2.840.113549.1.9.16.2.14';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST_OID = '1.2.840.113549.1.9.4';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const HASHES = {
    '2.16.840.1.101.3.4.2.1': 'sha256',
    '2.16.840.1.101.3.4.2.2': 'sha384',
    '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
async function libs() {
    const [pkijs, asn1js] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(514), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 40943)), __webpack_require__.e(/* import() */ 723).then(__webpack_require__.bind(__webpack_require__, 84723))]);
    return { pkijs, asn1js };
}
/**
 * Asks the TSA at `url` to timestamp `data` (RFC 3161 §3.4: POST application/timestamp-query).
 * Returns the whole TimeStampResp (what a Sigstore bundle's `signedTimestamp` holds) and the
 * TimeStampToken inside it (what a CMS id-aa-timeStampToken attribute holds).
 */
async function requestTimestamp(url, data) {
    const { pkijs, asn1js } = await libs();
    const nonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8);
    nonce[0] = nonce[0] & 0x7f; // a positive INTEGER
    const request = new pkijs.TimeStampReq({
        version: 1,
        messageImprint: new pkijs.MessageImprint({
            hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
            hashedMessage: new asn1js.OctetString({ valueHex: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest() }),
        }),
        nonce: new asn1js.Integer({ valueHex: nonce }),
        certReq: true,
    });
    let response;
    let body;
    try {
        // The timeout covers the body too: a TSA that sends headers and then stalls or drops the
        // connection fails the same way as one that never answers.
        response = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
            body: Buffer.from(request.toSchema().toBER(false)),
            signal: AbortSignal.timeout(30_000),
        });
        body = Buffer.from(await response.arrayBuffer());
    }
    catch (error) {
        // undici says only "fetch failed" / "terminated"; the cause names what happened (ECONNREFUSED, other side closed).
        const cause = error.cause;
        const why = cause?.message ?? cause?.code;
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} did not answer: ${error.message}${why ? ` (${why})` : ''}`);
    }
    if (!response.ok) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} answered HTTP ${response.status}${body.length < 300 ? `: ${body.toString('utf8').trim()}` : ''}`);
    }
    let reply;
    try {
        reply = pkijs.TimeStampResp.fromBER(new Uint8Array(body));
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} sent no RFC 3161 reply (${error.message})`);
    }
    // PKIStatus granted (0) or grantedWithMods (1).
    if (reply.status.status > 1 || !reply.timeStampToken) {
        const text = (reply.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} refused the request (status ${reply.status.status}) ${text}`);
    }
    const token = Buffer.from(reply.timeStampToken.toSchema().toBER(false));
    const checked = await checkTimestamp(token, data);
    if (typeof checked === 'string')
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} sent a bad token: ${checked}`);
    if (!checked.nonce?.equals(nonce))
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`Timestamp authority ${url} answered another request`);
    return { response: body, token };
}
/**
 * Checks a TimeStampToken (or a TimeStampResp holding one) over `data`: the imprint is data's hash, the TSA's signature verifies, its
 * certificate is for timeStamping, and (with anchors) it chains to them at genTime. Returns the time
 * it proves, or why it proves nothing.
 */
async function checkTimestamp(token, data, anchors, 
/** Certificates the TSA's may be among when the token does not carry it (a Sigstore trusted root lists it). */
known = []) {
    const { pkijs, asn1js } = await libs();
    let signed;
    let info;
    let eContent;
    try {
        let content;
        try {
            content = pkijs.ContentInfo.fromBER(new Uint8Array(token));
        }
        catch {
            // A whole TimeStampResp, as Sigstore bundles carry it: the token is inside.
            const reply = pkijs.TimeStampResp.fromBER(new Uint8Array(token));
            if (!reply.timeStampToken)
                return `the timestamp response holds no token (status ${reply.status.status})`;
            content = reply.timeStampToken;
        }
        if (content.contentType !== SIGNED_DATA_OID)
            return 'the timestamp is not CMS SignedData';
        signed = new pkijs.SignedData({ schema: content.content });
        if (signed.encapContentInfo.eContentType !== TST_INFO_OID)
            return 'the timestamp holds no TSTInfo';
        const octets = signed.encapContentInfo.eContent;
        eContent = Buffer.from(octets.getValue());
        info = pkijs.TSTInfo.fromBER(new Uint8Array(eContent));
    }
    catch (error) {
        return `the timestamp is not an RFC 3161 token (${error.message})`;
    }
    const imprintHash = HASHES[info.messageImprint.hashAlgorithm.algorithmId];
    if (!imprintHash)
        return `the timestamp uses unsupported hash ${info.messageImprint.hashAlgorithm.algorithmId}`;
    const expected = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(imprintHash).update(data).digest();
    if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(expected)) {
        return 'the timestamp is over other data than this signature';
    }
    const certificates = (signed.certificates ?? [])
        .filter((c) => c instanceof pkijs.Certificate)
        .map((c) => new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(c.toSchema().toBER(false))))
        .concat(known);
    const signerInfo = signed.signerInfos[0];
    if (!signerInfo?.signedAttrs)
        return 'the timestamp has no signer';
    let tsa;
    if (signerInfo.sid instanceof pkijs.IssuerAndSerialNumber) {
        const serial = Buffer.from(signerInfo.sid.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/, '');
        tsa = certificates.find((c) => c.serialNumber.toLowerCase().replace(/^0+/, '') === serial);
    }
    else {
        tsa = certificates[0];
    }
    if (!tsa)
        return 'the timestamp does not carry the TSA certificate';
    const digestHash = HASHES[signerInfo.digestAlgorithm.algorithmId];
    if (!digestHash)
        return `the timestamp uses unsupported digest ${signerInfo.digestAlgorithm.algorithmId}`;
    const md = signerInfo.signedAttrs.attributes.find((a) => a.type === MESSAGE_DIGEST_OID)?.values[0];
    if (!md || !Buffer.from(md.valueBlock.valueHexView).equals((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(digestHash).update(eContent).digest())) {
        return 'the timestamp content does not match its signed digest';
    }
    const attrs = Buffer.from(signerInfo.signedAttrs.encodedValue);
    const signedAttrs = Buffer.concat([Buffer.from([0x31]), attrs.subarray(1)]);
    const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    let ok = false;
    try {
        ok = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)(digestHash, signedAttrs, tsa.publicKey, signature);
    }
    catch {
        ok = false;
    }
    if (!ok)
        return 'the TSA signature on the timestamp does not verify';
    if (!(await extendedKeyUsages(tsa)).includes(TIME_STAMPING_EKU)) {
        return `TSA certificate "${oneLine(tsa.subject)}" is not for timeStamping`;
    }
    const genTime = info.genTime;
    if (anchors) {
        const problem = (0,_verify_chain__WEBPACK_IMPORTED_MODULE_3__/* .chainProblem */ .$)(tsa, certificates, anchors, genTime);
        if (problem)
            return `timestamp: ${problem}`;
    }
    const nonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : undefined;
    return { genTime, tsa, nonce };
}
async function extendedKeyUsages(cert) {
    const { pkijs } = await libs();
    const parsed = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
    const eku = (parsed.extensions ?? []).find((e) => e.extnID === '2.5.29.37');
    return eku?.parsedValue?.keyPurposes ?? [];
}
function oneLine(text) {
    return text.replace(/\n/g, ', ');
}
/** PEM roots of the timestamp authority given to verify; undefined when none were given. */
function tsaAnchors(pem) {
    if (!pem)
        return undefined;
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    if (blocks.length === 0) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.tsaCertificate} holds no PEM certificate`, {
            input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.tsaCertificate,
        });
    }
    return blocks.map((b) => new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(b));
}


/***/ }),

/***/ 25736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aV: () => (/* binding */ x509Script),
/* harmony export */   ne: () => (/* binding */ keyScript),
/* harmony export */   tR: () => (/* binding */ openpgpScript)
/* harmony export */ });
/* harmony import */ var _methods_output__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60337);

/**
 * DSSE check in plain sh: each line's payloadType, payload and signature are cut out with cut, the
 * PAE bytes ("DSSEv1 <len> <type> <len> <payload>") are rebuilt with printf and cat, the method's
 * `dsse_sig_ok pae sig` checks the signature, and each signed file's sha256 must be a subject of the
 * statement. The field positions fit the envelope this action writes (one signature, compact JSON).
 */
function attestationCheck(dir, attestation, entries) {
    if (!attestation)
        return '';
    const files = entries.map((e) => `"$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)})"`).join(' ');
    return String.raw `
check_attestation() {
  att=$1; shift
  lines=$(sed -n '$=' "$att" 2>/dev/null)
  if [ -z "$lines" ]; then echo "FAILED  $att: missing or empty"; failed=1; return; fi
  n=0
  while [ "$n" -lt "$lines" ]; do
    n=$((n + 1))
    # {"payloadType":"T","payload":"P","signatures":[{"keyid":"K","sig":"S"}]}: fields between quotes, cut in linear time.
    sed -n "$n"p "$att" > "$work/line"
    field() { cut -d'"' -f"$1" "$work/line" | tr -d '\n'; }
    type=$(field 4)
    field 8 > "$work/payload.b64"
    field 18 > "$work/dsse.sig.b64"
    if [ "$(field 2)" != payloadType ] || [ "$(field 6)" != payload ] || [ "$(field 16)" != sig ] || [ -z "$type" ] ||
      [ ! -s "$work/payload.b64" ] || ! b64d "$work/payload.b64" "$work/payload" || ! b64d "$work/dsse.sig.b64" "$work/dsse.sig"; then
      echo "FAILED  $att line $n: not a DSSE envelope"; failed=1; return
    fi
    { printf 'DSSEv1 %s %s %s ' "$(printf '%s' "$type" | wc -c | tr -d ' ')" "$type" "$(wc -c < "$work/payload" | tr -d ' ')"; cat "$work/payload"; } > "$work/pae"
    if ! dsse_sig_ok "$work/pae" "$work/dsse.sig"; then
      echo "FAILED  $att line $n: the DSSE signature does not verify (statement modified, or another signer)"; failed=1; return
    fi
    for f in "$@"; do
      hex=$(sha256hex "$f")
      if ! grep -qF "\"digest\":{\"sha256\":\"$hex\"}" "$work/payload"; then
        echo "FAILED  $att line $n: $f (sha256 $hex) is not a subject of the statement"; failed=1; return
      fi
    done
  done
  echo "OK      $att ($lines signed statement(s) covering every file)"
}
check_attestation "$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, attestation)})" ${files}
`;
}
/** base64 decoding and sha256 with openssl, for the key and x509 scripts. */
const OPENSSL_HELPERS = `b64d() { openssl base64 -d -A -in "$1" -out "$2" 2>/dev/null; }
# From stdin: with the name on the command line, a newline in it splits the output line (sha256sum also prefixes a \\).
sha256hex() { openssl dgst -sha256 -r < "$1" | cut -d' ' -f1; }
`;
const HEADER = (what) => `#!/bin/sh
# Offline verification of ${what}, written by the Paved sign action.
# Usage: sh verify.sh   (exit 0 when every signature verifies)
# EXPECT_FINGERPRINT=<sha256 hex>  fail unless the signer has this fingerprint (printed below).
set -u
cd "$(dirname "$0")" || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
failed=0
why=
report() { if [ "$1" -eq 0 ]; then echo "OK      $2"; else echo "FAILED  $2\${3:+: $3}"; failed=1; fi; }
# A file at its path relative to this script, or beside the script when the release was downloaded flat.
here() { if [ -e "$1" ]; then printf '%s' "$1"; elif [ -e "$(basename "$1")" ]; then basename "$1"; else printf '%s' "$1"; fi; }
norm_fp() { printf '%s' "$1" | tr -d ': \\n' | tr 'ABCDEF' 'abcdef'; }
# Succeeds when EXPECT_FINGERPRINT is unset or equals $1; otherwise sets why.
fp_ok() {
  [ -z "\${EXPECT_FINGERPRINT:-}" ] && return 0
  [ "$(norm_fp "$EXPECT_FINGERPRINT")" = "$(norm_fp "$1")" ] && return 0
  why="signed by $(norm_fp "$1"), not EXPECT_FINGERPRINT $(norm_fp "$EXPECT_FINGERPRINT")"; return 1
}
`;
const FOOTER = `
if [ "$failed" -ne 0 ]; then echo "verification FAILED" >&2; exit 1; fi
echo "all signatures verified"
`;
function heredoc(target, text) {
    return `cat > ${target} <<'PAVED_EOF'\n${text.trim()}\nPAVED_EOF\n`;
}
function keyScript(dir, kind, publicPem, entries, attestation) {
    const check = kind === 'ed25519'
        ? `openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$2" -sigfile "$work/sig" >/dev/null 2>&1`
        : `openssl dgst -sha256 -verify "$key" -signature "$work/sig" "$2" >/dev/null 2>&1`;
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); sig_ok "$s" "$f"; report $? "$f" "$why"`);
    return `${HEADER('cosign-style key signatures (.sig)')}${heredoc('"$work/key.pem"', publicPem)}key=\${PUBLIC_KEY:-"$work/key.pem"}
if [ ! -s "$key" ]; then echo "PUBLIC_KEY $key: no such file" >&2; exit 2; fi
fingerprint=$(openssl pkey -pubin -in "$key" -outform DER 2>/dev/null | openssl dgst -sha256 -r | cut -d' ' -f1)
echo "public key sha256 fingerprint: $fingerprint"
if ! fp_ok "$fingerprint"; then echo "FAILED  public key: $why" >&2; exit 1; fi
# cosign's .sig is base64 text; openssl wants the raw DER.
sig_ok() {
  why=
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  if ! openssl base64 -d -A -in "$1" -out "$work/sig" 2>/dev/null || [ ! -s "$work/sig" ]; then why="no signature at $1"; return 1; fi
  ${check} || { why="signature does not match the file and public key"; return 1; }
}
${lines.join('\n')}
${attestation ? `${OPENSSL_HELPERS}${dsseKeyCheck(kind)}${attestationCheck(dir, attestation, entries)}` : ''}${FOOTER}`;
}
function dsseKeyCheck(kind) {
    return kind === 'ed25519'
        ? 'dsse_sig_ok() { openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$1" -sigfile "$2" >/dev/null 2>&1; }\n'
        : 'dsse_sig_ok() { openssl dgst -sha256 -verify "$key" -signature "$2" "$1" >/dev/null 2>&1; }\n';
}
/**
 * `chainPem` is the signing certificate first, then the rest of the chain. Each .p7s is checked in
 * three steps, so a failure says which: the signature over the file (`cms -verify -noverify`), the
 * chain from the certificates it carries to the anchor (`openssl verify`, no purpose), and the
 * certificate's purpose (extendedKeyUsage codeSigning or any, keyUsage digitalSignature when present),
 * which OpenSSL 3.0 has no `-purpose` for. `caPem` is the chain's root when the signer gave one;
 * without it the consumer must bring CA_FILE, and the script says so instead of failing every file.
 */
function x509Script(dir, caPem, entries, attestation, chainPem = '', chainEnd = '') {
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); cms_ok "$s" "$f"; report $? "$f" "$why"`);
    const anchor = caPem
        ? `${heredoc('"$work/ca.pem"', caPem)}ca=\${CA_FILE:-"$work/ca.pem"}
`
        : `ca=\${CA_FILE:-}
if [ -z "$ca" ]; then
  echo "no trust anchor: the signing chain stops below ${chainEnd.replace(/["$`\\]/g, '')} and embeds no root certificate; set CA_FILE to the root certificate you trust" >&2
  exit 2
fi
`;
    return `${HEADER('X.509 detached CMS signatures (.p7s)')}${anchor}if [ ! -s "$ca" ]; then echo "CA_FILE $ca: no such file" >&2; exit 2; fi
echo "trust anchor: $(openssl x509 -in "$ca" -noout -subject -fingerprint -sha256 2>/dev/null | tr '\\n' ' ')"
code_signing() {
  ext=$(openssl x509 -in "$1" -noout -ext extendedKeyUsage,keyUsage 2>/dev/null)
  printf '%s\\n' "$ext" | grep -q -e 'Code Signing' -e 'Any Extended Key Usage' || return 1
  if printf '%s\\n' "$ext" | grep -q '^X509v3 Key Usage'; then
    printf '%s\\n' "$ext" | sed -n '/^X509v3 Key Usage/{n;p;}' | grep -q 'Digital Signature' || return 1
  fi
}
cms_ok() {
  why=
  rm -f "$work/signer.pem" "$work/certs.pem"
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  if [ ! -f "$1" ]; then why="no signature at $1"; return 1; fi
  if ! openssl cms -verify -binary -inform DER -in "$1" -content "$2" -noverify -signer "$work/signer.pem" -out /dev/null >/dev/null 2>&1; then
    why="the signature does not match the file (modified after signing?)"; return 1
  fi
  openssl pkcs7 -inform DER -in "$1" -print_certs -out "$work/certs.pem" >/dev/null 2>&1
  if ! openssl verify -CAfile "$ca" -untrusted "$work/certs.pem" "$work/signer.pem" >/dev/null 2>&1; then
    why="the signing certificate does not chain to $ca, or is not valid now"; return 1
  fi
  if ! code_signing "$work/signer.pem"; then
    why="the signing certificate is not for code signing (needs extendedKeyUsage codeSigning and keyUsage digitalSignature)"; return 1
  fi
  fp_ok "$(openssl x509 -in "$work/signer.pem" -noout -fingerprint -sha256 | cut -d= -f2)"
}
${lines.join('\n')}
${attestation
        ? `${OPENSSL_HELPERS}${heredoc('"$work/chain.pem"', chainPem)}openssl x509 -in "$work/chain.pem" -out "$work/dsse-signer.pem" 2>/dev/null
dsse_sig_ok() {
  openssl verify -CAfile "$ca" -untrusted "$work/chain.pem" "$work/dsse-signer.pem" >/dev/null 2>&1 &&
    code_signing "$work/dsse-signer.pem" &&
    openssl x509 -in "$work/dsse-signer.pem" -pubkey -noout > "$work/signer.pub" 2>/dev/null &&
    openssl dgst -sha256 -verify "$work/signer.pub" -signature "$2" "$1" >/dev/null 2>&1
}
${attestationCheck(dir, attestation, entries)}`
        : ''}${FOOTER}`;
}
function openpgpScript(dir, armoredPublicKey, entries, attestation) {
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); pgp_ok "$s" "$f"; report $? "$f" "$why"`);
    // --no-autostart: verifying needs no gpg-agent, and a consumer's machine may have none (or a broken one).
    return `${HEADER('OpenPGP detached signatures (.asc)')}${heredoc('"$work/key.asc"', armoredPublicKey)}mkdir -m 700 "$work/gnupg"
gpgv() { gpg --homedir "$work/gnupg" --no-autostart --batch --no-auto-key-retrieve "$@"; }
gpgv --quiet --import "\${PUBLIC_KEY_ASC:-$work/key.asc}" 2>/dev/null || { echo "could not import the public key" >&2; exit 2; }
echo "signing key: $(gpgv --with-colons --fingerprint 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}')"
pgp_ok() {
  why=
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  status=$(gpgv --status-fd 1 --verify "$1" "$2" 2>/dev/null | grep '^\\[GNUPG:\\] VALIDSIG')
  if [ -z "$status" ]; then why="no valid signature by the public key"; return 1; fi
  # VALIDSIG <fpr> ... <primary key fpr>: the last field names the key, as EXPECT_FINGERPRINT does.
  fp_ok "$(printf '%s' "$status" | awk '{print $NF}')"
}
${lines.join('\n')}
${attestation ? `${GPG_HELPERS}${attestationCheck(dir, attestation, entries)}` : ''}${FOOTER}`;
}
/**
 * Without openssl: base64 from coreutils (or openssl when present), sha256sum or shasum. The DSSE
 * signature is a binary OpenPGP signature; wrapped in ASCII armor, gpg checks it like the files'.
 */
const GPG_HELPERS = String.raw `b64d() { { base64 -d < "$1" 2>/dev/null || openssl base64 -d -A -in "$1" 2>/dev/null; } > "$2"; }
sha256hex() { { sha256sum < "$1" 2>/dev/null || shasum -a 256 < "$1"; } | cut -d' ' -f1; }
dsse_sig_ok() {
  { echo '-----BEGIN PGP SIGNATURE-----'; echo; fold -w 64 "$2.b64"; echo; echo '-----END PGP SIGNATURE-----'; } > "$2.asc"
  gpgv --status-fd 1 --verify "$2.asc" "$1" 2>/dev/null | grep -q '^\[GNUPG:\] VALIDSIG'
}
`;


/***/ }),

/***/ 23732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ chainProblem)
/* harmony export */ });
/**
 * Why `signer` does not chain to one of `anchors` through `pool` with every certificate valid at
 * `at`, or undefined when it does. Used for signing certificates and for timestamp authorities.
 */
function chainProblem(signer, pool, anchors, at) {
    let current = signer;
    for (let depth = 0; depth < 10; depth++) {
        const expired = validity(current, at);
        if (expired)
            return expired;
        const anchor = anchors.find((a) => a.raw.equals(current.raw) || (current.checkIssued(a) && current.verify(a.publicKey)));
        if (anchor)
            return validity(anchor, at);
        const issuer = pool.find((c) => !c.raw.equals(current.raw) && current.checkIssued(c) && current.verify(c.publicKey));
        if (!issuer) {
            const end = current === signer ? '' : ` (its chain ends at "${oneLine(current.subject)}")`;
            return `certificate "${oneLine(signer.subject)}" does not chain to the given CA certificate${end}`;
        }
        if (!issuer.ca)
            return `issuer "${oneLine(issuer.subject)}" is not a CA certificate`;
        current = issuer;
    }
    return 'certificate chain is too long';
}
function validity(cert, at) {
    if (at > new Date(cert.validTo))
        return `certificate "${oneLine(cert.subject)}" expired on ${cert.validTo}`;
    if (at < new Date(cert.validFrom))
        return `certificate "${oneLine(cert.subject)}" is not valid before ${cert.validFrom}`;
    return undefined;
}
function oneLine(text) {
    return text.replace(/\n/g, ', ');
}


/***/ })

};
