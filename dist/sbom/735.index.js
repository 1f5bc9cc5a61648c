export const id = 735;
export const ids = [735];
export const modules = {

/***/ 7735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseComposer: () => (/* binding */ parseComposer)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/** Platform requirements (`php`, `ext-json`, `composer-plugin-api`…) are not packages. */
const PLATFORM = /^(php|php-64bit|php-ipv6|php-zts|php-debug|hhvm|composer|composer-plugin-api|composer-runtime-api|ext-.+|lib-.+)$/i;
/** `composer.lock`: `packages` and `packages-dev`, licenses as declared, `require` as edges. */
function parseComposer(text, file, manifests) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) || !Array.isArray(data.packages))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'expected an object with a "packages" array', 1, 1);
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('composer', file, `composer.lock${(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(data['plugin-api-version']) ? ` (plugin API ${String(data['plugin-api-version'])})` : ''}`);
    const all = [
        ...data.packages.filter(_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4).map((p) => [p, false]),
        ...(Array.isArray(data['packages-dev']) ? data['packages-dev'] : [])
            .filter(_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)
            .map((p) => [p, true]),
    ];
    for (const [pkg, dev] of all) {
        const full = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.name);
        const version = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.version);
        if (!full || !version)
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `a package without name or version${full ? ` (${full})` : ''}`, (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, `"name": "${full ?? ''}"`));
        const [vendor, name] = full.includes('/') ? full.split('/', 2) : [undefined, full];
        const dist = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pkg.dist) ? pkg.dist : {};
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pkg.source) ? pkg.source : {};
        const shasum = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(dist.shasum);
        const licenses = Array.isArray(pkg.license) ? pkg.license.filter((l) => typeof l === 'string') : [];
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, full.toLowerCase(), {
            purlType: 'composer',
            namespace: vendor?.toLowerCase(),
            name: name.toLowerCase(),
            version,
            hashes: shasum ? [(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-1', shasum)] : [],
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .downloadUrl */ .Is)(dist.url) ?? (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .downloadUrl */ .Is)(source.url),
            // Composer's array means "any of these" (disjunctive), per its schema.
            license: licenses.length > 0
                ? {
                    expression: licenses.length === 1 ? licenses[0] : `(${licenses.join(' OR ')})`,
                    valid: false,
                    source: file,
                }
                : undefined,
            supplier: vendor,
            dev,
            installPath: `vendor/${full}`,
        });
    }
    for (const [pkg] of all) {
        const from = String(pkg.name).toLowerCase();
        for (const dep of Object.keys((0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pkg.require) ? pkg.require : {})) {
            if (PLATFORM.test(dep))
                continue;
            const to = dep.toLowerCase();
            if (graph.packages.has(to))
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, from, to, 'prod');
        }
    }
    const manifest = manifests('composer.json');
    if (manifest) {
        graph.projectName = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest.name);
        graph.projectVersion = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(manifest.version);
        for (const [field, kind] of [
            ['require', 'prod'],
            ['require-dev', 'dev'],
        ])
            for (const dep of Object.keys((0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(manifest[field]) ? manifest[field] : {}))
                if (graph.packages.has(dep.toLowerCase()))
                    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, dep.toLowerCase(), kind);
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
    return graph;
}


/***/ })

};
