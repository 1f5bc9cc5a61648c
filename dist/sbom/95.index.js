export const id = 95;
export const ids = [95];
export const modules = {

/***/ 6095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGoMod: () => (/* binding */ parseGoMod)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6972);




const DIRECTIVES = new Set([
    'module',
    'go',
    'toolchain',
    'require',
    'replace',
    'exclude',
    'retract',
    'tool',
    'godebug',
    'ignore',
]);
/**
 * `go.mod` with `go.sum` beside it. go.mod lists every module in the build list (Go 1.17+ records
 * indirect ones too) but no edges between them, so each is a dependency of the main module;
 * `replace` directives are applied, and go.sum contributes each module's `h1:` hash.
 */
function parseGoMod(text, file, manifests) {
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .newGraph */ .BD)('gomod', file, 'go.mod');
    const requires = [];
    const replaces = new Map();
    const lines = text.split('\n');
    let block;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        const comment = raw.indexOf('//');
        const indirect = comment !== -1 && /^\/\/\s*indirect\b/.test(raw.slice(comment));
        const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
        if (line === '')
            continue;
        if (block !== undefined) {
            if (line === ')') {
                block = undefined;
                continue;
            }
            handle(block, line, i + 1, indirect);
            continue;
        }
        const m = /^(\S+)\s*(.*)$/.exec(line);
        const directive = m[1];
        const rest = m[2].trim();
        if (!DIRECTIVES.has(directive))
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, `unknown directive "${directive}"`, i + 1, raw.indexOf(directive) + 1);
        if (rest === '(')
            block = directive;
        else
            handle(directive, rest, i + 1, indirect);
    }
    if (block !== undefined)
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, `"${block} (" block is never closed`, lines.length, 1);
    function handle(directive, args, line, indirect) {
        if (directive === 'module')
            graph.projectName = unquote(args);
        if (directive === 'require') {
            const parts = args.split(/\s+/);
            if (parts.length !== 2)
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, `expected "<module> <version>" in require, got "${args}"`, line, 1);
            requires.push({ path: unquote(parts[0]), version: parts[1], indirect, line });
        }
        if (directive === 'replace') {
            const [left, right] = args.split('=>').map((s) => s.trim());
            if (!left || !right)
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(file, `expected "<module> [version] => <replacement> [version]", got "${args}"`, line, 1);
            const [from, fromVersion] = left.split(/\s+/);
            const [to, toVersion] = right.split(/\s+/);
            const local = /^(\.{1,2}\/|\/)/.test(to);
            const key = fromVersion ? `${from}@${fromVersion}` : from;
            replaces.set(key, { path: unquote(to), version: toVersion, local });
        }
    }
    const sums = new Map();
    for (const line of (manifests.text('go.sum') ?? '').split('\n')) {
        const [mod, version, hash] = line.trim().split(/\s+/);
        if (!mod || !version || !hash?.startsWith('h1:') || version.endsWith('/go.mod'))
            continue;
        sums.set(`${mod}@${version}`, Buffer.from(hash.slice(3), 'base64').toString('hex'));
    }
    const built = new Map();
    const member = workspaceMember(manifests, graph.projectName);
    if (member && graph.projectName) {
        const module = graph.projectName;
        const slash = module.lastIndexOf('/');
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addPackage */ .Eb)(graph, member, {
            purlType: 'golang',
            namespace: slash === -1 ? undefined : module.slice(0, slash),
            name: slash === -1 ? module : module.slice(slash + 1),
            // A workspace module is built from source: go.mod has no version for it.
            version: '',
            project: true,
        });
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addDirect */ .D$)(graph, member, 'prod');
    }
    for (const req of requires) {
        const replace = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
        if (replace?.local) {
            graph.warnings.push({
                file,
                line: req.line,
                message: `${req.path} is replaced by the local directory ${replace.path}; recorded at its required version ${req.version}`,
            });
        }
        const path = replace && !replace.local ? replace.path : req.path;
        const version = replace && !replace.local && replace.version ? replace.version : req.version;
        const slash = path.lastIndexOf('/');
        const sum = sums.get(`${path}@${version}`);
        const id = `${path}@${version}`;
        (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addPackage */ .Eb)(graph, id, {
            purlType: 'golang',
            namespace: slash === -1 ? undefined : path.slice(0, slash),
            name: slash === -1 ? path : path.slice(slash + 1),
            version,
            // h1: is SHA-256 over the module's file list and file hashes (what `go mod verify` checks).
            hashes: sum ? [{ alg: 'SHA-256', value: sum }] : [],
            downloadLocation: `https://proxy.golang.org/${escapePath(path)}/@v/${version}.zip`,
        });
        // Only what the module itself imports is a direct dependency; an `// indirect` requirement only
        // pins the version of something a dependency needs, and is reached through that dependency.
        if (req.indirect)
            graph.packages.get(id).indirect = true;
        else if (member)
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addEdge */ .rN)(graph, member, id, 'prod');
        else
            (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addDirect */ .D$)(graph, id, 'prod');
        built.set(path, id);
    }
    moduleCacheEdges(graph, built);
    return graph;
}
/**
 * A module `use`d by a go.work workspace (in this directory or up to three above) is one of the
 * workspace's own modules: it becomes a project component, and its requirements hang under it.
 */
function workspaceMember(manifests, module) {
    if (!module)
        return undefined;
    for (const up of ['', '../', '../../', '../../../']) {
        const work = manifests.text(`${up}go.work`);
        if (work === undefined)
            continue;
        const depth = up === '' ? 0 : up.split('/').length - 1;
        const here = depth === 0 ? '.' : (manifests.path ?? '').split('/').slice(-depth).join('/');
        const uses = [...work.replace(/\/\/.*$/gm, '').matchAll(/\buse\s*(?:\(([^)]*)\)|(\S+))/g)].flatMap((m) => (m[1] ?? m[2] ?? '').split(/\s+/).filter(Boolean));
        const normal = (u) => u.replace(/^"|"$/g, '').replace(/^\.\//, '').replace(/\/$/, '') || '.';
        return uses.map(normal).includes(here) ? `workspace:${module}` : undefined;
    }
    return undefined;
}
/**
 * go.mod has no edges between the modules it lists; the module cache (when the checkout has
 * built, `$GOMODCACHE/cache/download/<module>/@v/<version>.mod`) has each one's own go.mod.
 * Its requirements become edges to the build list's version of each module (what MVS picked).
 * Read offline only: nothing is downloaded, and without a cache the indirect ones stay unlinked.
 */
function moduleCacheEdges(graph, built) {
    const cache = goModCache();
    if (!cache)
        return;
    for (const [path, id] of built) {
        const version = id.slice(path.length + 1);
        let mod;
        try {
            mod = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cache, 'cache', 'download', escapePath(path), '@v', `${version}.mod`), 'utf8');
        }
        catch {
            continue;
        }
        for (const m of mod.matchAll(/^\s*(?:require\s+)?([^\s()]+)\s+(v\S+)/gm)) {
            const target = built.get(m[1]);
            if (target && target !== id)
                (0,_common__WEBPACK_IMPORTED_MODULE_3__/* .addEdge */ .rN)(graph, id, target, 'prod');
        }
    }
}
function goModCache() {
    const env = process.env.GOMODCACHE;
    if (env)
        return env;
    const gopath = (process.env.GOPATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)[0] || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), 'go');
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(gopath, 'pkg', 'mod');
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'cache', 'download')) ? dir : undefined;
}
function unquote(text) {
    return text.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}
/** The module proxy's case encoding: each upper-case letter becomes `!` + lower case. */
function escapePath(path) {
    return path.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}


/***/ })

};
