export const id = 554;
export const ids = [554];
export const modules = {

/***/ 7554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePub: () => (/* binding */ parsePub)
/* harmony export */ });
/* harmony import */ var _shared_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7315);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6972);


/**
 * Dart/Flutter `pubspec.lock`: every package with its `dependency` kind ("direct main", "direct
 * dev", "direct overridden", "transitive"), source (hosted, git, path, sdk), version and, for
 * hosted ones, the archive's sha256. It records no edges. SDK packages (flutter, flutter_test)
 * ship with the SDK and have no version of their own (pub writes 0.0.0): they are left out.
 */
function parsePub(text, file, manifests) {
    const { doc } = (0,_shared_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseYaml */ .h)(text, { what: file, file });
    const data = doc.toJS();
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data) || !(0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(data.packages))
        (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, 'no "packages" map', 1, 1);
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .newGraph */ .BD)('pub', file, 'pubspec.lock');
    for (const [name, entry] of Object.entries(data.packages)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry) || entry.source === 'sdk')
            continue;
        const description = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry.description) ? entry.description : {};
        const version = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.version) ?? '';
        const hosted = entry.source === 'hosted';
        const base = (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(description.url) ?? 'https://pub.dev';
        (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .addPackage */ .Eb)(graph, name, {
            purlType: 'pub',
            name,
            version,
            hashes: typeof description.sha256 === 'string' ? [(0,_common__WEBPACK_IMPORTED_MODULE_1__/* .hexHash */ .eP)('SHA-256', description.sha256)] : [],
            downloadLocation: hosted
                ? (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .downloadUrl */ .Is)(`${base.replace(/\/$/, '')}/api/archives/${name}-${version}.tar.gz`)
                : (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .downloadUrl */ .Is)(description.url),
        });
        const kind = String(entry.dependency ?? '');
        if (kind.startsWith('direct'))
            (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .addDirect */ .D$)(graph, name, kind === 'direct dev' ? 'dev' : 'prod');
    }
    const pubspec = manifests.text('pubspec.yaml');
    if (pubspec) {
        graph.projectName = /^name:\s*["']?([\w-]+)/m.exec(pubspec)?.[1];
        graph.projectVersion = /^version:\s*["']?([^\s"'#]+)/m.exec(pubspec)?.[1];
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .directFromRoots */ .Pj)(graph);
    return graph;
}


/***/ })

};
