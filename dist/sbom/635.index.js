export const id = 635;
export const ids = [635];
export const modules = {

/***/ 635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateCycloneDx: () => (/* binding */ validateCycloneDx)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8327);

/** The CycloneDX 1.6 schema, plus what it cannot say: unique bom-refs and dependency refs that exist. */
async function validateCycloneDx(doc) {
    const validate = (await __webpack_require__.e(/* import() */ 68).then(__webpack_require__.t.bind(__webpack_require__, 5068, 23))).default;
    const violations = validate(doc) ? [] : (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .fromAjv */ .y)(validate.errors);
    const refs = new Set();
    const metadata = (doc.metadata ?? {});
    const root = metadata.component;
    if (root?.['bom-ref'])
        refs.add(String(root['bom-ref']));
    const purls = new Set();
    const components = Array.isArray(doc.components) ? doc.components : [];
    components.forEach((c, i) => {
        const ref = String(c['bom-ref']);
        if (refs.has(ref))
            violations.push({ path: `/components/${i}/bom-ref`, message: `duplicate bom-ref ${ref}` });
        refs.add(ref);
        if (typeof c.purl === 'string') {
            if (purls.has(c.purl))
                violations.push({ path: `/components/${i}/purl`, message: `duplicate component ${c.purl}` });
            purls.add(c.purl);
        }
    });
    const dependencies = Array.isArray(doc.dependencies) ? doc.dependencies : [];
    // The schema's uniqueItems for components, dependencies and dependsOn, in O(n) (see compile-schemas.mjs).
    // Items with distinct bom-refs (components) or refs (dependencies) cannot be identical, so the
    // ref checks below already prove uniqueItems for them; only items without one are compared whole.
    unique(components.filter((c) => typeof c['bom-ref'] !== 'string'), '/components', violations);
    unique(dependencies.filter((d) => typeof d.ref !== 'string'), '/dependencies', violations);
    const dependencyRefs = new Set();
    dependencies.forEach((d, i) => {
        if (!refs.has(String(d.ref)))
            violations.push({ path: `/dependencies/${i}/ref`, message: `${String(d.ref)} is not a component` });
        if (dependencyRefs.has(String(d.ref)))
            violations.push({ path: `/dependencies/${i}/ref`, message: `${String(d.ref)} is listed twice` });
        dependencyRefs.add(String(d.ref));
        if (Array.isArray(d.dependsOn))
            unique(d.dependsOn, `/dependencies/${i}/dependsOn`, violations);
        for (const to of Array.isArray(d.dependsOn) ? d.dependsOn : []) {
            if (!refs.has(String(to)))
                violations.push({ path: `/dependencies/${i}/dependsOn`, message: `${String(to)} is not a component` });
        }
    });
    return violations;
}
function unique(items, path, violations) {
    const seen = new Map();
    items.forEach((item, i) => {
        // Strings (every dependsOn entry) are their own key; anything else is compared as its JSON.
        const key = typeof item === 'string' ? `s${item}` : `j${JSON.stringify(item)}`;
        const first = seen.get(key);
        if (first !== undefined)
            violations.push({
                path: `${path}/${i}`,
                message: `must NOT have duplicate items (items ## ${first} and ${i} are identical)`,
            });
        else
            seen.set(key, i);
    });
}


/***/ }),

/***/ 8327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ fromAjv)
/* harmony export */ });
function fromAjv(errors) {
    return (errors ?? []).map((e) => ({
        path: e.instancePath || '/',
        message: `${e.message ?? e.keyword}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`,
    }));
}


/***/ })

};
