export const id = 985;
export const ids = [985];
export const modules = {

/***/ 6985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseCargo: () => (/* binding */ parseCargo)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);
/* harmony import */ var _toml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(261);


/**
 * `Cargo.lock` format v1–v4. Packages without a `source` are the workspace's own crates (the
 * roots); a dependency is written `name`, `name version` or `name version (source)` when the name
 * alone is ambiguous.
 */
function parseCargo(text, file, manifests) {
    const data = (0,_toml__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .M)(text, file);
    const version = data.version === undefined ? 1 : Number(data.version);
    if (![1, 2, 3, 4].includes(version))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .unsupportedVersion */ .s7)(file, 'version', String(data.version), '1, 2, 3, 4 (Cargo 1.0 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, 'version ='));
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('cargo', file, data.version === undefined ? 'version 1/2 (no version key)' : `version ${version}`);
    const packages = (Array.isArray(data.package) ? data.package : []).filter(_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4);
    // v1 kept checksums in [metadata] as `"checksum <name> <version> (<source>)" = "<sha256>"`.
    const legacy = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.metadata) ? data.metadata : {};
    const byName = new Map();
    for (const pkg of packages) {
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.name);
        const pkgVersion = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.version);
        if (!name || !pkgVersion)
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `[[package]] without name or version${name ? ` (${name})` : ''}`, (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, `name = "${name ?? ''}"`));
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.source);
        const id = `${name} ${pkgVersion}${source ? ` (${source})` : ''}`;
        const checksum = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.checksum) ?? (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(legacy[`checksum ${id}`]);
        byName.set(name, [...(byName.get(name) ?? []), id]);
        const git = source?.startsWith('git+') ? source.slice(4) : undefined;
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, {
            purlType: 'cargo',
            name,
            version: pkgVersion,
            hashes: checksum ? [(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', checksum)] : [],
            downloadLocation: source?.startsWith('registry+https://github.com/rust-lang/crates.io-index') ||
                source === 'sparse+https://index.crates.io/'
                ? `https://crates.io/api/v1/crates/${name}/${pkgVersion}/download`
                : git,
            project: source === undefined,
        });
    }
    const resolve = (dep) => {
        const [name, depVersion, source] = dep.split(' ');
        const ids = byName.get(name) ?? [];
        if (ids.length <= 1 || !depVersion)
            return ids[0];
        const candidates = ids.filter((id) => id.startsWith(`${name} ${depVersion}`));
        if (source)
            return candidates.find((id) => id.endsWith(source)) ?? candidates[0];
        return candidates[0];
    };
    for (const pkg of packages) {
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg.source);
        const from = `${String(pkg.name)} ${String(pkg.version)}${source ? ` (${source})` : ''}`;
        for (const dep of Array.isArray(pkg.dependencies) ? pkg.dependencies : []) {
            const to = resolve(String(dep));
            if (to)
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, from, to, 'prod');
            else
                graph.warnings.push({
                    file,
                    line: (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .lineOf */ .cA)(text, `name = "${String(pkg.name)}"`),
                    message: `${from} depends on ${String(dep)}, which the lockfile does not contain`,
                });
        }
    }
    for (const [id, record] of graph.packages)
        if (record.project)
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, id, 'prod');
    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
    Object.assign(graph, cargoRoot(graph, manifests));
    return graph;
}
/**
 * The project is the package of the Cargo.toml beside the lockfile (ripgrep's is `ripgrep`, not
 * the first workspace member in the file); a virtual workspace (no [package]) names none, so the
 * root is named after the directory. Without a Cargo.toml, a single local crate is the project.
 */
function cargoRoot(graph, manifests) {
    const toml = manifests?.text('Cargo.toml');
    const local = [...graph.packages.values()].filter((p) => p.project);
    if (toml === undefined)
        return local.length === 1 ? { projectName: local[0]?.name, projectVersion: local[0]?.version } : {};
    let manifest;
    try {
        manifest = (0,_toml__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .M)(toml, 'Cargo.toml');
    }
    catch {
        return {};
    }
    const pkg = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(manifest.package) ? manifest.package : undefined;
    const name = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg?.name);
    if (!name)
        return {};
    // `version.workspace = true` (or no version): the lockfile's entry for the crate has the resolved one.
    const version = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(pkg?.version) ?? local.find((p) => p.name === name)?.version;
    return { projectName: name, projectVersion: version };
}


/***/ }),

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ parseToml)
/* harmony export */ });
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6972);


/** TOML (poetry.lock, uv.lock, Cargo.lock, pyproject.toml) with errors pointing at file, line and column. */
function parseToml(text, file) {
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        if (error instanceof smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .TomlError */ .zx) {
            const first = error.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? 'invalid TOML';
            (0,_common__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `not valid TOML: ${first}`, error.line, error.column);
        }
        throw error;
    }
}


/***/ })

};
