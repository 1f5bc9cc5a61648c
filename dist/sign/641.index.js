export const id = 641;
export const ids = [641];
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

/***/ 25639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LZ: () => (/* binding */ SHA256_OID),
/* harmony export */   O9: () => (/* binding */ buildDetachedCms),
/* harmony export */   fingerprint: () => (/* binding */ fingerprint),
/* harmony export */   parseCms: () => (/* binding */ parseCms)
/* harmony export */ });
/* unused harmony export signedAttributes */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _timestamp__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29454);


/**
 * Detached CMS SignedData (RFC 5652) built with pkijs/asn1js: content type, signing time and the
 * message digest we already computed go into the signed attributes, and only those attributes are
 * signed, so a 1 GiB artifact is hashed once and never held in memory. `openssl cms -verify` and
 * Windows/Java tooling read the result.
 */
const OID = {
    data: '1.2.840.113549.1.7.1',
    signedData: '1.2.840.113549.1.7.2',
    contentType: '1.2.840.113549.1.9.3',
    messageDigest: '1.2.840.113549.1.9.4',
    signingTime: '1.2.840.113549.1.9.5',
    sha256: '2.16.840.1.101.3.4.2.1',
    rsaEncryption: '1.2.840.113549.1.1.1',
    sha256WithRSA: '1.2.840.113549.1.1.11',
    ecdsaWithSHA256: '1.2.840.10045.4.3.2',
};
async function libs() {
    const [pkijs, asn1js] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(514), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 40943)), __webpack_require__.e(/* import() */ 723).then(__webpack_require__.bind(__webpack_require__, 84723))]);
    return { pkijs, asn1js };
}
/** The DER the signature covers: the signed attributes as a SET (RFC 5652 §5.4), sorted as DER requires. */
async function signedAttributes(digest, signingTime) {
    const { pkijs, asn1js } = await libs();
    const attributes = [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
        new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
        new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
    ]
        .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }))
        .sort((x, y) => Buffer.compare(x.der, y.der));
    const set = Buffer.concat([
        derHeader(0x31, attributes.reduce((n, x) => n + x.der.length, 0)),
        ...attributes.map((x) => x.der),
    ]);
    return { attributes: attributes.map((x) => x.a), der: set };
}
function derHeader(tag, length) {
    if (length < 0x80)
        return Buffer.from([tag, length]);
    const bytes = [];
    for (let n = length; n > 0; n = Math.floor(n / 256))
        bytes.unshift(n % 256);
    return Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
}
async function buildDetachedCms(options) {
    const { pkijs, asn1js } = await libs();
    const { attributes, der } = await signedAttributes(options.digest, options.signingTime);
    const signature = await options.sign(der);
    const certs = options.chain.map((c) => pkijs.Certificate.fromBER(c.raw));
    const leaf = certs[0];
    const signatureAlgorithm = options.kind === 'rsa'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSHA256 });
    const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
    const signerInfo = new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
        digestAlgorithm: sha256(),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        signatureAlgorithm,
        signature: new asn1js.OctetString({ valueHex: signature }),
    });
    if (options.timestamp) {
        const token = asn1js.fromBER(new Uint8Array(await options.timestamp(signature)));
        signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
            type: 1,
            attributes: [new pkijs.Attribute({ type: _timestamp__WEBPACK_IMPORTED_MODULE_1__/* .TIMESTAMP_TOKEN_OID */ .AY, values: [token.result] })],
        });
    }
    const signedData = new pkijs.SignedData({
        version: 1,
        digestAlgorithms: [sha256()],
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
        certificates: certs,
        signerInfos: [signerInfo],
    });
    const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
    return Buffer.from(info.toSchema().toBER(false));
}
/** Reads a detached CMS signature; throws with a readable reason when it is not one. */
async function parseCms(der) {
    const { pkijs, asn1js } = await libs();
    const asn = asn1js.fromBER(new Uint8Array(der).buffer);
    if (asn.offset === -1)
        throw new Error('not DER-encoded CMS');
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData)
        throw new Error(`content type ${info.contentType} is not SignedData`);
    const signed = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signed.signerInfos[0];
    if (!signerInfo)
        throw new Error('no signer in the CMS');
    const certificates = (signed.certificates ?? [])
        .filter((c) => c instanceof pkijs.Certificate)
        .map((c) => new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(c.toSchema().toBER(false))));
    let signer;
    if (signerInfo.sid instanceof pkijs.IssuerAndSerialNumber) {
        const serial = Buffer.from(signerInfo.sid.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase();
        signer = certificates.find((c) => c.serialNumber.toUpperCase().replace(/^0+/, '') === serial.replace(/^0+/, ''));
    }
    const attrs = signerInfo.signedAttrs?.attributes ?? [];
    const value = (oid) => attrs.find((a) => a.type === oid)?.values[0];
    const md = value(OID.messageDigest);
    const time = value(OID.signingTime);
    const token = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === _timestamp__WEBPACK_IMPORTED_MODULE_1__/* .TIMESTAMP_TOKEN_OID */ .AY)?.values[0];
    let signedAttributesDer;
    if (signerInfo.signedAttrs) {
        const encoded = Buffer.from(signerInfo.signedAttrs.encodedValue);
        signedAttributesDer = Buffer.concat([Buffer.from([0x31]), encoded.subarray(1)]);
    }
    return {
        certificates,
        signer,
        digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
        messageDigest: md ? Buffer.from(md.valueBlock.valueHexView) : undefined,
        signingTime: time?.toDate?.(),
        signedAttributesDer,
        signature: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
        timestampToken: token ? Buffer.from(token.toBER(false)) : undefined,
    };
}
const SHA256_OID = OID.sha256;
function fingerprint(cert) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(cert.raw).digest('hex');
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

