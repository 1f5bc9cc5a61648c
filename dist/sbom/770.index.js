export const id = 770;
export const ids = [770];
export const modules = {

/***/ 3770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseNuget: () => (/* binding */ parseNuget)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/**
 * NuGet `packages.lock.json` (version 1 and 2, `dotnet restore --use-lock-file`): per target
 * framework (and runtime), each package with its type (Direct, Transitive, CentralTransitive or
 * Project), resolved version, contentHash (SHA-512 of the .nupkg) and its own dependencies. The
 * same package version under several frameworks is one component. `Project` entries are other
 * projects of the solution, not packages: their dependencies count as the project's own.
 */
function parseNuget(text, file) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) || !(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.dependencies))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'expected an object with "dependencies"', 1, 1);
    const version = Number(data.version);
    if (version !== 1 && version !== 2)
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .unsupportedVersion */ .s7)(file, 'version', String(data.version), '1, 2 (NuGet 4.9 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, '"version"'));
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('nuget', file, `version ${version}`);
    const key = (name, v) => `${name.toLowerCase()}@${v.toLowerCase()}`;
    for (const [framework, entries] of Object.entries(data.dependencies)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entries))
            continue;
        // Within one framework, a name has one resolved version: what a dependency range resolved to.
        const resolved = new Map();
        for (const [name, entry] of Object.entries(entries)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry))
                continue;
            if (entry.type === 'Project') {
                resolved.set(name.toLowerCase(), `project:${name.toLowerCase()}`);
                continue;
            }
            const v = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.resolved);
            if (!v) {
                graph.warnings.push({
                    file,
                    line: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, `"${name}"`),
                    message: `${file}: ${name} (${framework}) has no resolved version; left out`,
                });
                continue;
            }
            const id = key(name, v);
            resolved.set(name.toLowerCase(), id);
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, {
                purlType: 'nuget',
                name,
                version: v,
                // contentHash is the base64 SHA-512 of the .nupkg, as nuget.org publishes it.
                hashes: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .fromIntegrity */ .Uj)(typeof entry.contentHash === 'string' ? `sha512-${entry.contentHash}` : undefined),
                downloadLocation: `https://api.nuget.org/v3-flatcontainer/${name.toLowerCase()}/${v.toLowerCase()}/${name.toLowerCase()}.${v.toLowerCase()}.nupkg`,
            });
        }
        for (const [name, entry] of Object.entries(entries)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry))
                continue;
            const from = resolved.get(name.toLowerCase());
            if (!from)
                continue;
            const project = from.startsWith('project:');
            if (entry.type === 'Direct')
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, from, 'prod');
            for (const dep of Object.keys((0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry.dependencies) ? entry.dependencies : {})) {
                const to = resolved.get(dep.toLowerCase());
                if (!to || to.startsWith('project:'))
                    continue;
                const kind = 'prod';
                if (project)
                    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, to, kind);
                else
                    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, from, to, kind);
            }
        }
    }
    return graph;
}


/***/ })

};
