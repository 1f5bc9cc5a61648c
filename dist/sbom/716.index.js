export const id = 716;
export const ids = [716];
export const modules = {

/***/ 9716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePnpm: () => (/* binding */ parsePnpm)
/* harmony export */ });
/* harmony import */ var _shared_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7315);
/* harmony import */ var _model_purl__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7572);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6972);



const IMPORTER_FIELDS = [
    ['dependencies', 'prod'],
    ['optionalDependencies', 'optional'],
    ['devDependencies', 'dev'],
];
/**
 * `pnpm-lock.yaml` v6 (pnpm 8: `/name@version(peers)` keys) and v9 (pnpm 9/10: `packages` for
 * metadata, `snapshots` for the graph). A peer-resolved variant (`react-dom@18.3.1(react@18.3.1)`)
 * is a graph node of its own here; the builder folds variants of one version into one component.
 */
function parsePnpm(text, file, manifests) {
    const { doc } = (0,_shared_yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseYaml */ .h)(text, { what: file, file });
    const data = doc.toJS();
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data))
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 'expected a YAML mapping at the top level', 1, 1);
    const raw = String(data.lockfileVersion ?? '');
    const major = Number.parseInt(raw, 10);
    if (major !== 6 && major !== 9) {
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .unsupportedVersion */ .s7)(file, 'lockfileVersion', raw || '(missing)', "'6.0' (pnpm 8) and '9.0' (pnpm 9 and 10)", (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, 'lockfileVersion'));
    }
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .newGraph */ .BD)('pnpm', file, `lockfileVersion ${raw}`);
    const v9 = major === 9;
    const packages = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data.packages) ? data.packages : {};
    const snapshots = v9 ? ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data.snapshots) ? data.snapshots : {}) : packages;
    const keyOf = (name, ref) => {
        if (ref.startsWith('link:'))
            return undefined;
        if (!v9)
            return ref.startsWith('/') ? ref : `/${name}@${ref}`;
        // v9 writes an alias as the full `name@version` key, and a `file:`, tarball or git dependency
        // as its reference alone (the key being `name@file:…`).
        const bare = ref.replace(/\(.*$/, '');
        if (/^\d/.test(bare))
            return `${name}@${ref}`;
        const at = bare.indexOf('@', 1);
        const colon = bare.indexOf(':');
        return at !== -1 && (colon === -1 || at < colon) ? ref : `${name}@${ref}`;
    };
    for (const [key, value] of Object.entries(snapshots)) {
        const entry = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value) ? value : {};
        const bare = key.replace(/\(.*$/, '');
        const meta = v9 ? ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(packages[bare]) ? packages[bare] : {}) : entry;
        const split = splitKey(v9 ? bare : bare.replace(/^\//, ''));
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(meta.name) ?? split.name;
        const version = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(meta.version) ?? split.version;
        const resolution = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(meta.resolution) ? meta.resolution : {};
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, key, {
            purlType: 'npm',
            ...(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .npmName */ .Ln)(name),
            version,
            hashes: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .fromIntegrity */ .Uj)(resolution.integrity),
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(resolution.tarball) ?? (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(resolution.repo) ?? registryUrl(name, version),
            dev: v9 ? undefined : typeof entry.dev === 'boolean' ? entry.dev : undefined,
            optional: entry.optional === true ? true : undefined,
            // pnpm's virtual store: node_modules/.pnpm/<name@version, / as +>/node_modules/<name> (peers add a suffix).
            installPath: `node_modules/.pnpm/${bare.replace(/^\//, '').replace(/\//g, '+')}/node_modules/${name}`,
        });
    }
    for (const [key, value] of Object.entries(snapshots)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value))
            continue;
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['optionalDependencies', 'optional'],
        ]) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value[field]))
                continue;
            for (const [name, ref] of Object.entries(value[field])) {
                const target = keyOf(name, String(ref));
                if (target && graph.packages.has(target))
                    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addEdge */ .rN)(graph, key, target, kind);
                else if (target && kind === 'prod')
                    graph.warnings.push({
                        file,
                        line: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, key),
                        message: `${key} depends on ${name}@${String(ref)}, which the lockfile does not contain`,
                    });
            }
        }
    }
    const importers = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data.importers) ? data.importers : { '.': data };
    // Every workspace member first, so a `link:` to a member listed later still resolves.
    for (const [dir, value] of Object.entries(importers)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value))
            continue;
        const manifest = dir === '.' ? undefined : manifests(`${dir}/package.json`);
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(manifest?.name);
        // A member without a package.json naming it is not a package: its folder name is no registry
        // name, so its dependencies count as the project's own instead.
        if (dir !== '.' && name) {
            const from = `importer:${dir}`;
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, from, {
                purlType: 'npm',
                ...(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .npmName */ .Ln)(name),
                version: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(manifest?.version) ?? '',
                project: true,
                installPath: dir,
            });
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, from, 'prod');
        }
        else if (dir === '.') {
            const root = manifests('package.json');
            graph.projectName = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(root?.name);
            graph.projectVersion = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(root?.version);
        }
    }
    for (const [dir, value] of Object.entries(importers)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value))
            continue;
        const from = graph.packages.has(`importer:${dir}`) ? `importer:${dir}` : undefined;
        for (const [field, kind] of IMPORTER_FIELDS) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value[field]))
                continue;
            for (const [name, spec] of Object.entries(value[field])) {
                // v6+: `{specifier, version}`; the version may be `link:` to another importer.
                const ref = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(spec) ? String(spec.version ?? '') : String(spec);
                let target = keyOf(name, ref);
                if (ref.startsWith('link:')) {
                    const linked = joinDir(dir, ref.slice(5));
                    target = importers[linked] !== undefined ? `importer:${linked}` : undefined;
                }
                if (!target || !graph.packages.has(target)) {
                    if (!ref.startsWith('link:') && kind !== 'optional')
                        graph.warnings.push({
                            file,
                            line: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, `${name}:`),
                            message: `importer ${dir} depends on ${name}@${ref}, which the lockfile does not contain`,
                        });
                    continue;
                }
                if (from)
                    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addEdge */ .rN)(graph, from, target, kind);
                else
                    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, target, kind);
            }
        }
    }
    return graph;
}
/** `@scope/name@1.2.3` or `name@1.2.3` (pnpm 6 also has `/name/1.2.3` from 5.x-era keys). */
function splitKey(key) {
    const at = key.indexOf('@', 1);
    if (at !== -1)
        return { name: key.slice(0, at), version: key.slice(at + 1) };
    const slash = key.lastIndexOf('/');
    return { name: key.slice(0, slash), version: key.slice(slash + 1) };
}
function joinDir(base, relative) {
    const parts = base === '.' ? [] : base.split('/');
    for (const part of relative.split('/')) {
        if (part === '..')
            parts.pop();
        else if (part !== '.' && part !== '')
            parts.push(part);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
function registryUrl(name, version) {
    if (!/^\d+\.\d+\.\d+/.test(version))
        return undefined;
    const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
    return `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`;
}


/***/ })

};
