export const id = 704;
export const ids = [704];
export const modules = {

/***/ 9323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGemfileLock: () => (/* binding */ parseGemfileLock)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/**
 * `Gemfile.lock`: the GEM/GIT/PATH sections' `specs:` (4-space indented `name (version[-platform])`
 * with 6-space dependency lines), DEPENDENCIES for the direct ones, and CHECKSUMS (Bundler 2.5+).
 */
function parseGemfileLock(text, file) {
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('bundler', file, 'Gemfile.lock');
    const lines = text.split('\n');
    const byName = new Map();
    const pending = [];
    const checksums = new Map();
    const direct = [];
    let section = '';
    const sections = new Set();
    let remote;
    let current;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        if (raw.trim() === '')
            continue;
        const indent = raw.length - raw.trimStart().length;
        const line = raw.trim();
        if (indent === 0) {
            section = line;
            sections.add(line);
            remote = undefined;
            current = undefined;
            continue;
        }
        if (['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE'].includes(section)) {
            if (indent === 2 && line.startsWith('remote:'))
                remote = line.slice(7).trim();
            else if (indent === 4) {
                const m = /^(\S+) \(([^)]+)\)$/.exec(line);
                if (!m)
                    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `expected "name (version)" in ${section} specs, got "${line}"`, i + 1, indent + 1);
                const name = m[1];
                const [version, ...platform] = m[2].split('-');
                const id = `${name} ${m[2]}`;
                current = id;
                byName.set(name, [...(byName.get(name) ?? []), id]);
                const rubygems = section === 'GEM' && remote?.startsWith('https://rubygems.org');
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, {
                    purlType: 'gem',
                    name,
                    version: version,
                    qualifiers: platform.length > 0 ? { platform: platform.join('-') } : undefined,
                    downloadLocation: rubygems
                        ? `https://rubygems.org/downloads/${name}-${m[2]}.gem`
                        : remote && /^https?:\/\//.test(remote)
                            ? remote
                            : undefined,
                });
            }
            else if (indent === 6 && current) {
                const dep = /^(\S+)/.exec(line)?.[1];
                pending.push([current, dep, i + 1]);
            }
        }
        else if (section === 'DEPENDENCIES' && indent === 2) {
            direct.push([(/^(\S+)/.exec(line)?.[1] ?? line).replace(/!$/, ''), i + 1]);
        }
        else if (section === 'CHECKSUMS' && indent === 2) {
            const m = /^(\S+) \(([^)]+)\)\s+(\S+)$/.exec(line);
            if (m)
                checksums.set(`${m[1]} ${m[2]}`, m[3]);
        }
    }
    if (graph.packages.size > 0 && !sections.has('DEPENDENCIES')) {
        // Bundler always writes DEPENDENCIES after the specs: without it the file was cut short.
        const line = text.trimEnd().split('\n').length;
        graph.warnings.push({
            file,
            line,
            col: 1,
            message: `${file}:${line}: no DEPENDENCIES section after the specs, so the file looks cut short; packages after line ${line} and which gems are direct are missing - run bundle lock`,
        });
    }
    for (const [from, dep] of pending) {
        for (const to of byName.get(dep) ?? [])
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, from, to, 'prod');
    }
    for (const [name] of direct)
        for (const id of byName.get(name) ?? [])
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, id, 'prod');
    for (const [id, value] of checksums) {
        const hash = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .fromPrefixed */ .wF)(value);
        const record = graph.packages.get(id);
        if (hash && record)
            record.hashes = [hash];
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
    return graph;
}


/***/ })

};
