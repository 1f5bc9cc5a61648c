export const id = 204;
export const ids = [204];
export const modules = {

/***/ 3823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   toSpdx: () => (/* binding */ toSpdx)
/* harmony export */ });
/* unused harmony export ROOT_SPDXID */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_version__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4402);
/* harmony import */ var _model_purl__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7572);
/* harmony import */ var _model_types__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8860);




const ALGORITHMS = {
    'SHA-1': 'SHA1',
    'SHA-256': 'SHA256',
    'SHA-384': 'SHA384',
    'SHA-512': 'SHA512',
    MD5: 'MD5',
};
const ROOT_SPDXID = 'SPDXRef-RootPackage';
/**
 * SPDX 2.3 JSON. Every package is a dependency as declared by a lockfile, so `filesAnalyzed` is
 * false, `licenseConcluded` is NOASSERTION (nobody concluded anything) and the lockfile/installed
 * license goes to `licenseDeclared`, with where it came from in `licenseComments`.
 */
function toSpdx(graph, context) {
    const ids = new Map();
    for (const c of graph.components)
        ids.set(c.purl, spdxId(c));
    const extracted = new Map();
    const root = graph.root;
    const packages = [
        {
            name: root.name,
            SPDXID: ROOT_SPDXID,
            versionInfo: root.version,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: 'NOASSERTION',
            copyrightText: 'NOASSERTION',
            primaryPackagePurpose: 'APPLICATION',
            ...(root.purl
                ? {
                    externalRefs: [
                        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: root.purl },
                    ],
                }
                : {}),
        },
    ];
    for (const c of graph.components) {
        const pkg = {
            name: (0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .QC)(c),
            SPDXID: ids.get(c.purl),
            versionInfo: c.version || 'NOASSERTION',
            supplier: c.supplier ? `Organization: ${c.supplier}` : 'NOASSERTION',
            downloadLocation: c.downloadLocation ?? 'NOASSERTION',
            filesAnalyzed: false,
        };
        if (c.hashes && c.hashes.length > 0)
            pkg.checksums = c.hashes.map((h) => ({ algorithm: ALGORITHMS[h.alg], checksumValue: h.value }));
        pkg.licenseConcluded = 'NOASSERTION';
        pkg.licenseDeclared = declared(c, extracted);
        if (c.license)
            pkg.licenseComments = `Declared license taken from ${c.license.source}.`;
        pkg.copyrightText = 'NOASSERTION';
        pkg.externalRefs = [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }];
        pkg.primaryPackagePurpose = c.project ? 'APPLICATION' : 'LIBRARY';
        const notes = [`Found in ${c.files.join(', ')}`];
        if (c.dev)
            notes.push('development dependency');
        else if (c.optional)
            notes.push('optional dependency');
        pkg.comment = `${notes.join('; ')}.`;
        packages.push(pkg);
    }
    const relationships = [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ROOT_SPDXID },
    ];
    const byPurl = new Map(graph.components.map((c) => [c.purl, c]));
    for (const to of graph.dependencies.get(_model_types__WEBPACK_IMPORTED_MODULE_2__/* .ROOT_REF */ .l) ?? []) {
        const target = byPurl.get(to);
        // SPDX has dedicated types for the project's own dev and optional dependencies (note the direction).
        if (target.dev)
            relationships.push(rel(ids.get(to), 'DEV_DEPENDENCY_OF', ROOT_SPDXID));
        else if (target.optional)
            relationships.push(rel(ids.get(to), 'OPTIONAL_DEPENDENCY_OF', ROOT_SPDXID));
        else
            relationships.push(rel(ROOT_SPDXID, 'DEPENDS_ON', ids.get(to)));
    }
    for (const c of graph.components) {
        const from = ids.get(c.purl);
        for (const to of graph.dependencies.get(c.purl) ?? [])
            relationships.push(rel(from, 'DEPENDS_ON', ids.get(to)));
    }
    const doc = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${root.name}-${root.version}`,
        documentNamespace: `https://spdx.org/spdxdocs/${encodeURIComponent(root.name).replace(/%/g, '')}-${context.namespaceUuid}`,
        creationInfo: {
            created: context.created,
            creators: [`Tool: paved-sbom-${_shared_version__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x}`],
            comment: `Generated from ${graph.sources.map((s) => s.file).join(', ')}. Content digest sha256:${context.digest}.`,
        },
        packages,
        relationships,
    };
    if (extracted.size > 0) {
        doc.hasExtractedLicensingInfos = [...extracted]
            .sort((a, b) => (a[0] < b[0] ? -1 : 1))
            .map(([licenseId, text]) => ({
            licenseId,
            extractedText: text,
            name: text,
            comment: 'License stated by the package that is not an SPDX license expression.',
        }));
    }
    return doc;
}
function rel(from, type, to) {
    return { spdxElementId: from, relationshipType: type, relatedSpdxElement: to };
}
/** A non-SPDX license text becomes a LicenseRef (the spec's way to name a license it does not list). */
function declared(c, extracted) {
    if (!c.license)
        return 'NOASSERTION';
    if (c.license.valid)
        return c.license.expression;
    const ref = `LicenseRef-${c.license.expression
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'unknown'}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', c.license.expression, 'hex').slice(0, 8)}`;
    extracted.set(ref, c.license.expression);
    return ref;
}
/** SPDXRef-Package-<type>-<name>-<version>-<8 hex of the purl>: readable, valid, unique per purl. */
function spdxId(c) {
    const readable = `${c.purlType}-${(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .displayName */ .QC)(c)}-${c.version}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 80);
    return `SPDXRef-Package-${readable}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', c.purl, 'hex').slice(0, 8)}`;
}


/***/ })

};
