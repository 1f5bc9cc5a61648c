export const id = 22;
export const ids = [22];
export const modules = {

/***/ 6022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ntiaCoverage: () => (/* binding */ ntiaCoverage)
/* harmony export */ });
/* harmony import */ var _model_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8860);

/**
 * NTIA "minimum elements" (2021): per-component supplier, name, version, unique identifier and
 * relationships, and per-document author and timestamp. Counted from the graph both formats share.
 */
function ntiaCoverage(graph, timestampSource) {
    const total = graph.components.length;
    const related = new Set();
    for (const [from, targets] of graph.dependencies) {
        if (targets.length > 0 && from !== _model_types__WEBPACK_IMPORTED_MODULE_0__/* .ROOT_REF */ .l)
            related.add(from);
        for (const to of targets)
            related.add(to);
    }
    const count = (test) => graph.components.filter(test).length;
    return [
        {
            element: 'Supplier name',
            covered: count((c) => !!c.supplier),
            total,
            note: 'only where the lockfile names one (Composer vendors); NOASSERTION otherwise',
        },
        { element: 'Component name', covered: count((c) => !!c.name), total, note: '' },
        { element: 'Version', covered: count((c) => !!c.version), total, note: '' },
        { element: 'Unique identifier', covered: count((c) => !!c.purl), total, note: 'purl' },
        {
            element: 'Dependency relationship',
            covered: count((c) => related.has(c.purl)),
            total,
            note: 'component has an edge in the graph',
        },
        { element: 'Author of SBOM data', covered: 1, total: 1, note: 'Tool: paved-sbom' },
        { element: 'Timestamp', covered: 1, total: 1, note: `from ${timestampSource}` },
    ];
}


/***/ })

};
