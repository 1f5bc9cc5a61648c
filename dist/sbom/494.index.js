export const id = 494;
export const ids = [494];
export const modules = {

/***/ 494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConanLock: () => (/* binding */ parseConanLock)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/**
 * Conan `conan.lock`: Conan 2's flat lists (version 0.5: `requires`, `build_requires`,
 * `python_requires` of `name/version[@user/channel][#rrev[%time]]`) and Conan 1's graph (0.4:
 * `graph_lock.nodes` with refs and `requires` edges). Build requirements (compilers, cmake) are
 * dev-scoped. purls per the spec: `pkg:conan/zlib@1.3.2?rrev=…` (plus user and channel).
 */
function parseConanLock(text, file, manifests) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'expected a JSON object', 1, 1);
    const version = String(data.version ?? '');
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('conan', file, `version ${version}`);
    if (version === '0.5') {
        for (const [field, kind] of [
            ['requires', 'prod'],
            ['python_requires', 'dev'],
            ['build_requires', 'dev'],
        ]) {
            for (const ref of Array.isArray(data[field]) ? data[field] : []) {
                const record = conanRef(String(ref));
                if (!record) {
                    graph.warnings.push({
                        file,
                        line: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, String(ref)),
                        message: `${file}: "${String(ref)}" is not a Conan reference; left out`,
                    });
                    continue;
                }
                const id = String(ref).replace(/%.*$/, '');
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, record);
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, id, kind);
            }
        }
        // conanfile.txt [requires] names the direct ones; without it every locked reference is.
        const conanfile = manifests.text('conanfile.txt');
        if (conanfile) {
            const section = /\[requires\]([^[]*)/.exec(conanfile)?.[1] ?? '';
            const wanted = new Set(section
                .split('\n')
                .map((l) => l.trim().split('/')[0])
                .filter(Boolean));
            if (wanted.size > 0)
                for (const id of [...graph.direct.keys()])
                    if (graph.direct.get(id) === 'prod' && !wanted.has(id.split('/')[0]))
                        graph.direct.delete(id);
        }
        return graph;
    }
    if (version === '0.4') {
        const nodes = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.graph_lock) && (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.graph_lock.nodes) ? data.graph_lock.nodes : {};
        for (const [id, node] of Object.entries(nodes)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(node) || typeof node.ref !== 'string')
                continue;
            const record = conanRef(node.ref);
            if (record)
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, record);
        }
        for (const [id, node] of Object.entries(nodes)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(node))
                continue;
            for (const [field, kind] of [
                ['requires', 'prod'],
                ['build_requires', 'dev'],
            ]) {
                for (const to of Array.isArray(node[field]) ? node[field] : []) {
                    if (!graph.packages.has(String(to)))
                        continue;
                    if (graph.packages.has(id))
                        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, id, String(to), kind);
                    else
                        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, String(to), kind); // node "0" is the consumer: the project itself
                }
            }
        }
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
        return graph;
    }
    return (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .unsupportedVersion */ .s7)(file, 'version', version || '(missing)', '0.4 (Conan 1) and 0.5 (Conan 2)', (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, '"version"'));
}
function conanRef(ref) {
    const m = /^([^/@#\s]+)\/([^@#\s]+)(?:@([^/#\s]+)\/([^#\s]+))?(?:#([0-9a-f]+))?/.exec(ref);
    if (!m)
        return undefined;
    const qualifiers = {};
    if (m[3] && m[3] !== '_')
        qualifiers.user = m[3];
    if (m[4] && m[4] !== '_')
        qualifiers.channel = m[4];
    if (m[5])
        qualifiers.rrev = m[5];
    return {
        purlType: 'conan',
        name: m[1],
        version: m[2],
        qualifiers: Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
    };
}


/***/ })

};