/***/ 13676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iP: () => (/* binding */ codeSigningProblem)
/* harmony export */ });
/* unused harmony exports CODE_SIGNING_OID, ANY_EKU_OID */
/** id-kp-codeSigning (RFC 5280 §4.2.1.12) and anyExtendedKeyUsage. */
const CODE_SIGNING_OID = '1.3.6.1.5.5.7.3.3';
const ANY_EKU_OID = '2.5.29.37.0';
const KEY_USAGE_OID = '2.5.29.15';
const EXT_KEY_USAGE_OID = '2.5.29.37';
/**
 * Why a certificate may not sign code, or undefined when it may: its extendedKeyUsage must name
 * codeSigning (or anyExtendedKeyUsage), and a keyUsage, when present, must allow digitalSignature
 * (RFC 5280 §4.2.1.3). A TLS server certificate from the same CA is not a release signer.
 */
async function codeSigningProblem(cert) {
    const pkijs = await Promise.all(/* import() */[__webpack_require__.e(723), __webpack_require__.e(514), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 40943));
    const parsed = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
    const extensions = parsed.extensions ?? [];
    const subject = cert.subject.replace(/\n/g, ', ');
    const eku = extensions.find((e) => e.extnID === EXT_KEY_USAGE_OID);
    const purposes = eku?.parsedValue?.keyPurposes ?? [];
    if (!eku) {
        return `certificate "${subject}" has no extendedKeyUsage; a signing certificate needs extendedKeyUsage=codeSigning`;
    }
    if (!purposes.includes(CODE_SIGNING_OID) && !purposes.includes(ANY_EKU_OID)) {
        return `certificate "${subject}" is not for code signing (extendedKeyUsage ${purposes.map(ekuName).join(', ')}; needs codeSigning)`;
    }
    const ku = extensions.find((e) => e.extnID === KEY_USAGE_OID);
    if (ku) {
        const bits = Buffer.from(ku.parsedValue.valueBlock.valueHexView);
        // BIT STRING, first named bit (digitalSignature) is the most significant bit of the first byte.
        if (((bits[0] ?? 0) & 0x80) === 0) {
            return `certificate "${subject}" has keyUsage without digitalSignature, so it may not sign`;
        }
    }
    return undefined;
}
const NAMES = {
    '1.3.6.1.5.5.7.3.1': 'serverAuth',
    '1.3.6.1.5.5.7.3.2': 'clientAuth',
    '1.3.6.1.5.5.7.3.3': 'codeSigning',
    '1.3.6.1.5.5.7.3.4': 'emailProtection',
    '1.3.6.1.5.5.7.3.8': 'timeStamping',
    '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};
function ekuName(oid) {
    return NAMES[oid] ?? oid;
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


/***/ }),

/***/ 13560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ verifyCmsTrust),
/* harmony export */   T: () => (/* binding */ verifyCmsSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _methods_cms__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25639);
/* harmony import */ var _methods_timestamp__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29454);
/* harmony import */ var _chain__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23732);




/**
 * Checks a detached CMS signature against a file digest: the signed messageDigest must equal the
 * digest, and the signature over the signed attributes must verify with the signer certificate.
 * Returns the reason it fails, or undefined. Chain and validity are checked by `verifyCmsTrust`.
 */
async function verifyCmsSignature(der, digest) {
    let parsed;
    try {
        parsed = await (0,_methods_cms__WEBPACK_IMPORTED_MODULE_1__.parseCms)(der);
    }
    catch (error) {
        return `not a CMS signature (${error.message})`;
    }
    if (parsed.digestAlgorithm !== _methods_cms__WEBPACK_IMPORTED_MODULE_1__/* .SHA256_OID */ .LZ)
        return `unsupported digest algorithm ${parsed.digestAlgorithm}`;
    if (!parsed.signer)
        return 'the signer certificate is not in the CMS';
    if (!parsed.messageDigest || !parsed.signedAttributesDer)
        return 'no signed message digest';
    if (!parsed.messageDigest.equals(digest))
        return 'the file does not match the signed digest (modified after signing?)';
    const ok = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', parsed.signedAttributesDer, parsed.signer.publicKey, parsed.signature);
    if (!ok)
        return 'the signature does not verify with the signer certificate';
    return undefined;
}
/**
 * The signer's chain up to one of the anchors, every certificate valid at the time the signature is
 * known to have existed: the genTime of a valid RFC 3161 timestamp on it, otherwise now. A timestamp
 * that does not verify is a reason on its own, not a silent fall back to "now".
 */
async function verifyCmsTrust(der, anchors, tsaRoots = anchors) {
    const parsed = await (0,_methods_cms__WEBPACK_IMPORTED_MODULE_1__.parseCms)(der);
    const signer = parsed.signer;
    if (!signer)
        return 'the signer certificate is not in the CMS';
    let at = new Date();
    if (parsed.timestampToken) {
        const ts = await (0,_methods_timestamp__WEBPACK_IMPORTED_MODULE_2__/* .checkTimestamp */ .Ro)(parsed.timestampToken, parsed.signature, tsaRoots);
        if (typeof ts === 'string')
            return ts;
        at = ts.genTime;
    }
    return (0,_chain__WEBPACK_IMPORTED_MODULE_3__/* .chainProblem */ .$)(signer, parsed.certificates, anchors, at);
}


/***/ })

};
