export const id = 354;
export const ids = [354];
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


/***/ })

};
