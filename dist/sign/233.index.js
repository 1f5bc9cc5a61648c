export const id = 233;
export const ids = [233,354];
export const modules = {

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
