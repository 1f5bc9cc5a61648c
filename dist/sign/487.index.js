export const id = 487;
export const ids = [487];
export const modules = {

/***/ 17487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   keylessVerifier: () => (/* binding */ keylessVerifier)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4332);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(79679);




/**
 * Keyless verification with @sigstore/verify: certificate chain to the Fulcio root, SCT from the
 * CT log, Rekor inclusion (the certificate must have been valid when Rekor saw the signature),
 * the signature itself, then the identity and issuer the user expects.
 */
async function keylessVerifier(options, toMatcher) {
    const { Verifier, toTrustMaterial, toSignedEntity } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(463), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 54187));
    const { bundleFromJSON } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(40)]).then(__webpack_require__.bind(__webpack_require__, 61040));
    const { TrustedRoot } = await __webpack_require__.e(/* import() */ 654).then(__webpack_require__.t.bind(__webpack_require__, 19654, 23));
    let root;
    if (options.trustedRoot) {
        try {
            root = TrustedRoot.fromJSON(JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(options.trustedRoot, 'utf8')));
        }
        catch (error) {
            throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.trustedRoot} is not a Sigstore trusted_root.json (${error.message})`, {
                input: _names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.trustedRoot,
            });
        }
    }
    else {
        const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(654), __webpack_require__.e(310), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423));
        try {
            root = await getTrustedRoot();
        }
        catch (error) {
            // Air-gapped and firewalled verifiers are common: the fix is a root file, not a retry.
            throw new _shared__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Could not fetch the Sigstore public-good trusted root with TUF (${verificationReason(error)}); offline, pass input ${_names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.trustedRoot} with a trusted_root.json (for example from \`cosign trusted-root create\` or \`gh attestation trusted-root\`)`, { input: _names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.trustedRoot });
        }
    }
    const verifier = new Verifier(toTrustMaterial(root), {
        tlogThreshold: 1,
        ctlogThreshold: 1,
    });
    const identityOk = toMatcher(options.certificateIdentity, _names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.certificateIdentity);
    const issuerOk = toMatcher(options.certificateOidcIssuer, _names__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G.certificateOidcIssuer);
    /** The identity and issuer the user expects, or why the signer is not that. */
    const checkIdentity = (signer) => {
        const identity = signer.identity?.subjectAlternativeName;
        const issuer = signer.identity?.extensions?.issuer;
        if (!identityOk(identity)) {
            return { reason: `certificate identity "${identity}" does not match "${options.certificateIdentity}"` };
        }
        if (!issuerOk(issuer)) {
            return { reason: `certificate OIDC issuer "${issuer}" does not match "${options.certificateOidcIssuer}"` };
        }
        return { signer: `${identity} (${issuer})` };
    };
    // The trusted root's timestamp authorities, for a token @sigstore/verify does not read (cosign v2
    // stamps an attestation's whole envelope, not its signature).
    const timestampAnchors = (root
        .timestampAuthorities ?? []).flatMap((authority) => (authority.certChain?.certificates ?? []).map((c) => new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(Buffer.from(c.rawBytes))));
    return {
        timestampAnchors,
        trust: `${options.trustedRoot ? 'trusted root from file' : 'Sigstore public-good root'}; identity ${options.certificateIdentity}, issuer ${options.certificateOidcIssuer}`,
        verify: async (request) => {
            const path = request.outputFor('.sigstore.json');
            let json;
            try {
                json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8'));
            }
            catch (error) {
                return { reason: `no readable bundle at ${path} (${error.message})`, signature: path };
            }
            let signer;
            try {
                const bundle = bundleFromJSON(json);
                if (bundle.content.$case !== 'messageSignature') {
                    return { reason: `${path} holds a DSSE attestation, not an artifact signature`, signature: path };
                }
                if (!Buffer.from(bundle.content.messageSignature.messageDigest?.digest ?? []).equals(request.digest.sha256)) {
                    return {
                        reason: 'the file does not match the digest in the bundle (modified after signing?)',
                        signature: path,
                    };
                }
                const data = request.digest.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(request.file));
                signer = verifier.verify(toSignedEntity(bundle, data));
            }
            catch (error) {
                return { reason: verificationReason(error), signature: path };
            }
            const checked = checkIdentity(signer);
            return 'reason' in checked ? { reason: checked.reason, signature: path } : { signature: path, ...checked };
        },
        message: async (json, data) => {
            try {
                const bundle = bundleFromJSON(json);
                if (bundle.content.$case !== 'messageSignature')
                    return { reason: 'holds a DSSE envelope, not a signature' };
                return checkIdentity(verifier.verify(toSignedEntity(bundle, data)));
            }
            catch (error) {
                return { reason: verificationReason(error) };
            }
        },
        envelope: async (line) => {
            try {
                const bundle = bundleFromJSON(JSON.parse(line));
                if (bundle.content.$case !== 'dsseEnvelope') {
                    return { reason: 'holds a message signature bundle, not a DSSE attestation' };
                }
                const checked = checkIdentity(verifier.verify(toSignedEntity(bundle)));
                if ('reason' in checked)
                    return checked;
                const { payloadType, payload } = bundle.content.dsseEnvelope;
                return { payloadType, payload: Buffer.from(payload), signer: checked.signer };
            }
            catch (error) {
                return { reason: verificationReason(error) };
            }
        },
    };
}
/** "CERTIFICATE_ERROR: Failed to verify certificate chain: certificate is not valid or expired …": the cause says why. */
function verificationReason(error) {
    const e = error;
    const parts = [`${e.code ? `${e.code}: ` : ''}${e.message}`];
    for (let cause = e.cause; cause; cause = cause.cause) {
        if (cause.message && !parts.includes(cause.message))
            parts.push(cause.message);
    }
    return parts.join(': ');
}


/***/ })

};
