export const id = 116;
export const ids = [116];
export const modules = {

/***/ 5116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseNpm: () => (/* binding */ parseNpm)
/* harmony export */ });
/* harmony import */ var semver_classes_range__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6782);
/* harmony import */ var semver_classes_range__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_classes_range__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _licenses_text__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5357);
/* harmony import */ var _model_purl__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7572);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6972);
// Only the Range class: importing all of semver evaluates ~40 modules this parser never calls.




/**
 * npm `package-lock.json` / `npm-shrinkwrap.json`, lockfileVersion 1, 2 and 3. Versions 2 and 3
 * carry the flat `packages` map arborist itself reads (install paths as keys), so dependencies are
 * resolved exactly as Node would: the nearest `node_modules` up the path. Version 1 has only the
 * nested `dependencies` tree, resolved the same way.
 */
function parseNpm(text, file, manifests) {
    const data = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(text, file);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(data))
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, 'expected a JSON object at the top level', 1, 1);
    const version = data.lockfileVersion;
    if (version !== 1 && version !== 2 && version !== 3) {
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .unsupportedVersion */ .s7)(file, 'lockfileVersion', JSON.stringify(version ?? null), '1, 2, 3 (npm 5 and later)', (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, '"lockfileVersion"'));
    }
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .newGraph */ .BD)('npm', file, `lockfileVersion ${version}`);
    graph.projectName = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(data.name);
    graph.projectVersion = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(data.version);
    if (version >= 2 && (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(data.packages))
        readPackages(graph, data.packages, text);
    else if ((0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(data.dependencies))
        readV1(graph, data.dependencies, text, manifests?.('package.json'));
    else
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, `lockfileVersion ${version} without a "packages" or "dependencies" map`, (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, '"lockfileVersion"'));
    return graph;
}
// --- v2 / v3 -------------------------------------------------------------------------------------
function readPackages(graph, packages, text) {
    const entries = new Map();
    for (const [path, entry] of Object.entries(packages)) {
        if (!(0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry))
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(graph.file, `packages["${path}"] is not an object`, (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, `"${path}"`));
        entries.set(path, entry);
    }
    const target = (path) => {
        const entry = entries.get(path);
        if (!entry)
            return undefined;
        if (entry.link === true) {
            const resolved = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.resolved);
            return resolved !== undefined && entries.has(resolved) ? resolved : undefined;
        }
        return path;
    };
    for (const [path, entry] of entries) {
        if (path === '' || entry.link === true)
            continue;
        const nameAt = path.lastIndexOf('node_modules/');
        const inNodeModules = nameAt !== -1;
        const fullName = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.name) ?? (inNodeModules ? path.slice(nameAt + 'node_modules/'.length) : path.split('/').pop());
        if (!fullName)
            continue;
        const record = {
            purlType: 'npm',
            ...(0,_model_purl__WEBPACK_IMPORTED_MODULE_2__/* .npmName */ .Ln)(fullName),
            version: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.version) ?? '',
            hashes: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .fromIntegrity */ .Uj)(entry.integrity),
            downloadLocation: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .downloadUrl */ .Is)(entry.resolved),
            license: licenseOf(entry, graph.file),
            dev: entry.dev === true,
            optional: entry.optional === true || entry.devOptional === true,
            installPath: path,
        };
        if (!inNodeModules) {
            // A workspace member (or a `file:` package) inside the project: a root of its own dependencies.
            record.project = true;
            record.dev = false;
        }
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addPackage */ .Eb)(graph, path, record);
    }
    const root = entries.get('') ?? {};
    for (const [path, entry] of entries) {
        if (entry.link === true)
            continue;
        const isProject = path === '' || !path.includes('node_modules/');
        const from = path;
        const link = (name, spec, kind, optionalPeer) => {
            const found = resolveFrom(path, name, target);
            if (found === undefined) {
                if (kind === 'optional' || optionalPeer)
                    return;
                if (kind === 'dev' && !isProject)
                    return;
                const who = path === '' ? 'the project' : path;
                graph.warnings.push({
                    file: graph.file,
                    line: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, `"${path}"`),
                    message: `${who} ${kind === 'peer' ? 'has a peer dependency on' : 'depends on'} ${name}@${String(spec)}, which the lockfile does not contain`,
                });
                return;
            }
            if (kind === 'peer')
                checkPeer(graph, text, path, name, spec, entries.get(found));
            if (path === '')
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addDirect */ .D$)(graph, found, kind);
            else
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addEdge */ .rN)(graph, from, found, kind);
        };
        const peerMeta = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry.peerDependenciesMeta) ? entry.peerDependenciesMeta : {};
        for (const [name, spec] of deps(entry.dependencies))
            link(name, spec, 'prod', false);
        for (const [name, spec] of deps(entry.optionalDependencies))
            link(name, spec, 'optional', false);
        for (const [name, spec] of deps(entry.peerDependencies)) {
            const meta = peerMeta[name];
            link(name, spec, 'peer', (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(meta) && meta.optional === true);
        }
        if (isProject)
            for (const [name, spec] of deps(entry.devDependencies))
                link(name, spec, 'dev', false);
    }
    // Workspace members are part of the project even when the root does not depend on them.
    const workspaces = Array.isArray(root.workspaces) || (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(root.workspaces);
    for (const [path, record] of graph.packages) {
        if (record.project && workspaces && !graph.direct.has(path))
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addDirect */ .D$)(graph, path, 'prod');
    }
}
/** Node's lookup: `<dir>/node_modules/<name>`, then the same from each enclosing package up to the root. */
function resolveFrom(path, name, target) {
    let dir = path;
    for (;;) {
        const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
        const found = target(candidate);
        if (found !== undefined)
            return found;
        if (dir === '')
            return undefined;
        const nm = dir.lastIndexOf('/node_modules/');
        if (nm !== -1)
            dir = dir.slice(0, nm);
        else if (dir.startsWith('node_modules/'))
            dir = '';
        else {
            const slash = dir.lastIndexOf('/');
            dir = slash === -1 ? '' : dir.slice(0, slash);
        }
    }
}
// Each distinct peer range is parsed once (semver.validRange and semver.satisfies each parsed it
// again); `null` marks a range semver cannot parse, which is skipped as before.
const ranges = new Map();
const satisfied = new Map();
function checkPeer(graph, text, path, name, spec, found) {
    const range = typeof spec === 'string' ? spec.replace(/^npm:[^@]+@/, '') : '';
    const version = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(found?.version);
    if (!version || !range)
        return;
    let parsed = ranges.get(range);
    if (parsed === undefined) {
        try {
            parsed = new (semver_classes_range__WEBPACK_IMPORTED_MODULE_0___default())(range, { includePrerelease: true });
        }
        catch {
            parsed = null;
        }
        ranges.set(range, parsed);
    }
    if (!parsed)
        return;
    const key = `${version} ${range}`;
    let ok = satisfied.get(key);
    if (ok === undefined) {
        ok = parsed.test(version);
        satisfied.set(key, ok);
    }
    if (ok)
        return;
    graph.warnings.push({
        file: graph.file,
        line: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, `"${path}"`),
        message: `peer dependency conflict: ${path === '' ? 'the project' : path.replace(/^.*node_modules\//, '')} wants ${name}@${range}, the lockfile resolves ${name}@${version} (installed with --legacy-peer-deps or --force?)`,
    });
}
function deps(value) {
    return (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) ? Object.entries(value) : [];
}
function licenseOf(entry, file) {
    const text = (0,_licenses_text__WEBPACK_IMPORTED_MODULE_1__/* .licenseText */ .B)(entry.license) ?? (0,_licenses_text__WEBPACK_IMPORTED_MODULE_1__/* .licenseText */ .B)(entry.licenses);
    return text ? { expression: text, valid: false, source: file } : undefined;
}
// --- v1 ------------------------------------------------------------------------------------------
function readV1(graph, top, text, manifest) {
    const requires = new Map();
    const walk = (deps, parent) => {
        for (const [key, entry] of Object.entries(deps)) {
            if (!(0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry))
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(graph.file, `dependencies["${key}"] is not an object`, (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, `"${key}"`));
            const path = parent === '' ? `node_modules/${key}` : `${parent}/node_modules/${key}`;
            const raw = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(entry.version) ?? '';
            const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(raw);
            const fullName = alias ? alias[1] : key;
            let version = alias ? alias[2] : raw;
            let download = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .downloadUrl */ .Is)(entry.resolved);
            if (/^(git\+|github:|git:|https?:|file:)/.test(version)) {
                download ??= (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .downloadUrl */ .Is)(version);
                version = version.includes('#') ? version.split('#').pop() : version;
            }
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addPackage */ .Eb)(graph, path, {
                purlType: 'npm',
                ...(0,_model_purl__WEBPACK_IMPORTED_MODULE_2__/* .npmName */ .Ln)(fullName),
                version,
                hashes: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .fromIntegrity */ .Uj)(entry.integrity),
                downloadLocation: download,
                dev: entry.dev === true,
                optional: entry.optional === true,
                installPath: path,
            });
            requires.set(path, deps2(entry.requires));
            if ((0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry.dependencies))
                walk(entry.dependencies, path);
        }
    };
    walk(top, '');
    const target = (p) => (graph.packages.has(p) ? p : undefined);
    for (const [path, list] of requires) {
        const optional = graph.packages.get(path)?.optional === true;
        for (const [name, spec] of list) {
            const found = resolveFrom(path, name, target);
            if (found !== undefined)
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addEdge */ .rN)(graph, path, found, 'prod');
            else if (!optional)
                graph.warnings.push({
                    file: graph.file,
                    line: (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .lineOf */ .cA)(text, `"${name}"`),
                    message: `${path} requires ${name}@${String(spec)}, which the lockfile does not contain`,
                });
        }
    }
    if (manifest) {
        const kinds = [
            ['dependencies', 'prod'],
            ['optionalDependencies', 'optional'],
            ['devDependencies', 'dev'],
        ];
        for (const [field, kind] of kinds) {
            for (const name of Object.keys((0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(manifest[field]) ? manifest[field] : {})) {
                const found = target(`node_modules/${name}`);
                if (found)
                    (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addDirect */ .D$)(graph, found, kind);
            }
        }
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .directFromRoots */ .Pj)(graph);
}
function deps2(value) {
    return (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) ? Object.entries(value) : [];
}


/***/ })

};
