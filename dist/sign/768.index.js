export const id = 768;
export const ids = [768];
export const modules = {

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


/***/ })

};
