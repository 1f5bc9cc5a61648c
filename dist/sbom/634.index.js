export const id = 634;
export const ids = [634];
export const modules = {

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePodfileLock: () => (/* binding */ parsePodfileLock)
/* harmony export */ });
/* harmony import */ var _shared_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7315);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6972);


/**
 * CocoaPods `Podfile.lock` (YAML): PODS lists each pod or subspec as `Name/Sub (version)`, with
 * its dependencies under it; DEPENDENCIES the Podfile's own; EXTERNAL SOURCES / CHECKOUT OPTIONS
 * where git pods come from. A subspec is the purl's subpath, as the purl spec has it
 * (`pkg:cocoapods/GoogleUtilities@7.5.2#NSData+zlib`). SPEC CHECKSUMS hash the podspec, not the
 * pod, so they are not package checksums.
 */
function parsePodfileLock(text, file) {
    const { doc } = (0,_shared_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseYaml */ .h)(text, { what: file, file });
    const data = doc.toJS();
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data) || !Array.isArray(data.PODS))
        (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, 'no PODS list', 1, 1);
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .newGraph */ .BD)('cocoapods', file, `Podfile.lock${typeof data.COCOAPODS === 'string' ? ` (CocoaPods ${data.COCOAPODS})` : ''}`);
    const external = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data['CHECKOUT OPTIONS'])
        ? data['CHECKOUT OPTIONS']
        : (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data['EXTERNAL SOURCES'])
            ? data['EXTERNAL SOURCES']
            : {};
    const pending = [];
    for (const item of data.PODS) {
        const [head, deps] = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(item) ? (Object.entries(item)[0] ?? ['', []]) : [String(item), []];
        const m = /^(\S+) \(([^)]+)\)$/.exec(head);
        if (!m) {
            graph.warnings.push({
                file,
                line: (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .lineOf */ .cA)(text, head),
                message: `${file}: expected "Name (version)" in PODS, got "${head}"; left out`,
            });
            continue;
        }
        const full = m[1];
        const [pod, ...sub] = full.split('/');
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(external[pod]) ? external[pod] : {};
        (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .addPackage */ .Eb)(graph, full, {
            purlType: 'cocoapods',
            name: pod,
            version: m[2],
            subpath: sub.length > 0 ? sub.join('/') : undefined,
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .downloadUrl */ .Is)(source[':git']),
        });
        for (const dep of Array.isArray(deps) ? deps : [])
            pending.push([full, String(dep).replace(/ \(.*\)$/, '')]);
    }
    for (const [from, to] of pending)
        if (graph.packages.has(to))
            (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .addEdge */ .rN)(graph, from, to, 'prod');
    for (const dep of Array.isArray(data.DEPENDENCIES) ? data.DEPENDENCIES : []) {
        const name = String(dep).replace(/ \(.*\)$/, '');
        if (graph.packages.has(name))
            (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .addDirect */ .D$)(graph, name, 'prod');
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .directFromRoots */ .Pj)(graph);
    return graph;
}


/***/ })

};
