export const id = 51;
export const ids = [51];
export const modules = {

/***/ 8327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ fromAjv)
/* harmony export */ });
function fromAjv(errors) {
    return (errors ?? []).map((e) => ({
        path: e.instancePath || '/',
        message: `${e.message ?? e.keyword}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`,
    }));
}


/***/ }),

/***/ 5051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateSpdx: () => (/* binding */ validateSpdx)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8327);

const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;
const LICENSE_REF = /LicenseRef-[A-Za-z0-9.-]+/g;
const RELATIONSHIP_ENDS = ['spdxElementId', 'relatedSpdxElement'];
/**
 * The official SPDX 2.3 schema, plus the rules of the spec the schema cannot express: a document
 * namespace, unique SPDXIDs, relationships that point at elements that exist, and a DESCRIBES
 * relationship from the document.
 */
async function validateSpdx(doc) {
    const validate = (await __webpack_require__.e(/* import() */ 294).then(__webpack_require__.t.bind(__webpack_require__, 7294, 23))).default;
    const violations = validate(doc) ? [] : (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .fromAjv */ .y)(validate.errors);
    const namespace = doc.documentNamespace;
    if (typeof namespace !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/[^#]+$/i.test(namespace)) {
        violations.push({ path: '/documentNamespace', message: 'must be an absolute URI without a fragment' });
    }
    const ids = new Set(['SPDXRef-DOCUMENT']);
    const packages = Array.isArray(doc.packages) ? doc.packages : [];
    const refs = new Set();
    for (const info of Array.isArray(doc.hasExtractedLicensingInfos) ? doc.hasExtractedLicensingInfos : [])
        refs.add(String(info.licenseId));
    for (let i = 0; i < packages.length; i++) {
        const p = packages[i];
        const id = String(p.SPDXID);
        if (!SPDX_ID.test(id))
            violations.push({ path: `/packages/${i}/SPDXID`, message: `"${id}" is not a valid SPDX identifier` });
        if (ids.has(id))
            violations.push({ path: `/packages/${i}/SPDXID`, message: `duplicate SPDXID ${id}` });
        ids.add(id);
        const declared = String(p.licenseDeclared ?? '');
        // Most declared licenses are plain SPDX ids: only look for references where there can be one.
        if (!declared.includes('LicenseRef-'))
            continue;
        for (const ref of declared.match(LICENSE_REF) ?? []) {
            if (!refs.has(ref))
                violations.push({
                    path: `/packages/${i}/licenseDeclared`,
                    message: `${ref} has no hasExtractedLicensingInfos entry`,
                });
        }
    }
    let describes = false;
    const relationships = Array.isArray(doc.relationships) ? doc.relationships : [];
    for (let i = 0; i < relationships.length; i++) {
        const r = relationships[i];
        for (const key of RELATIONSHIP_ENDS) {
            const id = String(r[key]);
            if (!ids.has(id) && id !== 'NONE' && id !== 'NOASSERTION')
                violations.push({ path: `/relationships/${i}/${key}`, message: `${id} does not exist in the document` });
        }
        if (r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES')
            describes = true;
    }
    if (!describes)
        violations.push({ path: '/relationships', message: 'no DESCRIBES relationship from SPDXRef-DOCUMENT' });
    return violations;
}


/***/ })

};
