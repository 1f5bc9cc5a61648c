export const id = 916;
export const ids = [916];
export const modules = {

/***/ 8916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffAgainst: () => (/* binding */ diffAgainst)
/* harmony export */ });
/* unused harmony export diffPurls */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7091);
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(packageurl_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _ecosystems_common__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6972);
/* harmony import */ var _model_build__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8509);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4195);






/**
 * Components of a previous SBOM (SPDX 2.x or CycloneDX JSON, ours or another tool's) against this
 * one, by purl. A package whose versions differ is "changed" (an upgrade), not removed + added.
 */
function diffAgainst(file, display, components) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G.compareTo}: cannot read ${display}: ${error.message}`, {
            input: _names__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G.compareTo,
        });
    }
    const previous = purlsOf((0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(text, display), display);
    const current = components.map((c) => c.purl);
    return diffPurls(display, previous, current);
}
function diffPurls(against, previous, current) {
    const before = group(previous);
    const after = group(current);
    const added = [];
    const removed = [];
    const changed = [];
    let unchanged = 0;
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(_model_build__WEBPACK_IMPORTED_MODULE_4__/* .compare */ .U)) {
        const old = before.get(key) ?? new Map();
        const now = after.get(key) ?? new Map();
        if (old.size === 0)
            added.push(...[...now.values()].sort(_model_build__WEBPACK_IMPORTED_MODULE_4__/* .compare */ .U));
        else if (now.size === 0)
            removed.push(...[...old.values()].sort(_model_build__WEBPACK_IMPORTED_MODULE_4__/* .compare */ .U));
        else {
            const from = [...old.keys()].filter((v) => !now.has(v)).sort(_model_build__WEBPACK_IMPORTED_MODULE_4__/* .compare */ .U);
            const to = [...now.keys()].filter((v) => !old.has(v)).sort(_model_build__WEBPACK_IMPORTED_MODULE_4__/* .compare */ .U);
            if (from.length > 0 || to.length > 0)
                changed.push({ package: key, from, to });
            unchanged += [...now.keys()].filter((v) => old.has(v)).length;
        }
    }
    return { against, added, removed, changed, unchanged };
}
/** purl without version → (version → purl). */
function group(purls) {
    const out = new Map();
    for (const purl of purls) {
        let parsed;
        try {
            parsed = packageurl_js__WEBPACK_IMPORTED_MODULE_1__.PackageURL.fromString(purl);
        }
        catch {
            continue;
        }
        const key = new packageurl_js__WEBPACK_IMPORTED_MODULE_1__.PackageURL(parsed.type, parsed.namespace, parsed.name, undefined, parsed.qualifiers, undefined).toString();
        let versions = out.get(key);
        if (!versions) {
            versions = new Map();
            out.set(key, versions);
        }
        versions.set(parsed.version ?? '', purl);
    }
    return out;
}
function purlsOf(doc, display) {
    if ((0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc) && doc.bomFormat === 'CycloneDX') {
        const purls = [];
        const walk = (list) => {
            for (const c of Array.isArray(list) ? list : []) {
                if (!(0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(c))
                    continue;
                if (typeof c.purl === 'string')
                    purls.push(c.purl);
                walk(c.components);
            }
        };
        walk(doc.components);
        return purls;
    }
    if ((0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc) && typeof doc.spdxVersion === 'string') {
        const purls = [];
        for (const p of Array.isArray(doc.packages) ? doc.packages : []) {
            if (!(0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(p) || !Array.isArray(p.externalRefs))
                continue;
            for (const ref of p.externalRefs)
                if ((0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(ref) && ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string')
                    purls.push(ref.referenceLocator);
        }
        // Our own root package carries no purl; a root with one would show up here and be compared like any other.
        return purls;
    }
    throw new _shared_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G.compareTo}: ${display} is neither a CycloneDX nor an SPDX JSON document`, {
        input: _names__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G.compareTo,
        file: display,
        line: 1,
        col: 1,
    });
}


/***/ })

};
