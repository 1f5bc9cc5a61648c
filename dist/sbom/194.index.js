export const id = 194;
export const ids = [194];
export const modules = {

/***/ 6194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGradleLock: () => (/* binding */ parseGradleLock)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/** Gradle dependency locking (`gradle.lockfile`): `group:artifact:version=configurations`. */
function parseGradleLock(text, file, manifests) {
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('gradle', file, 'gradle.lockfile');
    const build = manifests ? gradleBuild(manifests) : undefined;
    const self = build?.self;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '' || line.startsWith('#') || line.startsWith('empty='))
            continue;
        const m = /^([^:\s]+):([^:\s]+):([^=\s]+)=(.*)$/.exec(line);
        if (!m)
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `expected "group:artifact:version=configurations", got "${line.slice(0, 80)}"`, i + 1, 1);
        const [, g, a, v, confs] = m;
        const configurations = confs.split(',').filter(Boolean);
        const testOnly = configurations.length > 0 && configurations.every((c) => /^test|Test/.test(c));
        const id = `${g}:${a}:${v}`;
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, id, {
            purlType: 'maven',
            namespace: g,
            name: a,
            version: v,
            downloadLocation: `https://repo.maven.apache.org/maven2/${g.replace(/\./g, '/')}/${a}/${v}/${a}-${v}.jar`,
        });
        // The lockfile is the resolved classpath, flat: each entry is something the build resolves
        // (for a subproject of a multi-project build, something that subproject resolves).
        if (self)
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, self.id, id, testOnly ? 'dev' : 'prod');
        else
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, id, testOnly ? 'dev' : 'prod');
    }
    if (build) {
        graph.projectName = build.rootName;
        graph.projectVersion = build.version;
        if (self) {
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, self.id, { ...self.record, project: true });
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, self.id, 'prod');
            // `implementation(project(":x"))` / `projects.x`: an edge to the sibling subproject.
            for (const other of self.uses) {
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, other.id, { ...other.record, project: true });
                (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, self.id, other.id, 'prod');
            }
        }
    }
    return graph;
}
/**
 * The multi-project build around a gradle.lockfile: settings.gradle(.kts) in this directory or
 * up to three above names the root (`rootProject.name`) and the subprojects (`include(":a:b")`);
 * the lockfile's directory, if it is one of them, becomes a project component named after it,
 * with the `group` and `version` the build files set (no version when they set none).
 */
function gradleBuild(manifests) {
    for (const up of ['', '../', '../../', '../../../']) {
        const settings = manifests.text(`${up}settings.gradle.kts`) ?? manifests.text(`${up}settings.gradle`);
        if (settings === undefined)
            continue;
        const rootName = /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings)?.[1];
        const includes = [...settings.matchAll(/include\s*\(?([^)\n]*)/g)].flatMap((m) => [...m[1].matchAll(/["']:?([^"']+)["']/g)].map((x) => x[1].replace(/^:/, '')));
        const rootBuild = manifests.text(`${up}build.gradle.kts`) ?? manifests.text(`${up}build.gradle`) ?? '';
        const props = manifests.text(`${up}gradle.properties`) ?? '';
        const setting = (name, ...texts) => {
            for (const t of texts) {
                const v = new RegExp(`^\\s*${name}\\s*=\\s*["']([^"']+)["']`, 'm').exec(t)?.[1];
                if (v)
                    return v;
            }
            return new RegExp(`^${name}\\s*=\\s*(\\S+)`, 'm').exec(props)?.[1];
        };
        const version = setting('version', rootBuild);
        if (up === '')
            return { rootName, version };
        // The lockfile's directory relative to the settings file, as a Gradle project path.
        const depth = up.split('/').length - 1;
        const dir = (manifests.path ?? '').split('/').slice(-depth).join('/');
        const path = dir.replace(/\//g, ':');
        if (!includes.includes(path))
            return { rootName, version };
        const project = (projectPath, own) => {
            const name = projectPath.split(':').pop();
            const group = setting('group', own, rootBuild) ?? rootName ?? 'project';
            const v = setting('version', own, rootBuild) ?? '';
            return { id: `project:${projectPath}`, record: { purlType: 'maven', namespace: group, name, version: v } };
        };
        const own = manifests.text('build.gradle.kts') ?? manifests.text('build.gradle') ?? '';
        const accessor = (p) => p.replace(/[-_.](\w)/g, (_, c) => c.toUpperCase()).replace(/:/g, '.');
        const uses = includes
            .filter((p) => p !== path)
            .filter((p) => own.includes(`project(":${p}")`) ||
            own.includes(`project(':${p}')`) ||
            own.includes(`projects.${accessor(p)})`))
            .map((p) => project(p, manifests.text(`${up}${p.replace(/:/g, '/')}/build.gradle.kts`) ?? ''));
        return { rootName, version, self: { ...project(path, own), uses } };
    }
    return undefined;
}


/***/ })

};
