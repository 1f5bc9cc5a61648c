export const id = 218;
export const ids = [218];
export const modules = {

/***/ 9218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   toCycloneDx: () => (/* binding */ toCycloneDx)
/* harmony export */ });
/* unused harmony export ROOT_BOM_REF */
/* harmony import */ var _shared_version__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4402);
/* harmony import */ var _model_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8860);


const ROOT_BOM_REF = 'root-component';
/**
 * CycloneDX 1.6 JSON, written straight from the graph (bom-ref = purl, which is already unique),
 * in the order the graph is sorted in. The output is validated against the 1.6 schema that
 * @cyclonedx/cyclonedx-library ships before it is written.
 */
function toCycloneDx(graph, context) {
    const root = graph.root;
    const rootComponent = {
        type: 'application',
        'bom-ref': ROOT_BOM_REF,
        name: root.name,
        version: root.version,
    };
    if (root.purl)
        rootComponent.purl = root.purl;
    const dependencies = [
        { ref: ROOT_BOM_REF, dependsOn: graph.dependencies.get(_model_types__WEBPACK_IMPORTED_MODULE_0__/* .ROOT_REF */ .l) ?? [] },
    ];
    for (const c of graph.components)
        dependencies.push({ ref: c.purl, dependsOn: graph.dependencies.get(c.purl) ?? [] });
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: `urn:uuid:${context.serialUuid}`,
        version: 1,
        metadata: {
            timestamp: context.created,
            lifecycles: [{ phase: 'build' }],
            tools: {
                components: [
                    {
                        type: 'application',
                        name: 'paved-sbom',
                        version: _shared_version__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .x,
                    },
                ],
            },
            component: rootComponent,
            properties: graph.sources.map((s) => ({
                name: 'paved:sbom:source',
                value: `${s.file} (${s.ecosystem}, ${s.format})`,
            })),
        },
        components: graph.components.map(component),
        dependencies,
    };
}
function component(c) {
    const out = {
        type: c.project ? 'application' : 'library',
        'bom-ref': c.purl,
    };
    if (c.supplier)
        out.supplier = { name: c.supplier };
    if (c.namespace && c.purlType !== 'golang')
        out.group = c.namespace;
    out.name = c.namespace && c.purlType === 'golang' ? `${c.namespace}/${c.name}` : c.name;
    if (c.version)
        out.version = c.version;
    // CycloneDX's `excluded` is the spec's scope for what is not part of the runtime (tests, builds).
    out.scope = c.dev ? 'excluded' : c.optional ? 'optional' : 'required';
    if (c.hashes && c.hashes.length > 0)
        out.hashes = c.hashes.map((h) => ({ alg: h.alg, content: h.value }));
    if (c.license) {
        out.licenses = c.license.valid
            ? [{ expression: c.license.expression, acknowledgement: 'declared' }]
            : [{ license: { name: c.license.expression, acknowledgement: 'declared' } }];
    }
    out.purl = c.purl;
    if (c.downloadLocation)
        out.externalReferences = [{ type: 'distribution', url: c.downloadLocation }];
    const properties = [
        ...c.files.map((f) => ({ name: 'paved:sbom:lockfile', value: f })),
        ...(c.license ? [{ name: 'paved:sbom:license-source', value: c.license.source }] : []),
    ];
    if (c.dev && c.purlType === 'npm')
        properties.unshift({ name: 'cdx:npm:package:development', value: 'true' });
    out.properties = properties;
    return out;
}


/***/ })

};
