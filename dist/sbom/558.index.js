export const id = 558;
export const ids = [558];
export const modules = {

/***/ 3558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseSwift: () => (/* binding */ parseSwift)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/**
 * SwiftPM `Package.resolved`: version 1 (`object.pins[]` with `package`/`repositoryURL`),
 * 2 and 3 (`pins[]` with `identity`/`location`; 3 adds `originHash`). Pins carry no edges; the
 * direct ones are those Package.swift names by URL (when it is beside the file), else every pin.
 * The purl is `pkg:swift/<host>/<owner>/<repo>@<version>`, as the purl spec gives it.
 */
function parseSwift(text, file, manifests) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'expected a JSON object', 1, 1);
    const version = Number(data.version);
    if (![1, 2, 3].includes(version))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .unsupportedVersion */ .s7)(file, 'version', String(data.version), '1, 2, 3 (Swift 5.0 to 6.x)', (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, '"version"'));
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('swift', file, `version ${version}`);
    const pins = version === 1 ? ((0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.object) ? data.object.pins : undefined) : data.pins;
    if (!Array.isArray(pins))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'no "pins" list', 1, 1);
    const manifest = manifests.text('Package.swift');
    const named = new Set([...(manifest ?? '').matchAll(/url:\s*"([^"]+)"/g)].map((m) => normaliseUrl(m[1])));
    for (const pin of pins) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pin))
            continue;
        const location = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pin.repositoryURL) ?? (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pin.location);
        const identity = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pin.package) ?? (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pin.identity) ?? '';
        const state = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(pin.state) ? pin.state : {};
        const pinned = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(state.version) ?? (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(state.revision) ?? '';
        const where = location ? repoPath(location) : undefined;
        if (!location || !where) {
            graph.warnings.push({
                file,
                line: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, identity),
                message: `${file}: ${identity} is a local package (${location ?? 'no location'}); it has no registry identity and is left out`,
            });
            continue;
        }
        const id = `${where.namespace}/${where.name}`;
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, {
            purlType: 'swift',
            namespace: where.namespace,
            name: where.name,
            version: pinned,
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .downloadUrl */ .Is)(location.startsWith('git@') ? undefined : location),
        });
        if (named.has(normaliseUrl(location)))
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, id, 'prod');
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
    return graph;
}
/** `https://github.com/apple/swift-log.git` → namespace `github.com/apple`, name `swift-log`. */
function repoPath(location) {
    const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?|[^@/]+@)([^/:]+)[/:](.+?)(?:\.git)?\/?$/i.exec(location);
    if (!m)
        return undefined;
    const parts = `${m[1]}/${m[2]}`.split('/');
    const name = parts.pop();
    return parts.length > 0 ? { namespace: parts.join('/'), name } : undefined;
}
function normaliseUrl(url) {
    return url
        .toLowerCase()
        .replace(/\.git$/, '')
        .replace(/\/$/, '');
}


/***/ })

};
