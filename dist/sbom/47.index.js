export const id = 47;
export const ids = [47];
export const modules = {

/***/ 2047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePipenv: () => (/* binding */ parsePipenv),
/* harmony export */   parsePoetry: () => (/* binding */ parsePoetry),
/* harmony export */   parseRequirements: () => (/* binding */ parseRequirements),
/* harmony export */   parseUv: () => (/* binding */ parseUv)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_purl__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7572);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6972);
/* harmony import */ var _toml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(261);




function pypi(name, version, extra = {}) {
    return { purlType: 'pypi', name: (0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name), version, ...extra };
}
/** The sdist's hash: one artifact, identified by name. Wheel hashes are per platform, not per package. */
function sdistHash(files) {
    if (!Array.isArray(files))
        return [];
    for (const f of files) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(f))
            continue;
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(f.file) ?? (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(f.url) ?? '';
        if (/\.(tar\.gz|zip|tar\.bz2)$/.test(name)) {
            const hash = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .fromPrefixed */ .wF)(f.hash);
            return hash ? [hash] : [];
        }
    }
    return [];
}
// --- poetry.lock ---------------------------------------------------------------------------------
function parsePoetry(text, file, manifests) {
    const data = (0,_toml__WEBPACK_IMPORTED_MODULE_3__/* .parseToml */ .M)(text, file);
    const meta = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data.metadata) ? data.metadata : {};
    const lockVersion = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(meta['lock-version']) ?? '1.0';
    if (!/^[12]\./.test(lockVersion)) {
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .unsupportedVersion */ .s7)(file, 'lock-version', lockVersion, '1.x and 2.x (Poetry 1.0 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, 'lock-version'));
    }
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .newGraph */ .BD)('poetry', file, `lock-version ${lockVersion}`);
    const packages = Array.isArray(data.package) ? data.package : [];
    const legacyFiles = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(meta.files) ? meta.files : {};
    const ids = new Map();
    for (const pkg of packages) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg))
            continue;
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(pkg.name);
        const version = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(pkg.version);
        if (!name || !version)
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `[[package]] without name or version${name ? ` (${name})` : ''}`, (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, `name = "${name ?? ''}"`));
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg.source) ? pkg.source : {};
        const id = (0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name);
        ids.set(id, id);
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, id, pypi(name, version, {
            hashes: sdistHash(pkg.files ?? legacyFiles[name]),
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(source.url),
            // Poetry < 1.2 wrote `category`; later versions record groups only in pyproject.toml.
            dev: pkg.category === 'dev' ? true : pkg.category === 'main' ? false : undefined,
            optional: pkg.optional === true,
        }));
    }
    for (const pkg of packages) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg) || !(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg.dependencies))
            continue;
        const from = (0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(String(pkg.name));
        for (const [dep, spec] of Object.entries(pkg.dependencies)) {
            const to = ids.get((0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(dep));
            const optional = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(spec) && spec.optional === true;
            if (to)
                (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addEdge */ .rN)(graph, from, to, optional ? 'optional' : 'prod');
        }
    }
    pyprojectDirect(graph, manifests, ids);
    return graph;
}
/** Direct dependencies from pyproject.toml (PEP 621 and Poetry tables), when it is beside the lockfile. */
function pyprojectDirect(graph, manifests, ids) {
    const text = manifests.text('pyproject.toml');
    if (text !== undefined) {
        let data;
        try {
            data = (0,_toml__WEBPACK_IMPORTED_MODULE_3__/* .parseToml */ .M)(text, 'pyproject.toml');
        }
        catch {
            data = undefined;
        }
        const project = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data?.project) ? data.project : {};
        const poetry = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data?.tool) && (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data.tool.poetry) ? data.tool.poetry : {};
        graph.projectName = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(project.name) ?? (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.name);
        graph.projectVersion = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(project.version) ?? (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(poetry.version);
        const add = (name, kind) => {
            const id = ids.get((0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name));
            if (id)
                (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, id, kind);
        };
        for (const req of Array.isArray(project.dependencies) ? project.dependencies : [])
            add(reqName(String(req)), 'prod');
        if ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(poetry.dependencies))
            for (const name of Object.keys(poetry.dependencies))
                add(name, 'prod');
        if ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(poetry['dev-dependencies']))
            for (const name of Object.keys(poetry['dev-dependencies']))
                add(name, 'dev');
        if ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(poetry.group))
            for (const [group, spec] of Object.entries(poetry.group)) {
                if ((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(spec) && (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(spec.dependencies))
                    for (const name of Object.keys(spec.dependencies))
                        add(name, group === 'main' ? 'prod' : 'dev');
            }
        const groups = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data?.['dependency-groups']) ? data['dependency-groups'] : {};
        for (const list of Object.values(groups))
            if (Array.isArray(list))
                for (const req of list)
                    add(reqName(String(req)), 'dev');
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .directFromRoots */ .Pj)(graph);
}
function reqName(requirement) {
    return (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement).trim();
}
// --- Pipfile.lock --------------------------------------------------------------------------------
function parsePipenv(text, file) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data) || !(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data._meta))
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 'expected an object with "_meta"', 1, 1);
    const spec = Number(data._meta['pipfile-spec']);
    if (spec !== 6)
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .unsupportedVersion */ .s7)(file, 'pipfile-spec', String(data._meta['pipfile-spec']), '6 (pipenv 2018.05 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, 'pipfile-spec'));
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .newGraph */ .BD)('pipenv', file, `pipfile-spec ${spec}`);
    for (const [section, kind] of [
        ['default', 'prod'],
        ['develop', 'dev'],
    ]) {
        const entries = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(data[section]) ? data[section] : {};
        for (const [name, entry] of Object.entries(entries)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry))
                continue;
            const version = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(entry.version)?.replace(/^===?/, '');
            const ref = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(entry.ref);
            const git = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(entry.git);
            if (!version && !ref) {
                graph.warnings.push({
                    file,
                    line: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, `"${name}"`),
                    message: `${name} has no pinned version; left out`,
                });
                continue;
            }
            // Keyed by name and version: a `develop` pin of another version than `default`'s is a package
            // of its own (dev-scoped), not lost under the same name.
            const id = `${(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name)}@${version ?? ref}`;
            // Pipfile.lock lists every allowed artifact hash without saying which artifact each belongs to.
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, id, pypi(name, version ?? ref, { downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(git) }));
            // The lockfile is flat: everything it pins is something the project asked for, directly or not.
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, id, kind);
        }
    }
    return graph;
}
// --- uv.lock -------------------------------------------------------------------------------------
function parseUv(text, file) {
    const data = (0,_toml__WEBPACK_IMPORTED_MODULE_3__/* .parseToml */ .M)(text, file);
    const version = Number(data.version);
    if (version !== 1)
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .unsupportedVersion */ .s7)(file, 'version', String(data.version ?? '(missing)'), '1 (uv 0.3 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, 'version'));
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .newGraph */ .BD)('uv', file, `version ${version}${data.revision !== undefined ? ` revision ${String(data.revision)}` : ''}`);
    const packages = (Array.isArray(data.package) ? data.package : []).filter(_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4);
    const byName = new Map();
    for (const pkg of packages) {
        const name = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(pkg.name);
        const pkgVersion = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(pkg.version);
        if (!name)
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, '[[package]] without a name', (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .lineOf */ .cA)(text, '[[package]]'));
        const source = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg.source) ? pkg.source : {};
        const local = source.editable !== undefined || source.virtual !== undefined;
        const id = `${(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name)}@${pkgVersion ?? ''}`;
        const ids = byName.get((0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name)) ?? [];
        ids.push(id);
        byName.set((0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(name), ids);
        const sdist = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg.sdist) ? (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .fromPrefixed */ .wF)(pkg.sdist.hash) : undefined;
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, id, pypi(name, pkgVersion ?? '', {
            hashes: sdist ? [sdist] : [],
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg.sdist) ? pkg.sdist.url : undefined) ??
                (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(source.git) ??
                (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .downloadUrl */ .Is)(source.url),
            project: local,
        }));
        if (local && (source.editable === '.' || source.virtual === '.')) {
            graph.projectName ??= name;
            graph.projectVersion ??= pkgVersion;
        }
    }
    const resolve = (dep) => {
        const ids = byName.get((0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(String(dep.name)));
        if (!ids)
            return undefined;
        if (ids.length === 1 || dep.version === undefined)
            return ids[0];
        return ids.find((id) => id.endsWith(`@${String(dep.version)}`)) ?? ids[0];
    };
    for (const pkg of packages) {
        const from = `${(0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(String(pkg.name))}@${(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .str */ .gx)(pkg.version) ?? ''}`;
        const link = (list, kind) => {
            for (const dep of Array.isArray(list) ? list : []) {
                if (!(0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(dep))
                    continue;
                const to = resolve(dep);
                if (to && to !== from)
                    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addEdge */ .rN)(graph, from, to, kind);
            }
        };
        link(pkg.dependencies, 'prod');
        for (const list of Object.values((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg['optional-dependencies']) ? pkg['optional-dependencies'] : {}))
            link(list, 'optional');
        for (const list of Object.values((0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(pkg['dev-dependencies']) ? pkg['dev-dependencies'] : {}))
            link(list, 'dev');
    }
    for (const [id, record] of graph.packages)
        if (record.project)
            (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, id, 'prod');
    (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .directFromRoots */ .Pj)(graph);
    return graph;
}
// --- requirements.txt ----------------------------------------------------------------------------
/**
 * Pinned requirements (`pip freeze`, pip-compile, `uv pip compile`): `name==version`, with `--hash`
 * options when present. `-r` includes are read too (relative to the including file, as pip does);
 * `-c` constraint files only restrict versions and add nothing, so they are not.
 */
function parseRequirements(text, file, manifests) {
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .newGraph */ .BD)('pip', file, 'requirements');
    const seen = new Set([node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(file)]);
    const base = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(file);
    const read = (body, shown, rel) => {
        readRequirements(graph, body, shown, isDevFile(shown), (include, line) => {
            const target = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(rel), include));
            const display = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(base, target));
            // Without a reader (a parser called on its own) there is nothing to follow includes with.
            if (seen.has(display) || !manifests)
                return;
            seen.add(display);
            const body = manifests?.text(target);
            if (body === undefined) {
                graph.warnings.push({
                    file: shown,
                    line,
                    col: 1,
                    message: `${shown}:${line}: -r ${include} cannot be read (${display}); its requirements are missing`,
                });
                return;
            }
            read(body, display, target);
        });
    };
    read(text, file, node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(file));
    return graph;
}
function isDevFile(file) {
    return /(^|[/_-])(dev|test|tests|lint|docs)[-_.]|[-_](dev|test|tests)\.txt$|(^|\/)(dev|test|tests|lint|docs)\.txt$/.test(file);
}
function readRequirements(graph, text, file, dev, include) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        let line = lines[i].replace(/\r$/, '');
        const start = i + 1;
        while (line.endsWith('\\') && i + 1 < lines.length)
            line = `${line.slice(0, -1)} ${lines[++i].trim()}`;
        line = line.replace(/(^|\s)#.*$/, '').trim();
        const r = /^(?:-r|--requirement)(?:\s*=\s*|\s+)(\S+)$/.exec(line);
        if (r)
            include(r[1], start);
        if (line === '' || line.startsWith('-'))
            continue;
        const hashes = [...line.matchAll(/--hash[=\s]+(\S+)/g)]
            .map((m) => (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .fromPrefixed */ .wF)(m[1]))
            .filter((h) => !!h);
        const requirement = line
            .replace(/--\S+(\s*=\s*|\s+)\S+/g, '')
            .split(';')[0]
            ?.trim() ?? '';
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(===?)\s*([^\s,;]+)\s*$/.exec(requirement);
        if (!m) {
            if (/^[A-Za-z0-9]/.test(requirement) && !requirement.includes('://'))
                graph.warnings.push({
                    file,
                    line: start,
                    col: 1,
                    message: `"${requirement}" is not pinned with ==; left out (pin it, e.g. with pip freeze or pip-compile)`,
                });
            continue;
        }
        const id = (0,_model_purl__WEBPACK_IMPORTED_MODULE_1__/* .pep503 */ .g9)(m[1]);
        // Several `--hash` values mean "any of these artifacts": only a single one identifies the package.
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addPackage */ .Eb)(graph, id, pypi(m[1], m[4], { hashes: hashes.length === 1 ? hashes : [] }));
        (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .addDirect */ .D$)(graph, id, dev ? 'dev' : 'prod');
    }
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
